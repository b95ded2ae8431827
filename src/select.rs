//! Selection: which sentences make the summary, and in what order they are taken.
//!
//! Sentences are taken by score (ties to the earlier sentence), optionally reordered by
//! maximal marginal relevance (MMR, Carbonell and Goldstein 1998) so that a sentence
//! that repeats one already taken waits its turn, until the requested [`Length`] is
//! reached; the summary is then given in document order.

use crate::error::Error;
use crate::score::is_lettered;
use std::cmp::Ordering;

/// At most this many of the best sentences are reordered for redundancy, so that
/// redundancy control costs at most `MMR_POOL²` sentence comparisons per document,
/// whatever its length; sentences after the pool keep their score order.
pub(crate) const MMR_POOL: usize = 64;

/// The default redundancy of a [`crate::Summarizer`]: 0.2, a mild preference for a
/// sentence that adds something over one that repeats a sentence already taken.
///
/// Measured with `benches/quality.py --redundancy R` (ROUGE-1 F1, all documents):
/// 0.2 against 0 gives CNN/DailyMail 41.30 against 41.07 (better on both halves of the
/// set), BBC News 78.45 against 78.69 (its extractive references reward picking
/// similar sentences), Urdu Summary Corpus 35.47 against 35.40, XL-Sum Urdu unchanged;
/// 0.3 and more cost BBC News a point or more.
pub const DEFAULT_REDUNDANCY: f32 = 0.2;

/// How long a summary should be: a number of sentences (any `usize` converts into
/// one), a share of the document's sentences, or a budget of words or characters.
///
/// Every length gives at least one sentence when the text has one, and never cuts a
/// sentence: a word or character budget smaller than every sentence gives the single
/// best sentence. A `Length` is valid once built: [`Length::ratio`] is the one
/// constructor that can refuse its value.
///
/// ```
/// use salience::Length;
/// let s = salience::Summarizer::default();
/// let text = "Tidal power grows fast. Tidal power is clean and cheap. Bread is cheap.";
/// assert_eq!(s.summarize(text, Length::sentences(1)), s.summarize(text, 1));
/// assert_eq!(s.summarize(text, Length::ratio(0.5)?).len(), 2);
/// assert_eq!(s.summarize(text, Length::words(4)), ["Tidal power grows fast."]);
/// assert_eq!(s.summarize(text, Length::chars(1)).len(), 1);
/// assert!(Length::ratio(1.5).is_err());
/// # Ok::<(), salience::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Length(Budget);

/// The kinds of [`Length`], checked by its constructors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// This share of the document's sentences, rounded up: a number in `(0, 1]`.
    Ratio(f64),
    /// At most this many words (UAX #29 words, as [`crate::words`] counts them),
    /// summed over the chosen sentences.
    Words(usize),
    /// At most this many characters (Unicode scalar values, as Python's `len`
    /// counts them) for the chosen sentences joined by single spaces.
    Chars(usize),
}

impl Length {
    /// At most `n` sentences (the same as `Length::from(n)`).
    pub fn sentences(n: usize) -> Length {
        Length(Budget::Sentences(n))
    }

    /// This share of the document's sentences, rounded up.
    ///
    /// # Errors
    /// [`crate::ErrorKind::InvalidOption`] unless `ratio` is a number in `(0, 1]`.
    ///
    /// ```
    /// use salience::Length;
    /// assert!(Length::ratio(0.2).is_ok());
    /// assert!(Length::ratio(0.0).is_err());
    /// assert!(Length::ratio(f64::NAN).is_err());
    /// ```
    pub fn ratio(ratio: f64) -> Result<Length, Error> {
        if ratio > 0.0 && ratio <= 1.0 {
            Ok(Length(Budget::Ratio(ratio)))
        } else {
            Err(Error::invalid_option(
                "ratio",
                format!("ratio must be a number in (0, 1], got {ratio}"),
            ))
        }
    }

