//! Byte scans eight bytes at a time (one `u64`), for the long runs of plain text
//! between the bytes that the segmenters look at.

/// `0x01` in every byte.
const LO: u64 = 0x0101_0101_0101_0101;
/// `0x80` in every byte.
const HI: u64 = 0x8080_8080_8080_8080;

/// Whether some byte of `word` is zero (exact; which byte is found by the caller).
#[inline]
fn has_zero(word: u64) -> bool {
    word.wrapping_sub(LO) & !word & HI != 0
}

/// Whether some byte of `word` equals `byte`.
#[inline]
fn has_byte(word: u64, byte: u8) -> bool {
    has_zero(word ^ (LO * u64::from(byte)))
}

/// The offset of the first byte of `bytes` for which `hit` holds, testing eight
/// bytes at once with `maybe` (true whenever one of them is a hit).
#[inline]
fn find(bytes: &[u8], maybe: impl Fn(u64) -> bool, hit: impl Fn(u8) -> bool) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if maybe(word) {
            if let Some(i) = chunk.iter().position(|&b| hit(b)) {
                return Some(base + i);
            }
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| hit(b))
        .map(|i| base + i)
}

/// The offset of the first byte beyond ASCII.
pub(crate) fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    find(bytes, |w| w & HI != 0, |b| !b.is_ascii())
}

/// The offset of the first `byte`.
pub(crate) fn find_byte(bytes: &[u8], byte: u8) -> Option<usize> {
    find(bytes, |w| has_byte(w, byte), |b| b == byte)
}

/// The offset of the first line end (`\n`, `\r`), sentence terminator of ASCII
/// (`.`, `!`, `?`) or byte beyond ASCII.
pub(crate) fn find_sentence_stop(bytes: &[u8]) -> Option<usize> {
    find(
        bytes,
        |w| {
            w & HI != 0
                || has_byte(w, b'\n')
                || has_byte(w, b'.')
                || has_byte(w, b'\r')
                || has_byte(w, b'!')
                || has_byte(w, b'?')
        },
        |b| matches!(b, b'\n' | b'\r' | b'.' | b'!' | b'?') || !b.is_ascii(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn scans_agree_with_position(bytes in proptest::collection::vec(any::<u8>(), 0..40), byte: u8) {
            prop_assert_eq!(first_non_ascii(&bytes), bytes.iter().position(|&b| !b.is_ascii()));
            prop_assert_eq!(find_byte(&bytes, byte), bytes.iter().position(|&b| b == byte));
            prop_assert_eq!(
                find_sentence_stop(&bytes),
                bytes.iter().position(|&b| matches!(b, b'\n' | b'\r' | b'.' | b'!' | b'?') || b >= 0x80)
            );
        }

        #[test]
        fn scans_find_sparse_bytes(
            at in proptest::collection::vec(0usize..64, 0..3),
            byte in prop::sample::select(vec![b'\n', b'\r', b'.', b'!', b'?', 0x80, 0xE2, 0xFF, 0]),
        ) {
            let mut bytes = vec![b'a'; 64];
            for &i in &at {
                if let Some(b) = bytes.get_mut(i) {
                    *b = byte;
                }
            }
            prop_assert_eq!(find_byte(&bytes, byte), bytes.iter().position(|&b| b == byte));
            prop_assert_eq!(
                find_sentence_stop(&bytes),
                bytes.iter().position(|&b| matches!(b, b'\n' | b'\r' | b'.' | b'!' | b'?') || b >= 0x80)
            );
            prop_assert_eq!(first_non_ascii(&bytes), bytes.iter().position(|&b| !b.is_ascii()));
        }
    }
}
