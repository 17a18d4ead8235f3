//! The artifact cache, `.<out>.cache/artifacts/` beside the output: every
//! file of the last build that can be reused, by the fingerprint of its
//! inputs, so that a build into an emptied output (`rm -rf out`, a CI job
//! that restores the cache folder) copies instead of rendering. Each file
//! is named `<inputs>.<sha256 of its bytes>`; it is read only if it is a
//! plain file of the cache (not a link, linked nowhere else) whose bytes
//! have that hash, so a torn or edited file is rendered again, never
//! published. The cache only saves time: failing to write it fails no
//! build. It holds what the output holds, and is trusted as the output is.
//! It is kept to the files of the last build, which removes only the
//! names it gives its own files.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Read, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use super::swap;
use crate::corpus::records::sha256_hex;

/// The folder of cached artifacts, in the cache folder beside the output.
const ARTIFACTS: &str = "artifacts";
/// The largest file cached, or read back: far above any document's.
const MAX_CACHED_BYTES: u64 = 256 * 1024 * 1024;

/// The cache of the output at one path.
pub struct ArtifactCache {
    /// The real path of `.<out>.cache/artifacts`.
    folder: PathBuf,
    /// The hash of the bytes cached for each fingerprint of inputs.
    index: Mutex<HashMap<String, String>>,
}

impl ArtifactCache {
    /// The cache beside `out`, made if missing; none where something other
    /// than folders is at its names, or it cannot be made. `fresh`, it
    /// takes nothing cached as written: every file is cached anew (a
    /// damaged one replaced).
    pub fn open(out: &Path, fresh: bool) -> Option<ArtifactCache> {
        let parent = swap::sibling(out, "cache").ok()?;
        let folder = parent.join(ARTIFACTS);
        for path in [&parent, &folder] {
            match fs::symlink_metadata(path) {
                Ok(metadata) if metadata.is_dir() => {}
                Err(error) if error.kind() == io::ErrorKind::NotFound => {
                    fs::create_dir(path).ok()?;
                }
                _ => return None,
            }
        }
        let folder = fs::canonicalize(folder).ok()?;
        let mut index = HashMap::new();
        let listed = fs::read_dir(&folder).ok()?.flatten();
        for entry in listed.filter(|_| !fresh) {
            if let Some((inputs, sha256)) = entry.file_name().to_str().and_then(cached_name) {
                index.insert(inputs.to_string(), sha256.to_string());
            }
        }
        Some(ArtifactCache {
            folder,
            index: Mutex::new(index),
        })
    }

    /// The bytes cached for `inputs`, if they are still what was cached;
    /// else they are forgotten, to be cached anew.
    pub fn get(&self, inputs: &str) -> Option<Vec<u8>> {
        let sha256 = self.lock().get(inputs)?.clone();
        let bytes = self.read(inputs, &sha256);
        if bytes.is_none() {
            self.lock().remove(inputs);
        }
        bytes
    }

    /// The file cached for `inputs` with bytes of hash `sha256`, if it is.
    fn read(&self, inputs: &str, sha256: &str) -> Option<Vec<u8>> {
        let path = self.folder.join(format!("{inputs}.{sha256}"));
        // A plain file, not a link, and the same once open: nothing but a
        // file of the cache is read (and nothing else is even opened: a
        // FIFO would block).
        let listed = fs::symlink_metadata(&path).ok()?;
        if !listed.is_file() {
            return None;
        }
        let mut file = fs::File::open(&path).ok()?;
        let metadata = file.metadata().ok()?;
        let plain =
            metadata.is_file() && metadata.nlink() == 1 && metadata.len() <= MAX_CACHED_BYTES;
        if !plain || (metadata.dev(), metadata.ino()) != (listed.dev(), listed.ino()) {
            return None;
        }
        let mut bytes = Vec::with_capacity(metadata.len() as usize);
        // Bounded: the file may grow once open.
        (&mut file)
            .take(MAX_CACHED_BYTES + 1)
            .read_to_end(&mut bytes)
            .ok()?;
        (sha256_hex(&bytes) == sha256).then_some(bytes)
    }

