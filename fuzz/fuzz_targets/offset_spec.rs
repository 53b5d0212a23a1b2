//! Fuzz target: kaf::fuzzing::offset_spec (see src/fuzzing.rs).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kaf::fuzzing::offset_spec(data));
