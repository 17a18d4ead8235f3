//! Releases: every published version of a document, frozen in
//! `releases/<document>/<version>.json` with its resolved content in each
//! language and a fingerprint of that content. A release is what old
//! versions are rebuilt from, offline and without git history; `check`
//! refuses a corpus whose text no longer matches its latest release, and
//! a release file whose content no longer matches its fingerprint.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::date::Date;
use crate::corpus::records;
use crate::corpus::released::ReleasedDocuments;
use crate::corpus::version::Version;
use crate::corpus::{Corpus, DocumentSource, SourceFile};
use crate::diagnostic::Diagnostics;
use crate::error::BuildError;
use crate::lang::Lang;
use crate::model::Document;

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
    /// The released content: the document resolved in each language,
    /// packed once read ([`ReleasedDocuments`]).
    pub documents: ReleasedDocuments,
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
    let mut release: ReleaseFile =
        records::read_sealed(file, "release", "clausier release", diagnostics)?;
    release.record.documents.for_each_parsed(as_composed_now);
    // Packed here, on every core, as each file is read; the loader parses
    // the latest release's again (`DocumentSource::latest_released`).
    release.record.documents.pack();
    Some(release)
}

/// A released document as clausier composes one today, so that comparing
/// it with the working text sees changes of content only: records made
/// when clausier had two languages list them French first (`Lang` orders
/// them by identifier now), and a one-language document's
/// `other_language` held a label it no longer has (it links to no other
/// edition, so nothing shows it). The fingerprint covers the file as
/// stored, which this leaves untouched.
pub(crate) fn as_composed_now(document: &mut Document) {
    document.languages.sort();
    if document.languages.len() < 2 {
        document.labels.other_language.clear();
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

/// Whether `lang` is a language of the corpus, or a usage error naming
/// the one meant ("did you mean `fr`?") or those there are.
pub fn find_language(corpus: &Corpus, lang: Lang) -> Result<(), BuildError> {
    if corpus.languages.contains(&lang) {
        return Ok(());
    }
    let known: Vec<String> = corpus.languages.iter().map(Lang::to_string).collect();
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    Err(BuildError::Usage(crate::diagnostic::unknown_typed_id(
        "language",
        "languages",
        &lang.to_string(),
        &known,
    )))
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
