//! Sentences: UAX #29 sentence boundaries and the repair pass over them.
//!
//! Sentences are byte spans into the original text, found by the Unicode sentence
//! boundaries of UAX #29 and then repaired:
//!
//! - a blank line always ends a sentence (headlines, lists, paragraphs);
//! - a single line break ends a sentence only where the line looks like a line of its
//!   own (a headline or a list item), not where prose was wrapped at a fixed width;
//! - no break after a known abbreviation (one union list for all languages: `Mr.`,
//!   `e.g.`, `U.S.`, `z. B.`, `т. е.`, `डॉ.`, `د.`, …), after a single capital
//!   initial (`J. R. R. Tolkien`), after Urdu spellings of Latin letters
//!   (`پی۔ ایچ۔ ڈی`), or at a full stop glued to the next letter (`x.com/A.B`);
//!   titles never end a sentence, `p.`/`No.` not before a number, and other
//!   abbreviations only before a common sentence starter (`the U.S. How` breaks,
//!   `the U.S. Government` does not);
//! - casing is evidence per document (module `casing`): where the document starts its
//!   sentences with capitals, no break when the next piece starts with a lower-case
//!   letter (`"Are you coming?" she asked.`); in a text without case (all lower case,
//!   a chat, lower-case Latin words in a caseless script) a lower-case word after a
//!   terminator starts a sentence, after a full stop too (`mat. the dog`); initials
//!   may then be lower-case (`j. r. r. tolkien`) and starters match in any case
//!   (`etc. the`, `U.S. THE`); no break before the particle `と` after a Japanese
//!   closing quote;
//! - list items (`1.`, `2)`, `a.`, `•`) start sentences, and their markers stay
//!   with them; spaced ellipses follow the Pragmatic Segmenter's golden rules;
//! - opening quotes and brackets belong to the sentence they open (`。“` and
//!   `」「`), closing ones after a space to the sentence they close (`. »`);
//! - a sentence without a terminator of more than 40 words, or any of more than 80,
//!   is cut into pseudo-sentences at the strongest pause evidence (module `pseudo`:
//!   speaker labels, timestamps and line breaks, then `; : — –`, then `,`, then
//!   sentence starters), 10–40 words each;
//! - a piece longer than [`MAX_SENTENCE_BYTES`] is cut at white space (the last resort
//!   for text without white space), so that no input, however it is punctuated,
//!   makes later stages slow.
//!
//! Every rule looks at a bounded window around a boundary, so the pass is linear.

mod abbrev;
mod boundary;
mod casing;
mod document;
mod marks;
mod pseudo;
mod sentence_bounds;
mod sentences;
mod space;
mod terminators;

pub(crate) use sentences::spans_and_language;
pub use sentences::{
    sentence_spans, sentence_spans_in, split_sentences, split_sentences_in, MAX_SENTENCE_BYTES,
};
