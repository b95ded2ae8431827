//! Open-addressing tables of ids by string key, for keys hashed once.
//!
//! Hand-written rather than `hashbrown::HashTable`: with the same hash and keys, that
//! table took 2.6–3.5 % more instructions per CNN/DM article (the `cnndm` workload of
//! `benches/instructions.rs`, find then insert or one `entry` probe).
//!
//! A [`KeyTable`] keeps only ids and their hashes; the caller keeps the keys (ranges
//! of a text, or of a buffer) and says which id holds a key. So a key is hashed
//! once however many tables are asked: term building hashes a word once for its
//! vocabulary and the stopword index alike.

use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

/// The hash every table takes.
#[inline]
pub(crate) fn hash(key: &str) -> u64 {
    FxBuildHasher.hash_one(key)
}

/// Whether two keys are equal, compared inline eight bytes at a time: keys are
/// short, and a call to `memcmp` costs more than the comparison.
#[inline(always)]
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    for (p, q) in (&mut x).zip(&mut y) {
        if word(p) != word(q) {
            return false;
        }
    }
    x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

/// Eight bytes as one number.
#[inline(always)]
fn word(bytes: &[u8]) -> u64 {
    bytes.try_into().map_or(0, u64::from_ne_bytes)
}

/// Ids `0..len` by the hash of their keys.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeyTable {
    /// Each id's hash, to compare before the key and to grow the table.
    hashes: Vec<u64>,
    /// Id + 1 in each used slot, 0 in a free one; the length is a power of two
    /// above twice the number of ids, so that a probe always ends.
    slots: Vec<u32>,
}

impl KeyTable {
    /// An empty table with room for `ids` ids before it grows.
    pub(crate) fn with_capacity(ids: usize) -> Self {
        KeyTable {
            hashes: Vec::with_capacity(ids),
            slots: vec![0; (ids.max(4) * 2 + 1).next_power_of_two()],
        }
    }

    /// The id of the key hashed `hash`, given which ids hold that key; else the free
    /// slot where [`KeyTable::insert`] puts it.
    #[inline(always)]
    pub(crate) fn find(&self, hash: u64, holds: impl Fn(usize) -> bool) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        while let Some(&taken) = self.slots.get(slot) {
            let Some(id) = taken.checked_sub(1) else {
                break;
            };
            if self.hashes.get(id as usize) == Some(&hash) && holds(id as usize) {
                return Ok(id);
            }
            slot = (slot + 1) & mask;
        }
        Err(slot)
    }

    /// Gives the next id to the key hashed `hash`, at the free `slot` that
    /// [`KeyTable::find`] returned for it.
    #[inline]
    pub(crate) fn insert(&mut self, slot: usize, hash: u64) -> u32 {
        let id = u32::try_from(self.hashes.len()).unwrap_or(u32::MAX - 1);
        self.hashes.push(hash);
        if let Some(free) = self.slots.get_mut(slot) {
            *free = id.saturating_add(1);
        }
        if self.hashes.len() * 2 >= self.slots.len() {
            self.grow();
        }
        id
    }

    /// Doubles the slots and places every id again.
    fn grow(&mut self) {
        let mut slots = vec![0u32; self.slots.len() * 2];
        let mask = slots.len() - 1;
        for (id, &hash) in (1u32..).zip(&self.hashes) {
            let mut slot = hash as usize & mask;
            while slots.get(slot).is_some_and(|&s| s != 0) {
                slot = (slot + 1) & mask;
            }
            if let Some(free) = slots.get_mut(slot) {
                *free = id;
            }
        }
        self.slots = slots;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_holds_as_it_grows() {
        let keys: Vec<String> = (0..5000).map(|i| format!("k{i}")).collect();
        let mut table = KeyTable::with_capacity(1);
        for (i, key) in keys.iter().enumerate() {
            let h = hash(key);
            let slot = table.find(h, |id| keys[id] == *key).unwrap_err();
            assert_eq!(table.insert(slot, h) as usize, i);
        }
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(table.find(hash(key), |id| keys[id] == *key), Ok(i as u32));
        }
        assert!(table
            .find(hash("absent"), |id| keys[id] == "absent")
            .is_err());
    }
}
