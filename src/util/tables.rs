//! Tables of a character property for every code point of one or two UTF-8 bytes,
//! built at compile time, so that the hot loops look a class up instead of walking
//! a chain of ranges.

/// Code points below this take one or two bytes in UTF-8: the range every table covers.
pub(crate) const TWO_BYTE_END: usize = 0x800;

/// `[$of(code) for code in 0..TWO_BYTE_END]` as a constant array (the slot type is
/// that of `$fill`). Its indexing is checked at compile time, so it cannot panic at
/// run time; the `static` it initializes needs `#[allow(clippy::indexing_slicing)]`.
macro_rules! two_byte_table {
    ($fill:expr, $of:expr) => {{
        let mut table = [$fill; $crate::util::tables::TWO_BYTE_END];
        let mut code = 0;
        while code < $crate::util::tables::TWO_BYTE_END {
            table[code] = $of(code as u32);
            code += 1;
        }
        table
    }};
}

pub(crate) use two_byte_table;
