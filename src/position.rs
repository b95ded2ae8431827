//! Position weights: how much a sentence's place in the document says about it.

/// How many opening sentences count as the lead.
///
/// News is written as an inverted pyramid: its first few sentences are its own summary,
/// which is why taking the first three sentences ("Lead-3") is the baseline that
/// extractive summarizers of news are measured against.
pub const LEAD_SENTENCES: usize = 3;

/// How much the lead weight falls from one lead sentence to the next.
const LEAD_STEP: f32 = 0.05;

/// The lead weight of the sentence at `index` (0-based): 1 for the first sentence,
/// 0.95 and 0.9 for the next two ([`LEAD_SENTENCES`] in all), 0 after them.
///
/// Nearly a step rather than a decay: within the lead the sentences compete mostly on
/// content, and after it position says nothing more. On the project's evaluation sets
/// (`benches/quality.py`) this gave better summaries than `1/√(1+i)`, `1/(1+i)` or
/// exponential decays of any weight. With the default weight (1, the range of the
/// centrality feature), a summary of three sentences or fewer stays in the lead unless a
/// lead sentence is far less central than a later one; the small fall inside the lead
/// makes a very large position weight give exactly the first sentences.
///
/// ```
/// use salience::position::lead_weight;
/// assert_eq!(lead_weight(0), 1.0);
/// assert!(lead_weight(1) > lead_weight(2) && lead_weight(2) > 0.85);
/// assert_eq!(lead_weight(3), 0.0);
/// ```
pub fn lead_weight(index: usize) -> f32 {
    if index < LEAD_SENTENCES {
        1.0 - LEAD_STEP * index as f32
    } else {
        0.0
    }
}
