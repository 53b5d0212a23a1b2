//! Fuzz target: kaf::fuzzing::batch_decode (see src/fuzzing.rs).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kaf::fuzzing::batch_decode(data));