    /// At most this many words (UAX #29 words, as [`crate::words`] counts them),
    /// summed over the chosen sentences.
    pub fn words(budget: usize) -> Length {
        Length(Budget::Words(budget))
    }

    /// At most this many characters (Unicode scalar values, as Python's `len`
    /// counts them) for the chosen sentences joined by single spaces.
    pub fn chars(budget: usize) -> Length {
        Length(Budget::Chars(budget))
    }

    /// The length's kind and value.
    pub(crate) fn budget(self) -> Budget {
        self.0
    }

    /// Whether the length keeps nothing (zero sentences).
    pub(crate) fn is_empty(self) -> bool {
        self.0 == Budget::Sentences(0)
    }
}

impl From<usize> for Length {
    /// At most `n` sentences.
    fn from(n: usize) -> Length {
        Length::sentences(n)
    }
}

/// Indices of the `n` best sentences by [`rank_order`], sorted in document order.
pub(crate) fn top_n(scores: &[f32], lettered: &[bool], n: usize) -> Vec<usize> {
    let mut indices = ranked(scores, lettered, n);
    indices.sort_unstable();
    indices
}

/// The indices of the `k` best sentences (all when there are fewer) in [`rank_order`]:
/// the first `k` of a full sort, since the rank order is total, found in time linear in
/// the number of sentences plus `k log k`.
fn ranked(scores: &[f32], lettered: &[bool], k: usize) -> Vec<usize> {
    let by_rank = |&a: &usize, &b: &usize| rank_order(scores, lettered, a, b);
    let mut order: Vec<usize> = (0..scores.len()).collect();
    if k == 0 {
        order.clear();
    } else if k < order.len() {
        order.select_nth_unstable_by(k - 1, by_rank);
        order.truncate(k);
    }
    order.sort_unstable_by(by_rank);
    order
}

/// Rank of every sentence (0 = best) in [`rank_order`].
pub(crate) fn ranks(scores: &[f32], lettered: &[bool]) -> Vec<usize> {
    let order = ranked(scores, lettered, scores.len());
    let mut ranks = vec![0; scores.len()];
    for (rank, index) in order.into_iter().enumerate() {
        if let Some(slot) = ranks.get_mut(index) {
            *slot = rank;
        }
    }
    ranks
}

/// The order in which sentences enter a summary: by [`rank_order`] (sentences without
/// a letter last, then by score, ties to the earlier sentence); with `redundancy > 0`,
/// the best [`MMR_POOL`] sentences are reordered by maximal marginal relevance, a
/// sentence without a letter still after every one with a letter:
///
/// `next = argmax (1 − redundancy) · score / best score − redundancy · max cos(s, taken)`
///
/// where `cos` is the cosine similarity of the sentences' term vectors (`vectors`:
/// sparse `(term id, weight)` pairs sorted by term id). `redundancy` is clamped to
/// `[0, 1]`; 0 keeps the score order. Only the first `wanted` places are chosen this
/// way (the summary's length in sentences, when known; the rest of the pool follows in
/// score order), so a short summary costs `wanted × MMR_POOL` comparisons.
///
/// The order holds the first `max(wanted, MMR_POOL)` places (all of them for a shorter
/// text), which is all a caller that reads `wanted` places needs: a short summary of a
/// long text ranks its best sentences without sorting the rest.
#[cfg(test)]
fn selection_order(
    scores: &[f32],
    vectors: &[Vec<(u32, f32)>],
    redundancy: f32,
    wanted: usize,
) -> Vec<usize> {
    let vector = |i: usize| vectors.get(i).map_or(&[][..], Vec::as_slice);
    selection_order_by(scores, &[], vector, redundancy, wanted)
}

