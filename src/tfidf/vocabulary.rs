//! The vocabulary of a run of sentences: local ids by match key, with keys kept as
//! ranges of the text.

use crate::util::keytable::{self, KeyTable};

/// Where `key` lies in `text`, when it is a slice of it.
pub(super) fn offset_in(text: &str, key: &str) -> Option<usize> {
    let offset = (key.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let slice = text.get(offset..offset.checked_add(key.len())?)?;
    std::ptr::eq(slice.as_ptr(), key.as_ptr()).then_some(offset)
}

/// Where a key's letters are: a range of the text, or of the vocabulary's own buffer.
#[derive(Debug, Clone, Copy)]
struct KeyAt {
    start: usize,
    end: usize,
    owned: bool,
}

/// Local ids by match key, whose keys are ranges of the text or of one buffer, so
/// that no key allocates and each token is hashed once (see [`KeyTable`]).
pub(super) struct Vocabulary<'t> {
    text: &'t str,
    /// The keys that are not slices of the text, one after the other.
    owned: String,
    /// Each id's key.
    keys: Vec<KeyAt>,
    table: KeyTable,
}

impl<'t> Vocabulary<'t> {
    /// An empty vocabulary for `bytes` of text: room for the distinct words of a
    /// short document (a word takes 8 bytes or more with its space) from the start.
    pub(super) fn new(text: &'t str, bytes: usize) -> Self {
        let words = (bytes / 8).clamp(8, 1 << 12);
        Vocabulary {
            text,
            owned: String::new(),
            keys: Vec::with_capacity(words),
            table: KeyTable::with_capacity(words),
        }
    }

    /// Room for this many keys before the vocabulary grows.
    pub(super) fn capacity(&self) -> usize {
        self.keys.capacity()
    }

    /// The key of `id`.
    #[inline(always)]
    pub(super) fn key(&self, id: usize) -> &str {
        let Some(at) = self.keys.get(id) else {
            return "";
        };
        let letters = if at.owned { &self.owned } else { self.text };
        letters.get(at.start..at.end).unwrap_or_default()
    }

    /// The id of `key` (hashed `hash`) and whether it is new. A new key is kept as
    /// the range of the text at `at` (where `key` must lie), or copied when `at` is
    /// `None`.
    #[inline(always)]
    pub(super) fn id(&mut self, key: &str, hash: u64, at: Option<usize>) -> (u32, bool) {
        let slot = match self
            .table
            .find(hash, |id| keytable::same(self.key(id), key))
        {
            Ok(id) => return (id, false),
            Err(slot) => slot,
        };
        self.keys.push(match at {
            Some(start) => KeyAt {
                start,
                end: start + key.len(),
                owned: false,
            },
            None => {
                let start = self.owned.len();
                self.owned.push_str(key);
                KeyAt {
                    start,
                    end: self.owned.len(),
                    owned: true,
                }
            }
        });
        (self.table.insert(slot, hash), true)
    }
}
