//! `build`: checks the corpus, renders every document, redline and notice
//! in parallel, and publishes them with the site and the feed, atomically.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::check::{Checked, Draft, check};
use crate::corpus::released::DocumentRef;
use crate::corpus::{Corpus, DocumentSource, SourceFile, releases};
use crate::diagnostic::{Diagnostics, Failed};
use crate::error::BuildError;
use crate::lang::Lang;
use crate::model::Document;
use crate::publish::jobs::{Job, Outcome, render_all};
use crate::publish::output::{self, Artifact, BuildInputs, Manifest, Publication, Publishing};
use crate::publish::reuse::Reuse;
use crate::publish::{feed, notices, redlines, site};
use crate::render::{self, Format, Rendered, Renderer, Slot};

/// Whether `item` is among `choices`; an empty selection selects all.
pub fn selected<T: PartialEq>(choices: &[T], item: &T) -> bool {
    choices.is_empty() || choices.contains(item)
}

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
    /// Stop at once if the output's last build, recorded beside it, would
    /// write it again unchanged; else copy the files of the previous
    /// output whose inputs have not changed instead of rendering them
    /// again (off: a fresh build, which renders everything).
    pub reuse: bool,
}

/// What a build published.
pub struct Built {
    pub manifest: Manifest,
    pub warnings: Diagnostics,
    /// The documents published as drafts (with `draft`).
    pub drafts: Vec<Draft>,
    /// How many files were copied from the previous output (none when it
    /// was up to date: nothing was written).
    pub reused: usize,
    /// Whether the output was left as it was: its last build consulted
    /// the same corpus with the same options, and it is unchanged since.
    pub up_to_date: bool,
}