/// [`selection_order`] with the term vector of sentence `i` given by `vector(i)`, and
/// whether it holds a letter by `lettered` ([`crate::score::lettered`]).
pub(crate) fn selection_order_by<'v>(
    scores: &[f32],
    lettered: &[bool],
    vector: impl Fn(usize) -> &'v [(u32, f32)],
    redundancy: f32,
    wanted: usize,
) -> Vec<usize> {
    let mut order = ranked(scores, lettered, wanted.max(MMR_POOL));
    let r = if redundancy.is_nan() {
        0.0
    } else {
        redundancy.clamp(0.0, 1.0)
    };
    if r <= 0.0 || order.len() < 2 {
        return order;
    }
    let pool_len = order.len().min(MMR_POOL);
    let (pool, _) = order.split_at_mut(pool_len);
    let score = |i: usize| scores.get(i).copied().unwrap_or(0.0);
    let best = pool.iter().map(|&i| score(i)).fold(0.0f32, f32::max);
    let relevance = |i: usize| if best > 0.0 { score(i) / best } else { 0.0 };
    let mut norms: Vec<f32> = pool.iter().map(|&i| norm(vector(i))).collect();
    // Highest similarity of each pool sentence to the ones taken so far; `pool`,
    // `norms` and `similarity` stay aligned, positions `taken..` are the remaining ones.
    let mut similarity = vec![0.0f32; pool_len];
    // The pool's sentences with a letter come first (rank order), and the swaps below
    // stay among them until they are all taken.
    let with_letter = pool.iter().filter(|&&i| is_lettered(lettered, i)).count();
    for taken in 0..pool_len.min(wanted) {
        let mut pick = taken;
        let mut pick_value = f32::NEG_INFINITY;
        let candidates = if taken < with_letter {
            with_letter
        } else {
            pool_len
        };
        for at in taken..candidates {
            let (Some(&i), Some(&sim)) = (pool.get(at), similarity.get(at)) else {
                continue;
            };
            let value = (1.0 - r) * relevance(i) - r * sim;
            let better = value > pick_value
                || (value == pick_value && pool.get(pick).is_some_and(|&p| i < p));
            if better {
                pick = at;
                pick_value = value;
            }
        }
        pool.swap(taken, pick);
        norms.swap(taken, pick);
        similarity.swap(taken, pick);
        // After the last place chosen this way, similarities are not needed.
        if taken + 1 == pool_len.min(wanted) {
            break;
        }
        let (Some(&chosen), Some(&chosen_norm)) = (pool.get(taken), norms.get(taken)) else {
            break;
        };
        for at in taken + 1..pool_len {
            let (Some(&other), Some(&other_norm)) = (pool.get(at), norms.get(at)) else {
                continue;
            };
            let denom = chosen_norm * other_norm;
            if denom > 0.0 {
                let cos = dot(vector(chosen), vector(other)) / denom;
                if let Some(s) = similarity.get_mut(at) {
                    *s = s.max(cos);
                }
            }
        }
    }
    order
}

/// The sentences a summary of `length` keeps, in document order, taking them in
/// `order` (see [`selection_order`], which may hold only the head of the order);
/// `total` is the number of sentences of the document, the base of a ratio; `sizes[i]`
/// is sentence `i`'s size in the unit of the budget (words or characters; unused for
/// sentence counts and ratios); `lettered` as for [`selection_order_by`].
pub(crate) fn fit_length(
    order: &[usize],
    total: usize,
    sizes: &[usize],
    lettered: &[bool],
    length: Length,
) -> Vec<usize> {
    let mut keep: Vec<usize> = match length.budget() {
        Budget::Sentences(n) => order.iter().copied().take(n).collect(),
        Budget::Ratio(r) => {
            let n = (r.clamp(0.0, 1.0) * total as f64).ceil() as usize;
            order.iter().copied().take(n.max(1)).collect()
        }
        Budget::Words(budget) => within(order, sizes, lettered, budget, 0),
        Budget::Chars(budget) => within(order, sizes, lettered, budget, 1),
    };
    keep.sort_unstable();
    keep
}

