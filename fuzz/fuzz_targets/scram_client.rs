//! Fuzz target: kaf::fuzzing::scram_client (see src/fuzzing.rs).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kaf::fuzzing::scram_client(data));
