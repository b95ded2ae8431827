//! The public API: what `summarize`, `Summarizer` and `Analysis` promise.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod eval_data;

use salience::{split_sentences, summarize, ErrorKind, Language, Summarizer, Weights, FEATURES};

const NEWS: &str = "The city opened a tidal power plant on Monday. \
    The tidal plant will power ninety thousand homes with tidal energy. \
    Officials said the weather was pleasant. \
    Engineers built the tidal plant over six years. \
    A local bakery sold out of bread.";

#[test]
fn empty_and_blank_text_give_nothing() {
    for text in ["", " ", "\n\n\t  \n"] {
        assert!(summarize(text, 3).is_empty(), "{text:?}");
        assert!(split_sentences(text).is_empty(), "{text:?}");
    }
}

#[test]
fn zero_sentences_requested_gives_nothing() {
    assert!(summarize(NEWS, 0).is_empty());
}

#[test]
fn more_than_available_gives_every_sentence_in_order() {
    let all = split_sentences(NEWS);
    assert_eq!(all.len(), 5);
    assert_eq!(summarize(NEWS, 99), all);
    assert_eq!(summarize(NEWS, usize::MAX), all);
}

#[test]
fn picks_the_topical_sentences_not_the_filler() {
    let summary = summarize(NEWS, 2);
    assert_eq!(summary.len(), 2);
    assert!(summary.iter().all(|s| s.contains("tidal")), "{summary:?}");
}

#[test]
fn sentences_are_quoted_exactly_and_trimmed() {
    let text = "  First sentence here.   Second one follows!\n\n  Third, after a blank line?  ";
    assert_eq!(
        split_sentences(text),
        [
            "First sentence here.",
            "Second one follows!",
            "Third, after a blank line?"
        ]
    );
    for s in summarize(text, 3) {
        assert!(text.contains(s));
        assert_eq!(s, s.trim());
    }
}

#[test]
fn summary_is_in_document_order() {
    let spans = Summarizer::default().select(NEWS, 3);
    assert!(spans.windows(2).all(|w| w[0].index < w[1].index));
    assert!(spans.windows(2).all(|w| w[0].span.end <= w[1].span.start));
}

#[test]
fn equal_scores_break_ties_by_position() {
    let text = "Same words here. Same words here. Same words here.";
    let s = Summarizer::builder().position_weight(0.0).build().unwrap();
    let chosen = s.select(text, 2);
    assert_eq!(chosen.iter().map(|c| c.index).collect::<Vec<_>>(), [0, 1]);
}

#[test]
fn analysis_has_one_feature_row_per_sentence() {
    let analysis = Summarizer::default().analyze(NEWS);
    assert_eq!(analysis.spans().len(), 5);
    assert_eq!(analysis.features().dim(), (5, FEATURES.len()));
    let weights = Summarizer::default().weights().to_array();
    let expected = analysis.features().dot(&weights);
    assert_eq!(analysis.scores(), &expected);
    let ranks: Vec<usize> = analysis.sentences().map(|s| s.rank).collect();
    let mut sorted = ranks.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (0..5).collect::<Vec<_>>());
}

#[test]
fn position_weight_changes_the_choice() {
    let text = "Weather was fine. Markets rose. The tidal plant opened. Tidal plant power flows. \
                The tidal plant cost billions. Tidal energy from the plant is steady.";
    let lead = Summarizer::builder().position_weight(50.0).build().unwrap();
    let content = Summarizer::builder().position_weight(0.0).build().unwrap();
    assert_eq!(lead.summarize(text, 1), ["Weather was fine."]);
    assert_ne!(content.summarize(text, 1), ["Weather was fine."]);
}

#[test]
fn extra_stopwords_are_ignored_as_terms() {
    let text = "Reuters reports reuters news. Markets fell sharply today. Markets fell again.";
    let plain = Summarizer::builder().position_weight(0.0).build().unwrap();
    let extra = Summarizer::builder()
        .position_weight(0.0)
        .extra_stopwords(["REUTERS", "reports", "news"])
        .build()
        .unwrap();
    let row = |s: &Summarizer| s.analyze(text).features().row(0).to_vec();
    assert_ne!(row(&plain), row(&extra));
    assert_eq!(extra.analyze(text).features()[[0, 0]], 0.0);
}

#[test]
fn invalid_options_are_errors_not_panics() {
    let err = Summarizer::builder().language("xx").build().unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::UnknownLanguage("xx".into()));
    assert!(err.to_string().contains("en"), "{err}");
    for bad in [f32::NAN, f32::INFINITY, -1.0] {
        let err = Summarizer::builder()
            .position_weight(bad)
            .build()
            .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidOption { .. }),
            "{bad}"
        );
    }
    let weights = Weights {
        centroid: f32::NAN,
        ..Weights::default()
    };
    assert!(Summarizer::builder().weights(weights).build().is_err());
}

#[test]
fn language_is_detected_or_forced() {
    assert_eq!(Language::detect(NEWS), Some(Language::English));
    let forced = Summarizer::builder().language("ur").build().unwrap();
    assert_eq!(forced.analyze(NEWS).language(), Some(Language::Urdu));
    assert_eq!(
        Summarizer::default().analyze(NEWS).language(),
        Some(Language::English)
    );
}

#[test]
fn batch_equals_one_by_one() {
    let docs = [NEWS, "", "One. Two. Three.", "یہ ایک جملہ ہے۔ دوسرا جملہ۔"];
    let s = Summarizer::default();
    let batch = s.summarize_batch(&docs, 2);
    let single: Vec<Vec<&str>> = docs.iter().map(|d| s.summarize(d, 2)).collect();
    assert_eq!(batch, single);
}

#[test]
fn urdu_sample_gives_three_whole_sentences() {
    let Some(text) = eval_data::read("samples/urdu_news_sco_summit.txt") else {
        return;
    };
    let all = split_sentences(&text);
    let summary = summarize(&text, 3);
    assert_eq!(summary.len(), 3);
    for s in &summary {
        assert!(s.ends_with('۔'), "not a whole sentence: {s}");
        assert!(all.contains(s));
    }
    let positions: Vec<usize> = summary
        .iter()
        .map(|s| all.iter().position(|a| a == s).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn default_equals_a_builder_with_no_options() {
    let built = Summarizer::builder().build().unwrap();
    let default = Summarizer::default();
    assert_eq!(format!("{built:?}"), format!("{default:?}"));
    for text in [
        NEWS,
        include_str!("../examples/urdu.txt"),
        include_str!("../examples/english.txt"),
    ] {
        assert_eq!(built.analyze(text).scores(), default.analyze(text).scores());
    }
}
