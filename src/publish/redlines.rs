//! Publishes redlines: the changes from each release to the next in the
//! build, and `clausier diff` into a folder of the user's choice.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::check::Checked;
use crate::corpus::releases::Release;
use crate::corpus::version::Version;
use crate::error::BuildError;
use crate::lang::Lang;
use crate::publish::build::{BuildOptions, selected};
use crate::publish::jobs::Job;
use crate::publish::output::{ArtifactKind, ManifestEntry};
use crate::publish::reuse::Reuse;
use crate::render::Format;
use crate::render::html::HtmlRenderer;
use crate::versions::redline::{RedlineLabels, compare, compare_documents, redline_labels};

/// What `clausier diff` compares, and where it writes the redlines.
pub struct DiffRequest<'a> {
    pub root: &'a Path,
    pub document: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    /// Languages to compare; empty for all.
    pub langs: Vec<Lang>,
    pub formats: Vec<Format>,
    pub out: &'a Path,
}

/// Writes the redline of two releases in each language and format:
/// `<out>/<document>-<from>-<to>.<lang>.<ext>`. Returns the files written.
pub fn write_redlines(request: &DiffRequest) -> Result<Vec<PathBuf>, BuildError> {
    crate::publish::output::check_placement(request.out, request.root)?;
    if request.out.exists() && !request.out.is_dir() {
        return Err(BuildError::Usage(format!(
            "{} is a file: pass a folder for the redlines with --out",
            request.out.display()
        )));
    }
    let checked = crate::check::check(request.root, true).map_err(BuildError::Content)?;
    let corpus = &checked.corpus;
    let source = crate::corpus::releases::find_document(corpus, request.document)?;
    let from = crate::corpus::releases::find_release(source, request.from)?;
    let to = crate::corpus::releases::find_release(source, request.to)?;
    for &lang in &request.langs {
        crate::corpus::releases::find_language(corpus, lang)?;
        // A language added since `from` has nothing to compare.
        for release in [from, to] {
            if !release.documents.has(lang) {
                return Err(BuildError::Usage(format!(
                    "release {} of `{}` has no `{lang}` edition: there is nothing to compare in it",
                    release.version, source.id
                )));
            }
        }
    }
    let html = HtmlRenderer::new();
    let mut written = Vec::new();
    let langs = corpus
        .languages
        .iter()
        .filter(|l| selected(&request.langs, l));
    for redline in langs.filter_map(|&lang| compare(from, to, lang, &corpus.labels)) {
        for &format in Format::ALL.iter().filter(|f| selected(&request.formats, f)) {
            let bytes = crate::render::redline::render(&redline, format, &html)?;
            let path = request.out.join(format!(
                "{}-{}-{}.{}.{}",
                source.id,
                from.version,
                to.version,
                redline.lang,
                format.extension()
            ));
            crate::corpus::files::write_atomically(&path, &bytes).map_err(BuildError::Io)?;
            written.push(path);
        }
    }
    Ok(written)
}

/// Where `build` publishes the changes from `from` to `to`, beside the
/// versions: `<lang>/<document>/changes-<from>-<to>.<ext>`.
pub fn artifact_path(
    document: &str,
    lang: Lang,
    from: &Version,
    to: &Version,
    format: Format,
) -> String {
    format!(
        "{lang}/{document}/changes-{from}-{to}.{}",
        format.extension()
    )
}

/// The manifest entry of the redline of `from` → `to` in `lang` and
/// `format`, published by `build`.
fn redline_entry(
    document: &str,
    (from, to): (&Release, &Release),
    lang: Lang,
    title: &str,
    format: Format,
) -> ManifestEntry {
    let path = artifact_path(document, lang, &from.version, &to.version, format);
    ManifestEntry {
        document: Some(document.to_string()),
        lang: Some(lang),
        version: Some(to.version.to_string()),
        date: Some(to.effective_date.to_string()),
        ..ManifestEntry::new(
            path,
            ArtifactKind::Redline,
            title.to_string(),
            format.media_type(),
        )
    }
}

/// What a redline is made from, fingerprinted instead of the redline
/// itself, so that one already rendered is copied without comparing: the
/// two releases (each sealed fingerprint covers every field, documents
/// included; `check` refuses a release that is not as sealed), the
/// language compared, and the corpus's words for it
/// ([`compare_documents`] reads nothing else).
#[derive(Serialize)]
struct RedlineInputs<'a> {
    /// The sealed fingerprint of the earlier release.
    from: &'a str,
    /// The sealed fingerprint of the later release.
    to: &'a str,
    /// The language whose documents are compared.
    lang: Lang,
    /// The redline's words, from the corpus's labels.
    labels: RedlineLabels,
}

/// The redlines between each release and the next, for the site: a
/// client who signed one version sees what the next one changes.
pub(crate) fn jobs<'a>(
    checked: &'a Checked,
    options: &BuildOptions,
    html: &'a HtmlRenderer,
    reuse: &'a Reuse,
) -> Vec<Job<'a>> {
    let corpus = &checked.corpus;
    let mut jobs: Vec<Job> = Vec::new();
    let sources = (corpus.documents.iter()).filter(|d| selected(&options.documents, &d.id));
    let formats: Vec<Format> = (Format::ALL.iter().copied())
        .filter(|f| selected(&options.formats, f))
        .collect();
    for source in sources {
        for later in 1..source.releases.len() {
            let (from, to) = (
                &source.releases[later - 1].record,
                &source.releases[later].record,
            );
            for &lang in corpus
                .languages
                .iter()
                .filter(|l| selected(&options.langs, l))
            {
                // A language added since `from` has nothing to compare.
                let (Some(old), Some(new)) = (
                    source.release_document(later - 1, lang),
                    source.release_document(later, lang),
                ) else {
                    continue;
                };
                let formats = formats.clone();
                // Compared only when a file must be rendered, in every
                // format at once, and dropped when the job is done: made up
                // front, the redlines of a long history were all in memory
                // for the whole build (50 DPA releases: 13 of 27 MiB of
                // heap, valgrind massif), and compared again on every
                // build to be fingerprinted.
                let job: Job = Box::new(move || {
                    let inputs = RedlineInputs {
                        from: &from.fingerprint,
                        to: &to.fingerprint,
                        lang,
                        labels: redline_labels((old.head(), new.head()), &corpus.labels),
                    };
                    let title = format!("{} – {}", new.head().title, inputs.labels.heading);
                    let compared = OnceCell::new();
                    let mut artifacts = Vec::new();
                    for &format in &formats {
                        let entry = redline_entry(&source.id, (from, to), lang, &title, format);
                        artifacts.extend(reuse.file("redline", format, &inputs, &entry, || {
                            let redline = compared.get_or_init(|| {
                                // An earlier release's are parsed here, for
                                // this job only.
                                let (old, new) = (old.load(), new.load());
                                compare_documents((&old, &new), to, &corpus.labels)
                            });
                            crate::render::redline::render(redline, format, html)
                        })?);
                    }
                    Ok(artifacts)
                });
                jobs.push(job);
            }
        }
    }
    jobs
}
