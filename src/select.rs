//! Selection: the top `n` sentences by score, returned in document order.

use std::cmp::Ordering;

/// Indices of the `n` highest scores, ties broken by position (earlier wins), sorted
/// in document order.
///
/// ```
/// use salience::select::top_n;
/// assert_eq!(top_n(&[0.1, 0.9, 0.5, 0.9], 2), [1, 3]);
/// assert_eq!(top_n(&[0.3, 0.3, 0.3], 2), [0, 1]);
/// assert_eq!(top_n(&[0.3], 5), [0]);
/// ```
pub fn top_n(scores: &[f32], n: usize) -> Vec<usize> {
    let by_rank = |&a: &usize, &b: &usize| rank_order(scores, a, b);
    let mut indices: Vec<usize> = (0..scores.len()).collect();
    if n == 0 {
        return Vec::new();
    }
    if n < indices.len() {
        indices.select_nth_unstable_by(n - 1, by_rank);
        indices.truncate(n);
    }
    indices.sort_unstable();
    indices
}

/// Rank of every sentence (0 = best), ties broken by position.
///
/// ```
/// assert_eq!(salience::select::ranks(&[0.1, 0.9, 0.5]), [2, 0, 1]);
/// ```
pub fn ranks(scores: &[f32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_unstable_by(|&a, &b| rank_order(scores, a, b));
    let mut ranks = vec![0; scores.len()];
    for (rank, index) in order.into_iter().enumerate() {
        if let Some(slot) = ranks.get_mut(index) {
            *slot = rank;
        }
    }
    ranks
}

/// Higher score first; on equal scores the earlier sentence first.
fn rank_order(scores: &[f32], a: usize, b: usize) -> Ordering {
    let score = |i: usize| scores.get(i).copied().unwrap_or(f32::NEG_INFINITY);
    score(b).total_cmp(&score(a)).then(a.cmp(&b))
}
