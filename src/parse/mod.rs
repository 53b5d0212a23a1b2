//! Pure parsers for what users type: escapes, times and durations, the `-o` offset grammar.
//! No I/O here, so each is unit-tested and fuzzed on its own.

pub mod escape;
pub mod offset;
pub mod time;