impl BuildOptions {
    /// The options that change what a build writes, in words, for the
    /// record of a build (`output::up_to_date`).
    fn in_words(&self) -> String {
        // Every field named: a new option must say whether it changes
        // what is written.
        let BuildOptions {
            root: _,
            out: _,
            documents,
            langs,
            formats,
            keep_sources,
            deny_warnings,
            draft,
            reuse: _,
        } = self;
        let langs: Vec<String> = langs.iter().map(|lang| lang.to_string()).collect();
        format!(
            "documents {documents:?}, languages {langs:?}, formats {formats:?}, sources {keep_sources}, deny warnings {deny_warnings}, draft {draft}"
        )
    }
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
    if output::holds_client_files(&options.out) {
        return Err(BuildError::Usage(format!(
            "{} holds clients' private copies (`clausier clients build`): the public site cannot be built there; choose another --out",
            options.out.display()
        )));
    }
    // Nothing changed since the last build: nothing to do (or to say: only
    // clean builds are recorded).
    if options.reuse
        && let Some(manifest) = output::up_to_date(&options.out, &options.root, &options.in_words())
    {
        return Ok(Built {
            manifest,
            reused: 0,
            warnings: Diagnostics::default(),
            drafts: Vec::new(),
            up_to_date: true,
        });
    }
    let mut checked = check(&options.root, options.draft).map_err(BuildError::Content)?;
    // With a long history, the releases' source texts are most of what a
    // build holds (50 releases: 17 of 44 MiB of heap, valgrind massif);
    // they only locate problems, all found by now.
    checked.corpus.forget_release_texts();
    for id in &options.documents {
        releases::find_document(&checked.corpus, id)?;
    }
    for &lang in &options.langs {
        releases::find_language(&checked.corpus, lang)?;
    }
    let partial =
        !(options.documents.is_empty() && options.langs.is_empty() && options.formats.is_empty());
    let how = Publishing {
        keep_sources: options.keep_sources,
        keep: partial,
        cache: Some(!options.reuse),
    };
    let publication = Publication::begin(&options.out, &options.root, how)?;
    // `--keep-sources` writes what rendering makes beside each file.
    let reuse = match options.reuse && !options.keep_sources {
        true => Reuse::previous(&options.out).with_cache(publication.cache()),
        false => Reuse::none(),
    };
    let reuse = &reuse;
    let html = render::html::HtmlRenderer::new();
    let feed = feed::artifact(&checked);
    let notices = notices::jobs(&checked, &options.documents, &options.formats, &html, reuse)?;
    let corpus = &checked.corpus;
    let placed = placements(&checked, options);
    let parallels = parallel_editions(&checked, options);
    // Each model fingerprinted once, for all its renderings, on every core.
    let documents: Vec<DocumentRef> = (placed.iter().map(|placement| placement.document))
        .chain(parallels.iter().map(|(d, _)| d.into()))
        .collect();
    let models: Vec<String> = documents.into_par_iter().map(Reuse::model).collect();
    let (placed_models, parallel_models) = models.split_at(placed.len());
    let pdf = render::pdf::PdfRenderer;
    let docx = render::docx::DocxRenderer;
    let renderers: [&dyn Renderer; 3] = [&pdf, &html, &docx];
    let mut jobs: Vec<Job> = Vec::new();
    for (placement, model) in placed.into_iter().zip(placed_models) {
        for renderer in renderers {
            let format = renderer.format();
            if !selected(&options.formats, &format) {
                continue;
            }
            // A PDF or a Word file does not depend on where it is
            // published: render it once. HTML pages link relative to their
            // place.
            let slots_by_job: Vec<Vec<Slot>> = if format == Format::Html {
                placement.slots.iter().map(|&slot| vec![slot]).collect()
            } else {
                let files = placement.slots.iter().copied();
                vec![files.filter(|&slot| slot != Slot::Fragment).collect()]
            };
            for slots in slots_by_job {
                let document = placement.document;
                jobs.push(Box::new(move || {
                    render_document((document, model), renderer, &slots, reuse)
                }));
            }
        }
    }
    jobs.extend(redlines::jobs(&checked, options, &html, reuse));
    for ((document, translation), model) in parallels.iter().zip(parallel_models) {
        let document = (document.into(), model.as_str());
        let slots = [Slot::Parallel(*translation)];
        for renderer in [&pdf as &dyn Renderer, &docx] {
            if selected(&options.formats, &renderer.format()) {
                jobs.push(Box::new(move || {
                    render_document(document, renderer, &slots, reuse)
                }));
            }
        }
    }
    jobs.extend(notices);
    // The documents of a site share no layout worth keeping: typst's memo
    // is emptied after each job. 50 DPA releases peak at 142 MiB instead
    // of 170 when it is kept for 2 jobs (222 for 8), the shipped corpus at
    // 97 MiB instead of 111, in the same time (2 cores).
    let mut written = render_all(jobs, &publication, 0).map_err(|error| match error {
        BuildError::Content(mut failed) => {
            locate_render_errors(corpus, &mut failed.0);
            BuildError::Content(failed)
        }
        error => error,
    })?;
    let site = site::artifacts(&checked, &html)?;
    for artifact in std::iter::once(feed).chain(site) {
        written.push(publication.write(artifact)?);
    }
    corpus
        .labels
        .check_used(&corpus.locale_files)
        .map_err(BuildError::Content)?;
    let mut warnings = checked.warnings;
    for warning in written.iter().flat_map(|file| &file.warnings) {
        warnings.push(warning.clone());
    }
    if options.deny_warnings && warnings.has_warnings() {
        return Err(BuildError::Content(Failed(warnings)));
    }
    // A build that warns or publishes drafts is not recorded: the next one
    // must say so again.
    let inputs = BuildInputs {
        options: options.in_words(),
        consulted: &corpus.consulted,
    };
    let clean = warnings.is_empty() && checked.drafts.is_empty();
    let manifest = publication.finish(clean.then_some(&inputs))?;
    Ok(Built {
        manifest,
        warnings,
        drafts: checked.drafts,
        reused: reuse.reused(),
        up_to_date: false,
    })
}

/// A document to render, and where it is published.
struct Placement<'a> {
    document: DocumentRef<'a>,
    slots: Vec<Slot<'a>>,
}

