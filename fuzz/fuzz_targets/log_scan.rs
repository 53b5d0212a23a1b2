//! Fuzz target: kaf::fuzzing::log_scan (see src/fuzzing.rs).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kaf::fuzzing::log_scan(data));
