//! clausier compiles GDPR legal documents from one source of truth: YAML
//! facts (`annexes/`), Markdown clauses (`contracts/`) and Fluent labels
//! (`locales/`), into versioned bilingual PDF and HTML.
//!
//! The pipeline flows one way: [`load`] → [`validate`] → [`document`]
//! (the [`model`]) → [`render`] → [`output`].

pub mod annexes;
pub mod checklist;
pub mod cookie_policy;
pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod document;
pub mod facts;
pub mod feed;
pub mod files;
pub mod lang;
pub mod links;
pub mod load;
pub mod locale;
pub mod markdown;
pub mod model;
pub mod notice;
pub mod output;
pub mod placeholders;
pub mod privacy_policy;
pub mod quantity;
pub mod records;
pub mod redline;
pub mod releases;
pub mod render;
pub mod serve;
pub mod site;
pub mod terminology;
pub mod text;
pub mod translations;
pub mod validate;
pub mod values;
pub mod version;
pub mod words;
pub mod yaml;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use diagnostic::{Diagnostic, Diagnostics, Failed};
use lang::Lang;
use load::{Corpus, DocumentSource};
use model::Document;
use output::{Artifact, Manifest};
use render::{Format, Renderer, Slot};

/// What to build, and where.
#[derive(Clone)]
pub struct BuildOptions {
    /// The corpus folder, holding `annexes/`, `contracts/` and `locales/`.
    pub root: PathBuf,
    /// The output folder.
    pub out: PathBuf,
    /// Document ids to build; empty for all.
    pub documents: Vec<String>,
    /// Languages to build; empty for all.
    pub langs: Vec<Lang>,
    /// Formats to build; empty for all.
    pub formats: Vec<Format>,
    /// Write the typst source and data beside each PDF.
    pub keep_sources: bool,
    /// Fail, writing nothing, when there is any warning.
    pub deny_warnings: bool,
    /// Publish a working text that differs from its latest release as a
    /// draft, instead of refusing it.
    pub draft: bool,
}

/// Why a build failed: the corpus (exit 1) or the command and the file
/// system (exit 2).
#[derive(Debug)]
pub enum BuildError {
    Content(Failed),
    Usage(String),
    Io(std::io::Error),
}

impl std::fmt::Display for BuildError {
    /// Plain text, for files and pipes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for BuildError {}

impl From<Box<Diagnostic>> for BuildError {
    fn from(diagnostic: Box<Diagnostic>) -> BuildError {
        let mut diagnostics = Diagnostics::default();
        diagnostics.push(*diagnostic);
        BuildError::Content(Failed(diagnostics))
    }
}

impl BuildError {
    /// The error as the user reads it, coloured when `styled` (on a
    /// terminal); every text passes `text::visible`.
    pub fn render(&self, styled: bool) -> String {
        use diagnostic::{Severity, render_message};
        match self {
            BuildError::Content(failed) => failed.0.render(styled),
            BuildError::Usage(message) => render_message(Severity::Error, message, styled),
            BuildError::Io(error) => render_message(
                Severity::Error,
                &format!("cannot write the output: {error}"),
                styled,
            ),
        }
    }

    /// A value error about a command-line argument ("message\nhint", as
    /// values say it), as one line.
    pub fn argument(error: &str) -> BuildError {
        BuildError::Usage(error.lines().collect::<Vec<_>>().join(": "))
    }

    /// 1 for a corpus problem, 2 for a usage or file-system problem.
    pub fn exit_code(&self) -> std::process::ExitCode {
        match self {
            BuildError::Content(_) => std::process::ExitCode::from(1),
            BuildError::Usage(_) | BuildError::Io(_) => std::process::ExitCode::from(2),
        }
    }
}

/// Whether `item` is among `choices`; an empty selection selects all.
pub fn selected<T: PartialEq>(choices: &[T], item: &T) -> bool {
    choices.is_empty() || choices.contains(item)
}

/// A corpus that passed every check, with its documents resolved.
pub struct Checked {
    pub corpus: Corpus,
    /// The working text of every document in every language: resolved as
    /// its latest release or, when drafts are allowed and it differs, as a
    /// draft.
    pub documents: Vec<Document>,
    /// The documents resolved as drafts, and why.
    pub drafts: Vec<Draft>,
    pub warnings: Diagnostics,
}

impl Checked {
    /// Whether the working text of `document` is published as a draft.
    pub fn is_draft(&self, document: &str) -> bool {
        self.drafts.iter().any(|draft| draft.document == document)
    }

