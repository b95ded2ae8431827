//! Machinery the stages share, kept apart so that the domain modules stand out:
//! open-addressing key tables, compile-time character tables, byte scanners, and the
//! named thread pools.

pub(crate) mod keytable;
pub(crate) mod pool;
pub(crate) mod scan;
pub(crate) mod tables;