/// Sentences taken in `order` while they fit in `budget` (`gap` is added between two
/// sentences); never empty when there is a sentence: the first one is kept if nothing
/// fits. Sentences without a letter, last in the order, fill a budget only in a text
/// that has no other: a cue number is no summary of what was said.
fn within(
    order: &[usize],
    sizes: &[usize],
    lettered: &[bool],
    budget: usize,
    gap: usize,
) -> Vec<usize> {
    let mut keep = Vec::new();
    let mut used = 0usize;
    let text_has_letters = order.first().is_some_and(|&i| is_lettered(lettered, i));
    for &i in order {
        if text_has_letters && !is_lettered(lettered, i) {
            break;
        }
        let size = sizes.get(i).copied().unwrap_or(0);
        let needed = if keep.is_empty() { size } else { size + gap };
        if used + needed <= budget {
            keep.push(i);
            used += needed;
        }
    }
    if keep.is_empty() {
        keep.extend(order.first());
    }
    keep
}

/// The rank order: a sentence with a letter before one without (a cue number or a
/// timestamp says nothing a summary can use), then the higher score, then the earlier
/// sentence.
fn rank_order(scores: &[f32], lettered: &[bool], a: usize, b: usize) -> Ordering {
    let score = |i: usize| scores.get(i).copied().unwrap_or(f32::NEG_INFINITY);
    // Empty `lettered` (every sentence has a letter) is the common case.
    let letters = if lettered.is_empty() {
        Ordering::Equal
    } else {
        is_lettered(lettered, b).cmp(&is_lettered(lettered, a))
    };
    letters
        .then_with(|| score(b).total_cmp(&score(a)))
        .then(a.cmp(&b))
}

