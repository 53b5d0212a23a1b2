//! The progress line on stderr for long work (`produce`, `consume` into a file, `doctor`,
//! `topics clean`): what was done so far, the rate, and the time left when the size of the
//! whole is known.
//!
//! The work only bumps counters (relaxed atomics, once per read or batch, never per record);
//! a thread of its own redraws the line at most 10 times a second and clears it when the
//! `Progress` is dropped, so the hot paths pay nothing measurable. The line is drawn only
//! when `enabled()`: stderr is a terminal, `TERM` is not `dumb`, `CI` is unset (or empty,
//! `0`, `false`) and `--no-progress` was not given; pipes, files and CI logs never see it.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Redraw period: at most 10 frames a second.
const TICK: Duration = Duration::from_millis(100);

/// `--no-progress`.
static DISABLED: AtomicBool = AtomicBool::new(false);

/// Whether a frame is on the terminal now; held while a frame or a message is written, so
/// that a message never lands in the middle of a frame.
static SCREEN: Mutex<bool> = Mutex::new(false);

/// Writes `line` and a newline to stderr, erasing the progress line first if one is drawn
/// (the next frame is drawn below the message). For the notices and warnings of commands
/// that may draw one.
pub(crate) fn eprint_line(line: impl std::fmt::Display) {
    let mut drawn = SCREEN.lock().unwrap_or_else(|e| e.into_inner());
    let mut err = std::io::stderr().lock();
    if *drawn {
        let _ = err.write_all(b"\r\x1b[2K");
        *drawn = false;
    }
    let _ = writeln!(err, "{line}");
}

pub(crate) fn disable() {
    DISABLED.store(true, Relaxed);
}

/// Whether a progress line may be drawn on stderr.
pub(crate) fn enabled() -> bool {
    let ci = std::env::var("CI").is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false"));
    !DISABLED.load(Relaxed)
        && !ci
        && !crate::term::dumb_terminal()
        && std::io::stderr().is_terminal()
}

/// Whether stdout is a regular file: `consume` draws progress only then (on a terminal or
/// a pipe the line would mix with what reads the records).
pub(crate) fn stdout_is_file() -> bool {
    use std::os::fd::AsFd;
    std::io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .and_then(|fd| std::fs::File::from(fd).metadata())
        .is_ok_and(|m| m.is_file())
}

/// What the line counts, and how it names it.
pub(crate) struct Spec {
    /// The line's start: `produce orders`, `doctor`.
    pub what: String,
    /// What an item is (`records`, `topics`); None: only the time elapsed is shown.
    pub items: Option<&'static str>,
    /// The verb after the byte count (`read`, `written`, `reclaimed`); None: no bytes.
    pub bytes: Option<&'static str>,
    /// The whole, in items or bytes, for the time left.
    pub total_items: Option<u64>,
    pub total_bytes: Option<u64>,
}

struct Shared {
    spec: Spec,
    items: AtomicU64,
    bytes: AtomicU64,
    stop: Mutex<bool>,
    wake: Condvar,
}

/// A handle the work bumps; cheap to clone and to call.
#[derive(Clone)]
pub(crate) struct Counter(Arc<Shared>);

impl Counter {
    #[inline]
    pub(crate) fn add(&self, items: u64, bytes: u64) {
        self.0.items.fetch_add(items, Relaxed);
        self.0.bytes.fetch_add(bytes, Relaxed);
    }
}

/// A drawn progress line; dropping it clears the line.
pub(crate) struct Progress {
    shared: Arc<Shared>,
    drawer: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts drawing, or None when `enabled()` says no.
    pub(crate) fn start(spec: Spec) -> Option<Progress> {
        if !enabled() {
            return None;
        }
        let shared = Arc::new(Shared {
            spec,
            items: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            stop: Mutex::new(false),
            wake: Condvar::new(),
        });
        let s = shared.clone();
        let drawer = std::thread::Builder::new()
            .name("progress".into())
            .spawn(move || draw_loop(&s))
            .ok()?;
        Some(Progress {
            shared,
            drawer: Some(drawer),
        })
    }

