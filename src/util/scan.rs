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

/// The offset of the first byte that may start a mark of
/// `segment::terminators::script_breaks`: `:` or `;` (0x3A, 0x3B), or the lead
/// byte 0xE0 or 0xE1 (U+0800–U+1FFF); each pair differs in the lowest bit only, so
/// one test with that bit set finds both.
pub(crate) fn find_script_mark(bytes: &[u8]) -> Option<usize> {
    find(
        bytes,
        |w| has_byte(w | LO, b';') || has_byte(w | LO, 0xE1),
        |b| matches!(b | 1, b';' | 0xE1),
    )
}

/// The offset of the first `byte` (`memchr`, which uses the widest vectors the CPU
/// has).
pub(crate) fn find_byte(bytes: &[u8], byte: u8) -> Option<usize> {
    memchr::memchr(byte, bytes)
}

/// Whether a byte is a UTF-8 lead byte other than those of the characters that the
/// sentence fast path always knows: `0xC3` (U+00C0–U+00FF) and `0xD8`–`0xDB` (the
/// Arabic block, U+0600–U+06FF).
#[inline]
fn is_other_lead(b: u8) -> bool {
    b >= 0xC0 && b != 0xC3 && !(0xD8..=0xDB).contains(&b)
}

/// The bytes of `word` that are zero, as the high bit of each byte (exact, no
/// borrow from one byte into the next).
#[inline]
fn zero_bytes(word: u64) -> u64 {
    !(((word & !HI).wrapping_add(!HI)) | word) & HI
}

/// The offset of the first lead byte for which [`is_other_lead`] holds: ASCII,
/// continuation bytes and the leads of Latin-1 letters and the Arabic block are
/// stepped over eight bytes at a time.
pub(crate) fn first_other_lead(bytes: &[u8]) -> Option<usize> {
    find(
        bytes,
        |w| {
            if w & HI == 0 {
                // All ASCII, the common case of English.
                return false;
            }
            let lead = w & (w << 1) & HI;
            let arabic = zero_bytes((w & (LO * 0xFC)) ^ (LO * 0xD8));
            let latin1 = zero_bytes(w ^ (LO * 0xC3));
            lead & !arabic & !latin1 != 0
        },
        is_other_lead,
    )
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

    /// Every byte value, in every position of a word of eight, among bytes of every
    /// kind.
    #[test]
    fn other_leads_in_every_position() {
        for b in 0..=u8::MAX {
            for at in 0..8 {
                for fill in [b'a', 0x80, 0xBF, 0xC3, 0xD8, 0xDB] {
                    let mut bytes = [fill; 8];
                    if let Some(slot) = bytes.get_mut(at) {
                        *slot = b;
                    }
                    let want = bytes.iter().position(|&b| is_other_lead(b));
                    assert_eq!(
                        first_other_lead(&bytes),
                        want,
                        "{b:#04x} at {at} in {fill:#04x}"
                    );
                }
            }
        }
    }

    proptest! {
        #[test]
        fn scans_agree_with_position(bytes in proptest::collection::vec(any::<u8>(), 0..40), byte: u8) {
            prop_assert_eq!(first_non_ascii(&bytes), bytes.iter().position(|&b| !b.is_ascii()));
            prop_assert_eq!(find_byte(&bytes, byte), bytes.iter().position(|&b| b == byte));
            prop_assert_eq!(first_other_lead(&bytes), bytes.iter().position(|&b| is_other_lead(b)));
            prop_assert_eq!(
                find_script_mark(&bytes),
                bytes.iter().position(|&b| matches!(b, b':' | b';' | 0xE0 | 0xE1))
            );
            prop_assert_eq!(
                find_sentence_stop(&bytes),
                bytes.iter().position(|&b| matches!(b, b'\n' | b'\r' | b'.' | b'!' | b'?') || b >= 0x80)
            );
        }

        #[test]
        fn scans_find_sparse_bytes(
            at in proptest::collection::vec(0usize..64, 0..3),
            byte in prop::sample::select(vec![b'\n', b'\r', b'.', b'!', b'?', b':', b';', b'9', 0x80, 0xE0, 0xE1, 0xE2, 0xFF, 0]),
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
            prop_assert_eq!(
                find_script_mark(&bytes),
                bytes.iter().position(|&b| matches!(b, b':' | b';' | 0xE0 | 0xE1))
            );
        }
    }
}
