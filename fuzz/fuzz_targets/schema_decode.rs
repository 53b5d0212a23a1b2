//! Fuzz target: kaf::fuzzing::schema_decode (see src/fuzzing.rs).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kaf::fuzzing::schema_decode(data));
