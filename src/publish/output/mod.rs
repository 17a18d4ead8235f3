//! Publishes artifacts: what a build writes (artifacts, manifest, marker),
//! and how it lands (`guard`: which folders may be replaced; `swap`: one
//! build at a time, staged, synced and exchanged atomically), so that a
//! failed, interrupted or concurrent build never loses or mixes outputs;
//! and the record of the last clean build beside the output (`stamp`),
//! which tells the next one whether anything changed, with the files it
//! can copy instead of rendering (`cache`).

mod cache;
mod guard;
mod stamp;
mod swap;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use crate::corpus::records::sha256_hex;
use crate::corpus::released::Head;
use crate::diagnostic::Diagnostic;
use crate::error::BuildError;
use crate::lang::Lang;
use crate::render::{Format, Rendered, Slot, artifact_path};
pub use cache::ArtifactCache;
pub use guard::MARKER;

/// Who wrote an output, its manifest and its record: "clausier".
pub(crate) const GENERATOR: &str = "clausier";
use guard::Previous;
pub use stamp::{BuildInputs, up_to_date};

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
    /// The artifact of the document of head `document` in `format`,
    /// published in `slot`.
    pub fn document(document: Head, format: Format, slot: Slot, rendered: Rendered) -> Artifact {
        let Rendered {
            bytes,
            sources,
            warnings,
        } = rendered;
        let entry = ManifestEntry {
            path: artifact_path(document.id, document.lang, format, slot),
            kind: match slot {
                Slot::Fragment => ArtifactKind::Fragment,
                Slot::Parallel(_) => ArtifactKind::Parallel,
                _ => ArtifactKind::Document,
            },
            document: Some(document.id.to_string()),
            lang: Some(document.lang),
            version: Some(document.version.to_string()),
            latest: matches!(slot, Slot::Latest | Slot::Fragment),
            title: document.title.to_string(),
            date: Some(document.effective_date.to_string()),
            media_type: format.media_type().to_string(),
            sha256: sha256_hex(&bytes),
            bytes: bytes.len() as u64,
            inputs: None,
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
    /// The binding text and a translation side by side, clause by clause.
    Parallel,
    /// The changes from one release to the next, in one language.
    Redline,
    /// A client notice of a change of sub-processors (bilingual).
    Notice,
    /// The Atom feed of releases and notices.
    Feed,
    /// A client's own copy, notice or mail-merge list: private, never in
    /// the public output.
    Client,
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
    /// A fingerprint of what the file was rendered from (the model, the
    /// format, where it is published, clausier's own build): a later build
    /// copies the file instead of rendering it while it matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inputs: Option<String>,
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
            inputs: None,
        }
    }
}

pub const MANIFEST: &str = "manifest.json";

/// Whether the output at `out` holds clients' private files, by its
/// manifest: the public site must never be built over them.
pub fn holds_client_files(out: &Path) -> bool {
    holds(out, |kind| kind == ArtifactKind::Client)
}

/// Whether `path` is `folder` or inside it, links resolved, whether or not
/// the last parts of either exist yet.
pub fn is_within(path: &Path, folder: &Path) -> bool {
    match (guard::resolved(path), guard::resolved(folder)) {
        (Ok(path), Ok(folder)) => path.starts_with(folder),
        _ => path.starts_with(folder),
    }
}

/// Whether the output at `out` holds the public site's files, by its
/// manifest: clients' files must never be written among them.
pub fn holds_public_files(out: &Path) -> bool {
    holds(out, |kind| kind != ArtifactKind::Client)
}

/// Whether the manifest of the output at `out` lists a file of a kind
/// `wanted` accepts.
fn holds(out: &Path, wanted: impl Fn(ArtifactKind) -> bool) -> bool {
    let manifest = fs::read(out.join(MANIFEST)).ok();
    let manifest: Option<Manifest> = manifest.and_then(|bytes| serde_json::from_slice(&bytes).ok());
    manifest.is_some_and(|manifest| manifest.artifacts.iter().any(|entry| wanted(entry.kind)))
}

