//! The one harness every integration test uses: the `kaf` command builder (a clean `KAF_*`
//! environment and `TZ=UTC`), running a command with stdin fed from a thread, the one
//! kill-on-drop child ([`Proc`]), the one `kaf server` launcher ([`Server`]), polling for an
//! observable state with a deadline ([`wait_until`]) and the one "tool present, or fail under
//! CI" check ([`require_tool`], [`require_python`]).
//!
//! The opt-in crates (soak, disk_full, bench_smoke) include this file with
//! `#[path = "../it/harness/mod.rs"] mod harness;`, so each uses only part of it.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

pub mod kafka;
pub mod mock;
pub mod wire;

pub const KAF: &str = env!("CARGO_BIN_EXE_kaf");

/// How long anything that should happen "soon" may take before a test fails. Generous on
/// purpose: the suite must pass on a loaded 2-core machine, and nothing asserts on time.
pub const DEADLINE: Duration = Duration::from_secs(60);

/// How often [`wait_until`] and [`Proc::wait`] look again.
const POLL: Duration = Duration::from_millis(10);

// ---------------------------------------------------------------------------------------
// The kaf command
// ---------------------------------------------------------------------------------------

/// `program` with no `KAF_*` variable inherited, an empty config file and `TZ=UTC`: a
/// developer's exported `KAF_BROKERS` or `KAF_DIR`, or a cluster profile chosen with `kaf
/// config use`, must never redirect a test, and the time formats the tests compare are UTC.
/// A test of profiles sets `KAF_CONFIG` to its own file.
pub fn clean(program: impl AsRef<OsStr>) -> Command {
    let mut c = Command::new(program);
    isolate(&mut c, std::env::vars_os().map(|(name, _)| name));
    c
}

/// Removes from `c` every `KAF_*` name of `inherited` (the names the child would inherit)
/// and pins `KAF_CONFIG` and `TZ`. Separate from [`clean`] so a test can prove the
/// isolation with names of its own: setting a variable in the test process itself would
/// race with every other test building a command at that moment.
pub fn isolate(c: &mut Command, inherited: impl IntoIterator<Item = std::ffi::OsString>) {
    for name in inherited {
        if name.to_string_lossy().starts_with("KAF_") {
            c.env_remove(&name);
        }
    }
    c.env("KAF_CONFIG", "/dev/null");
    c.env("TZ", "UTC");
}

/// `kaf` with a clean environment and no `--dir` (for `-b`, `--help`, or a test that sets
/// `KAF_DIR` itself).
pub fn kaf_bin() -> Command {
    clean(KAF)
}

/// `kaf --dir DIR` with a clean environment.
pub fn kaf_cmd(dir: &Path) -> Command {
    let mut c = kaf_bin();
    c.arg("--dir").arg(dir);
    c
}

/// The same command for assert_cmd's assertions.
pub fn assert_kaf(dir: &Path) -> assert_cmd::Command {
    assert_cmd::Command::from_std(kaf_cmd(dir))
}

/// Runs `kaf --dir DIR ARGS` with `stdin` and `KAF_FAULT` set or not; waits at most
/// [`DEADLINE`].
pub fn kaf_with(dir: &Path, fault: Option<&str>, args: &[&str], stdin: &[u8]) -> Output {
    let mut c = kaf_cmd(dir);
    c.args(args);
    if let Some(f) = fault {
        c.env("KAF_FAULT", f);
    }
    run(&mut c, stdin)
}

/// `kaf_with` without a fault.
pub fn kaf(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    kaf_with(dir, None, args, stdin)
}

/// `kaf --dir DIR ARGS` that must succeed (the test fails with its stderr otherwise);
/// returns its stdout as text.
pub fn kaf_ok(dir: &Path, args: &[&str], stdin: &[u8]) -> String {
    String::from_utf8(ok(kaf_cmd(dir).args(args), stdin)).expect("kaf printed UTF-8")
}

/// Runs `cmd` with `stdin` fed from a thread (a large input cannot deadlock against a full
/// stdout pipe), collecting stdout and stderr; kills it and fails after [`DEADLINE`].
pub fn run(cmd: &mut Command, stdin: &[u8]) -> Output {
    run_within(cmd, stdin, DEADLINE)
}

pub fn run_within(cmd: &mut Command, stdin: &[u8], limit: Duration) -> Output {
    Proc::start(cmd, stdin).output(limit)
}

