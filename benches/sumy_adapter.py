"""sumy's summarizers run on sentences given to them: the one adapter that ``compare.py``
(speed) and ``quality.py`` (ROUGE) share.

sumy's own English tokenizer needs an NLTK data download; here the caller splits the
sentences and words are runs of ``\\w``. English gets sumy's Snowball stemmer and
stopwords; other languages (Urdu) get neither, since sumy has none for them. sumy is
imported only when a summarizer is asked for, so that both tools run without it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from importlib import import_module

#: sumy's summarizers by key: (module, class, display name).
SUMMARIZERS = {
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer", "LexRank"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer", "TextRank"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer", "LSA"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer", "Luhn"),
    "sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer", "SumBasic"),
}

#: Picks ``k`` of a document's sentences (given in order) and returns them in order.
Pick = Callable[[Sequence[str], int], list[str]]

_WORD = re.compile(r"\w+")


class WordTokenizer:
    """What sumy's sentences ask of a tokenizer, without NLTK data: words are ``\\w+``."""

    def __init__(self, language: str) -> None:
        self.language = language

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def factory(key: str) -> Callable[[str], Pick]:
    """Imports sumy's ``key`` summarizer (``ImportError`` when sumy is not installed) and
    returns a function that makes it for a language code (``en``, ``ur``, ...)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer, null_stemmer
    from sumy.utils import get_stop_words

    module, name, _ = SUMMARIZERS[key]
    summarizer_cls = getattr(import_module(module), name)

    def make(lang: str) -> Pick:
        if lang == "en":
            summarizer = summarizer_cls(Stemmer("english"))
            summarizer.stop_words = get_stop_words("english")
        else:
            summarizer = summarizer_cls(null_stemmer)
            summarizer.stop_words = frozenset()
        tokenizer = WordTokenizer(lang)

        def pick(sentences: Sequence[str], k: int) -> list[str]:
            doc = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])
            return [str(s) for s in summarizer(doc, k)]

        return pick

    return make