/// Dot product of two sparse vectors sorted by term id.
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
    while let (Some(&(ta, va)), Some(&(tb, vb))) = (a.get(i), b.get(j)) {
        match ta.cmp(&tb) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                sum += va * vb;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

fn norm(v: &[(u32, f32)]) -> f32 {
    v.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn top_n_example() {
        assert_eq!(top_n(&[0.1, 0.9, 0.5, 0.9], &[], 2), [1, 3]);
        assert_eq!(top_n(&[0.3, 0.3, 0.3], &[], 2), [0, 1]);
        assert_eq!(top_n(&[0.3], &[], 5), [0]);
    }

    proptest::proptest! {
        /// The first `k` places are those of a full sort, whatever the ties, signed
        /// zeros and NaNs.
        #[test]
        fn ranked_is_the_head_of_a_full_sort(
            scores in proptest::collection::vec(
                proptest::sample::select(vec![0.0f32, -0.0, 0.5, 1.0, -1.0, f32::NAN]),
                0..200,
            ),
            k in 0usize..250,
        ) {
            let mut full: Vec<usize> = (0..scores.len()).collect();
            full.sort_by(|&a, &b| rank_order(&scores, &[], a, b));
            full.truncate(k);
            proptest::prop_assert_eq!(ranked(&scores, &[], k), full);
        }

        /// An order asked for `wanted` places holds them as the order of every place
        /// does, with the whole redundancy pool, and no more than it needs.
        #[test]
        fn a_short_order_is_the_head_of_the_full_one(
            doc in proptest::collection::vec(
                (0u8..4, proptest::collection::vec((0u32..6, 1u8..3), 0..4), 0u8..8),
                0..150,
            ),
            redundancy in proptest::sample::select(vec![0.0f32, 0.2, 1.0]),
            wanted in 0usize..160,
        ) {
            let scores: Vec<f32> = doc.iter().map(|(s, _, _)| f32::from(*s) / 4.0).collect();
            let lettered: Vec<bool> = doc.iter().map(|(_, _, l)| *l > 0).collect();
            let vectors: Vec<Vec<(u32, f32)>> = doc
                .iter()
                .map(|(_, terms, _)| {
                    let mut v: Vec<(u32, f32)> =
                        terms.iter().map(|&(t, n)| (t, f32::from(n))).collect();
                    v.sort_by_key(|p| p.0);
                    v.dedup_by_key(|p| p.0);
                    v
                })
                .collect();
            let vector = |i: usize| vectors.get(i).map_or(&[][..], Vec::as_slice);
            let order = |wanted| selection_order_by(&scores, &lettered, vector, redundancy, wanted);
            let (all, short) = (order(scores.len()), order(wanted));
            proptest::prop_assert_eq!(short.len(), scores.len().min(wanted.max(MMR_POOL)));
            let head = wanted.min(scores.len());
            proptest::prop_assert_eq!(short.get(..head), all.get(..head));
            // Every sentence with a letter comes before every one without.
            let firsts = lettered.iter().filter(|&&l| l).count();
            proptest::prop_assert!(short.iter().take(firsts).all(|&i| lettered[i]));
        }
    }

    #[test]
    fn ranks_example() {
        assert_eq!(ranks(&[0.1, 0.9, 0.5], &[]), [2, 0, 1]);
    }

    #[test]
    fn selection_order_example() {
        let scores = [1.0, 0.9, 0.5];
        // Sentences 0 and 1 say the same thing; 2 is different.
        let vectors = vec![vec![(0, 1.0)], vec![(0, 1.0)], vec![(1, 1.0)]];
        assert_eq!(selection_order(&scores, &vectors, 0.0, 3), [0, 1, 2]);
        assert_eq!(selection_order(&scores, &vectors, 0.5, 3), [0, 2, 1]);
        assert_eq!(selection_order(&scores, &vectors, 0.5, 1), [0, 1, 2]);
    }

    #[test]
    fn sentences_without_a_letter_come_last_even_against_repeats() {
        // 0, 1 and 2 say the same thing; 3 (a timestamp) says nothing.
        let scores = [1.0, 0.9, 0.8, 0.0];
        let lettered = [true, true, true, false];
        let same = [(0, 1.0)];
        let vector = |i: usize| if i < 3 { &same[..] } else { &[][..] };
        for redundancy in [0.0, 0.2, 1.0] {
            let order = selection_order_by(&scores, &lettered, vector, redundancy, 4);
            assert_eq!(order[3], 3, "{redundancy}: {order:?}");
        }
        assert_eq!(top_n(&[0.0, 0.0, 0.5], &[false, true, true], 2), [1, 2]);
        assert_eq!(ranks(&[0.9, 0.0], &[false, true]), [1, 0]);
    }

    #[test]
    fn budgets_are_not_filled_with_sentences_without_a_letter() {
        let order = [1, 0, 2];
        let words = [30, 5, 1];
        let lettered = [true, true, false];
        // Sentence 0 does not fit; 2 would, but it has no letter.
        assert_eq!(
            fit_length(&order, 3, &words, &lettered, Length::words(10)),
            [1]
        );
        // In a text of nothing else, they are all there is.
        let none = [false; 3];
        assert_eq!(
            fit_length(&order, 3, &words, &none, Length::words(10)),
            [1, 2]
        );
        assert_eq!(
            fit_length(&order, 3, &words, &[], Length::words(10)),
            [1, 2]
        );
    }

    #[test]
    fn fit_length_example() {
        let order = [2, 0, 1];
        let words = [5, 3, 9];
        assert_eq!(
            fit_length(&order, 3, &words, &[], Length::sentences(2)),
            [0, 2]
        );
        assert_eq!(
            fit_length(&order, 3, &words, &[], Length::ratio(0.34).unwrap()),
            [0, 2]
        );
        assert_eq!(fit_length(&order, 3, &words, &[], Length::words(8)), [0, 1]);
        assert_eq!(fit_length(&order, 3, &words, &[], Length::words(2)), [2]);
        assert!(fit_length(&[], 0, &[], &[], Length::words(2)).is_empty());
    }
}
