//! Reusing what an earlier build rendered: released versions never change,
//! so a PDF, a page or a Word file whose inputs (the model, the format,
//! where it is published, and clausier's own build) are those of a file of
//! the previous output is copied from it instead of rendered again. The
//! manifest records each file's inputs; a file is reused only if its bytes
//! still have the hash the manifest gives, and the result is the same as a
//! fresh build's, byte for byte (`tests/build.rs`).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::corpus::records::sha256_hex;
use crate::diagnostic::Diagnostic;
use crate::model::Document;
use crate::publish::build::Outcome;
use crate::publish::output::{Artifact, MANIFEST, Manifest, ManifestEntry};
use crate::render::{Format, Slot};

/// clausier's own build: its sources, templates and dependencies.
const BUILD_ID: &str = env!("CLAUSIER_BUILD_ID");

/// The previous output's files, by the fingerprint of their inputs and
/// their path.
#[derive(Default)]
pub struct Reuse {
    out: PathBuf,
    by_inputs: HashMap<(String, String), ManifestEntry>,
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
        Reuse {
            out: out.to_path_buf(),
            by_inputs,
            reused: AtomicUsize::new(0),
        }
    }

    /// The fingerprint of a rendering of `kind` from `parts`.
    pub fn inputs(kind: &str, parts: &[&[u8]]) -> String {
        let mut hash = Sha256::new();
        for part in [BUILD_ID.as_bytes(), kind.as_bytes()].iter().chain(parts) {
            hash.update((part.len() as u64).to_le_bytes());
            hash.update(part);
        }
        hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The fingerprint of `document` rendered in `format` for `slots`: a
    /// page's links depend on where it is, a PDF or a Word file does not.
    pub fn document_inputs(document: &Document, format: Format, slots: &[Slot]) -> String {
        let model = serde_json::to_vec(document).expect("documents serialize to JSON");
        let place = match format {
            Format::Html => format!("{slots:?}"),
            _ => String::new(),
        };
        let format = format.extension().as_bytes();
        Reuse::inputs("document", &[format, place.as_bytes(), &model])
    }

    /// The files at `paths` rendered from `inputs`, from the previous
    /// output, or else `render`'s, marked with their inputs (unless the
    /// renderer warned: a file is reused only where rendering it again
    /// would say nothing).
    pub fn render(
        &self,
        inputs: String,
        paths: &[String],
        render: impl FnOnce() -> Outcome,
    ) -> Outcome {
        let previous: Option<Vec<&ManifestEntry>> = (paths.iter())
            .map(|path| self.by_inputs.get(&(inputs.clone(), path.clone())))
            .collect();
        if let Some(artifacts) = previous.and_then(|entries| self.read(&entries)) {
            self.reused.fetch_add(artifacts.len(), Ordering::Relaxed);
            return Ok(artifacts);
        }
        let mut artifacts = render()?;
        if artifacts.iter().all(|a| a.warnings.is_empty()) {
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
        let inputs = Reuse::inputs(kind, &[format.extension().as_bytes(), &model]);
        let paths = [entry.path.clone()];
        self.render(inputs, &paths, || {
            Ok(vec![Artifact::file(entry.clone(), render()?)])
        })
    }

    /// The previous files of `entries`, if every one is still as the
    /// manifest says.
    fn read(&self, entries: &[&ManifestEntry]) -> Option<Vec<Artifact>> {
        entries
            .iter()
            .map(|entry| {
                let inside = Path::new(&entry.path)
                    .components()
                    .all(|c| matches!(c, Component::Normal(_)));
                // Only a plain file of the output: never through a link.
                let path = self.out.join(&entry.path);
                let plain = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
                let bytes = std::fs::read(&path).ok().filter(|_| inside && plain)?;
                (sha256_hex(&bytes) == entry.sha256)
                    .then(|| Artifact::file((*entry).clone(), bytes))
            })
            .collect()
    }

    /// How many files were reused.
    pub fn reused(&self) -> usize {
        self.reused.load(Ordering::Relaxed)
    }
}
