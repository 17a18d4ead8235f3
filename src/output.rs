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
use crate::render::{Format, Rendered, Slot, artifact_path};

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
    /// The artifact of `document` in `format`, published in `slot`.
    pub fn document(
        document: &Document,
        format: Format,
        slot: Slot,
        rendered: Rendered,
    ) -> Artifact {
        let Rendered {
            bytes,
            sources,
            warnings,
        } = rendered;
        let entry = ManifestEntry {
            path: artifact_path(&document.id, document.lang, format, slot),
            kind: match slot {
                Slot::Fragment => ArtifactKind::Fragment,
                _ => ArtifactKind::Document,
            },
            document: Some(document.id.clone()),
            lang: Some(document.lang),
            version: Some(document.version.clone()),
            latest: matches!(slot, Slot::Latest | Slot::Fragment),
            title: document.title.clone(),
            date: Some(document.effective_date.clone()),
            media_type: format.media_type().to_string(),
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

    /// Any other file: its manifest entry is completed with its size and
    /// hash.
    pub fn file(mut entry: ManifestEntry, bytes: Vec<u8>) -> Artifact {
        entry.sha256 = sha256_hex(&bytes);
        entry.bytes = bytes.len() as u64;
        Artifact {
            entry,
            warnings: Vec::new(),
            bytes,
            sources: Vec::new(),
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

/// What an artifact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArtifactKind {
    /// A document in one language and version.
    Document,
    /// The latest version of a document as body-only HTML, to embed.
    Fragment,
    /// A page of the website: an index, a stylesheet, a data file.
    Site,
    /// The changes from one release to the next, in one language.
    Redline,
    /// A client notice of a change of sub-processors (bilingual).
    Notice,
    /// The Atom feed of releases and notices.
    Feed,
}

/// One artifact of the manifest.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ManifestEntry {
    /// Relative to the output folder, with `/` separators.
    pub path: String,
    pub kind: ArtifactKind,
    /// Document id, e.g. `dpa` (documents and notices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The language; none for bilingual artifacts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// The document's version (documents), or the version a notice
    /// announces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Whether this is the document's fixed path, which always holds its
    /// latest version.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub latest: bool,
    pub title: String,
    /// `YYYY-MM-DD`: a document's effective date, a notice's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub media_type: String,
    /// Lower-case hex SHA-256 of the file.
    pub sha256: String,
    /// File size.
    pub bytes: u64,
}

impl ManifestEntry {
    /// The entry of the file at `path`; the optional fields are empty, and
    /// the size and hash are set by [`Artifact::file`].
    pub fn new(path: String, kind: ArtifactKind, title: String, media_type: &str) -> ManifestEntry {
        ManifestEntry {
            path,
            kind,
            document: None,
            lang: None,
            version: None,
            latest: false,
            title,
            date: None,
            media_type: media_type.to_string(),
            sha256: String::new(),
            bytes: 0,
        }
    }
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
            for (extension, bytes) in &artifact.sources {
                fs::write(path.with_extension(extension), bytes)?;
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

/// Writes a file through a temporary sibling and a rename, so that it is
/// never seen half-written; creates its folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)?;
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.partial"));
    fs::write(&temporary, bytes)?;
    fs::rename(&temporary, path)
}

/// The lower-case hex SHA-256 of `bytes`, as the manifest records it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
