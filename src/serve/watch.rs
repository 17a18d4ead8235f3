//! Watches the corpus folders and groups their changes into bursts: one
//! burst, one rebuild, however many files an editor save or a git
//! checkout touches. Editors' temporary files are not changes.
//!
//! The debouncing is done here, on notify's raw events, rather than with
//! notify-debouncer-mini or -full: those time each path on its own, so a
//! checkout of many files straddling their tick comes out in two batches,
//! and two rebuilds. Here a burst lasts until the corpus has been quiet
//! for [`QUIET`].

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use notify::{Event, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher as _};

/// The folders the loader reads; everything else under the root (`out/`,
/// `target/`, `.git/`) is not the corpus.
pub const FOLDERS: [&str; 6] = crate::corpus::SOURCE_FOLDERS;

/// How long the corpus must be quiet for a burst to end: long enough to
/// join an editor's save (write, rename, delete the backup: well under a
/// millisecond apart) and a checkout that writes its files back to back,
/// short enough that the page reloads within 150 ms of a save, the rebuild
/// included. A checkout that pauses longer is previewed in two builds, the
/// first of which may show an error for a moment.
const QUIET: Duration = Duration::from_millis(20);

/// The longest a burst lasts: a tool writing without pause still gets
/// its changes previewed.
const LONGEST: Duration = Duration::from_secs(2);

/// How often the fallback watcher looks, where the system's notifications
/// cannot be had.
const POLL: Duration = Duration::from_millis(500);

/// What the watcher reports.
enum Change {
    /// A file or folder of the corpus, relative to the root.
    Path(PathBuf),
    /// Notifications were lost (an overflow, an error): anything may have
    /// changed.
    Lost,
}

/// The changes of one burst.
#[derive(Debug, Default)]
pub struct Burst {
    /// The files and folders changed, relative to the root.
    pub paths: BTreeSet<PathBuf>,
    /// Whether notifications were lost, so that the changes are unknown.
    pub lost: bool,
}

/// The corpus folders, watched.
pub struct Watcher {
    /// The corpus folder, absolute: notify names changes under it.
    root: PathBuf,
    /// The notify watcher; it stops when dropped.
    backend: Box<dyn notify::Watcher + Send>,
    /// The changes, filtered, as notify's thread sends them.
    changes: Receiver<Change>,
}

impl Watcher {
    /// Watches the corpus folders under `root` (absolute) with the
    /// system's notifications, or else by looking every [`POLL`].
    pub fn start(root: &Path) -> io::Result<Watcher> {
        let (sender, changes) = channel();
        let native = RecommendedWatcher::new(handler(root, &sender), notify::Config::default())
            .and_then(|mut backend| watch_all(&mut backend, root).map(|()| backend));
        let backend: Box<dyn notify::Watcher + Send> = match native {
            Ok(backend) => Box::new(backend),
            // Inotify's instances and watches are limited per user: a
            // machine running many watchers still gets a preview.
            Err(error) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "note: cannot watch the corpus with system notifications ({error}); looking for changes every {} ms instead",
                    POLL.as_millis()
                );
                let config = notify::Config::default().with_poll_interval(POLL);
                let mut backend = PollWatcher::new(handler(root, &sender), config)
                    .map_err(|error| watch_error(root, error))?;
                watch_all(&mut backend, root).map_err(|error| watch_error(root, error))?;
                Box::new(backend)
            }
        };
        Ok(Watcher {
            root: root.to_path_buf(),
            backend,
            changes,
        })
    }

    /// Waits for the next burst of changes; none once the watcher stopped.
    pub fn next_burst(&mut self) -> Option<Burst> {
        let mut burst = Burst::default();
        burst.add(self.changes.recv().ok()?);
        let started = Instant::now();
        while started.elapsed() < LONGEST {
            match self.changes.recv_timeout(QUIET) {
                Ok(change) => burst.add(change),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
            }
        }
        // A corpus folder made anew (a checkout, a folder that did not
        // exist) is watched again: its old watch went with the old folder.
        for path in &burst.paths {
            if path.components().count() == 1 && self.root.join(path).is_dir() {
                let _ = self
                    .backend
                    .watch(&self.root.join(path), RecursiveMode::Recursive);
            }
        }
        Some(burst)
    }
}

impl Burst {
    fn add(&mut self, change: Change) {
        match change {
            Change::Path(path) => {
                self.paths.insert(path);
            }
            Change::Lost => self.lost = true,
        }
    }
}

