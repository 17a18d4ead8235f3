//! Release records as `check` sees them: each intact (its fingerprint), in
//! order, chained to the one before, and about this document, holding
//! what `clausier release` writes and nothing else.

use std::collections::BTreeSet;

use crate::corpus::DocumentSource;
use crate::corpus::releases::{Release, ReleaseFile, folder};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::lang::Lang;

/// What to do with an edited release record.
const RESTORE: &str = "to change the document, release a new version";

/// Refuses release records that were edited or do not follow each other:
/// a released version never changes.
pub fn check_records(source: &DocumentSource, diagnostics: &mut Diagnostics) {
    let mut previous: Option<&Release> = None;
    for record in &source.releases {
        let release = &record.record;
        let error = |code: Code, field: &str, message: String| {
            record.at_field(Diagnostic::error(code, message), field, RESTORE)
        };
        let named = record
            .file
            .path
            .file_stem()
            .map(|stem| stem.to_string_lossy());
        if release.document != source.id || named.as_deref() != Some(release.version.as_str()) {
            diagnostics.push(error(
                Code::EditedRecord,
                "version",
                format!(
                    "this file records version {} of `{}`, not what its path says",
                    release.version, release.document
                ),
            ));
        } else if !record.is_intact(&release.fingerprint) {
            diagnostics.push(error(
                Code::EditedRecord,
                "fingerprint",
                format!(
                    "release {} of `{}` was edited after it was released: the record no longer matches its fingerprint, which covers its version, date, summaries and content",
                    release.version, release.document
                ),
            ));
        } else {
            // Sealed as it is: only what it holds can tell it was edited.
            check_documents(record, diagnostics);
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
                Diagnostic::error(Code::BrokenHistory, message)
                    .at(record.field_location("previous"), &record.file.text)
                    .with_help("restore every release of the document from version control: a released version cannot be withdrawn or replaced"),
            );
        }
        if let Some(before) = previous {
            if release.version == before.version {
                diagnostics.push(error(
                    Code::BrokenHistory,
                    "version",
                    format!(
                        "version {} of `{}` is released twice (also as {})",
                        release.version, source.id, before.version
                    ),
                ));
            } else if release.effective_date < before.effective_date {
                diagnostics.push(error(
                    Code::BrokenHistory,
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

/// Refuses a release whose documents are not what `clausier release`
/// writes, whatever its seal says (anyone who can edit a record can seal
/// it again): at least one, at most one per language, each this document
/// at this version and date, listing the release's languages, none a
/// client's copy (made out to a client, or with a signature page) nor a
/// parallel edition. A release is published as it is: a client's name in
/// it would reach the public site, and two documents in one language would
/// race for one file.
fn check_documents(record: &ReleaseFile, diagnostics: &mut Diagnostics) {
    let release = &record.record;
    let release_name = format!("release {} of `{}`", release.version, release.document);
    if release.documents.iter().next().is_none() {
        diagnostics.push(record.at_field(
            Diagnostic::error(
                Code::EditedRecord,
                format!("{release_name} holds no document"),
            ),
            "documents",
            RESTORE,
        ));
    }
    let date = release.effective_date.to_string();
    // Each document lists the languages of the release, its own included.
    let held: BTreeSet<Lang> = release
        .documents
        .iter()
        .map(|document| document.lang())
        .collect();
    let mut langs = BTreeSet::new();
    for (nth, document) in release.documents.iter().enumerate() {
        let head = document.head();
        let lang = head.lang;
        let marks = document.marks();
        let problems = [
            (!langs.insert(lang)).then(|| format!("{release_name} holds two documents in {lang}")),
            ((head.id, head.version, head.effective_date)
                != (&release.document, release.version.as_str(), &date))
                .then(|| {
                    format!(
                        "the {lang} document of {release_name} is version {} of `{}`, effective {}: not what the release records",
                        head.version, head.id, head.effective_date
                    )
                }),
            (head.languages.iter().copied().collect::<BTreeSet<Lang>>() != held).then(|| {
                let written: Vec<String> = head.languages.iter().map(Lang::to_string).collect();
                format!(
                    "the {lang} document of {release_name} says it is written in {}, not in the languages the release holds",
                    written.join(", ")
                )
            }),
            marks.client_copy.then(|| {
                format!("the {lang} document of {release_name} is a client's copy (made out to a client, or with a signature page): a release is published, and never names a client")
            }),
            marks.parallel.then(|| {
                format!("the {lang} document of {release_name} is a parallel edition, which a release never holds")
            }),
        ];
        for message in problems.into_iter().flatten() {
            let location = record.nth_field_location("lang", nth);
            let error = Diagnostic::error(Code::EditedRecord, message);
            diagnostics.push(record.at(error, location, RESTORE));
        }
    }
}
