//! Fuzz target: kaf::fuzzing::produce_json (see src/fuzzing.rs).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kaf::fuzzing::produce_json(data));
