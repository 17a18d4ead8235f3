//! Releases: every published version of a document, frozen in
//! `releases/<document>/<version>.json` with its resolved content in each
//! language and a fingerprint of that content. A release is what old
//! versions are rebuilt from, offline and without git history; `check`
//! refuses a corpus whose text no longer matches its latest release, and
//! a release file whose content no longer matches its fingerprint.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::BuildError;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::load::{Corpus, DocumentSource, SourceFile};
use crate::model::Document;
use crate::records;
use crate::text;
use crate::version::Version;

/// The folder of release records, at the corpus root.
pub const RELEASES: &str = "releases";

/// `releases/<document>/<version>.json`: one released version. Written by
/// `clausier release`, never edited by hand.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// The document id, e.g. `dpa`.
    pub document: String,
    pub version: Version,
    /// The date from which this version applies.
    pub effective_date: Date,
    /// What this version changes, in each language of the document.
    pub summary: BTreeMap<Lang, String>,
    /// The fingerprint of the release before this one (none for the
    /// first): the releases of a document form a chain, so that one
    /// deleted or replaced is detected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// `sha256:` and the digest of every other field, see
    /// [`records::seal`].
    pub fingerprint: String,
    /// The released content: the document resolved in each language.
    pub documents: Vec<Document>,
}

/// A release and the file it was read from.
pub type ReleaseFile = records::RecordFile<Release>;

/// The release records of a document, relative to the corpus root.
pub fn folder(document: &str) -> PathBuf {
    Path::new(RELEASES).join(document)
}

/// The file recording `version` of `document`.
pub fn release_path(document: &str, version: &Version) -> PathBuf {
    folder(document).join(format!("{version}.json"))
}

/// One line of a document's version history.
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    pub version: Version,
    pub effective_date: Date,
    pub summary: BTreeMap<Lang, String>,
}

impl From<&Release> for HistoryEntry {
    fn from(release: &Release) -> HistoryEntry {
        HistoryEntry {
            version: release.version.clone(),
            effective_date: release.effective_date,
            summary: release.summary.clone(),
        }
    }
}

/// Which version a build resolves the working text as: a release (its
/// number, date and the history up to it), or an unreleased draft.
#[derive(Debug, Clone)]
pub struct Edition {
    /// None for a draft.
    pub version: Option<Version>,
    /// The release's effective date; for a draft, the latest release's
    /// (typst needs a date, and it must not come from the clock).
    pub effective_date: Date,
    /// Every release up to this one, oldest first.
    pub history: Vec<HistoryEntry>,
}

/// The date drafts of never-released documents carry.
const FIRST_DRAFT_DATE: Date = Date {
    year: 2000,
    month: 1,
    day: 1,
};

impl Edition {
    /// The latest release of `releases`, if any.
    pub fn latest(releases: &[ReleaseFile]) -> Option<Edition> {
        let latest = &releases.last()?.record;
        Some(Edition {
            version: Some(latest.version.clone()),
            effective_date: latest.effective_date,
            history: history(releases),
        })
    }

    /// The working text as an unreleased draft.
    pub fn draft(releases: &[ReleaseFile]) -> Edition {
        Edition {
            version: None,
            effective_date: releases
                .last()
                .map_or(FIRST_DRAFT_DATE, |r| r.record.effective_date),
            history: history(releases),
        }
    }

    /// A new release following `releases`.
    pub fn next(releases: &[ReleaseFile], entry: HistoryEntry) -> Edition {
        let mut history = history(releases);
        let version = entry.version.clone();
        let effective_date = entry.effective_date;
        history.push(entry);
        Edition {
            version: Some(version),
            effective_date,
            history,
        }
    }
}

/// The history of `releases`, oldest first.
fn history(releases: &[ReleaseFile]) -> Vec<HistoryEntry> {
    releases.iter().map(|file| (&file.record).into()).collect()
}

/// Reads a release record, reporting a JSON or schema error at its line.
pub fn parse(file: SourceFile, diagnostics: &mut Diagnostics) -> Option<ReleaseFile> {
    records::read_sealed(file, "release", "clausier release", diagnostics)
}

