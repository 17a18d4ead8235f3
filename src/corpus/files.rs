//! The only door through which corpus files are read (and the way records
//! and locks are written into the corpus): a file is read only
//! if it is a regular file inside the corpus root once every link is
//! resolved, of a bounded size, and UTF-8 text; its text is normalised
//! (byte-order mark, line endings, Unicode form) so that nothing invisible
//! in an editor changes what clausier sees. Every question asked of the
//! folder is noted with its answer ([`Consulted`]): asked again, they tell
//! a later build whether anything it depends on changed.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use crate::corpus::SourceFile;
use crate::corpus::records::sha256_hex;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::text;

/// A corpus folder, resolved once so that every read can be confined to
/// it.
pub struct CorpusRoot {
    /// As the user named it, for reading.
    given: PathBuf,
    /// With every link resolved, for confinement.
    resolved: PathBuf,
    /// Every question asked of the folder so far, with its answer.
    consulted: Mutex<Vec<Consulted>>,
}

/// One question asked of the corpus folder, and its answer. What a build
/// read is the list of these; asking each again
/// ([`CorpusRoot::answers_again`]) says whether the corpus is still what
/// the build read, without loading it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Consulted {
    /// Whether anything is at a path.
    Has {
        /// Relative to the corpus folder.
        path: PathBuf,
        /// Whether something was there.
        found: bool,
    },
    /// Whether a path, its links resolved, is inside the corpus.
    Contains {
        /// As given (absolute).
        path: PathBuf,
        /// Whether it was inside.
        inside: bool,
    },
    /// A file read.
    Read {
        /// Relative to the corpus folder.
        path: PathBuf,
        /// The SHA-256 of its bytes, or none if it could not be read.
        sha256: Option<String>,
    },
    /// A folder listed.
    Entries {
        /// Relative to the corpus folder.
        path: PathBuf,
        /// The SHA-256 of its entries (each name and what it is), or none if
        /// it could not be listed.
        sha256: Option<String>,
    },
}

/// Whether every question of `consulted` gets the same answer now from the
/// corpus at `root`: then the corpus is, for whoever asked them, what it
/// was. Files are read again on every core.
pub fn unchanged(root: &Path, consulted: &[Consulted]) -> bool {
    use rayon::prelude::*;
    let Ok(root) = CorpusRoot::new(root) else {
        return false;
    };
    (consulted.par_iter()).all(|question| root.answers_again(question))
}

impl CorpusRoot {
    pub fn new(root: &Path) -> io::Result<CorpusRoot> {
        Ok(CorpusRoot {
            given: root.to_path_buf(),
            resolved: fs::canonicalize(root)?,
            consulted: Mutex::new(Vec::new()),
        })
    }

    /// Every question asked so far, with its answer, sorted, once each.
    pub fn consulted(&self) -> Vec<Consulted> {
        let mut consulted = (self.consulted.lock())
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        consulted.sort();
        consulted.dedup();
        consulted
    }

    /// Whether `consulted`'s question gets the same answer now. Only a
    /// question about a path inside the corpus is asked (a record could
    /// have been edited to name others).
    fn answers_again(&self, consulted: &Consulted) -> bool {
        let (Consulted::Has { path, .. }
        | Consulted::Contains { path, .. }
        | Consulted::Read { path, .. }
        | Consulted::Entries { path, .. }) = consulted;
        let inside = match consulted {
            Consulted::Contains { .. } => path.starts_with(&self.resolved),
            _ => path.components().all(|c| matches!(c, Component::Normal(_))),
        };
        if !inside {
            return false;
        }
        let now = match consulted {
            Consulted::Has { path, .. } => self.ask_has(path),
            Consulted::Contains { path, .. } => self.ask_contains(path),
            Consulted::Read { path, .. } => Consulted::Read {
                path: path.clone(),
                sha256: self.read_bytes(path).ok().map(|bytes| sha256_hex(&bytes)),
            },
            Consulted::Entries { path, .. } => self.ask_entries(path).0,
        };
        now == *consulted
    }

    /// Notes a yes-or-no question (`has`, `contains`), and says whether
    /// the answer was yes.
    fn noted_yes(&self, consulted: Consulted) -> bool {
        let yes = matches!(
            consulted,
            Consulted::Has { found: true, .. } | Consulted::Contains { inside: true, .. }
        );
        self.note(consulted);
        yes
    }

    fn note(&self, consulted: Consulted) {
        (self.consulted.lock())
            .unwrap_or_else(PoisonError::into_inner)
            .push(consulted);
    }