    /// What the fixed paths of `source` hold, one document per language:
    /// its draft, or else its latest release.
    pub fn latest<'a>(&'a self, source: &'a DocumentSource) -> Vec<&'a Document> {
        if self.is_draft(&source.id) {
            self.documents
                .iter()
                .filter(|d| d.id == source.id)
                .collect()
        } else {
            let latest = source.releases.last();
            latest.map_or_else(Vec::new, |file| file.record.documents.iter().collect())
        }
    }
}

/// A document whose working text is not released.
pub struct Draft {
    pub document: String,
    /// The latest release, if any.
    pub since: Option<version::Version>,
    /// The headings of the sections changed since.
    pub sections: Vec<String>,
}

/// Loads, validates and models every document in every language, or
/// returns every problem found. A working text that differs from its
/// latest release is an error, unless `drafts` allows it: it is then
/// resolved as a draft.
pub fn check(root: &std::path::Path, drafts: bool) -> Result<Checked, Failed> {
    let mut diagnostics = Diagnostics::default();
    let Some(corpus) = load::load(root, &mut diagnostics) else {
        return Err(Failed(diagnostics));
    };
    validate::validate(&corpus, &mut diagnostics);
    let mut documents = Vec::new();
    let mut draft_list = Vec::new();
    // Kept aside until every document is checked: one document's
    // unreleased changes must not hide another's.
    let mut unreleased = Vec::new();
    for source in &corpus.documents {
        let edition = releases::Edition::latest(&source.releases)
            .unwrap_or_else(|| releases::Edition::draft(&source.releases));
        let build = |edition: &releases::Edition, diagnostics: &mut Diagnostics| -> Vec<Document> {
            corpus
                .languages
                .iter()
                .map(|&lang| document::build(&corpus, source, lang, edition, diagnostics))
                .collect()
        };
        let mut built = build(&edition, &mut diagnostics);
        corpus.labels.report(&corpus.locale_files, &mut diagnostics);
        // Terminology and releases compare whole clauses: only once the
        // clauses themselves are sound, or they would report consequences.
        if !diagnostics.has_errors() {
            terminology::check(
                source,
                &built.iter().collect::<Vec<_>>(),
                &corpus.terms,
                &mut diagnostics,
            );
            let standing = releases::standing(source, &built);
            if let Some(error) = releases::unreleased_error(source, &standing) {
                if drafts {
                    built = build(
                        &releases::Edition::draft(&source.releases),
                        &mut diagnostics,
                    );
                    let (since, sections) = match standing {
                        releases::Standing::Changed { since, sections } => (Some(since), sections),
                        _ => (None, Vec::new()),
                    };
                    draft_list.push(Draft {
                        document: source.id.clone(),
                        since,
                        sections,
                    });
                } else {
                    unreleased.push(error);
                }
            }
        }
        documents.extend(built);
    }
    for error in unreleased {
        diagnostics.push(error);
    }
    if diagnostics.has_errors() {
        return Err(Failed(diagnostics));
    }
    Ok(Checked {
        corpus,
        documents,
        drafts: draft_list,
        warnings: diagnostics,
    })
}

/// What a build published.
pub struct Built {
    pub manifest: Manifest,
    pub warnings: Diagnostics,
    /// The documents published as drafts (with `draft`).
    pub drafts: Vec<Draft>,
}

/// Builds the selected documents, every released version of each, and
/// publishes them atomically.
pub fn build(options: &BuildOptions) -> Result<Built, BuildError> {
    if !options.root.is_dir() {
        return Err(BuildError::Usage(format!(
            "{} is not a folder: pass the corpus folder with --root",
            options.root.display()
        )));
    }
    output::check_target(&options.out, &options.root)?;
    let checked = check(&options.root, options.draft).map_err(BuildError::Content)?;
    let corpus = &checked.corpus;
    for id in &options.documents {
        releases::find_document(corpus, id)?;
    }
    let placed = placements(&checked, options);
    let pdf = render::pdf::PdfRenderer;
    let html = render::html::HtmlRenderer::new();
    let renderers: [&dyn Renderer; 2] = [&pdf, &html];
    let mut jobs: Vec<Job> = Vec::new();
    for (document, slots) in &placed {
        for renderer in renderers {
            let format = renderer.format();
            if !selected(&options.formats, &format) {
                continue;
            }
            // A PDF does not depend on where it is published: render it
            // once. HTML pages link relative to their place.
            if format == Format::Pdf {
                let pdfs: Vec<Slot> = slots
                    .iter()
                    .copied()
                    .filter(|&s| s != Slot::Fragment)
                    .collect();
                jobs.push(Box::new(move || render_document(document, renderer, &pdfs)));
            } else {
                for &slot in slots {
                    jobs.push(Box::new(move || {
                        render_document(document, renderer, &[slot])
                    }));
                }
            }
        }
    }
    jobs.extend(redline::jobs(&checked, options, &html));
    jobs.extend(notice::jobs(
        &checked,
        &options.documents,
        &options.formats,
        &html,
    )?);
    let mut artifacts = render_all(&jobs).map_err(|mut failed| {
        locate_render_errors(corpus, &mut failed.0);
        BuildError::Content(failed)
    })?;
    // The jobs borrow the checked corpus, whose warnings move on below.
    drop(jobs);
    artifacts.push(feed::artifact(&checked));
    artifacts.extend(site::artifacts(&checked, &html)?);
    corpus
        .labels
        .check_used(&corpus.locale_files)
        .map_err(BuildError::Content)?;
    let mut warnings = checked.warnings;
    for artifact in &artifacts {
        for warning in &artifact.warnings {
            warnings.push(warning.clone());
        }
    }
    if options.deny_warnings && warnings.has_warnings() {
        return Err(BuildError::Content(Failed(warnings)));
    }
    let partial =
        !(options.documents.is_empty() && options.langs.is_empty() && options.formats.is_empty());
    let manifest = output::publish(
        &options.out,
        &options.root,
        &artifacts,
        options.keep_sources,
        partial,
    )?;
    Ok(Built {
        manifest,
        warnings,
        drafts: checked.drafts,
    })
}

/// Every selected document to render, with the places it is published
/// in: each release at its version's path, and the latest release (or the
/// draft) at the document's fixed path and as a fragment as well.
fn placements<'a>(
    checked: &'a Checked,
    options: &BuildOptions,
) -> Vec<(&'a Document, Vec<Slot<'a>>)> {
    let wanted = |document: &Document| {
        selected(&options.documents, &document.id) && selected(&options.langs, &document.lang)
    };
    let mut placed: Vec<(&Document, Vec<Slot>)> = Vec::new();
    for source in &checked.corpus.documents {
        for file in &source.releases {
            let version = Slot::Version(file.record.version.as_str());
            let documents = file.record.documents.iter().filter(|d| wanted(d));
            placed.extend(documents.map(|document| (document, vec![version])));
        }
        for latest in checked.latest(source).into_iter().filter(|d| wanted(d)) {
            let fixed = [Slot::Latest, Slot::Fragment];
            // The latest release is already placed at its version's path:
            // the same document, rendered once.
            match placed.iter_mut().find(|(d, _)| std::ptr::eq(*d, latest)) {
                Some((_, slots)) => slots.extend(fixed),
                None => placed.push((latest, fixed.to_vec())),
            }
        }
    }
    placed
}