/// A new output being written, one build at a time: the output folder
/// locked, and a staging folder beside it that receives each file as soon
/// as it is rendered (so that no build holds its whole output in memory),
/// put in place of the output by [`Publication::finish`] in one atomic
/// swap. Dropped unfinished (a failure), it leaves the output as it was.
pub struct Publication {
    /// The output folder.
    out: PathBuf,
    /// The corpus folder it is built from.
    root: PathBuf,
    /// Whether the typst sources are written beside each PDF.
    keep_sources: bool,
    /// For a restricted build, the previous output's files and manifest,
    /// to keep what this build does not write again.
    kept: Option<(Vec<String>, Manifest)>,
    /// The manifest's entries by path, and every file written so far.
    written: Mutex<(BTreeMap<String, ManifestEntry>, BTreeSet<String>)>,
    /// Where each reusable file is cached too (`build` only: clients'
    /// copies are never cached).
    cache: Option<Arc<ArtifactCache>>,
    // Removed (when unfinished) before the lock is released: fields drop
    // in order.
    staging: swap::Staging,
    _lock: swap::OutputLock,
}

/// How a publication is written.
pub struct Publishing {
    /// Whether the typst sources are written beside each PDF.
    pub keep_sources: bool,
    /// Whether the previous files that this build will not write again
    /// are kept (a build restricted by `--doc`, `--lang` or `--format`).
    pub keep: bool,
    /// Whether every reusable file is cached beside the output as well
    /// ([`ArtifactCache`]), and if so whether anew (`--fresh`): `build`
    /// only, never clients' copies.
    pub cache: Option<bool>,
}

/// What was published of an artifact.
pub struct Written {
    /// Its manifest entry.
    pub entry: ManifestEntry,
    /// The problems rendering it reported without failing.
    pub warnings: Vec<Diagnostic>,
}

impl Publication {
    /// Starts a new output at `out`, built from the corpus at `root`, as
    /// `how` says. A folder clausier did not write is refused before
    /// anything moves.
    pub fn begin(out: &Path, root: &Path, how: Publishing) -> Result<Publication, BuildError> {
        let Publishing {
            keep_sources,
            keep,
            cache,
        } = how;
        guard::check(out, root).map_err(BuildError::Usage)?;
        let lock = swap::lock(out).map_err(BuildError::Io)?;
        swap::recover(out).map_err(BuildError::Io)?;
        // Again with the lock held: another build may have written it since.
        let previous = guard::check(out, root).map_err(BuildError::Usage)?;
        let staging = swap::Staging::new(out).map_err(BuildError::Io)?;
        let kept = match (keep, previous) {
            (true, Previous::Output { files, manifest }) => Some((files, manifest)),
            _ => None,
        };
        Ok(Publication {
            out: out.to_path_buf(),
            root: root.to_path_buf(),
            keep_sources,
            kept,
            written: Mutex::new((BTreeMap::new(), BTreeSet::new())),
            cache: cache.and_then(|fresh| ArtifactCache::open(out, fresh).map(Arc::new)),
            staging,
            _lock: lock,
        })
    }

    /// The artifact cache this publication fills, to look files up in.
    pub fn cache(&self) -> Option<Arc<ArtifactCache>> {
        self.cache.clone()
    }

    /// Writes `artifact` into the new output (a previous file at its path
    /// is then not kept); its bytes are not kept in memory.
    pub fn write(&self, artifact: Artifact) -> Result<Written, BuildError> {
        let path = &artifact.entry.path;
        self.staging
            .write(path, &artifact.bytes)
            .map_err(BuildError::Io)?;
        if let (Some(cache), Some(inputs)) = (&self.cache, &artifact.entry.inputs) {
            cache.put(inputs, &artifact.entry.sha256, &artifact.bytes);
        }
        let mut files = vec![path.clone()];
        if self.keep_sources {
            for (extension, bytes) in &artifact.sources {
                let source = Path::new(path).with_extension(extension);
                let source = source.to_string_lossy().replace('\\', "/");
                self.staging.write(&source, bytes).map_err(BuildError::Io)?;
                files.push(source);
            }
        }
        let mut written = self.written.lock().unwrap_or_else(PoisonError::into_inner);
        written.0.insert(path.clone(), artifact.entry.clone());
        written.1.extend(files);
        Ok(Written {
            entry: artifact.entry,
            warnings: artifact.warnings,
        })
    }

