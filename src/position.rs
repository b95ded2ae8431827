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
/// 0.95 and 0.9 for the next two (the three lead sentences), 0 after them.
///
/// Nearly a step rather than a decay: within the lead the sentences compete mostly on
/// content, and after it position says nothing more. On the project's evaluation sets
/// (`benches/quality.py`) this gave better summaries than `1/√(1+i)`, `1/(1+i)` or
/// exponential decays of any weight. With the default weight (1.2, a little more than
/// the range of the centrality feature), a summary of three sentences or fewer stays in
/// the lead unless a lead sentence is far less central than a later one; the small fall
/// inside the lead makes a very large position weight give exactly the first sentences.
/// Long summaries get less of it: see [`lead_budget`].
///
/// ```
/// use salience::lead_weight;
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

/// Share of the document's sentences up to which a summary gets the whole lead prior.
pub const FADE_FROM: f32 = 0.2;

/// Share of the document's sentences from which a summary gets no lead prior.
pub const FADE_TO: f32 = 0.35;

/// How much of the lead prior a summary of `wanted` sentences out of `total` keeps:
/// 1 for a summary no longer than the lead (three sentences) or than a fifth of the
/// document, falling linearly to 0 at 35 % of it.
///
/// The lead is the gist of a news story, so a short summary should be its lead unless a
/// later sentence is far more central. A summary that takes a third of the document or
/// more is asked to cover it, and there the lead's later sentences are no better than
/// the others: on BBC News (summaries of about 40 % of each article) keeping the prior
/// cost about four points of ROUGE-1, while summaries of three sentences on CNN/DailyMail
/// and the Urdu sets are unchanged by the fade (`benches/quality.py`).
///
/// ```
/// use salience::lead_budget;
/// assert_eq!(lead_budget(3, 5), 1.0); // no longer than the lead
/// assert_eq!(lead_budget(4, 40), 1.0); // a tenth of the document
/// assert_eq!(lead_budget(8, 20), 0.0); // 40 %
/// assert!(lead_budget(11, 40) > 0.0 && lead_budget(11, 40) < 1.0);
/// ```
pub fn lead_budget(wanted: usize, total: usize) -> f32 {
    if wanted <= LEAD_SENTENCES || total == 0 {
        return 1.0;
    }
    let share = wanted as f32 / total as f32;
    ((FADE_TO - share) / (FADE_TO - FADE_FROM)).clamp(0.0, 1.0)
}

/// `scores` less the part of the lead prior that a summary of `wanted` sentences
/// gives back ([`lead_budget`]): `lead` is each sentence's [`lead_weight`] and
/// `weight` the prior's weight. `None` when the summary keeps the whole prior.
///
/// The one place where the prior's part of a score is taken apart again, so that
/// the feature, its weight and its fade stay one model.
pub(crate) fn faded_lead<'a>(
    scores: &[f32],
    lead: impl IntoIterator<Item = &'a f32>,
    weight: f32,
    wanted: usize,
) -> Option<Vec<f32>> {
    let keep = lead_budget(wanted, scores.len());
    if keep >= 1.0 || weight == 0.0 {
        return None;
    }
    let drop = (1.0 - keep) * weight;
    Some(
        scores
            .iter()
            .zip(lead)
            .map(|(&s, &p)| s - drop * p)
            .collect(),
    )
}