/// Every selected document to render, with the places it is published
/// in: each release at its version's path, and the latest release (or the
/// draft) at the document's fixed path and as a fragment as well.
fn placements<'a>(checked: &'a Checked, options: &BuildOptions) -> Vec<Placement<'a>> {
    let mut placed: Vec<Placement> = Vec::new();
    for source in &checked.corpus.documents {
        if !selected(&options.documents, &source.id) {
            continue;
        }
        let wanted = |document: &DocumentRef| selected(&options.langs, &document.lang());
        for (release, file) in source.releases.iter().enumerate() {
            let version = Slot::Version(file.record.version.as_str());
            let documents = source.release_documents(release).into_iter();
            placed.extend(documents.filter(wanted).map(|document| Placement {
                document,
                slots: vec![version],
            }));
        }
        let latest = checked.latest(source).into_iter().map(DocumentRef::from);
        for latest in latest.filter(wanted) {
            let fixed = [Slot::Latest, Slot::Fragment];
            // The latest release is already placed at its version's path:
            // the same document, rendered once.
            match placed
                .iter_mut()
                .find(|placement| placement.document.same_as(latest))
            {
                Some(placement) => placement.slots.extend(fixed),
                None => placed.push(Placement {
                    document: latest,
                    slots: fixed.to_vec(),
                }),
            }
        }
    }
    placed
}

/// The parallel edition of each contract's latest text with each of its
/// translations (PDF and Word): what international clients sign. Both
/// languages must be selected.
fn parallel_editions(checked: &Checked, options: &BuildOptions) -> Vec<(Document, Lang)> {
    let mut editions = Vec::new();
    // Not composed for nothing when only pages are built.
    if ![Format::Pdf, Format::Docx]
        .iter()
        .any(|format| selected(&options.formats, format))
    {
        return editions;
    }
    for source in (checked.corpus.documents.iter()).filter(|s| selected(&options.documents, &s.id))
    {
        let Some((binding, translations)) = translations_beside(checked, source) else {
            continue;
        };
        if !selected(&options.langs, &binding.lang) {
            continue;
        }
        let wanted = translations
            .into_iter()
            .filter(|t| selected(&options.langs, &t.lang));
        editions.extend(wanted.map(|t| (crate::compose::parallel::parallel(binding, t), t.lang)));
    }
    editions
}

/// A contract's latest binding text and the translations its parallel
/// editions set beside it; none for a document that is not a contract.
pub(crate) fn translations_beside<'a>(
    checked: &'a Checked,
    source: &'a DocumentSource,
) -> Option<(&'a Document, Vec<&'a Document>)> {
    if !source.meta.contract {
        return None;
    }
    let latest = checked.latest(source);
    let binding = *latest.iter().find(|d| d.lang == source.binding)?;
    let translations = latest
        .into_iter()
        .filter(|d| d.lang != source.binding)
        .collect();
    Some((binding, translations))
}

/// Places render errors at the source text that caused them: typst quotes
/// the offending text (`"…"`), which is looked up in the corpus files.
fn locate_render_errors(corpus: &Corpus, diagnostics: &mut Diagnostics) {
    let markdown = corpus.documents.iter().flat_map(|d| d.texts.values());
    let sources: Vec<&SourceFile> = corpus
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
    sources: &[&'a SourceFile],
) -> Option<(&'a SourceFile, usize)> {
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

/// Renders `document` (with the fingerprint of its model) once and
/// publishes it in every slot, or copies the files from the previous output
/// where its inputs are the same.
fn render_document(
    (document, model): (DocumentRef, &str),
    renderer: &dyn Renderer,
    slots: &[Slot],
    reuse: &Reuse,
) -> Outcome {
    let format = renderer.format();
    let inputs = Reuse::document_inputs(model, format, slots);
    let head = document.head();
    let paths: Vec<String> = (slots.iter())
        .map(|&slot| render::artifact_path(head.id, head.lang, format, slot))
        .collect();
    reuse.render(inputs, &paths, |previous| {
        let rendered = match previous {
            Some(bytes) => Rendered::copied(bytes),
            // An earlier release's is parsed here, for this job only.
            None => renderer.render(&document.load(), slots[0])?,
        };
        Ok(slots
            .iter()
            .map(|&slot| Artifact::document(head, format, slot, rendered.clone()))
            .collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typst_errors_are_located_at_the_text_they_quote() {
        let yaml = SourceFile {
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
