//! The lead prior fades for long summaries, and Urdu gets its own length weight.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use salience::Length;
use salience::{Language, Summarizer, Weights};

/// Three lead sentences off the topic that the other seven share.
const STORY: &str = "Markets opened quietly on Monday. \
Traders waited for news from abroad. \
Few shares changed hands before noon. \
The tidal plant at Severn will power ten thousand homes. \
Engineers said the tidal plant at Severn starts next spring. \
The Severn tidal plant cost less than the engineers feared. \
Ten thousand homes near Severn will take tidal power. \
The tidal turbines at Severn were tested in the spring. \
Engineers praised the tidal turbines at Severn. \
The Severn plant is the largest tidal plant in the country.";

fn lead_count(chosen: &[usize]) -> usize {
    chosen.iter().filter(|&&i| i < 3).count()
}

#[test]
fn a_short_summary_keeps_the_lead_and_a_long_one_leaves_it() {
    let s = Summarizer::builder().redundancy(0.0).build().unwrap();
    let analysis = s.analyze(STORY);
    assert_eq!(analysis.spans().len(), 10);
    assert_eq!(s.choose(&analysis, 3), [0, 1, 2]);
    // Five of ten sentences: half the document, where the lead prior is gone.
    let long = s.choose(&analysis, 5);
    assert_eq!(lead_count(&long), 0, "{long:?}");
    // The same holds for the other ways of asking for half the document (a word or
    // character budget may still fill its last gap with a short lead sentence).
    for length in [
        Length::ratio(0.5).unwrap(),
        Length::words(60),
        Length::chars(330),
    ] {
        let chosen = s.choose(&analysis, length);
        let topic = chosen.len() - lead_count(&chosen);
        assert!(
            topic >= 4 && lead_count(&chosen) <= 1,
            "{length:?}: {chosen:?}"
        );
    }
    // With redundancy control on, too.
    let mmr = Summarizer::default().summarize(STORY, 5);
    assert!(mmr.iter().all(|x| !x.starts_with("Markets")), "{mmr:?}");
}

#[test]
fn scores_for_a_length_drop_only_the_faded_position_part() {
    let s = Summarizer::default();
    let a = s.analyze(STORY);
    let base = a.scores().to_vec();
    assert_eq!(a.scores_for(3).as_ref(), base.as_slice());
    assert_eq!(a.scores_for(2).as_ref(), base.as_slice());
    let position = a.features().column(2).to_vec();
    let w = a.weights().position;
    for (wanted, keep) in [(5, 0.0f32), (4, salience::lead_budget(4, 10))] {
        let faded = a.scores_for(wanted);
        for i in 0..base.len() {
            let expected = base[i] - (1.0 - keep) * w * position[i];
            assert!((faded[i] - expected).abs() < 1e-6, "{wanted} {i}");
        }
    }
}

#[test]
fn analyze_to_shows_the_scores_the_summary_was_chosen_by() {
    let s = Summarizer::builder().redundancy(0.0).build().unwrap();
    for n in [1, 3, 5, 8] {
        let (analysis, chosen) = s.explain(STORY, n);
        assert_eq!(analysis.top(n), chosen, "n = {n}");
        assert_eq!(chosen, s.choose(&s.analyze(STORY), n));
    }
    let (_, none) = s.explain(STORY, 0);
    assert!(none.is_empty());
    assert!(Length::ratio(0.0).is_err());
}

#[test]
fn urdu_text_gets_the_urdu_length_weight() {
    let urdu = "وزیر اعظم نے کراچی میں نئے ہسپتال کا افتتاح کیا۔ \
ہسپتال میں پانچ سو بستر ہیں اور جدید مشینیں لگائی گئی ہیں۔ \
شہریوں نے حکومت کے اس اقدام کی تعریف کی۔";
    let s = Summarizer::default();
    assert_eq!(s.analyze(urdu).language(), Some(Language::Urdu));
    assert_eq!(
        s.analyze(urdu).weights(),
        Weights::for_language(Some(Language::Urdu))
    );
    assert_eq!(s.analyze(STORY).weights(), Weights::default());
    // A position weight of one's own keeps the Urdu length weight...
    let half = Summarizer::builder().position_weight(0.5).build().unwrap();
    let w = half.analyze(urdu).weights();
    assert_eq!(
        (w.position, w.length),
        (0.5, salience::Weights::URDU_LENGTH_WEIGHT)
    );
    // ...and weights set in full apply as given, to every language.
    let fixed = Summarizer::builder()
        .weights(Weights::default())
        .build()
        .unwrap();
    assert_eq!(fixed.analyze(urdu).weights(), Weights::default());
    // Forcing the language picks its weights whatever the text looks like.
    let forced = Summarizer::builder().language("ur").build().unwrap();
    assert_eq!(forced.analyze(STORY).weights().length, 2.0);
    // The scores are the features weighted by those weights.
    let a = s.analyze(urdu);
    let expected = a.features().dot(&a.weights().to_array());
    assert_eq!(a.scores(), &expected);
}
