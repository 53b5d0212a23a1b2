//! Fuzz target: kaf::fuzzing::format_string (see src/fuzzing.rs).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kaf::fuzzing::format_string(data));
