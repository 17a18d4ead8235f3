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
pub mod document;
pub mod facts;
pub mod lang;
pub mod load;
pub mod locale;
pub mod markdown;
pub mod model;
pub mod output;
pub mod placeholders;
pub mod privacy_policy;
pub mod quantity;
pub mod render;
pub mod terminology;
pub mod translations;
pub mod validate;
pub mod values;
pub mod words;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use diagnostic::{Diagnostic, Diagnostics, Failed};
use lang::Lang;
use load::Corpus;
use model::Document;
use output::{Artifact, Manifest};
use render::{Format, Renderer};

/// What to build, and where.
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
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Content(failed) => write!(f, "{failed}"),
            BuildError::Usage(message) => write!(f, "error: {message}"),
            BuildError::Io(error) => write!(f, "error: cannot write the output: {error}"),
        }
    }
}

impl std::error::Error for BuildError {}

/// Loads, validates and models every document in every language, or
/// returns every problem found.
pub fn check(root: &std::path::Path) -> Result<(Corpus, Vec<Document>, Diagnostics), Failed> {
    let mut diagnostics = Diagnostics::default();
    let Some(corpus) = load::load(root, &mut diagnostics) else {
        return Err(Failed(diagnostics));
    };
    validate::validate(&corpus, &mut diagnostics);
    let mut documents = Vec::new();
    for source in &corpus.documents {
        let built: Vec<Document> = corpus
            .languages
            .iter()
            .copied()
            .map(|lang| document::build(&corpus, source, lang, &mut diagnostics))
            .collect();
        // Terminology is compared clause by clause: only once the clauses
        // themselves are sound, or it would report their consequences.
        if !diagnostics.has_errors() {
            terminology::check(
                source,
                &built.iter().collect::<Vec<_>>(),
                &corpus.terms,
                &mut diagnostics,
            );
        }
        documents.extend(built);
    }
    if diagnostics.has_errors() {
        return Err(Failed(diagnostics));
    }
    Ok((corpus, documents, diagnostics))
}

/// Builds the selected documents and publishes them atomically.
pub fn build(options: &BuildOptions) -> Result<(Manifest, Diagnostics), BuildError> {
    if !options.root.is_dir() {
        return Err(BuildError::Usage(format!(
            "{} is not a folder: pass the corpus folder with --root",
            options.root.display()
        )));
    }
    output::recover(&options.out).map_err(BuildError::Io)?;
    let (corpus, documents, mut warnings) = check(&options.root).map_err(BuildError::Content)?;
    let known: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    if let Some(unknown) = options
        .documents
        .iter()
        .find(|id| !known.contains(&id.as_str()))
    {
        return Err(BuildError::Usage(format!(
            "unknown document `{unknown}`: the documents are {}",
            known.join(", ")
        )));
    }
    let selected = |list: &[Lang], lang| list.is_empty() || list.contains(&lang);
    let documents: Vec<&Document> = documents
        .iter()
        .filter(|d| options.documents.is_empty() || options.documents.contains(&d.id))
        .filter(|d| selected(&options.langs, d.lang))
        .collect();
    let renderers: Vec<Box<dyn Renderer>> = vec![
        Box::new(render::pdf::PdfRenderer),
        Box::new(render::html::HtmlRenderer::new()),
    ];
    let jobs: Vec<(&Document, &dyn Renderer)> = documents
        .iter()
        .flat_map(|&d| renderers.iter().map(move |r| (d, r.as_ref())))
        .filter(|(_, r)| options.formats.is_empty() || options.formats.contains(&r.format()))
        .collect();
    let artifacts = render_all(&jobs).map_err(|mut failed| {
        locate_render_errors(&corpus, &mut failed.0);
        BuildError::Content(failed)
    })?;
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
    let manifest = output::publish(&options.out, &artifacts, options.keep_sources, partial)
        .map_err(BuildError::Io)?;
    Ok((manifest, warnings))
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

/// What rendering one job gave.
type Outcome = Result<Artifact, Box<Diagnostic>>;

/// Renders every job, spread over the machine's cores (typst lays out one
/// document on one core), keeping the artifacts in job order.
fn render_all(jobs: &[(&Document, &dyn Renderer)]) -> Result<Vec<Artifact>, Failed> {
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
                        let Some(&(document, renderer)) = jobs.get(index) else {
                            break done;
                        };
                        done.push((index, render_one(document, renderer)));
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
            Ok(artifact) => artifacts.push(artifact),
            Err(diagnostic) => diagnostics.push(*diagnostic),
        }
    }
    if diagnostics.is_empty() {
        Ok(artifacts)
    } else {
        Err(Failed(diagnostics))
    }
}

fn render_one(document: &Document, renderer: &dyn Renderer) -> Outcome {
    let rendered = renderer.render(document)?;
    Ok(Artifact::new(document, renderer.format(), rendered))
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
