//! Fuzz target: kaf::fuzzing::server_sasl (see src/fuzzing.rs).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kaf::fuzzing::server_sasl(data));
