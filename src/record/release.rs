//! `clausier release`: freezes the working text of a document as a new
//! release record, after a full check.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::corpus::date::Date;
use crate::corpus::records;
use crate::corpus::released::ReleasedDocuments;
use crate::corpus::releases::{Edition, HistoryEntry, Release, find_document, release_path};
use crate::corpus::version::Version;
use crate::diagnostic::Diagnostics;
use crate::error::BuildError;
use crate::lang::Lang;
use crate::model::Document;
use crate::text;

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
    let checked = crate::check::check(request.root, true).map_err(BuildError::Content)?;
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
        .map(|&lang| crate::lang::summary_option(lang, "…"))
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
            let option = crate::lang::summary_option(*lang, "");
            let option = option.trim_end_matches([' ', '=']);
            return usage(format!("{option}: {}", problem.message));
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
        .map(|&lang| crate::compose::build(corpus, source, lang, &edition, &mut diagnostics))
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
        documents: ReleasedDocuments::new(documents),
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