    /// Whether anything (a file, a folder, a link, even a broken one) is at
    /// `relative`: what is there but cannot be read must be reported, not
    /// skipped.
    pub fn has(&self, relative: &Path) -> bool {
        self.noted_yes(self.ask_has(relative))
    }

    fn ask_has(&self, relative: &Path) -> Consulted {
        Consulted::Has {
            path: relative.to_path_buf(),
            found: fs::symlink_metadata(self.given.join(relative)).is_ok(),
        }
    }

    /// Whether `path`, its links resolved, is inside this folder.
    pub fn contains(&self, path: &Path) -> bool {
        self.noted_yes(self.ask_contains(path))
    }

    fn ask_contains(&self, path: &Path) -> Consulted {
        Consulted::Contains {
            path: path.to_path_buf(),
            inside: fs::canonicalize(path).is_ok_and(|path| path.starts_with(&self.resolved)),
        }
    }

    /// `relative` with every link resolved, if it stays inside the corpus.
    fn confined(&self, relative: &Path) -> Result<PathBuf, Box<Diagnostic>> {
        let path = fs::canonicalize(self.given.join(relative)).map_err(|error| {
            Box::new(Diagnostic::error(Code::Unreadable, format!("cannot read {}: {}", relative.display(), reason(&error)))
                .with_help(format!(
                    "the corpus at {} has no such file: check the name, or pass the corpus folder with --root",
                    self.given.display()
                )))
        })?;
        if !path.starts_with(&self.resolved) {
            return Err(Box::new(Diagnostic::error(Code::OutsideCorpus, format!(
                "{} is a link to something outside the corpus folder: clausier reads only the corpus",
                relative.display()
            ))
            .with_help("copy the file into the corpus instead of linking to it")));
        }
        Ok(path)
    }

    /// Reads the text file at `relative`, or says why it cannot be read, at
    /// the place in it where that is known.
    pub fn read(&self, relative: &Path) -> Result<SourceFile, Box<Diagnostic>> {
        let bytes = self.read_bytes(relative);
        self.note(Consulted::Read {
            path: relative.to_path_buf(),
            sha256: bytes.as_ref().ok().map(|bytes| sha256_hex(bytes)),
        });
        let text = match String::from_utf8(bytes?) {
            Ok(text) => text,
            Err(error) => return Err(Box::new(not_utf8(relative, error))),
        };
        Ok(SourceFile {
            path: relative.to_path_buf(),
            text: text::normalize_source(&text),
        })
    }

    /// The bytes of the file at `relative`, if it is a regular file inside
    /// the corpus, of a bounded size.
    fn read_bytes(&self, relative: &Path) -> Result<Vec<u8>, Box<Diagnostic>> {
        let path = self.confined(relative)?;
        let metadata = fs::metadata(&path).map_err(|error| self.unreadable(relative, &error))?;
        if metadata.is_dir() {
            return Err(Box::new(
                Diagnostic::error(
                    Code::Unreadable,
                    format!("{} is a folder, not a file", relative.display()),
                )
                .with_help("clausier reads a file at this path: move the folder away"),
            ));
        }
        if !metadata.is_file() {
            return Err(Box::new(
                Diagnostic::error(
                    Code::Unreadable,
                    format!("{} is not a regular file", relative.display()),
                )
                .with_help("clausier reads only ordinary files (not pipes or devices)"),
            ));
        }
        if metadata.len() > text::MAX_FILE_BYTES {
            return Err(Box::new(
                Diagnostic::error(
                    Code::TooLarge,
                    format!(
                        "{} is {} bytes long; clausier reads files up to {} bytes",
                        relative.display(),
                        metadata.len(),
                        text::MAX_FILE_BYTES
                    ),
                )
                .with_help("split it, or check that it is the file you meant"),
            ));
        }
        let mut bytes = Vec::new();
        fs::File::open(&path)
            .and_then(|file| file.take(text::MAX_FILE_BYTES).read_to_end(&mut bytes))
            .map_err(|error| self.unreadable(relative, &error))?;
        Ok(bytes)
    }

    fn unreadable(&self, relative: &Path, error: &io::Error) -> Box<Diagnostic> {
        Box::new(Diagnostic::error(
            Code::Unreadable,
            format!("cannot read {}: {}", relative.display(), reason(error)),
        ))
    }

