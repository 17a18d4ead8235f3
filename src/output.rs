//! Publishes artifacts: everything is written to a staging folder beside the
//! output folder, then swapped into place, so that a failed or interrupted
//! build never leaves a half-written output.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::model::Document;
use crate::render::{Format, Rendered, artifact_path};

/// A rendered file and what the manifest says of it.
pub struct Artifact {
    pub entry: ManifestEntry,
    /// Problems the renderer reported without failing.
    pub warnings: Vec<Diagnostic>,
    pub bytes: Vec<u8>,
    /// Intermediate sources written beside it with `--keep-sources`.
    pub sources: Vec<(String, Vec<u8>)>,
}

impl Artifact {
    /// The artifact of `document` in `format`, described for the manifest.
    pub fn new(document: &Document, format: Format, rendered: Rendered) -> Artifact {
        let Rendered {
            bytes,
            sources,
            warnings,
        } = rendered;
        let entry = ManifestEntry {
            document: document.id.clone(),
            lang: document.lang,
            format,
            title: document.title.clone(),
            version: document.version.clone(),
            effective_date: document.effective_date.clone(),
            path: artifact_path(&document.id, document.lang, format),
            media_type: match format {
                Format::Pdf => "application/pdf".to_string(),
                Format::Html => "text/html; charset=utf-8".to_string(),
            },
            sha256: sha256_hex(&bytes),
            bytes: bytes.len() as u64,
        };
        Artifact {
            entry,
            warnings,
            bytes,
            sources,
        }
    }
}

/// `out/manifest.json`: every published artifact. CI and the website
/// publish from it.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    /// Always "clausier".
    pub generator: String,
    /// One entry per artifact, sorted by path.
    pub artifacts: Vec<ManifestEntry>,
}

/// One artifact of the manifest.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ManifestEntry {
    /// Document id, e.g. `dpa`.
    pub document: String,
    pub lang: Lang,
    pub format: Format,
    pub title: String,
    pub version: String,
    /// `YYYY-MM-DD`.
    pub effective_date: String,
    /// Relative to the output folder, with `/` separators.
    pub path: String,
    pub media_type: String,
    /// Lower-case hex SHA-256 of the file.
    pub sha256: String,
    /// File size.
    pub bytes: u64,
}

pub const MANIFEST: &str = "manifest.json";

/// Writes `artifacts` and the manifest into `out` atomically. With `keep`,
/// the previous artifacts that this build did not produce are kept (a
/// build restricted by `--doc`, `--lang` or `--format`).
pub fn publish(
    out: &Path,
    artifacts: &[Artifact],
    keep_sources: bool,
    keep: bool,
) -> io::Result<Manifest> {
    let staging = sibling(out, "staging")?;
    recover(out)?;
    fs::create_dir_all(&staging)?;
    let mut entries: Vec<ManifestEntry> = Vec::new();
    if keep && out.join(MANIFEST).is_file() {
        copy_tree(out, &staging)?;
        let previous: Manifest =
            serde_json::from_slice(&fs::read(out.join(MANIFEST))?).map_err(|error| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: {error}", out.join(MANIFEST).display()),
                )
            })?;
        entries = previous.artifacts;
    }
    for artifact in artifacts {
        let path = staging.join(&artifact.entry.path);
        fs::create_dir_all(path.parent().expect("artifact paths have a folder"))?;
        fs::write(&path, &artifact.bytes)?;
        if keep_sources {
            for (name, bytes) in &artifact.sources {
                fs::write(path.with_file_name(name), bytes)?;
            }
        }
        entries.retain(|entry| entry.path != artifact.entry.path);
        entries.push(artifact.entry.clone());
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    let manifest = Manifest {
        generator: "clausier".to_string(),
        artifacts: entries,
    };
    let mut json = serde_json::to_string_pretty(&manifest).expect("the manifest serializes");
    json.push('\n');
    fs::write(staging.join(MANIFEST), json)?;
    swap_into_place(&staging, out)?;
    Ok(manifest)
}

/// Puts back the previous output if a build was interrupted between the two
/// renames that swap it with the new one, and drops a stale staging folder.
pub fn recover(out: &Path) -> io::Result<()> {
    let previous = sibling(out, "previous")?;
    if !out.exists() && previous.exists() {
        fs::rename(&previous, out)?;
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

fn swap_into_place(staging: &Path, out: &Path) -> io::Result<()> {
    if !out.exists() {
        return fs::rename(staging, out);
    }
    let previous = sibling(out, "previous")?;
    if previous.exists() {
        fs::remove_dir_all(&previous)?;
    }
    fs::rename(out, &previous)?;
    if let Err(error) = fs::rename(staging, out) {
        fs::rename(&previous, out)?;
        return Err(error);
    }
    fs::remove_dir_all(previous)
}

fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            fs::create_dir_all(&target)?;
            copy_tree(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// The lower-case hex SHA-256 of `bytes`, as the manifest records it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
