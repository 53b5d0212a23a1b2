//! The integration test crate: every suite that runs the real `kaf` binary (or the library's
//! fuzz entry points) as one test binary, sharing one `harness`. Opt-in suites with special
//! needs (soak, disk_full, bench_smoke) are separate crates under `tests/opt/` that include
//! the same harness file.

mod harness;

mod client_security;
mod code_map;
mod consume_filters;
mod delete_records;
mod doctor;
mod exit_codes;
mod faults;
mod fuzz_corpus;
mod generated;
mod groups;
mod harness_tests;
mod human_output;
mod integrity;
mod json_output;
mod kafka_diff;
mod kafka_java;
mod kafka_real;
mod kafka_remote;
mod kafka_tools;
mod lifecycle;
mod log_lifecycle;
mod open_files;
mod produce_consume;
mod produce_errors;
mod produce_txn;
mod profiles;
mod readme;
mod remote;
mod remote_faults;
mod rough_edges;
mod schemas;
mod server_cleaner;
mod server_consumer_group;
mod server_groups;
mod server_integrity;
mod server_interop;
mod server_limits;
mod server_protocol;
mod server_security;
mod server_txn;
mod store;
mod topics_alter;
mod topics_dump;
