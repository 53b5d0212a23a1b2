//! The wall clock as kaf stamps records and anchors relative times (`-1h`, `@-2h`): epoch
//! milliseconds, shared by every command instead of each reading `SystemTime` its own way.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch; 0 if the clock is set before 1970.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