    /// Writes the manifest and puts the new output in place. With
    /// `inputs`, the build is recorded beside the output, so that the next
    /// one knows whether anything changed ([`up_to_date`]).
    pub fn finish(self, inputs: Option<&BuildInputs>) -> Result<Manifest, BuildError> {
        let Publication {
            out,
            root,
            kept,
            written,
            cache,
            staging,
            _lock: lock,
            ..
        } = self;
        let (mut entries, mut written) =
            written.into_inner().unwrap_or_else(PoisonError::into_inner);
        // The previous files this build did not write again, put in the new
        // output once rendering is done: linked there, not copied (a
        // restricted build keeps most of the output); not before, or the
        // previous output's files would have a second link while rendering
        // reuses them, and reuse takes only files linked nowhere else. The
        // manifest is always written anew (the marker is not listed).
        if let Some((files, manifest)) = &kept {
            let unwritten: Vec<&String> = (files.iter())
                .filter(|file| !written.contains(*file) && *file != MANIFEST)
                .collect();
            for file in unwritten {
                let bytes = check_kept(&out, file, manifest)?;
                (staging.link(&out.join(file), file)).map_err(BuildError::Io)?;
                if let Some(entry) = manifest.artifacts.iter().find(|entry| entry.path == *file) {
                    if let (Some(cache), Some(inputs)) = (&cache, &entry.inputs) {
                        cache.put(inputs, &entry.sha256, &bytes);
                    }
                    entries.insert(file.clone(), entry.clone());
                }
                written.insert(file.clone());
            }
        }
        let manifest = Manifest {
            generator: GENERATOR.to_string(),
            artifacts: entries.into_values().collect(),
        };
        (staging.write(MANIFEST, json(&manifest).as_bytes())).map_err(BuildError::Io)?;
        written.insert(MANIFEST.to_string());
        let marker = guard::Marker {
            generator: GENERATOR.to_string(),
            files: written.into_iter().collect(),
        };
        (staging.write(guard::MARKER, json(&marker).as_bytes())).map_err(BuildError::Io)?;
        staging.sync().map_err(BuildError::Io)?;
        // Again, at the last moment (syncing takes a while): a file or
        // folder put in the output while this build ran is someone's too,
        // and would go with it.
        guard::check(&out, &root).map_err(BuildError::Usage)?;
        staging.swap_into(&out).map_err(BuildError::Io)?;
        // The previous output goes before the record is made: removing the
        // second names of kept files changes their change time.
        drop(staging);
        if let Some(inputs) = inputs {
            stamp::record(&out, &root, inputs);
        }
        if let Some(cache) = cache {
            let used = manifest
                .artifacts
                .iter()
                .filter_map(|e| e.inputs.as_deref());
            cache.keep_only(&used.collect());
        }
        drop(lock);
        Ok(manifest)
    }
}

/// Checks a file an earlier build wrote, to keep in a restricted build:
/// refused if it is linked elsewhere (a hard link shares its bytes with a
/// file outside the output) or no longer what the manifest says. Gives its
/// bytes.
fn check_kept(out: &Path, file: &str, manifest: &Manifest) -> Result<Vec<u8>, BuildError> {
    use std::os::unix::fs::MetadataExt;
    let path = out.join(file);
    let changed = || {
        BuildError::Usage(format!(
            "{} changed since clausier wrote it: refusing to publish it again; run a full build (without --doc, --lang or --format)",
            path.display()
        ))
    };
    if fs::symlink_metadata(&path).map_err(BuildError::Io)?.nlink() != 1 {
        return Err(changed());
    }
    let bytes = fs::read(&path).map_err(BuildError::Io)?;
    let listed = manifest.artifacts.iter().find(|entry| entry.path == file);
    match listed {
        Some(entry) if entry.sha256 != sha256_hex(&bytes) => Err(changed()),
        _ => Ok(bytes),
    }
}

/// Refuses an output folder (of any command) inside the corpus's source
/// folders or holding the corpus.
pub fn check_placement(out: &Path, root: &Path) -> Result<(), BuildError> {
    guard::placement(out, root).map_err(BuildError::Usage)
}

/// Checks, before a build renders anything, that it may replace `out`,
/// first mending what an interrupted build left.
pub fn check_target(out: &Path, root: &Path) -> Result<(), BuildError> {
    guard::check(out, root).map_err(BuildError::Usage)?;
    let _lock = swap::lock(out).map_err(BuildError::Io)?;
    swap::recover(out).map_err(BuildError::Io)
}

fn json<T: Serialize>(value: &T) -> String {
    let mut json = serde_json::to_string_pretty(value).expect("output records serialize");
    json.push('\n');
    json
}
