//! Rebuilds the preview after each burst of changes: only the documents
//! the burst touched when it can, every document otherwise, and reports
//! the outcome to the terminal and to the pages (through [`Status`]).

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use tokio::sync::watch;

use super::watch::Burst;
use crate::diagnostic::{stderr_styled, stdout_styled};
use crate::error::BuildError;
use crate::publish::build::{BuildOptions, Built, build};
use crate::render::Format;

/// What the server shows: the outcome of the last build.
#[derive(Clone, Debug, Default)]
pub struct Status {
    /// How many builds have ended, failed or not: a page built before the
    /// current generation is stale. 0 before the first build ends.
    pub generation: u64,
    /// The last build's error, shown instead of the pages until a build
    /// succeeds.
    pub error: Option<Arc<str>>,
    /// Whether the PDF and Word files are being rebuilt after the pages:
    /// a request for one waits until they are.
    pub files_pending: bool,
}

/// What a rebuild covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// These documents (ids), and what every build writes (the site's
    /// pages, the feed); none means nothing to rebuild.
    Documents(BTreeSet<String>),
    /// Every document.
    Everything,
}

impl Scope {
    /// What a burst of changes touched: the documents whose own folder of
    /// `contracts/` or `releases/` changed; every document when shared
    /// facts, labels or checklists changed, when a document's folder itself
    /// came or went, or when changes were lost.
    pub fn of(burst: &Burst) -> Scope {
        if burst.lost {
            return Scope::Everything;
        }
        let mut documents = BTreeSet::new();
        for path in &burst.paths {
            let mut parts = path.components().map(|c| c.as_os_str().to_string_lossy());
            match (parts.next().as_deref(), parts.next()) {
                (Some("contracts" | "releases"), Some(id)) if parts.next().is_some() => {
                    documents.insert(id.into_owned());
                }
                _ => return Scope::Everything,
            }
        }
        Scope::Documents(documents)
    }

    /// Both scopes' documents.
    fn join(self, other: Scope) -> Scope {
        match (self, other) {
            (Scope::Documents(mut these), Scope::Documents(those)) => {
                these.extend(those);
                Scope::Documents(these)
            }
            _ => Scope::Everything,
        }
    }
}

/// Builds the corpus into the preview folder, one build at a time.
pub struct Builder {
    /// The corpus, the preview's site folder, drafts allowed.
    options: BuildOptions,
    /// Where the outcome of each build is told to the server.
    status: watch::Sender<Status>,
    /// What changed since the last build that succeeded: a failed build
    /// published nothing, so the next one must cover its scope too (and
    /// everything, until a first build succeeds).
    owed: Scope,
}

impl Builder {
    /// A builder of the corpus at `root` into `site`, which reports to
    /// `status`.
    pub fn new(root: PathBuf, site: PathBuf, status: watch::Sender<Status>) -> Builder {
        let options = BuildOptions {
            root,
            out: site,
            documents: Vec::new(),
            langs: Vec::new(),
            formats: Vec::new(),
            keep_sources: false,
            deny_warnings: false,
            // The preview shows the text being edited, released or not.
            draft: true,
            reuse: true,
        };
        Builder {
            options,
            status,
            owed: Scope::Everything,
        }
    }

    /// Rebuilds what `scope` and earlier failed builds cover, prints the
    /// outcome, and tells the server: the pages first, then the PDF and
    /// Word files. Pages reload as soon as theirs are written: laying out
    /// a PDF takes longer than the preview may keep the editor waiting
    /// (a DPA's, about 0.3 s), and a page fetches its PDF only when asked.
    pub fn rebuild(&mut self, scope: Scope) {
        let scope =
            std::mem::replace(&mut self.owed, Scope::Documents(BTreeSet::new())).join(scope);
        let documents: Vec<String> = match &scope {
            Scope::Documents(documents) if documents.is_empty() => return,
            Scope::Documents(documents) => documents.iter().cloned().collect(),
            Scope::Everything => Vec::new(),
        };
        let started = Instant::now();
        // The PDF and Word files are stale from now: one asked for while
        // the pages build waits for its own rebuild too (the new pages are
        // in place a moment before the server is told that they are).
        (self.status).send_modify(|status| status.files_pending = true);
        let pages = self.build(&documents, &[Format::Html]);
        if let Err(error) = report(pages, &scope, None) {
            // The pages did not build: the error they show is what matters.
            self.owed = scope;
            self.tell(Some(error), false);
            return;
        }
        self.tell(None, true);
        let files = self.build(&documents, &[Format::Pdf, Format::Docx]);
        match report(files, &scope, Some(started)) {
            // The pages are already current: nothing to reload.
            Ok(()) => self
                .status
                .send_modify(|status| status.files_pending = false),
            Err(error) => {
                self.owed = scope;
                self.tell(Some(error), false);
            }
        }
    }

