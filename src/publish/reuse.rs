//! Reusing what an earlier build rendered: released versions never change,
//! so a PDF, a page or a Word file whose inputs (the model, the format,
//! where it is published, and clausier's own build) are those of a file of
//! the previous output is copied from it instead of rendered again. The
//! manifest records each file's inputs; a file is reused only if it is a
//! plain file of the output with the size and hash the manifest gives, and
//! the result is the same as a fresh build's, byte for byte
//! (`tests/build.rs`). The previous output is trusted as restricted builds
//! trust it: whoever can rewrite both a file and `manifest.json` there can
//! rewrite what is published anyway; `--fresh` renders everything. A file
//! the output lacks is looked up in the artifact cache beside it
//! ([`ArtifactCache`]: an output removed is copied back).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::corpus::records::{hex, sha256_hex};
use crate::corpus::released::DocumentRef;
use crate::diagnostic::Diagnostic;
use crate::publish::jobs::Outcome;
use crate::publish::output::{Artifact, ArtifactCache, MANIFEST, Manifest, ManifestEntry};
use crate::render::{Format, Slot};

/// clausier's own build: its sources, templates and dependencies.
pub(crate) const BUILD_ID: &str = env!("CLAUSIER_BUILD_ID");

/// The previous output's files, by the fingerprint of their inputs and
/// their path.
#[derive(Default)]
pub struct Reuse {
    /// The output folder, by its real path (files are checked against it).
    out: PathBuf,
    by_inputs: HashMap<(String, String), ManifestEntry>,
    /// The files cached beside the output, looked up when the output does
    /// not hold a file (it was removed, or never built there).
    cache: Option<Arc<ArtifactCache>>,
    reused: AtomicUsize,
}

impl Reuse {
    /// Nothing to reuse: every file is rendered.
    pub fn none() -> Reuse {
        Reuse::default()
    }

    /// What the output at `out` holds, as its manifest lists it.
    pub fn previous(out: &Path) -> Reuse {
        let manifest = std::fs::read(out.join(MANIFEST)).ok();
        let manifest: Option<Manifest> = manifest.and_then(|b| serde_json::from_slice(&b).ok());
        let mut by_inputs = HashMap::new();
        for entry in manifest.map_or_else(Vec::new, |m| m.artifacts) {
            if let Some(inputs) = entry.inputs.clone() {
                by_inputs.insert((inputs, entry.path.clone()), entry);
            }
        }
        // Without a real path there is nothing to check files against.
        let Ok(out) = std::fs::canonicalize(out) else {
            return Reuse::none();
        };
        Reuse {
            out,
            by_inputs,
            cache: None,
            reused: AtomicUsize::new(0),
        }
    }

    /// Looks files up in `cache` too, where the output lacks them.
    pub fn with_cache(self, cache: Option<Arc<ArtifactCache>>) -> Reuse {
        Reuse { cache, ..self }
    }

    /// The fingerprint of a rendering of `kind` from `parts`.
    pub fn inputs(kind: &str, parts: &[&[u8]]) -> String {
        let mut hash = Sha256::new();
        for part in [BUILD_ID.as_bytes(), kind.as_bytes()].iter().chain(parts) {
            hash.update((part.len() as u64).to_le_bytes());
            hash.update(part);
        }
        hex(&hash.finalize())
    }

    /// The fingerprint of a document's model, made once and shared by
    /// the fingerprints of its renderings.
    pub fn model(document: DocumentRef) -> String {
        sha256_hex(&document.json())
    }

    /// The fingerprint of the document of fingerprint `model` rendered in
    /// `format` for `slots`: a page's links depend on where it is, a PDF or
    /// a Word file does not.
    pub fn document_inputs(model: &str, format: Format, slots: &[Slot]) -> String {
        let place = match format {
            Format::Html => format!("{slots:?}"),
            _ => String::new(),
        };
        let format = format.extension().as_bytes();
        Reuse::inputs("document", &[format, place.as_bytes(), model.as_bytes()])
    }

    /// The files at `paths` from one rendering of `inputs`: `make` gets
    /// the previous output's bytes where they can be reused, or none and
    /// renders. Their manifest entries are made anew either way, and marked
    /// with their inputs unless rendering warned (a file is reused only
    /// where rendering it again would say nothing).
    pub fn render(
        &self,
        inputs: String,
        paths: &[String],
        make: impl FnOnce(Option<Vec<u8>>) -> Outcome,
    ) -> Outcome {
        let previous = self.previous_bytes(&inputs, paths);
        let reused = previous.is_some();
        let mut artifacts = make(previous)?;
        if reused {
            self.reused.fetch_add(artifacts.len(), Ordering::Relaxed);
        }
        if reused || artifacts.iter().all(|a| a.warnings.is_empty()) {
            for artifact in &mut artifacts {
                artifact.entry.inputs = Some(inputs.clone());
            }
        }
        Ok(artifacts)
    }

    /// One file of `format`, `entry` in the manifest, rendered from `model`
    /// by `render` (a redline, a notice) or copied.
    pub fn file(
        &self,
        kind: &str,
        format: Format,
        model: &impl Serialize,
        entry: &ManifestEntry,
        render: impl FnOnce() -> Result<Vec<u8>, Box<Diagnostic>>,
    ) -> Outcome {
        let model = serde_json::to_vec(model).expect("models serialize to JSON");
        // The path too: the cache looks files up by their inputs alone, and
        // two files must never share them (a redline in two languages
        // with the same words).
        let place = entry.path.as_bytes();
        let inputs = Reuse::inputs(kind, &[format.extension().as_bytes(), place, &model]);
        let paths = [entry.path.clone()];
        self.render(inputs, &paths, |previous| {
            let bytes = match previous {
                Some(bytes) => bytes,
                None => render()?,
            };
            Ok(vec![Artifact::file(entry.clone(), bytes)])
        })
    }

    /// The bytes one rendering of `inputs` gave the files at `paths` in the
    /// previous output: every path listed with these inputs and the same
    /// hash, and the first still so on disk.
    fn previous_bytes(&self, inputs: &str, paths: &[String]) -> Option<Vec<u8>> {
        let in_output = || {
            let entries: Vec<&ManifestEntry> = (paths.iter())
                .map(|path| self.by_inputs.get(&(inputs.to_string(), path.clone())))
                .collect::<Option<_>>()?;
            let first = entries.first()?;
            if entries.iter().any(|e| e.sha256 != first.sha256) {
                return None;
            }
            self.read_plain(first)
        };
        in_output().or_else(|| self.cache.as_ref()?.get(inputs))
    }

    /// The file of `entry`, if it is a plain file of the output (not a
    /// link, not reached through one, not linked elsewhere) of the size and
    /// hash the manifest gives. Checked before it is opened, so that no
    /// file outside the output is read, and no huge one.
    fn read_plain(&self, entry: &ManifestEntry) -> Option<Vec<u8>> {
        use std::os::unix::fs::MetadataExt;
        let relative = Path::new(&entry.path);
        if !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        {
            return None;
        }
        let path = self.out.join(relative);
        let real = std::fs::canonicalize(&path).ok()?;
        let meta = std::fs::symlink_metadata(&path).ok()?;
        let plain = meta.is_file() && meta.nlink() == 1 && meta.len() == entry.bytes;
        if !plain || real != path {
            return None;
        }
        let bytes = std::fs::read(&path).ok()?;
        (sha256_hex(&bytes) == entry.sha256).then_some(bytes)
    }

    /// How many files were reused.
    pub fn reused(&self) -> usize {
        self.reused.load(Ordering::Relaxed)
    }
}
