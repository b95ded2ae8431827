//! Position weights: how much a sentence's place in the document says about it.

/// The lead weight of the sentence at `index` (0-based): 1 for the first sentence,
/// decaying with the square root of the position, so early sentences of news-like text
/// are favoured while later ones still compete on content.
///
/// ```
/// use salience::position::lead_weight;
/// assert_eq!(lead_weight(0), 1.0);
/// assert!(lead_weight(1) > lead_weight(10));
/// ```
pub fn lead_weight(index: usize) -> f32 {
    1.0 / (1.0 + index as f32).sqrt()
}