/// Runs `cmd`, asserts success, returns stdout.
pub fn ok(cmd: &mut Command, stdin: &[u8]) -> Vec<u8> {
    let out = run(cmd, stdin);
    assert!(out.status.success(), "{}", show(cmd, &out));
    out.stdout
}

/// A command and its outcome, for failure messages.
pub fn show(cmd: &Command, out: &Output) -> String {
    format!(
        "{cmd:?}: {}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The variables `cmd` sets or removes, for tests of the builder itself.
pub fn env_of(cmd: &Command) -> BTreeMap<String, Option<String>> {
    cmd.get_envs()
        .map(|(k, v)| {
            (
                k.to_string_lossy().into_owned(),
                v.map(|v| v.to_string_lossy().into_owned()),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Waiting
// ---------------------------------------------------------------------------------------

/// Polls `ready` in small steps until it holds; fails with `what` after `limit`. This is how
/// tests wait for another process: on something it does that can be seen, never on time.
pub fn wait_until(limit: Duration, what: impl std::fmt::Display, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !ready() {
        assert!(Instant::now() < deadline, "gave up after {limit:?}: {what}");
        thread::sleep(POLL);
    }
}

// ---------------------------------------------------------------------------------------
// A child that is killed on drop
// ---------------------------------------------------------------------------------------

/// A child process that is killed and reaped when dropped, so a failing test leaves no
/// process behind.
pub struct Proc {
    child: Option<Child>,
    what: String,
}

impl Proc {
    /// Spawns `cmd` with the stdio it was given.
    pub fn spawn(cmd: &mut Command) -> Proc {
        let what = format!("{cmd:?}");
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
        Proc {
            child: Some(child),
            what,
        }
    }

    /// Spawns `cmd` with every stdio piped and `stdin` written (then closed) by a thread.
    pub fn start(cmd: &mut Command, stdin: &[u8]) -> Proc {
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut p = Proc::spawn(cmd);
        let mut w = p.child().stdin.take().unwrap();
        let data = stdin.to_vec();
        thread::spawn(move || {
            let _ = w.write_all(&data);
        });
        p
    }

    pub fn child(&mut self) -> &mut Child {
        self.child.as_mut().expect("already waited for")
    }

    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("already waited for").id()
    }

    pub fn running(&mut self) -> bool {
        self.child().try_wait().unwrap().is_none()
    }

    /// Waits for the exit; kills the child and fails after `limit`.
    pub fn wait(&mut self, limit: Duration) -> ExitStatus {
        let what = self.what.clone();
        let c = self.child();
        let deadline = Instant::now() + limit;
        loop {
            if let Some(s) = c.try_wait().unwrap() {
                return s;
            }
            if Instant::now() >= deadline {
                let _ = c.kill();
                let _ = c.wait();
                panic!("{what}: still running after {limit:?}");
            }
            thread::sleep(POLL);
        }
    }

    /// Reads whatever of stdout and stderr is piped while waiting at most `limit` for the
    /// exit; kills the child and fails (showing its stderr) when late.
    pub fn output(mut self, limit: Duration) -> Output {
        let mut child = self.child.take().expect("already waited for");
        let so = child
            .stdout
            .take()
            .map(|r| thread::spawn(move || read_all(r)));
        let se = child
            .stderr
            .take()
            .map(|r| thread::spawn(move || read_all(r)));
        let deadline = Instant::now() + limit;
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if Instant::now() >= deadline {
                let _ = child.kill();
                let _ = child.wait();
                let err = se.map(|h| h.join().unwrap()).unwrap_or_default();
                panic!(
                    "{}: still running after {limit:?}; stderr: {}",
                    self.what,
                    String::from_utf8_lossy(&err)
                );
            }
            thread::sleep(POLL);
        };
        Output {
            status,
            stdout: so.map(|h| h.join().unwrap()).unwrap_or_default(),
            stderr: se.map(|h| h.join().unwrap()).unwrap_or_default(),
        }
    }

    /// SIGTERM, then the exit within [`DEADLINE`].
    pub fn term(&mut self) -> ExitStatus {
        signal(self.pid(), "TERM");
        self.wait(DEADLINE)
    }

    /// SIGKILL, as a crash would, and reap; returns the exit status (no code if the kill
    /// came first).
    pub fn kill9(&mut self) -> ExitStatus {
        let c = self.child();
        let _ = c.kill();
        c.wait().unwrap()
    }

    /// Collects stderr (which must be piped) from now on, line by line, in a [`Log`] that can
    /// be waited on.
    pub fn watch_stderr(&mut self) -> Log {
        let log = Log::default();
        log.collect(self.child().stderr.take().expect("stderr not piped"));
        log
    }

    /// Stdout (which must be piped) as lines arriving on a channel.
    pub fn stdout_lines(&mut self) -> Lines {
        let out = self.child().stdout.take().expect("stdout not piped");
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Lines(rx)
    }

    /// All of stderr (when piped): call once the child has exited or been killed.
    pub fn stderr(&mut self) -> String {
        let mut s = String::new();
        if let Some(mut e) = self.child().stderr.take() {
            let _ = e.read_to_string(&mut s);
        }
        s
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        if let Some(c) = self.child.as_mut() {
            if let Ok(None) = c.try_wait() {
                let _ = c.kill();
            }
            let _ = c.wait();
        }
    }
}

/// Sends `kill -SIG pid`.
pub fn signal(pid: u32, sig: &str) {
    let st = Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(pid.to_string())
        .status()
        .unwrap();
    assert!(st.success(), "kill -{sig} {pid}");
}

/// A child's stdout, line by line (without the newline).
pub struct Lines(mpsc::Receiver<String>);

impl Lines {
    /// The next line; fails after [`DEADLINE`] or at EOF.
    pub fn next(&self) -> String {
        self.0
            .recv_timeout(DEADLINE)
            .unwrap_or_else(|e| panic!("no line within {DEADLINE:?}: {e:?}"))
    }

    /// The next line if one arrives within `poll` (a polling step, not an expectation).
    pub fn poll(&self, poll: Duration) -> Option<String> {
        self.0.recv_timeout(poll).ok()
    }
}

/// What a child wrote on a stream so far, appended by a thread as it arrives.
#[derive(Clone, Default)]
pub struct Log {
    text: Arc<Mutex<String>>,
    closed: Arc<AtomicBool>,
}

impl Log {
    /// Appends every line of `r` until EOF (on a thread, which also keeps the pipe drained).
    pub fn collect(&self, r: impl Read + Send + 'static) {
        let log = self.clone();
        thread::spawn(move || {
            let mut r = BufReader::new(r);
            loop {
                let mut line = Vec::new();
                match r.read_until(b'\n', &mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => log
                        .text
                        .lock()
                        .unwrap()
                        .push_str(&String::from_utf8_lossy(&line)),
                }
            }
            log.closed.store(true, Ordering::SeqCst);
        });
    }

    pub fn text(&self) -> String {
        self.text.lock().unwrap().clone()
    }

    /// Waits (within [`DEADLINE`]) for the end of the stream; returns all of it.
    pub fn all(&self) -> String {
        wait_until(DEADLINE, "the stream was not closed", || {
            self.closed.load(Ordering::SeqCst)
        });
        self.text()
    }

    /// Waits until the log holds at least `n` lines containing `needle`; false after `limit`.
    pub fn wait_for(&self, needle: &str, n: usize, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        loop {
            if self.text().lines().filter(|l| l.contains(needle)).count() >= n {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            thread::sleep(POLL);
        }
    }

    /// [`Log::wait_for`] one line within [`DEADLINE`], failing with the log.
    pub fn expect(&self, needle: &str) {
        assert!(
            self.wait_for(needle, 1, DEADLINE),
            "no line with {needle:?} within {DEADLINE:?}; got:\n{}",
            self.text()
        );
    }
}

/// Every path under `root`, relative, for before/after comparisons of a directory.
pub fn tree(root: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for ent in std::fs::read_dir(&d).unwrap() {
            let p = ent.unwrap().path();
            out.insert(p.strip_prefix(root).unwrap().to_path_buf());
            if p.is_dir() {
                stack.push(p);
            }
        }
    }
    out
}

pub fn read_all(mut r: impl Read) -> Vec<u8> {
    let mut v = Vec::new();
    let _ = r.read_to_end(&mut v);
    v
}

// ---------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------

/// `kaf server` on loopback over a data directory; killed on drop. Started only once its
/// "listening on ADDR" line is on stderr; everything it writes there is kept in [`Server::log`].
pub struct Server {
    proc: Proc,
    pub addr: SocketAddr,
    dir: PathBuf,
    log: Log,
    _tmp: Option<TempDir>,
}

impl Server {
    /// On a free port, over a fresh temporary data directory, with `extra` server flags.
    pub fn start(extra: &[&str]) -> Server {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        let mut s = Server::launch(&dir, "127.0.0.1:0", extra)
            .unwrap_or_else(|log| panic!("kaf server did not start; stderr:\n{log}"));
        s._tmp = Some(tmp);
        s
    }

    /// On a free port over `dir`.
    pub fn start_in(dir: &Path) -> Server {
        Server::start_on(dir, 0)
    }

    /// On `127.0.0.1:port` over `dir`. A port just freed by a killed server can refuse to
    /// bind for a moment: a server that exits without listening is started again until the
    /// deadline.
    pub fn start_on(dir: &Path, port: u16) -> Server {
        let listen = format!("127.0.0.1:{port}");
        let deadline = Instant::now() + DEADLINE;
        loop {
            match Server::launch(dir, &listen, &[]) {
                Ok(s) => return s,
                Err(log) => {
                    assert!(
                        port != 0 && Instant::now() < deadline,
                        "kaf server could not listen on {listen}; stderr:\n{log}"
                    );
                    thread::sleep(Duration::from_millis(100));
                }
            }
        }
    }

    /// On a free port over `dir`, with `env` set for the server process (`KAF_FAULT`).
    pub fn start_with_env(dir: &Path, env: &[(&str, &str)]) -> Server {
        Server::launch_env(dir, "127.0.0.1:0", &[], env)
            .unwrap_or_else(|log| panic!("kaf server did not start; stderr:\n{log}"))
    }

    /// Starts a server and waits for its readiness line; Err(stderr) if it exits first.
    fn launch(dir: &Path, listen: &str, extra: &[&str]) -> Result<Server, String> {
        Server::launch_env(dir, listen, extra, &[])
    }

    fn launch_env(
        dir: &Path,
        listen: &str,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> Result<Server, String> {
        let mut cmd = kaf_cmd(dir);
        cmd.envs(env.iter().copied());
        cmd.args(["server", "--listen", listen])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut proc = Proc::spawn(&mut cmd);
        let log = proc.watch_stderr();
        // The readiness line: "kaf server: listening on ADDR ...".
        let (tx, rx) = mpsc::channel();
        {
            let log = log.clone();
            thread::spawn(move || {
                let deadline = Instant::now() + DEADLINE;
                loop {
                    let text = log.text();
                    if let Some(rest) = text.split("listening on ").nth(1) {
                        let addr = rest.split_whitespace().next().unwrap_or("");
                        let _ = tx.send(addr.parse::<SocketAddr>().map_err(|e| e.to_string()));
                        return;
                    }
                    if log.closed.load(Ordering::SeqCst) || Instant::now() > deadline {
                        return; // dropping tx: the server exited (or hung) before listening
                    }
                    thread::sleep(POLL);
                }
            });
        }
        match rx.recv_timeout(DEADLINE) {
            Ok(Err(e)) => Err(format!(
                "bad address in the readiness line ({e}):\n{}",
                log.text()
            )),
            Ok(Ok(addr)) => {
                assert!(addr.ip().is_loopback(), "{addr}");
                Ok(Server {
                    proc,
                    addr,
                    dir: dir.to_path_buf(),
                    log,
                    _tmp: None,
                })
            }
            Err(_) => {
                if proc.running() {
                    return Err(format!(
                        "no 'listening on' line within {DEADLINE:?}:\n{}",
                        log.text()
                    ));
                }
                Err(log.all())
            }
        }
    }

    /// "127.0.0.1:PORT", for `-b` and clients' bootstrap servers.
    pub fn bootstrap(&self) -> String {
        self.addr.to_string()
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The server's data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A temporary directory beside the data directory, for a test's own files (only for a
    /// server from [`Server::start`]).
    pub fn scratch(&self) -> &Path {
        self._tmp
            .as_ref()
            .expect("Server::start owns a scratch directory")
            .path()
    }

    /// Everything the server wrote on stderr so far.
    pub fn log(&self) -> String {
        self.log.text()
    }

    /// Waits until the log holds at least `n` lines containing `needle`; false after `limit`.
    pub fn wait_log(&self, needle: &str, n: usize, limit: Duration) -> bool {
        self.log.wait_for(needle, n, limit)
    }

    /// [`Server::wait_log`] within [`DEADLINE`], failing with the log.
    pub fn assert_log(&self, needle: &str, n: usize) {
        assert!(
            self.wait_log(needle, n, DEADLINE),
            "expected {n} log line(s) with {needle:?}; server log:\n{}",
            self.log()
        );
    }

    pub fn proc(&mut self) -> &mut Proc {
        &mut self.proc
    }

    pub fn pid(&self) -> u32 {
        self.proc.pid()
    }

    /// The server's peak resident set size so far (VmHWM of /proc/PID/status), in bytes.
    pub fn peak_rss(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .expect("the server is running");
        let kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmHWM in /proc/PID/status");
        kib * 1024
    }

    /// Waits for the server to exit on its own.
    pub fn wait_exit(&mut self) -> ExitStatus {
        self.proc.wait(DEADLINE)
    }

    /// SIGKILL, as a crash would.
    pub fn kill9(&mut self) {
        self.proc.kill9();
    }
}

// ---------------------------------------------------------------------------------------
// External tools
// ---------------------------------------------------------------------------------------

/// Whether CI=true (set by `.ci/run`): then every tool the tests use must be there.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false")
}

/// True if `present`; otherwise a skip note and false, except under CI, where a missing tool
/// fails the test. Use as `if !require("kcat", ...) { return; }`.
pub fn require(what: &str, present: bool) -> bool {
    if present {
        return true;
    }
    assert!(
        !in_ci(),
        "{what} is missing and CI=true: this test must run (.ci/run installs it)"
    );
    eprintln!("SKIPPED: {what} is not installed (with CI=true this test fails instead)");
    false
}

/// [`require`] for a program on PATH, probed once per process (`TOOL -V` for kcat,
/// `openssl version`, else `TOOL --version`).
pub fn require_tool(tool: &str) -> bool {
    let present = probed(tool, || {
        let flag = match tool {
            "kcat" => "-V",
            "openssl" => "version",
            _ => "--version",
        };
        quiet_success(Command::new(tool).arg(flag))
    });
    require(tool, present)
}

/// [`require`] for a Python module importable by `python3`.
pub fn require_python(module: &str) -> bool {
    let present = probed(&format!("python3:{module}"), || {
        quiet_success(Command::new("python3").args(["-c", &format!("import {module}")]))
    });
    require(&format!("python3 module {module}"), present)
}

/// Writes a test's Python client script `text` into `dir` as `name` (once) and returns its
/// path. The path outlives a restarted server when `dir` is the first server's scratch.
pub fn python_script(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if !path.exists() {
        std::fs::write(&path, text).unwrap();
    }
    path
}

/// Runs `python3 SCRIPT ARGS` within `limit`; fails the test unless it exits 0, showing its
/// output and `server`'s log; returns its stdout, one JSON value per line.
pub fn python_json(
    script: &Path,
    args: &[&str],
    limit: Duration,
    server: &Server,
) -> Vec<serde_json::Value> {
    let mut cmd = Command::new("python3");
    cmd.arg(script).args(args).stdin(Stdio::null());
    let out = run_within(&mut cmd, b"", limit);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "python3 {} {args:?}: {}\nstdout: {stdout}\nstderr: {}\nserver: {}",
        script.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr),
        server.log()
    );
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

/// [`python_json`]'s lines keyed by their "event" (a later line of an event replaces an
/// earlier one).
pub fn by_event(lines: Vec<serde_json::Value>) -> BTreeMap<String, serde_json::Value> {
    lines
        .into_iter()
        .map(|v| (v["event"].as_str().unwrap().to_string(), v))
        .collect()
}

fn probed(key: &str, probe: impl FnOnce() -> bool) -> bool {
    static SEEN: OnceLock<Mutex<BTreeMap<String, bool>>> = OnceLock::new();
    let seen = SEEN.get_or_init(Default::default);
    if let Some(&p) = seen.lock().unwrap().get(key) {
        return p;
    }
    let p = probe();
    seen.lock().unwrap().insert(key.to_string(), p);
    p
}

fn quiet_success(cmd: &mut Command) -> bool {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
