//! Sentence splitting across scripts (the basics every later refinement keeps).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use salience::split_sentences;
use salience::{sentence_spans, MAX_SENTENCE_BYTES};

#[test]
fn english() {
    assert_eq!(
        split_sentences("The plant opened. Is it clean? Yes!"),
        ["The plant opened.", "Is it clean?", "Yes!"]
    );
}

#[test]
fn urdu_full_stop_and_question_mark() {
    assert_eq!(
        split_sentences("میٹرو کھل گئی۔ کیا کرایہ کم ہوگا؟ حکومت نے ہاں کہا۔"),
        ["میٹرو کھل گئی۔", "کیا کرایہ کم ہوگا؟", "حکومت نے ہاں کہا۔"]
    );
}

#[test]
fn hindi_danda() {
    assert_eq!(
        split_sentences("मेट्रो खुल गई। क्या किराया कम होगा? सरकार ने हाँ कहा।"),
        ["मेट्रो खुल गई।", "क्या किराया कम होगा?", "सरकार ने हाँ कहा।"]
    );
}

#[test]
fn chinese_and_japanese_full_width_marks() {
    assert_eq!(
        split_sentences("地铁开通了。票价便宜吗？政府说是的！"),
        ["地铁开通了。", "票价便宜吗？", "政府说是的！"]
    );
    assert_eq!(
        split_sentences("地下鉄が開通した。運賃は安いですか？"),
        ["地下鉄が開通した。", "運賃は安いですか？"]
    );
}

#[test]
fn mixed_scripts_in_one_text() {
    assert_eq!(
        split_sentences("Lahore opened a metro. لاہور میں میٹرو کھل گئی۔ 地铁开通了。"),
        [
            "Lahore opened a metro.",
            "لاہور میں میٹرو کھل گئی۔",
            "地铁开通了。"
        ]
    );
}

#[test]
fn decimals_do_not_end_sentences() {
    assert_eq!(
        split_sentences("It cost 1.2 billion euros. Work took 6.5 years."),
        ["It cost 1.2 billion euros.", "Work took 6.5 years."]
    );
}

#[test]
fn blank_line_ends_a_headline() {
    assert_eq!(
        split_sentences("Metro opens in Lahore\n\nThe line opened on Monday."),
        ["Metro opens in Lahore", "The line opened on Monday."]
    );
}

#[test]
fn wrapped_prose_is_joined_across_single_line_breaks() {
    let text = "It was the best of times, it was the worst of times, it was the age\n\
                of wisdom, it was the age of foolishness, it was the epoch of belief,\n\
                it was the epoch of incredulity. It was the season of Light.";
    let s = split_sentences(text);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(s[0].ends_with("incredulity."));
}

#[test]
fn a_sentence_without_punctuation_is_cut_at_the_cap() {
    let word = "lorem ";
    let text = word.repeat(3 * MAX_SENTENCE_BYTES / word.len());
    let spans = sentence_spans(&text);
    assert!(spans.len() >= 3, "{}", spans.len());
    for span in &spans {
        assert!(span.len() <= MAX_SENTENCE_BYTES);
        let s = &text[span.clone()];
        assert!(
            s.starts_with("lorem") && s.ends_with("lorem"),
            "cut inside a word"
        );
    }
}

#[test]
fn a_cap_without_white_space_cuts_at_a_character_boundary() {
    let text = "ب".repeat(MAX_SENTENCE_BYTES);
    let spans = sentence_spans(&text);
    assert!(spans.len() >= 2);
    let total: usize = spans.iter().map(|s| text[s.clone()].chars().count()).sum();
    assert_eq!(total, MAX_SENTENCE_BYTES);
}