/// Watches the root itself (to see corpus folders appear) and every
/// corpus folder there is.
fn watch_all(backend: &mut dyn notify::Watcher, root: &Path) -> notify::Result<()> {
    backend.watch(root, RecursiveMode::NonRecursive)?;
    for folder in FOLDERS {
        let path = root.join(folder);
        if path.is_dir() {
            backend.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    Ok(())
}

fn watch_error(root: &Path, error: notify::Error) -> io::Error {
    io::Error::other(format!("cannot watch {}: {error}", root.display()))
}

/// What notify's thread runs for each event: sends on the changes that
/// matter.
fn handler(root: &Path, sender: &Sender<Change>) -> impl notify::EventHandler {
    let (root, sender) = (root.to_path_buf(), sender.clone());
    move |event: notify::Result<Event>| {
        for change in changes(&root, event) {
            // The receiver is gone only when the preview stops.
            let _ = sender.send(change);
        }
    }
}

/// The changes an event reports. Reading is not a change: the build
/// itself reads every file of the corpus.
fn changes(root: &Path, event: notify::Result<Event>) -> Vec<Change> {
    match event {
        Err(_) => vec![Change::Lost],
        Ok(event) if event.need_rescan() => vec![Change::Lost],
        Ok(event) if matches!(event.kind, EventKind::Access(_)) => Vec::new(),
        Ok(event) => event
            .paths
            .iter()
            .filter_map(|path| in_corpus(root, path))
            .map(Change::Path)
            .collect(),
    }
}

/// `path` relative to `root`, if it is in a corpus folder and not an
/// editor's temporary file.
fn in_corpus(root: &Path, path: &Path) -> Option<PathBuf> {
    let relative = path.strip_prefix(root).ok()?;
    let Some(Component::Normal(first)) = relative.components().next() else {
        return None;
    };
    if relative == Path::new(crate::corpus::settings::SETTINGS_FILE) {
        return Some(relative.to_path_buf());
    }
    if !FOLDERS.iter().any(|folder| first == *folder) {
        return None;
    }
    let name = relative.file_name()?.to_string_lossy();
    let read = match Path::new(&*name).extension() {
        Some(extension) => READ_EXTENSIONS.iter().any(|read| extension == *read),
        None => true, // a folder: a document or a language added or removed
    };
    (read && !is_editor_temporary(&name)).then(|| relative.to_path_buf())
}

/// The kinds of file the loader reads: a change to another (`notes.txt`,
/// `fr.md.bak`) changes nothing built.
const READ_EXTENSIONS: [&str; 6] = ["yaml", "md", "ftl", "csv", "json", "lock"];

/// Whether a file name is one editors write beside the file edited (swap
/// files, backups, locks, autosaves, vim's probe of whether it may write
/// in a folder): never a file of the corpus, which has no hidden files.
pub fn is_editor_temporary(name: &str) -> bool {
    const SUFFIXES: [&str; 6] = ["~", ".swp", ".swx", ".swo", "___jb_tmp___", "___jb_old___"];
    name.starts_with('.')
        || (name.starts_with('#') && name.ends_with('#'))
        || SUFFIXES.iter().any(|suffix| name.ends_with(suffix))
        || (!name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temporary_files_are_not_changes() {
        for name in [
            ".fr.md.swp",
            ".fr.md.swx",
            "fr.md.swp",
            "fr.md~",
            "4913",
            "5036",
            ".#fr.md",
            "#fr.md#",
            "fr.md___jb_tmp___",
        ] {
            assert!(is_editor_temporary(name), "{name}");
        }
        for name in ["fr.md", "document.yaml", "1.0.0.json", "termbase.csv", "#1"] {
            assert!(!is_editor_temporary(name), "{name}");
        }
    }

    #[test]
    fn only_corpus_folders_are_watched() {
        let root = Path::new("/corpus");
        let seen = |path: &str| in_corpus(root, Path::new(path));
        assert_eq!(
            seen("/corpus/contracts/dpa/fr.md"),
            Some(PathBuf::from("contracts/dpa/fr.md"))
        );
        assert_eq!(
            seen("/corpus/checklists"),
            Some(PathBuf::from("checklists"))
        );
        assert_eq!(seen("/corpus/out/manifest.json"), None);
        assert_eq!(seen("/corpus/target/debug/x"), None);
        assert_eq!(seen("/corpus/contracts/dpa/.fr.md.swp"), None);
        assert_eq!(seen("/corpus/contracts/dpa/4913"), None);
        assert_eq!(seen("/corpus/annexes/parties.yaml.bak"), None);
        assert_eq!(seen("/corpus/annexes/notes.txt"), None);
        assert_eq!(
            seen("/corpus/corpus.yaml"),
            Some(PathBuf::from("corpus.yaml"))
        );
        assert_eq!(seen("/corpus/README.md"), None);
        assert_eq!(
            seen("/corpus/contracts/dpa/translations.lock"),
            Some(PathBuf::from("contracts/dpa/translations.lock"))
        );
        assert_eq!(seen("/corpus"), None);
        assert_eq!(seen("/elsewhere/contracts/dpa/fr.md"), None);
    }
}
