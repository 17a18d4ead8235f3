//! Putting a new output in place of the old one without ever losing
//! either: one build at a time per output folder (an advisory lock), new
//! files written in a staging folder beside it and synced all at once, and one atomic
//! exchange of the two folders where the system has it (Linux), so that
//! the output is never missing, even for an instant. The staging folder
//! goes on every failure; an interrupted run is mended by the next. Files a
//! restricted build keeps are linked into it, never written through.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Holds the output folder for one build; released when dropped.
pub struct OutputLock {
    _file: File,
}

/// The file every staging folder holds from its creation, so that a stale
/// one is known to be clausier's.
const STAGING_MARKER: &str = ".clausier-staging";

/// Waits until no other clausier writes `out`, then holds it.
pub fn lock(out: &Path) -> io::Result<OutputLock> {
    let path = sibling(out, "lock")?;
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(at(folder))?;
    }
    // Never through a link, a pipe or a folder someone put there.
    if fs::symlink_metadata(&path).is_ok_and(|metadata| !metadata.is_file()) {
        return Err(in_the_way(&path, "lock file"));
    }
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(at(&path))?;
    if let Err(fs::TryLockError::WouldBlock) = file.try_lock() {
        // Not `eprintln!`, which panics when stderr is gone (`serve`).
        let _ = writeln!(
            io::stderr(),
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
        fs::create_dir(&staging.path).map_err(at(&staging.path))?;
        File::create(staging.path.join(STAGING_MARKER)).map_err(at(&staging.path))?;
        Ok(staging)
    }

    /// Writes a file of the new output at `relative`, creating its folder;
    /// synced with all the others by [`Staging::sync`].
    /// Always a new file: one linked from the previous output is never
    /// written through.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.path.join(relative);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)?;
        }
        let create = || File::options().write(true).create_new(true).open(&path);
        let mut file = match create() {
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                fs::remove_file(&path)?;
                create()?
            }
            file => file?,
        };
        io::Write::write_all(&mut file, bytes)
    }

    /// Puts the file at `path` (a file of the output) at `relative` in the
    /// new output too, without copying it: a second name for the same
    /// file, until the previous output goes with the staging folder after
    /// the swap (or the staging folder goes, on failure).
    pub fn link(&self, path: &Path, relative: &str) -> io::Result<()> {
        let target = self.path.join(relative);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder)?;
        }
        // Copied where the file system has no hard links (exFAT, some
        // network shares).
        fs::hard_link(path, &target).or_else(|_| fs::copy(path, &target).map(|_| ()))
    }

    /// Syncs the staging folder to disk, complete, to be put in place.
    pub fn sync(&self) -> io::Result<()> {
        fs::remove_file(self.path.join(STAGING_MARKER)).map_err(at(&self.path))?;
        sync_contents(&self.path).map_err(at(&self.path))?;
        sync_folder(&self.path).map_err(at(&self.path))
    }

    /// Puts the staging folder, synced ([`Staging::sync`]), in place of
    /// `out`.
    pub fn swap_into(&self, out: &Path) -> io::Result<()> {
        if !out.exists() {
            fs::rename(&self.path, out).map_err(at(out))?;
        } else if !exchange(&self.path, out).map_err(at(out))? {
            replace_in_two_steps(&self.path, out).map_err(at(out))?;
        }
        // The new output is in place: a failure to sync its folder now
        // would make "nothing was written" a lie, and the data is written.
        let parent = out.parent().filter(|p| !p.as_os_str().is_empty());
        let _ = sync_folder(parent.unwrap_or(Path::new(".")));
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// Mends what an interrupted run left: puts back the previous output if a
/// run that could not exchange folders stopped between its two renames,
/// and drops a stale staging folder. Called with the lock held.
pub fn recover(out: &Path) -> io::Result<()> {
    let previous = sibling(out, "previous")?;
    if fs::symlink_metadata(&previous).is_ok() {
        if !is_ours(&previous, super::MARKER) {
            return Err(in_the_way(&previous, "previous output"));
        }
        match out.exists() {
            false => fs::rename(&previous, out).map_err(at(out))?,
            true => fs::remove_dir_all(&previous).map_err(at(&previous))?,
        }
    }
    let staging = sibling(out, "staging")?;
    if fs::symlink_metadata(&staging).is_ok() {
        if !is_ours(&staging, STAGING_MARKER) && !is_ours(&staging, super::MARKER) {
            return Err(in_the_way(&staging, "staging folder"));
        }
        fs::remove_dir_all(&staging).map_err(at(&staging))?;
    }
    Ok(())
}

/// Whether `folder` is a real folder holding clausier's `marker` file.
fn is_ours(folder: &Path, marker: &str) -> bool {
    fs::symlink_metadata(folder).is_ok_and(|m| m.is_dir())
        && fs::symlink_metadata(folder.join(marker)).is_ok_and(|m| m.is_file())
}

/// The error for something clausier did not make at a name it uses.
fn in_the_way(path: &Path, what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!(
            "{} is in the way: clausier uses this name for its {what}, and did not make what is there; move it away",
            path.display()
        ),
    )
}

/// Names `path` in an I/O error, which the system does not.
fn at(path: &Path) -> impl Fn(io::Error) -> io::Error + '_ {
    move |error| {
        let reason = error.to_string();
        let reason = reason.split(" (os error").next().unwrap_or_default();
        io::Error::new(error.kind(), format!("{}: {reason}", path.display()))
    }
}

/// `.<name>.<suffix>` beside `out`, on the same file system so that
/// renaming is atomic.
pub(super) fn sibling(out: &Path, suffix: &str) -> io::Result<PathBuf> {
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

/// Makes every file and folder written under `folder` durable. On Linux,
/// in one call for its whole file system: one flush instead of one per
/// file (for 200 clients' copies, 0.3 s of a 5 s build went waiting on
/// them one by one); elsewhere, file by file.
#[cfg(target_os = "linux")]
fn sync_contents(folder: &Path) -> io::Result<()> {
    Ok(rustix::fs::syncfs(File::open(folder)?)?)
}

#[cfg(not(target_os = "linux"))]
fn sync_contents(folder: &Path) -> io::Result<()> {
    for entry in fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            sync_contents(&path)?;
        }
        File::open(&path)?.sync_all()?;
    }
    Ok(())
}

fn sync_folder(path: &Path) -> io::Result<()> {
    File::open(path)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_linked_from_the_output_is_replaced_not_written_through() {
        let dir = std::env::temp_dir().join(format!("clausier-swap-{}", std::process::id()));
        let out = dir.join("out");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("manifest.json"), "previous").unwrap();
        let staging = Staging::new(&out).unwrap();
        staging
            .link(&out.join("manifest.json"), "manifest.json")
            .unwrap();
        staging.write("manifest.json", b"new").unwrap();
        let read = |path: PathBuf| fs::read_to_string(path).unwrap();
        assert_eq!(read(out.join("manifest.json")), "previous");
        assert_eq!(read(staging.path.join("manifest.json")), "new");
        drop(staging);
        fs::remove_dir_all(&dir).unwrap();
    }
}
