//! What kaf may draw on a terminal: colour (the `kaf: error:`/`warning:` prefixes on stderr,
//! a lag above zero in `groups describe`) and the progress line (`progress`). Colour is used
//! only when the stream is a terminal, `TERM` is not `dumb` and `NO_COLOR` is unset or empty
//! (<https://no-color.org>), so pipes, files and scripts never get escape bytes.

use std::io::IsTerminal;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy)]
pub(crate) enum Stream {
    Stdout,
    Stderr,
}

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

pub(crate) fn dumb_terminal() -> bool {
    std::env::var_os("TERM").is_some_and(|t| t == "dumb")
}

/// Whether `stream` gets colour (decided once per process: neither changes while kaf runs).
pub(crate) fn colour(stream: Stream) -> bool {
    static OUT: OnceLock<bool> = OnceLock::new();
    static ERR: OnceLock<bool> = OnceLock::new();
    let (cell, tty) = match stream {
        Stream::Stdout => (&OUT, std::io::stdout().is_terminal()),
        Stream::Stderr => (&ERR, std::io::stderr().is_terminal()),
    };
    *cell.get_or_init(|| tty && !no_color() && !dumb_terminal())
}

pub(crate) const RED: &str = "\x1b[1;31m";
pub(crate) const YELLOW: &str = "\x1b[1;33m";
const RESET: &str = "\x1b[0m";

/// `text` in `style` when `on`, else as it is.
pub(crate) fn paint(text: &str, style: &str, on: bool) -> String {
    if on {
        format!("{style}{text}{RESET}")
    } else {
        text.to_string()
    }
}

/// `kaf: error:` for stderr, with `error:` in red on a terminal.
pub(crate) fn error_prefix() -> String {
    format!("kaf: {}", paint("error:", RED, colour(Stream::Stderr)))
}

/// `kaf: warning:` for stderr, with `warning:` in yellow on a terminal.
pub(crate) fn warning_prefix() -> String {
    format!("kaf: {}", paint("warning:", YELLOW, colour(Stream::Stderr)))
}