    /// Tells the pages that a build ended, with its error if it failed, and
    /// whether the PDF and Word files are still to be rebuilt.
    fn tell(&self, error: Option<Arc<str>>, files_pending: bool) {
        self.status.send_modify(|status| {
            status.generation += 1;
            status.error = error;
            status.files_pending = files_pending;
        });
    }

    /// Builds `documents` (every one when empty) in `formats`.
    fn build(&self, documents: &[String], formats: &[Format]) -> Result<Built, BuildError> {
        let options = BuildOptions {
            documents: documents.to_vec(),
            formats: formats.to_vec(),
            ..self.options.clone()
        };
        match build(&options) {
            // A document that is gone cannot be rebuilt on its own: the
            // whole site is rebuilt without it.
            Err(BuildError::Usage(_)) if !documents.is_empty() => build(&BuildOptions {
                documents: Vec::new(),
                ..options
            }),
            outcome => outcome,
        }
    }
}

/// Prints what a build of `scope` gave (with `started`, for the second
/// build of a save: the time since, and the warnings), or its error, which
/// the page shows as plain text.
fn report(
    outcome: Result<Built, BuildError>,
    scope: &Scope,
    started: Option<Instant>,
) -> Result<(), Arc<str>> {
    match outcome {
        Ok(built) => {
            if let Some(started) = started {
                let what = match scope {
                    Scope::Everything => "every document".to_string(),
                    Scope::Documents(documents) => {
                        documents.iter().cloned().collect::<Vec<_>>().join(", ")
                    }
                };
                // Not `println!`, which panics once the terminal is gone.
                let mut stdout = io::stdout();
                let _ = writeln!(
                    stdout,
                    "rebuilt {what}: {} artifact(s) in {:.2} s",
                    built.manifest.artifacts.len(),
                    started.elapsed().as_secs_f64()
                );
                // Said once, after the second build (they are the same).
                if !built.warnings.is_empty() {
                    let _ = writeln!(stdout, "{}", built.warnings.render(stdout_styled()));
                }
            }
            Ok(())
        }
        Err(error) => {
            let _ = writeln!(
                io::stderr(),
                "{}\nthe preview shows this until it is fixed",
                error.render(stderr_styled())
            );
            Err(Arc::from(error.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn burst(paths: &[&str]) -> Burst {
        Burst {
            paths: paths.iter().map(PathBuf::from).collect(),
            lost: false,
        }
    }

    fn documents(ids: &[&str]) -> Scope {
        Scope::Documents(ids.iter().map(|id| id.to_string()).collect())
    }

    #[test]
    fn an_edit_rebuilds_only_the_documents_it_touches() {
        let edit = burst(&["contracts/dpa/fr.md", "releases/dpa/1.1.0.json"]);
        assert_eq!(Scope::of(&edit), documents(&["dpa"]));
        let shared = burst(&["contracts/dpa/fr.md", "annexes/parties.yaml"]);
        assert_eq!(Scope::of(&shared), Scope::Everything);
        assert_eq!(Scope::of(&burst(&["contracts/old"])), Scope::Everything);
        let lost = Burst {
            lost: true,
            ..burst(&["contracts/dpa/fr.md"])
        };
        assert_eq!(Scope::of(&lost), Scope::Everything);
    }

    #[test]
    fn a_failed_build_is_owed_to_the_next() {
        let joined = documents(&["dpa"]).join(documents(&["privacy-policy"]));
        assert_eq!(joined, documents(&["dpa", "privacy-policy"]));
        assert_eq!(
            documents(&["dpa"]).join(Scope::Everything),
            Scope::Everything
        );
    }
}