/// Refuses release records that were edited or do not follow each other:
/// a released version never changes.
pub fn check_records(source: &DocumentSource, diagnostics: &mut Diagnostics) {
    const RESTORE: &str = "to change the document, release a new version";
    let mut previous: Option<&Release> = None;
    for record in &source.releases {
        let release = &record.record;
        let error = |field: &str, message: String| {
            record.at_field(Diagnostic::error(message), field, RESTORE)
        };
        let named = record
            .file
            .path
            .file_stem()
            .map(|stem| stem.to_string_lossy());
        if release.document != source.id || named.as_deref() != Some(release.version.as_str()) {
            diagnostics.push(error(
                "version",
                format!(
                    "this file records version {} of `{}`, not what its path says",
                    release.version, release.document
                ),
            ));
        } else if !record.is_intact(&release.fingerprint) {
            diagnostics.push(error(
                "fingerprint",
                format!(
                    "release {} of `{}` was edited after it was released: the record no longer matches its fingerprint, which covers its version, date, summaries and content",
                    release.version, release.document
                ),
            ));
        }
        // Each release names the seal of the one before: a release deleted
        // or replaced breaks the chain at the one that follows it.
        if release.previous.as_deref() != previous.map(|before| before.fingerprint.as_str()) {
            let message = match previous {
                Some(before) => format!(
                    "release {} of `{}` does not follow release {} as it was released: an earlier release was deleted or replaced",
                    release.version, source.id, before.version
                ),
                None => format!(
                    "release {} of `{}` follows an earlier release that is missing from {}",
                    release.version,
                    source.id,
                    folder(&source.id).display()
                ),
            };
            diagnostics.push(
                Diagnostic::error(message)
                    .at(record.field_location("previous"), &record.file.text)
                    .with_help("restore every release of the document from version control: a released version cannot be withdrawn or replaced"),
            );
        }
        if let Some(before) = previous {
            if release.version == before.version {
                diagnostics.push(error(
                    "version",
                    format!(
                        "version {} of `{}` is released twice (also as {})",
                        release.version, source.id, before.version
                    ),
                ));
            } else if release.effective_date < before.effective_date {
                diagnostics.push(error(
                    "effective_date",
                    format!(
                        "release {} takes effect on {}, before release {} ({})",
                        release.version,
                        release.effective_date,
                        before.version,
                        before.effective_date
                    ),
                ));
            }
        }
        previous = Some(release);
    }
}

/// How the working text stands against the latest release.
pub enum Standing {
    /// It is the latest release.
    Released,
    /// It was never released.
    Unreleased,
    /// It differs from the latest release in these sections (headings).
    Changed {
        since: Version,
        sections: Vec<String>,
    },
}

/// Compares the working text, resolved as the latest release, with that
/// release.
pub fn standing(source: &DocumentSource, working: &[Document]) -> Standing {
    let Some(latest) = source.releases.last() else {
        return Standing::Unreleased;
    };
    let release = &latest.record;
    // Both sides as this clausier reads them, so that a field added to
    // the model later does not count as a change of content.
    if working == release.documents.as_slice() {
        return Standing::Released;
    }
    // Sections changed in any language, named as the binding text names
    // them.
    let mut changed: Vec<String> = Vec::new();
    for new in working {
        let Some(old) = release.documents.iter().find(|d| d.lang == new.lang) else {
            continue;
        };
        for id in changed_sections(old, new) {
            if !changed.contains(&id) {
                changed.push(id);
            }
        }
    }
    let binding = working.iter().find(|d| d.lang.is_binding());
    let heading = |id: &String| {
        let sections = binding.into_iter().flat_map(|d| &d.sections);
        let mut sections = sections.chain(release.documents.iter().flat_map(|d| &d.sections));
        sections
            .find(|section| &section.id == id)
            .map_or_else(|| id.clone(), |section| section.heading.clone())
    };
    Standing::Changed {
        since: release.version.clone(),
        sections: changed.iter().map(heading).collect(),
    }
}

/// The ids of the top-level sections that differ between two versions of
/// a document, in the new version's order, then the removed ones.
pub fn changed_sections(old: &Document, new: &Document) -> Vec<String> {
    let mut changed: Vec<String> = new
        .sections
        .iter()
        .filter(|section| {
            old.sections
                .iter()
                .find(|before| before.id == section.id)
                .is_none_or(|before| before != *section)
        })
        .map(|section| section.id.clone())
        .collect();
    changed.extend(
        old.sections
            .iter()
            .filter(|before| new.sections.iter().all(|s| s.id != before.id))
            .map(|before| before.id.clone()),
    );
    changed
}

/// The error for a working text that is not its latest release.
pub fn unreleased_error(source: &DocumentSource, standing: &Standing) -> Option<Diagnostic> {
    let summaries: Vec<String> = source
        .texts
        .keys()
        .map(|lang| format!("--summary-{lang} …"))
        .collect();
    let release = |version: &str| {
        format!(
            "to publish it: `clausier release {} {version} --effective YYYY-MM-DD {}`; to preview it first: `clausier build --draft`",
            source.id,
            summaries.join(" ")
        )
    };
    match standing {
        Standing::Released => None,
        Standing::Unreleased => Some(
            Diagnostic::error(format!(
                "`{}` has no release yet: release its first version",
                source.id
            ))
            .with_help(release("1.0")),
        ),
        Standing::Changed { since, sections } => {
            let mut diagnostic = Diagnostic::error(format!(
                "the content of `{}` changed since release {since}: release a new version",
                source.id
            ))
            .with_help(format!("{}; or undo the change", release("<new version>")));
            if !sections.is_empty() {
                diagnostic = diagnostic.with_note(format!("changed: {}", sections.join("; ")));
            }
            Some(diagnostic)
        }
    }
}

/// The document `id` of the corpus, or a usage error naming the one
/// meant ("did you mean `dpa`?") or the others.
pub fn find_document<'a>(corpus: &'a Corpus, id: &str) -> Result<&'a DocumentSource, BuildError> {
    corpus.documents.iter().find(|d| d.id == id).ok_or_else(|| {
        let known: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        BuildError::Usage(crate::diagnostic::unknown_typed_id(
            "document",
            "documents",
            id,
            &known,
        ))
    })
}

