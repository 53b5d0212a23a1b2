//! The store's seam to the file system: every write, fsync, truncate, rename and directory
//! fsync that durability depends on goes through `fs()`, a `FileSystem`.
//!
//! Normally that is the real file system. Tests swap in faults without a special build:
//! `KAF_FAULT=OP:N:KIND` makes the N-th operation of kind OP (`write`, `fsync`, `truncate`,
//! `rename`, `dirsync`, `create`, `remove`, or `any`) fail with KIND: `eio`, `enospc`, `short` (half
//! the bytes land, then EIO), `crash` (the process aborts there; for `write`, after half
//! the bytes landed), or `powerloss`: like `crash`, but first everything not made durable
//! is undone on disk, as a power cut would: file bytes past the last fsync of that file,
//! files created and renames made since the last fsync of their directory.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Write,
    Fsync,
    Truncate,
    Rename,
    DirSync,
    Create,
    Remove,
}

/// File operations the store's durability depends on.
pub trait FileSystem: Send + Sync {
    fn write_at(&self, f: &File, buf: &[u8], pos: u64) -> io::Result<()>;
    /// Appends at the end of a file opened for appending.
    fn append(&self, f: &mut File, buf: &[u8]) -> io::Result<()>;
    fn sync(&self, f: &File) -> io::Result<()>;
    fn set_len(&self, f: &File, len: u64) -> io::Result<()>;
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// Opens `path` for reading and writing, creating it if missing.
    fn create(&self, path: &Path, append: bool) -> io::Result<File>;
    /// Unlinks a file (segments removed by retention, a compacted segment's leftovers).
    fn remove(&self, path: &Path) -> io::Result<()>;
}

pub struct RealFs;

impl FileSystem for RealFs {
    fn write_at(&self, f: &File, buf: &[u8], pos: u64) -> io::Result<()> {
        f.write_all_at(buf, pos)
    }
    fn append(&self, f: &mut File, buf: &[u8]) -> io::Result<()> {
        io::Write::write_all(f, buf)
    }
    fn sync(&self, f: &File) -> io::Result<()> {
        f.sync_data()
    }
    fn set_len(&self, f: &File, len: u64) -> io::Result<()> {
        f.set_len(len)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }
    fn create(&self, path: &Path, append: bool) -> io::Result<File> {
        let mut o = OpenOptions::new();
        if append {
            o.append(true).create(true);
        } else {
            o.read(true).write(true).create(true).truncate(false);
        }
        o.open(path)
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Eio,
    NoSpace,
    Short,
    Crash,
    PowerLoss,
}

/// The real file system with one planned fault.
pub struct FaultyFs {
    op: Option<Op>,
    nth: u64,
    kind: Kind,
    seen: AtomicU64,
    volatile: Mutex<Volatile>,
}

/// What a power cut would undo, tracked for `powerloss`.
#[derive(Default)]
struct Volatile {
    /// Length each written file had at its last fsync (or when first seen).
    durable_len: HashMap<PathBuf, u64>,
    /// Files created since their directory's last fsync.
    created: Vec<PathBuf>,
    /// Renames (from, to, hard link keeping the file `to` replaced) since the target
    /// directory's last fsync.
    renamed: Vec<(PathBuf, PathBuf, Option<PathBuf>)>,
}

fn path_of(f: &File) -> Option<PathBuf> {
    std::fs::read_link(format!("/proc/self/fd/{}", f.as_raw_fd())).ok()
}

impl Volatile {
    fn before_write(&mut self, f: &File) {
        if let Some(p) = path_of(f) {
            let len = f.metadata().map(|m| m.len()).unwrap_or(0);
            self.durable_len.entry(p).or_insert(len);
        }
    }
    fn synced(&mut self, f: &File) {
        if let Some(p) = path_of(f) {
            let len = f.metadata().map(|m| m.len()).unwrap_or(0);
            self.durable_len.insert(p, len);
        }
    }
    fn dir_synced(&mut self, dir: &Path) {
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        self.created.retain(|p| p.parent() != Some(&dir));
        self.renamed.retain(|(_, to, kept)| {
            let keep = to.parent() != Some(&dir);
            if !keep && let Some(k) = kept {
                let _ = std::fs::remove_file(k);
            }
            keep
        });
    }
    /// Puts the disk in the state a power cut would leave.
    fn apply(&mut self) {
        for (from, to, kept) in self.renamed.drain(..).rev() {
            let _ = std::fs::rename(&to, &from);
            if let Some(k) = kept {
                let _ = std::fs::rename(&k, &to);
            }
        }
        for (p, len) in &self.durable_len {
            if let Ok(f) = OpenOptions::new().write(true).open(p)
                && f.metadata().is_ok_and(|m| m.len() > *len)
            {
                let _ = f.set_len(*len);
            }
        }
        for p in self.created.drain(..).rev() {
            let _ = std::fs::remove_file(&p);
        }
    }
}

impl FaultyFs {
    /// Parses `OP:N:KIND`; None if the spec is not understood.
    pub fn parse(spec: &str) -> Option<FaultyFs> {
        let mut it = spec.split(':');
        let op = match it.next()? {
            "write" => Some(Op::Write),
            "fsync" => Some(Op::Fsync),
            "truncate" => Some(Op::Truncate),
            "rename" => Some(Op::Rename),
            "dirsync" => Some(Op::DirSync),
            "create" => Some(Op::Create),
            "remove" => Some(Op::Remove),
            "any" => None,
            _ => return None,
        };
        let nth = it.next()?.parse().ok().filter(|n| *n > 0)?;
        let kind = match it.next()? {
            "eio" => Kind::Eio,
            "enospc" => Kind::NoSpace,
            "short" => Kind::Short,
            "crash" => Kind::Crash,
            "powerloss" => Kind::PowerLoss,
            _ => return None,
        };
        Some(FaultyFs {
            op,
            nth,
            kind,
            seen: AtomicU64::new(0),
            volatile: Mutex::new(Volatile::default()),
        })
    }