    /// The sorted names of the entries of the corpus folder `relative` that
    /// `keep` accepts (given each entry's path, links resolved when they
    /// stay inside the corpus).
    pub fn entries(
        &self,
        relative: &Path,
        keep: impl Fn(&Path) -> bool,
    ) -> Result<Vec<String>, Box<Diagnostic>> {
        let (answer, names) = self.ask_entries(relative);
        self.note(answer);
        let names = names?;
        let mut kept: Vec<String> = names
            .iter()
            .filter_map(|name| name.to_str())
            .filter(|name| keep(&self.given.join(relative).join(name)))
            .map(str::to_string)
            .collect();
        kept.sort();
        Ok(kept)
    }

    /// The entries of the folder `relative`, sorted, and the answer to
    /// note: each name with what it is, links followed (a file that becomes
    /// a folder changes what is kept).
    fn ask_entries(
        &self,
        relative: &Path,
    ) -> (Consulted, Result<Vec<std::ffi::OsString>, Box<Diagnostic>>) {
        let names = self.list(relative);
        let sha256 = names.as_ref().ok().map(|names| {
            let mut listing = Vec::new();
            for name in names {
                let kind = match fs::metadata(self.given.join(relative).join(name)) {
                    Ok(metadata) if metadata.is_file() => b'f',
                    Ok(metadata) if metadata.is_dir() => b'd',
                    Ok(_) => b'o',
                    Err(_) => b'x',
                };
                listing.extend(name.as_encoded_bytes());
                listing.extend([0, kind, 0]);
            }
            sha256_hex(&listing)
        });
        let path = relative.to_path_buf();
        (Consulted::Entries { path, sha256 }, names)
    }

    /// The names in the folder `relative`, sorted.
    fn list(&self, relative: &Path) -> Result<Vec<std::ffi::OsString>, Box<Diagnostic>> {
        let folder = self.confined(relative)?;
        let read = fs::read_dir(folder).and_then(|entries| {
            entries
                .map(|entry| entry.map(|entry| entry.file_name()))
                .collect::<Result<Vec<_>, _>>()
        });
        let mut names = read.map_err(|error| {
            Box::new(
                Diagnostic::error(
                    Code::Unreadable,
                    format!(
                        "cannot read folder {}: {}",
                        relative.display(),
                        reason(&error)
                    ),
                )
                .with_help(format!(
                    "the corpus at {} needs this folder",
                    self.given.display()
                )),
            )
        })?;
        names.sort();
        Ok(names)
    }
}

/// The error of a file that is not UTF-8, at its first undecodable byte.
fn not_utf8(relative: &Path, error: std::string::FromUtf8Error) -> Diagnostic {
    let valid = error.utf8_error().valid_up_to();
    let bytes = error.as_bytes();
    let before = String::from_utf8_lossy(&bytes[..valid]);
    let location = Location::at_offset(relative, &before, before.len());
    let line = before.lines().last().unwrap_or_default().to_string();
    let mut diagnostic = Diagnostic::error(
        Code::NotUtf8,
        format!(
            "this file is not UTF-8 text: byte 0x{:02X} cannot be read",
            bytes[valid]
        ),
    )
    .with_help("save the file as UTF-8 (Unicode) in your editor");
    diagnostic.source_line = Some(line);
    diagnostic.location = Some(location);
    diagnostic
}

/// An I/O error in words, without the OS error number.
fn reason(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(end) => text[..end].to_lowercase(),
        None => text,
    }
}

/// Writes `bytes` into a file that does not exist yet, and syncs them:
/// whatever is at `path` (a file, a link planted there) is never followed
/// nor replaced.
pub fn write_new_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Writes a file through a temporary sibling and a rename, so that it is
/// never seen half-written; creates its folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    // The process id keeps two runs writing the same file at once (two
    // `diff`s) from renaming each other's half-written file into place.
    let temporary = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let written = match write_new_synced(&temporary, bytes) {
        // Something was at the temporary name: not ours to remove.
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => return Err(error),
        written => written.and_then(|()| fs::rename(&temporary, path)),
    };
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_planted_at_the_temporary_name_is_never_written_through() {
        let dir = std::env::temp_dir().join(format!("clausier-files-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let precious = dir.join("precious.txt");
        fs::write(&precious, "precious").unwrap();
        let target = dir.join("schema.json");
        let temporary = dir.join(format!(".schema.json.{}.partial", std::process::id()));
        std::os::unix::fs::symlink(&precious, &temporary).unwrap();
        assert!(write_atomically(&target, b"new").is_err());
        assert_eq!(fs::read_to_string(&precious).unwrap(), "precious");
        assert!(!target.exists());
        assert!(
            fs::symlink_metadata(&temporary).is_ok(),
            "not ours to remove"
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
