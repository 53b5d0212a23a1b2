//! Small durable-file helpers: atomic replace (temp + fsync + rename + directory fsync) and
//! directory fsync. Everything kaf writes outside the log goes through `write_atomic`.

use std::fs::{self, File};
use std::path::Path;

use super::fs::fs;

use crate::error::{IoContext, Result};

/// Makes a directory entry change (create, rename, unlink) durable.
pub fn fsync_dir(dir: &Path) -> Result<()> {
    fs().sync_dir(dir).ctx("fsync directory", dir)
}

/// Replaces `path` with `data` so that a crash leaves either the old or the new content.
pub fn write_atomic(path: &Path, data: &[u8]) -> Result<()> {
    let dir = path.parent().expect("file has a parent directory");
    let name = path.file_name().expect("file has a name").to_string_lossy();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let f = fs().create(&tmp, false).ctx("create", &tmp)?;
    fs().set_len(&f, 0).ctx("truncate", &tmp)?;
    fs().write_at(&f, data, 0).ctx("write", &tmp)?;
    fs().sync(&f).ctx("fsync", &tmp)?;
    drop(f);
    fs().rename(&tmp, path).ctx("rename into place", path)?;
    fsync_dir(dir)
}

/// Opens (creating it if need be) a lock file for reading and writing. Never truncated: a
/// holder's pid stamp stays readable to `groups describe` while another process opens it.
pub fn open_lock_file(path: &Path) -> Result<File> {
    fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .ctx("open", path)
}

/// Creates a directory and its parents, fsyncing each new level's parent.
pub fn create_dir_durable(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    // A relative path's last parent is "": nothing to create there.
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(parent) = parent {
        create_dir_durable(parent)?;
    }
    match fs::create_dir(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(()),
        Err(e) => return Err(crate::error::Error::io_path("create directory", dir, e)),
    }
    fsync_dir(parent.unwrap_or(Path::new(".")))?;
    Ok(())
}
