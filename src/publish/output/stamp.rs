//! The record of an output's last build, `.<out>.cache/build.json` beside
//! it: which clausier built it, with which options, what it consulted in
//! the corpus (each question asked of the folder, with its answer), and
//! what the output folder held once in place. A build that would ask the
//! same questions and get the same answers, for an output still exactly as
//! it was left, would write the same bytes (builds are deterministic): it
//! stops there, so that a rebuild with nothing changed costs the same
//! however long the history. Only a clean build (no warning, no draft) is
//! recorded, so that stopping early never hides what a build would say.
//!
//! Output files are compared as git compares its index: size, inode,
//! modification and change times (rewriting a file changes its change
//! time, which no one can set back). The file system's clock is coarse: a
//! file changed in the same tick as the record was written could have
//! changed after it, so the record is written once the clock has moved past
//! every file's change, and a file changed since is not trusted. The corpus
//! is compared by content: every file read is read again and hashed
//! ([`files::unchanged`]).

use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{GENERATOR, MANIFEST, Manifest, guard, swap};
use crate::corpus::files::{self, Consulted, write_atomically};
use crate::corpus::records::sha256_hex;
use crate::publish::reuse::BUILD_ID;

/// The record's file, in the cache folder beside the output.
const STAMP: &str = "build.json";
/// The largest record read back: one consultation per corpus file and one
/// line per output file stay far below it.
const MAX_STAMP_BYTES: u64 = 64 * 1024 * 1024;

/// What a build depended on, besides clausier itself.
pub struct BuildInputs<'a> {
    /// The options that change what is written (documents, languages,
    /// formats, drafts, …), in words.
    pub options: String,
    /// What the build consulted in the corpus.
    pub consulted: &'a [Consulted],
}

/// The record of one build.
#[derive(Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Stamp {
    /// Always "clausier": whose record this is.
    generator: String,
    /// clausier's own build (sources, templates, dependencies).
    build: String,
    /// The options of the build.
    options: String,
    /// The SHA-256 of the corpus folder's path, links resolved (a record
    /// beside an output published with its parent says no more of it).
    root: String,
    /// Every question the build asked of the corpus folder, and its answer.
    consulted: Vec<Consulted>,
    /// Every file and folder of the output once in place.
    output: Vec<OutputFile>,
}

/// A file or folder of the output, as the file system describes it.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct OutputFile {
    /// Relative to the output, `/`-separated.
    path: String,
    /// Its size.
    bytes: u64,
    /// Its inode: a file replaced by another has another.
    inode: u64,
    /// Last modified, in nanoseconds since 1970.
    modified: i128,
    /// Last changed (written, renamed, its mode or links changed), in
    /// nanoseconds since 1970.
    changed: i128,
}

/// The manifest of the output at `out`, if its last build, recorded with
/// the same `options`, would write it again unchanged from the corpus at
/// `root`. Asked with the output locked, so that no build swaps it
/// meanwhile.
pub fn up_to_date(out: &Path, root: &Path, options: &str) -> Option<Manifest> {
    let path = swap::sibling(out, "cache").ok()?.join(STAMP);
    let metadata = fs::symlink_metadata(&path).ok()?;
    if !metadata.is_file() || metadata.len() > MAX_STAMP_BYTES {
        return None;
    }
    let _lock = swap::lock(out).ok()?;
    let stamp: Stamp = serde_json::from_slice(&fs::read(&path).ok()?).ok()?;
    let same = stamp.generator == GENERATOR
        && stamp.build == BUILD_ID
        && stamp.options == options
        && root_digest(root)? == stamp.root;
    if !same {
        return None;
    }
    let written = nanoseconds(metadata.ctime(), metadata.ctime_nsec());
    let output = listing(out).ok()?;
    if output != stamp.output || output.iter().any(|file| file.changed >= written) {
        return None;
    }
    if !files::unchanged(root, &stamp.consulted) {
        return None;
    }
    serde_json::from_slice(&fs::read(out.join(MANIFEST)).ok()?).ok()
}

/// Records the build of the output now at `out` from the corpus at `root`
/// with `inputs`, with the output locked. The record only saves time: a
/// failure to write it is no failure of the build. Something other than a
/// folder at the cache folder's name, or other than a record of clausier's
/// at the record's, is left alone.
pub fn record(out: &Path, root: &Path, inputs: &BuildInputs) {
    let Ok(folder) = swap::sibling(out, "cache") else {
        return;
    };
    match fs::symlink_metadata(&folder) {
        Ok(metadata) if !metadata.is_dir() => return,
        Err(error) if error.kind() != io::ErrorKind::NotFound => return,
        _ => {}
    }
    let path = folder.join(STAMP);
    if let Ok(metadata) = fs::symlink_metadata(&path) {
        let ours = metadata.is_file()
            && metadata.len() <= MAX_STAMP_BYTES
            && fs::read(&path)
                .ok()
                .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
                .is_some_and(|json| json["generator"] == GENERATOR);
        if !ours {
            return;
        }
    }
    let (Some(root), Ok(output)) = (root_digest(root), listing(out)) else {
        return;
    };
    let stamp = Stamp {
        generator: GENERATOR.to_string(),
        build: BUILD_ID.to_string(),
        options: inputs.options.clone(),
        root,
        consulted: inputs.consulted.to_vec(),
        output,
    };
    let json = serde_json::to_vec(&stamp).expect("records serialize to JSON");
    // Written once the clock has ticked past the last file of the output
    // (the file system's clock is coarse: a few milliseconds), or the next
    // build would not trust it; on a file system with a coarser clock, not
    // at all (20 ms at most spent trying).
    let newest = stamp.output.iter().map(|file| file.changed).max();
    for _ in 0..20 {
        if write_atomically(&path, &json).is_err() {
            return;
        }
        let written = fs::symlink_metadata(&path)
            .map(|metadata| nanoseconds(metadata.ctime(), metadata.ctime_nsec()));
        if written.is_ok_and(|written| newest < Some(written)) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// Every file and folder under `out`, sorted (a folder added, or its
/// permissions changed, changes its times); an error for anything that is
/// neither (which a build refuses).
fn listing(out: &Path) -> io::Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    let mut odd = false;
    guard::walk(out, |path, metadata| {
        odd |= !metadata.is_file() && !metadata.is_dir();
        files.push(OutputFile {
            path,
            bytes: metadata.len(),
            inode: metadata.ino(),
            modified: nanoseconds(metadata.mtime(), metadata.mtime_nsec()),
            changed: nanoseconds(metadata.ctime(), metadata.ctime_nsec()),
        });
    })?;
    if odd {
        return Err(io::Error::other("not a file nor a folder"));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The SHA-256 of `root`'s real path.
fn root_digest(root: &Path) -> Option<String> {
    let real = fs::canonicalize(root).ok()?;
    Some(sha256_hex(real.as_os_str().as_encoded_bytes()))
}

fn nanoseconds(seconds: i64, nanoseconds: i64) -> i128 {
    i128::from(seconds) * 1_000_000_000 + i128::from(nanoseconds)
}
