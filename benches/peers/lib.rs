//! Empty: this crate exists for its bench, `peers.rs` (see `benches/README.md`).