/// Places render errors at the source text that caused them: typst quotes
/// the offending text (`"…"`), which is looked up in the corpus files.
fn locate_render_errors(corpus: &Corpus, diagnostics: &mut Diagnostics) {
    let markdown = corpus.documents.iter().flat_map(|d| d.texts.values());
    let sources: Vec<&load::SourceFile> = corpus
        .yaml_files
        .iter()
        .chain(markdown)
        .chain(corpus.locale_files.values().flatten())
        .collect();
    diagnostics.locate_unplaced(|message| {
        let (file, offset) = find_quoted_text(message, &sources)?;
        Some((file.location(offset), file.text.as_str()))
    });
}

/// The first text quoted as `"…"` in `message` that a source contains, with
/// the file and offset where it is.
fn find_quoted_text<'a>(
    message: &str,
    sources: &[&'a load::SourceFile],
) -> Option<(&'a load::SourceFile, usize)> {
    let quoted = message
        .split("`\"")
        .skip(1)
        .filter_map(|rest| rest.split("\"`").next());
    quoted.filter(|text| !text.is_empty()).find_map(|text| {
        sources
            .iter()
            .find_map(|file| Some((*file, file.text.find(text)?)))
    })
}

/// One piece of rendering: a document in one format (published in one or
/// more places), a redline, a notice.
pub(crate) type Job<'a> = Box<dyn Fn() -> Outcome + Send + Sync + 'a>;

/// What rendering one job gave.
pub(crate) type Outcome = Result<Vec<Artifact>, Box<Diagnostic>>;

/// Renders every job, spread over the machine's cores (typst lays out one
/// document on one core), keeping the artifacts in job order.
fn render_all(jobs: &[Job]) -> Result<Vec<Artifact>, Failed> {
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len().max(1));
    let mut outcomes: Vec<(usize, Outcome)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(index) else {
                            break done;
                        };
                        done.push((index, job()));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().expect("a renderer panicked"))
            .collect()
    });
    outcomes.sort_by_key(|(index, _)| *index);
    let mut artifacts = Vec::new();
    let mut diagnostics = Diagnostics::default();
    for (_, outcome) in outcomes {
        match outcome {
            Ok(rendered) => artifacts.extend(rendered),
            Err(diagnostic) => diagnostics.push(*diagnostic),
        }
    }
    if diagnostics.is_empty() {
        Ok(artifacts)
    } else {
        Err(Failed(diagnostics))
    }
}

/// Renders `document` once and publishes it in every slot.
fn render_document(document: &Document, renderer: &dyn Renderer, slots: &[Slot]) -> Outcome {
    let rendered = renderer.render(document, slots[0])?;
    Ok(slots
        .iter()
        .map(|&slot| Artifact::document(document, renderer.format(), slot, rendered.clone()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typst_errors_are_located_at_the_text_they_quote() {
        let yaml = load::SourceFile {
            path: "annexes/parties.yaml".into(),
            text: "a: 1\nname: Marie 漢\n".into(),
        };
        let message = "the PDF of dpa (fr) could not be laid out: error: the text `\"漢\"` could not be displayed";
        let (file, offset) = find_quoted_text(message, &[&yaml]).unwrap();
        assert_eq!(
            file.location(offset).to_string(),
            "annexes/parties.yaml:2:13"
        );
        assert!(find_quoted_text("heading title is empty", &[&yaml]).is_none());
    }
}