    /// Whether this operation is the one to fail.
    fn hit(&self, op: Op) -> Option<Kind> {
        if self.op.is_some_and(|o| o != op) {
            return None;
        }
        let n = self.seen.fetch_add(1, Ordering::SeqCst) + 1;
        (n == self.nth).then_some(self.kind)
    }

    fn fail(kind: Kind) -> io::Error {
        match kind {
            Kind::NoSpace => io::Error::from_raw_os_error(28),
            _ => io::Error::from_raw_os_error(5),
        }
    }

    fn crash(&self, power: bool) -> ! {
        if power {
            self.vol().apply();
            eprintln!("kaf: injected power loss (KAF_FAULT)");
        } else {
            eprintln!("kaf: injected crash (KAF_FAULT)");
        }
        std::process::abort()
    }

    fn vol(&self) -> std::sync::MutexGuard<'_, Volatile> {
        self.volatile.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `real` unless this operation is the faulty one.
    fn gate<T>(&self, op: Op, real: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
        match self.hit(op) {
            None => real(),
            Some(Kind::Crash) => self.crash(false),
            Some(Kind::PowerLoss) => self.crash(true),
            Some(k) => Err(Self::fail(k)),
        }
    }

    /// Writes with a fault: `short` and `crash` land the first half of the bytes first.
    fn write_gate(
        &self,
        buf: &[u8],
        mut write: impl FnMut(&[u8]) -> io::Result<()>,
    ) -> io::Result<()> {
        match self.hit(Op::Write) {
            None => write(buf),
            Some(Kind::Short) => {
                write(&buf[..buf.len() / 2])?;
                Err(Self::fail(Kind::Short))
            }
            Some(k @ (Kind::Crash | Kind::PowerLoss)) => {
                let _ = write(&buf[..buf.len() / 2]);
                self.crash(k == Kind::PowerLoss)
            }
            Some(k) => Err(Self::fail(k)),
        }
    }
}

impl FileSystem for FaultyFs {
    fn write_at(&self, f: &File, buf: &[u8], pos: u64) -> io::Result<()> {
        self.vol().before_write(f);
        self.write_gate(buf, |b| f.write_all_at(b, pos))
    }
    fn append(&self, f: &mut File, buf: &[u8]) -> io::Result<()> {
        self.vol().before_write(f);
        self.write_gate(buf, |b| io::Write::write_all(f, b))
    }
    fn sync(&self, f: &File) -> io::Result<()> {
        self.gate(Op::Fsync, || RealFs.sync(f))?;
        self.vol().synced(f);
        Ok(())
    }
    fn set_len(&self, f: &File, len: u64) -> io::Result<()> {
        self.vol().before_write(f);
        self.gate(Op::Truncate, || RealFs.set_len(f, len))
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        // A power cut before the directory fsync brings back the file `to` replaces.
        let kept = to.is_file().then(|| {
            let k = to.with_file_name(format!(
                ".{}.kaf-powerloss-{}",
                to.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default(),
                self.seen.load(Ordering::SeqCst)
            ));
            std::fs::hard_link(to, &k).ok().map(|_| k)
        });
        self.gate(Op::Rename, || RealFs.rename(from, to))?;
        let canon = |p: &Path| {
            let parent = p.parent().and_then(|d| std::fs::canonicalize(d).ok());
            match (parent, p.file_name()) {
                (Some(d), Some(n)) => d.join(n),
                _ => p.to_path_buf(),
            }
        };
        let (from, to) = (canon(from), canon(to));
        let mut v = self.vol();
        // Bytes written under the old name are tracked under the new one now.
        let moved: Vec<(PathBuf, u64)> = v
            .durable_len
            .iter()
            .filter(|(p, _)| p.starts_with(&from))
            .map(|(p, l)| (to.join(p.strip_prefix(&from).unwrap()), *l))
            .collect();
        v.durable_len.extend(moved);
        v.renamed.push((from, to, kept.flatten()));
        Ok(())
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.gate(Op::DirSync, || RealFs.sync_dir(dir))?;
        self.vol().dir_synced(dir);
        Ok(())
    }
    fn create(&self, path: &Path, append: bool) -> io::Result<File> {
        let existed = path.exists();
        let f = self.gate(Op::Create, || RealFs.create(path, append))?;
        if !existed && let Some(p) = path_of(&f) {
            let mut v = self.vol();
            v.durable_len.insert(p.clone(), 0);
            v.created.push(p);
        }
        Ok(f)
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        self.gate(Op::Remove, || RealFs.remove(path))
    }
}

static FS: OnceLock<Box<dyn FileSystem>> = OnceLock::new();

/// The file system the store writes through: `KAF_FAULT`'s, if set, else the real one.
pub fn fs() -> &'static dyn FileSystem {
    FS.get_or_init(|| match std::env::var("KAF_FAULT") {
        Ok(spec) if !spec.is_empty() => match FaultyFs::parse(&spec) {
            Some(f) => Box::new(f),
            None => {
                eprintln!("kaf: warning: ignoring KAF_FAULT={spec:?}: not OP:N:KIND");
                Box::new(RealFs)
            }
        },
        _ => Box::new(RealFs),
    })
    .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_count() {
        let f = FaultyFs::parse("fsync:2:eio").unwrap();
        assert_eq!(f.hit(Op::Write), None);
        assert_eq!(f.hit(Op::Fsync), None);
        assert_eq!(f.hit(Op::Fsync), Some(Kind::Eio));
        assert_eq!(f.hit(Op::Fsync), None);
        let any = FaultyFs::parse("any:1:enospc").unwrap();
        assert_eq!(any.hit(Op::Rename), Some(Kind::NoSpace));
        for bad in [
            "",
            "write",
            "write:0:eio",
            "write:x:eio",
            "nope:1:eio",
            "write:1:boom",
        ] {
            assert!(FaultyFs::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn short_write_lands_half() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f");
        let f = RealFs.create(&p, false).unwrap();
        let fs = FaultyFs::parse("write:1:short").unwrap();
        let e = fs.write_at(&f, b"abcdef", 0).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(5));
        assert_eq!(std::fs::read(&p).unwrap(), b"abc");
        fs.write_at(&f, b"xy", 3).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"abcxy");
    }
}