    /// Caches `bytes` as what `inputs` give, unless they are cached.
    pub fn put(&self, inputs: &str, sha256: &str, bytes: &[u8]) {
        let cached = self.lock().get(inputs).is_some_and(|c| c == sha256);
        if cached || bytes.len() as u64 > MAX_CACHED_BYTES {
            return;
        }
        let name = format!("{inputs}.{sha256}");
        // Not `files::write_atomically`: a cached file needs no sync (a
        // torn one fails its hash), and its temporary name must be unique
        // to the write, not the process (two threads may cache at once).
        static WRITES: AtomicUsize = AtomicUsize::new(0);
        let write = WRITES.fetch_add(1, Ordering::Relaxed);
        let temporary =
            (self.folder).join(format!(".{name}.{}-{write}{TEMPORARY}", std::process::id()));
        // A new file: never written through something already there, nor
        // removing it (not ours).
        let Ok(mut file) = fs::File::create_new(&temporary) else {
            return;
        };
        let written =
            (file.write_all(bytes)).and_then(|()| fs::rename(&temporary, self.folder.join(&name)));
        match written {
            Ok(()) => {
                self.lock().insert(inputs.to_string(), sha256.to_string());
            }
            Err(_) => {
                let _ = fs::remove_file(&temporary);
            }
        }
    }

    /// Removes what is cached for other inputs than `used` (or other
    /// bytes than the last cached), and what an interrupted build left
    /// half-written.
    pub fn keep_only(&self, used: &HashSet<&str>) {
        let Ok(entries) = fs::read_dir(&self.folder) else {
            return;
        };
        let mut index = self.lock();
        index.retain(|inputs, _| used.contains(inputs.as_str()));
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                continue;
            };
            let stale = match cached_name(name) {
                Some((inputs, sha256)) => index.get(inputs).is_none_or(|last| last != sha256),
                None => half_written(name),
            };
            if stale {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
        self.index.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// What ends the name of a file being written.
const TEMPORARY: &str = ".partial";

/// The inputs and hash a cached file's name gives: two SHA-256s in hex.
fn cached_name(name: &str) -> Option<(&str, &str)> {
    let (inputs, sha256) = name.split_once('.')?;
    (is_sha256(inputs) && is_sha256(sha256)).then_some((inputs, sha256))
}

/// Whether `name` is one a build gives a cached file while writing it:
/// `.<inputs>.<sha256>.<process id>-<write>.partial`.
fn half_written(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    let Some(rest) = rest.strip_suffix(TEMPORARY) else {
        return false;
    };
    let Some((cached, process)) = rest.rsplit_once('.') else {
        return false;
    };
    let number = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    cached_name(cached).is_some()
        && process
            .split_once('-')
            .is_some_and(|(p, w)| number(p) && number(w))
}

fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_planted_at_a_temporary_name_is_written_through_or_removed() {
        let dir = std::env::temp_dir().join(format!("clausier-cache-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let cache = ArtifactCache::open(&dir.join("out"), false).unwrap();
        let precious = dir.join("precious.txt");
        fs::write(&precious, "precious").unwrap();
        let (inputs, sha256) = ("a".repeat(64), "b".repeat(64));
        // Every name the next writes of this process would take.
        for write in 0..64 {
            let name = format!(
                ".{inputs}.{sha256}.{}-{write}{TEMPORARY}",
                std::process::id()
            );
            std::os::unix::fs::symlink(&precious, cache.folder.join(name)).unwrap();
        }
        cache.put(&inputs, &sha256, b"bytes");
        assert_eq!(fs::read_to_string(&precious).unwrap(), "precious");
        assert_eq!(fs::read_dir(&cache.folder).unwrap().count(), 64);
        assert!(cache.get(&inputs).is_none());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn only_its_own_names_are_taken_for_cached_files() {
        let hash = "a".repeat(64);
        let name = format!("{hash}.{hash}");
        assert_eq!(cached_name(&name), Some((hash.as_str(), hash.as_str())));
        assert!(half_written(&format!(".{name}.123-4.partial")));
        for other in [
            format!("{hash}.{hash}.pdf"),
            format!("{hash}.{}", "A".repeat(64)),
            "notes.txt".to_string(),
            format!(".{name}.partial"),
            format!(".{name}.123.partial"),
            format!(".{name}.12x-4.partial"),
            format!("{name}.123-4.partial"),
        ] {
            assert!(
                cached_name(&other).is_none() && !half_written(&other),
                "{other}"
            );
        }
    }
}