    pub(crate) fn counter(&self) -> Counter {
        Counter(self.shared.clone())
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        *self.shared.stop.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.shared.wake.notify_all();
        if let Some(t) = self.drawer.take() {
            let _ = t.join();
        }
    }
}

fn draw_loop(s: &Shared) {
    let started = Instant::now();
    let mut stop = s.stop.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let (guard, _) = s
            .wake
            .wait_timeout(stop, TICK)
            .unwrap_or_else(|e| e.into_inner());
        stop = guard;
        let mut on_screen = SCREEN.lock().unwrap_or_else(|e| e.into_inner());
        let mut err = std::io::stderr().lock();
        if *stop {
            if *on_screen {
                // Back to the start of the line, erased: what follows starts clean.
                let _ = err.write_all(b"\r\x1b[2K");
                let _ = err.flush();
                *on_screen = false;
            }
            return;
        }
        let line = render(
            &s.spec,
            s.items.load(Relaxed),
            s.bytes.load(Relaxed),
            started.elapsed(),
        );
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
        *on_screen = true;
    }
}

/// One frame: `produce orders: 120000 records, 12.0 MiB read, 40.0 MiB/s, 3s left`.
fn render(spec: &Spec, items: u64, bytes: u64, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(0.001);
    let mut parts = Vec::new();
    if let Some(unit) = spec.items {
        match spec.total_items {
            Some(t) => parts.push(format!("{items}/{t} {unit}")),
            None => parts.push(format!("{items} {unit}")),
        }
    }
    if let Some(verb) = spec.bytes {
        parts.push(format!("{} {verb}", human(bytes as f64)));
        if spec.items.is_some_and(|u| u == "records") {
            parts.push(format!("{}/s", human(bytes as f64 / secs)));
        }
    }
    let left = match (spec.total_bytes, spec.total_items) {
        (Some(t), _) if bytes > 0 => Some(t.saturating_sub(bytes) as f64 / (bytes as f64 / secs)),
        (None, Some(t)) if items > 0 => {
            Some(t.saturating_sub(items) as f64 / (items as f64 / secs))
        }
        _ => None,
    };
    match left {
        Some(l) => parts.push(format!("{} left", clock(l))),
        None => parts.push(format!("{} elapsed", clock(secs))),
    }
    format!("{}: {}", spec.what, parts.join(", "))
}

fn human(b: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = b;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{v:.0} {}", UNITS[u])
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

fn clock(secs: f64) -> String {
    let s = secs.round() as u64;
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m{:02}s", s / 60, s % 60),
        _ => format!("{}h{:02}m", s / 3600, s / 60 % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(items: Option<&'static str>, bytes: Option<&'static str>) -> Spec {
        Spec {
            what: "produce t".into(),
            items,
            bytes,
            total_items: None,
            total_bytes: None,
        }
    }

    #[test]
    fn frames() {
        let s = spec(Some("records"), Some("read"));
        assert_eq!(
            render(&s, 1000, 2 * 1024 * 1024, Duration::from_secs(2)),
            "produce t: 1000 records, 2.0 MiB read, 1.0 MiB/s, 2s elapsed"
        );
        let s = Spec {
            total_bytes: Some(6 * 1024 * 1024),
            ..s
        };
        assert_eq!(
            render(&s, 1000, 2 * 1024 * 1024, Duration::from_secs(2)),
            "produce t: 1000 records, 2.0 MiB read, 1.0 MiB/s, 4s left"
        );
        let s = Spec {
            what: "topics clean".into(),
            total_items: Some(10),
            ..spec(Some("topics"), Some("reclaimed"))
        };
        assert_eq!(
            render(&s, 2, 100, Duration::from_secs(60)),
            "topics clean: 2/10 topics, 100 B reclaimed, 4m00s left"
        );
        let s = spec(None, None);
        assert_eq!(
            render(&s, 0, 0, Duration::from_secs(7300)),
            "produce t: 2h01m elapsed"
        );
    }
}
