//! Length budgets (sentences, ratio, words, characters), redundancy control (MMR) and
//! corpus IDF models.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use salience::Length;
use salience::{IdfModel, Summarizer};

const NEWS: &str = "The council approved the tidal plant on Monday. \
The tidal plant will power ten thousand homes. \
The council approved the tidal plant on Monday, officials said. \
Critics said the plant costs too much. \
Construction starts next spring. \
Bread prices rose again.";

fn words(s: &str) -> usize {
    salience::words(s).count()
}

#[test]
fn a_sentence_count_equals_summarize() {
    let s = Summarizer::default();
    for n in 0..8 {
        assert_eq!(
            s.summarize(NEWS, Length::sentences(n)),
            s.summarize(NEWS, n)
        );
    }
}

#[test]
fn ratio_rounds_up_and_never_gives_nothing() {
    let s = Summarizer::default();
    let all = salience::split_sentences(NEWS).len();
    assert_eq!(all, 6);
    for (ratio, want) in [(0.01, 1), (1.0 / 6.0, 1), (0.2, 2), (0.5, 3), (1.0, 6)] {
        assert_eq!(
            s.summarize(NEWS, Length::ratio(ratio).unwrap()).len(),
            want,
            "ratio {ratio}"
        );
    }
    for bad in [0.0, -0.5, 1.01, f64::NAN, f64::INFINITY] {
        assert!(Length::ratio(bad).is_err(), "{bad}");
    }
}

#[test]
fn word_and_char_budgets_hold_whole_sentences() {
    let s = Summarizer::default();
    let sentences = salience::split_sentences(NEWS);
    for budget in [0, 1, 5, 9, 12, 20, 40, 1000] {
        let by_words = s.summarize(NEWS, Length::words(budget));
        let by_chars = s.summarize(NEWS, Length::chars(budget * 6));
        for out in [&by_words, &by_chars] {
            assert!(!out.is_empty(), "budget {budget}");
            assert!(out.iter().all(|x| sentences.contains(x)));
        }
        let total_words: usize = by_words.iter().map(|x| words(x)).sum();
        let joined = by_chars.join(" ").chars().count();
        // Over budget only when a single sentence is returned (nothing fitted).
        assert!(total_words <= budget || by_words.len() == 1, "{by_words:?}");
        assert!(joined <= budget * 6 || by_chars.len() == 1, "{by_chars:?}");
    }
    let everything = s.summarize(NEWS, Length::words(1000));
    assert_eq!(everything, sentences);
}

#[test]
fn budgets_on_empty_text_give_nothing() {
    let s = Summarizer::default();
    for length in [
        Length::sentences(3),
        Length::ratio(0.5).unwrap(),
        Length::words(10),
        Length::chars(10),
    ] {
        assert!(s.summarize("", length).is_empty());
        assert!(s.summarize("  \n ", length).is_empty());
    }
}

#[test]
fn redundancy_skips_a_repeated_sentence() {
    let plain = Summarizer::builder().redundancy(0.0).build().unwrap();
    let mmr = Summarizer::builder().redundancy(0.5).build().unwrap();
    let repeat = "The council approved the tidal plant on Monday, officials said.";
    // By score alone the repeat of the first sentence comes second ...
    let two_plain = plain.summarize(NEWS, 2);
    assert!(two_plain.contains(&repeat), "{two_plain:?}");
    // ... with redundancy control a sentence that adds something takes its place.
    let two_mmr = mmr.summarize(NEWS, 2);
    assert!(!two_mmr.contains(&repeat), "{two_mmr:?}");
    assert_eq!(two_mmr.len(), 2);
    let three_mmr = mmr.summarize(NEWS, 3);
    assert!(!three_mmr.contains(&repeat), "{three_mmr:?}");
    assert_eq!(three_mmr.len(), 3);
}

#[test]
fn redundancy_is_checked_and_has_a_mild_default() {
    assert_eq!(Summarizer::default().redundancy(), 0.2);
    assert_eq!(
        Summarizer::builder().build().unwrap().redundancy(),
        salience::DEFAULT_REDUNDANCY
    );
    for bad in [-0.1, 1.5, f32::NAN] {
        assert!(Summarizer::builder().redundancy(bad).build().is_err());
    }
    assert!(Summarizer::builder().redundancy(1.0).build().is_ok());
}

