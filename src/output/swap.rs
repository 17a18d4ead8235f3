//! Putting a new output in place of the old one without ever losing
//! either: one build at a time per output folder (an advisory lock), new
//! files written and synced in a staging folder beside it, and one atomic
//! exchange of the two folders where the system has it (Linux), so that
//! the output is never missing, even for an instant. The staging folder
//! goes on every failure; an interrupted run is mended by the next.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Holds the output folder for one build; released when dropped.
pub struct OutputLock {
    _file: File,
}

/// Waits until no other clausier writes `out`, then holds it.
pub fn lock(out: &Path) -> io::Result<OutputLock> {
    let path = sibling(out, "lock")?;
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)?;
    }
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)?;
    if let Err(fs::TryLockError::WouldBlock) = file.try_lock() {
        eprintln!(
            "waiting for another clausier to finish writing {}…",
            out.display()
        );
        file.lock()?;
    }
    Ok(OutputLock { _file: file })
}

/// The folder a build writes into before the swap; removed when dropped,
/// whatever happened (after a swap it holds the previous output).
pub struct Staging {
    pub path: PathBuf,
}

impl Staging {
    /// A fresh staging folder for `out` (the lock held, [`recover`] run).
    pub fn new(out: &Path) -> io::Result<Staging> {
        let staging = Staging {
            path: sibling(out, "staging")?,
        };
        fs::create_dir_all(&staging.path)?;
        Ok(staging)
    }

    /// Puts the staging folder in place of `out`, synced to disk first.
    pub fn swap_into(&self, out: &Path) -> io::Result<()> {
        sync_folder(&self.path)?;
        if !out.exists() {
            fs::rename(&self.path, out)?;
        } else if !exchange(&self.path, out)? {
            replace_in_two_steps(&self.path, out)?;
        }
        match out.parent() {
            Some(parent) if parent.as_os_str().is_empty() => sync_folder(Path::new(".")),
            Some(parent) => sync_folder(parent),
            None => Ok(()),
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// Writes `bytes` at `path` and syncs them to disk, creating its folder.
pub fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)?;
    }
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Mends what an interrupted run left: puts back the previous output if a
/// run that could not exchange folders stopped between its two renames,
/// and drops a stale staging folder. Called with the lock held.
pub fn recover(out: &Path) -> io::Result<()> {
    let previous = sibling(out, "previous")?;
    if !out.exists() && previous.exists() {
        fs::rename(&previous, out)?;
    } else if previous.exists() {
        fs::remove_dir_all(previous)?;
    }
    let staging = sibling(out, "staging")?;
    if staging.exists() {
        fs::remove_dir_all(staging)?;
    }
    Ok(())
}

/// `.<name>.<suffix>` beside `out`, on the same file system so that
/// renaming is atomic.
fn sibling(out: &Path, suffix: &str) -> io::Result<PathBuf> {
    let name = out.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a folder name", out.display()),
        )
    })?;
    Ok(out.with_file_name(format!(".{}.{suffix}", name.to_string_lossy())))
}

/// Exchanges two folders in one atomic step; false where the system or
/// the file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS | rustix::io::Errno::OPNOTSUPP) => {
            Ok(false)
        }
        Err(error) => Err(error.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Moves `out` aside, `staging` in, and the old output into `staging`'s
/// place (removed with it); [`recover`] mends an interruption between the
/// two renames.
fn replace_in_two_steps(staging: &Path, out: &Path) -> io::Result<()> {
    let previous = sibling(out, "previous")?;
    fs::rename(out, &previous)?;
    if let Err(error) = fs::rename(staging, out) {
        fs::rename(&previous, out)?;
        return Err(error);
    }
    fs::rename(previous, staging)
}

fn sync_folder(path: &Path) -> io::Result<()> {
    File::open(path)?.sync_all()
}