/// The release `version` of a document, or a usage error naming the
/// released versions.
pub fn find_release<'a>(
    source: &'a DocumentSource,
    version: &str,
) -> Result<&'a Release, BuildError> {
    let wanted = Version::parse(version).ok();
    let found = source
        .releases
        .iter()
        .map(|file| &file.record)
        .find(|release| Some(&release.version) == wanted.as_ref());
    found.ok_or_else(|| {
        let known: Vec<String> = source
            .releases
            .iter()
            .map(|file| file.record.version.to_string())
            .collect();
        BuildError::Usage(format!(
            "`{}` has no release {version}: its releases are {}",
            source.id,
            if known.is_empty() {
                "none yet".to_string()
            } else {
                known.join(", ")
            }
        ))
    })
}

/// What `clausier release` records.
pub struct ReleaseRequest<'a> {
    pub root: &'a Path,
    pub document: &'a str,
    pub version: &'a str,
    pub effective_date: &'a str,
    /// What the version changes, per language.
    pub summary: BTreeMap<Lang, String>,
}

/// A recorded release: where, and its fingerprint.
pub struct Recorded {
    pub path: PathBuf,
    pub release: Release,
}

/// Freezes the working text of a document as a new release, after
/// checking it: refused when the corpus has any problem (warnings
/// included: a release cannot change afterwards), when the version does
/// not increase, when the date precedes the previous release's, and when
/// nothing changed.
pub fn release(request: &ReleaseRequest) -> Result<Recorded, BuildError> {
    let usage = |message: String| Err(BuildError::Usage(message));
    if !request.root.is_dir() {
        return usage(format!(
            "{} is not a folder: pass the corpus folder with --root",
            request.root.display()
        ));
    }
    let version = Version::parse(request.version).map_err(|e| BuildError::argument(&e))?;
    let effective_date =
        Date::parse(request.effective_date).map_err(|e| BuildError::argument(&e))?;
    let checked = crate::check(request.root, true).map_err(BuildError::Content)?;
    let corpus = &checked.corpus;
    let source = find_document(corpus, request.document)?;
    if checked.warnings.has_warnings() {
        return Err(BuildError::Content(crate::diagnostic::Failed(
            checked.warnings,
        )));
    }
    if let Some(latest) = source.releases.last().map(|file| &file.record) {
        if version <= latest.version {
            return usage(format!(
                "version {version} does not follow the latest release of `{}`, {}: give a greater version",
                source.id, latest.version
            ));
        }
        if effective_date < latest.effective_date {
            return usage(format!(
                "{effective_date} is before {}, the effective date of release {}: a new version cannot take effect earlier",
                latest.effective_date, latest.version
            ));
        }
        if !checked.is_draft(&source.id) {
            return usage(format!(
                "`{}` has not changed since release {}: there is nothing to release",
                source.id, latest.version
            ));
        }
    }
    let missing: Vec<String> = source
        .texts
        .keys()
        .filter(|lang| {
            request
                .summary
                .get(lang)
                .is_none_or(|s| s.trim().is_empty())
        })
        .map(|lang| format!("--summary-{lang}"))
        .collect();
    if !missing.is_empty() {
        return usage(format!(
            "say what version {version} changes, in every language of `{}`: {}",
            source.id,
            missing.join(", ")
        ));
    }
    if let Some(extra) = request
        .summary
        .keys()
        .find(|lang| !source.texts.contains_key(lang))
    {
        return usage(format!("`{}` is not written in `{extra}`", source.id));
    }
    for (lang, summary) in &request.summary {
        if let Err(problem) = text::check(summary) {
            return usage(format!("--summary-{lang}: {}", problem.message));
        }
    }
    let entry = HistoryEntry {
        version: version.clone(),
        effective_date,
        summary: request.summary.clone(),
    };
    let edition = Edition::next(&source.releases, entry);
    let mut diagnostics = Diagnostics::default();
    let documents: Vec<Document> = corpus
        .languages
        .iter()
        .map(|&lang| crate::document::build(corpus, source, lang, &edition, &mut diagnostics))
        .collect();
    corpus.labels.report(&corpus.locale_files, &mut diagnostics);
    if diagnostics.has_errors() {
        return Err(BuildError::Content(crate::diagnostic::Failed(diagnostics)));
    }
    let mut release = Release {
        document: source.id.clone(),
        previous: source
            .releases
            .last()
            .map(|file| file.record.fingerprint.clone()),
        fingerprint: String::new(),
        version,
        effective_date,
        summary: request.summary.clone(),
        documents,
    };
    release.fingerprint = records::seal(&release);
    let path = release_path(&source.id, &release.version);
    let mut json = serde_json::to_string_pretty(&release).expect("releases serialize to JSON");
    json.push('\n');
    if !records::write_new(&request.root.join(&path), json.as_bytes()).map_err(BuildError::Io)? {
        return usage(format!(
            "{} already exists: version {} was recorded meanwhile, by another `clausier release`",
            path.display(),
            release.version
        ));
    }
    Ok(Recorded { path, release })
}