#[test]
fn redundancy_stays_cheap_on_long_documents() {
    // 20,000 near-identical sentences: MMR only reorders the best MMR_POOL of them.
    let text = "Tidal plant power flows again today. ".repeat(20_000);
    let s = Summarizer::builder().redundancy(1.0).build().unwrap();
    let out = s.summarize(&text, Length::ratio(0.5).unwrap());
    assert_eq!(out.len(), 10_000);
}

#[test]
fn fit_counts_documents_the_same_on_any_number_of_threads() {
    let corpus: Vec<String> = (0..300)
        .map(|i| format!("Tidal report {i}. The plant number {} works.", i % 7))
        .collect();
    let one = Summarizer::builder()
        .threads(1)
        .build()
        .unwrap()
        .fit(&corpus);
    let four = Summarizer::builder()
        .threads(4)
        .build()
        .unwrap()
        .fit(&corpus);
    let (a, b) = (one.idf().unwrap(), four.idf().unwrap());
    assert_eq!(a, b);
    assert_eq!(a.documents(), 300);
    assert_eq!(a.document_frequency("tidal"), 300);
    assert_eq!(a.document_frequency("the"), 0, "stopwords are not counted");
}

#[test]
fn a_saved_model_loads_back_equal_and_summarizes_the_same() {
    let corpus = [NEWS, "Solar power is cheap.", "The plant opened."];
    let fitted = Summarizer::default().fit(&corpus);
    let dir = std::env::temp_dir().join(format!("salience-idf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("model.idf");
    fitted.idf().unwrap().save(&path).unwrap();
    let loaded = IdfModel::load(&path).unwrap();
    assert_eq!(&loaded, fitted.idf().unwrap());
    let again = Summarizer::builder().idf(loaded).build().unwrap();
    assert_eq!(again.summarize(NEWS, 2), fitted.summarize(NEWS, 2));
    assert_eq!(
        again.analyze(NEWS).features(),
        fitted.analyze(NEWS).features()
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(IdfModel::load(dir.join("missing")).is_err());
}

#[test]
fn corpus_idf_changes_the_term_weights() {
    // Across the corpus "plant" is everywhere and "bread" is rare.
    let corpus: Vec<String> = (0..50)
        .map(|i| format!("The plant report {i}."))
        .chain(["Bread prices rose.".to_owned()])
        .collect();
    let plain = Summarizer::default().analyze(NEWS);
    let fitted = Summarizer::default().fit(&corpus).analyze(NEWS);
    assert_ne!(plain.features(), fitted.features());
    let idf = IdfModel::from_counts(51, [("plant", 50), ("bread", 1)]);
    assert!(idf.idf("bread") > idf.idf("plant"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any budget on any text: whole sentences of the text, in document order, never
    /// empty when the text has a sentence, and within the budget unless one sentence
    /// alone exceeds it.
    #[test]
    fn budgets_keep_their_promises(
        picks in proptest::collection::vec(0usize..8, 0..12),
        budget in 0usize..60,
        redundancy in 0.0f32..=1.0,
    ) {
        const PIECES: [&str; 8] = [
            "Tidal power grows.", "The plant opened today!", "Is bread cheap?",
            "Power flows to ten thousand homes.", "Critics object.", "یہ پہلا جملہ ہے۔",
            "Construction of the second tidal plant starts next spring.", "Fine.",
        ];
        let text: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        let s = Summarizer::builder().redundancy(redundancy).build().unwrap();
        let sentences = salience::split_sentences(&text);
        let n = budget % 4;
        for (unit, length) in [("words", Length::words(budget)), ("chars", Length::chars(budget)), ("sentences", Length::sentences(n))] {
            let out = s.summarize(&text, length);
            // In document order, each a sentence of the text.
            let mut at = 0;
            for x in &out {
                let found = sentences[at..].iter().position(|y| y == x);
                prop_assert!(found.is_some(), "{x:?} out of order in {out:?}");
                at += found.unwrap() + 1;
            }
            match unit {
                "sentences" => prop_assert_eq!(out.len(), n.min(sentences.len())),
                _ => prop_assert_eq!(out.is_empty(), sentences.is_empty()),
            }
            let size = match unit {
                "words" => out.iter().map(|x| words(x)).sum::<usize>(),
                "chars" => out.join(" ").chars().count(),
                _ => 0,
            };
            prop_assert!(size <= budget || out.len() == 1);
        }
    }
}
