//! Release records as `check` sees them: each intact (its fingerprint), in
//! order, chained to the one before, and about this document, holding
//! what `clausier release` writes and nothing else.

use std::collections::BTreeSet;

use crate::corpus::DocumentSource;
use crate::corpus::releases::{Release, ReleaseFile, folder};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};

/// Refuses release records that were edited or do not follow each other:
/// a released version never changes.
pub fn check_records(source: &DocumentSource, diagnostics: &mut Diagnostics) {
    const RESTORE: &str = "to change the document, release a new version";
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
            check_documents(record, RESTORE, diagnostics);
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
/// it again): at least one, one per language, each this document at this
/// version and date, none made out to a client nor a parallel edition. A
/// release is published as it is: a client's name in it would reach the
/// public site, and two documents in one language would race for one file.
fn check_documents(record: &ReleaseFile, restore: &str, diagnostics: &mut Diagnostics) {
    let release = &record.record;
    let mut error = |field: &str, message: String| {
        diagnostics.push(record.at_field(
            Diagnostic::error(Code::EditedRecord, message),
            field,
            restore,
        ));
    };
    let named = format!("release {} of `{}`", release.version, release.document);
    if release.documents.iter().next().is_none() {
        error("documents", format!("{named} holds no document"));
    }
    let date = release.effective_date.to_string();
    let mut langs = BTreeSet::new();
    for document in release.documents.iter() {
        let head = document.head();
        let lang = head.lang;
        if !langs.insert(lang) {
            error(
                "documents",
                format!("{named} holds two documents in {lang}"),
            );
        }
        if (head.id, head.version, head.effective_date)
            != (&release.document, release.version.as_str(), &date)
        {
            error(
                "documents",
                format!(
                    "the {lang} document of {named} is version {} of `{}`, effective {}: not what the release records",
                    head.version, head.id, head.effective_date
                ),
            );
        }
        if head.made_out_to.is_some() {
            error(
                "made_out_to",
                format!(
                    "the {lang} document of {named} is made out to a client: a release is published, and never names one"
                ),
            );
        }
        if head.parallel {
            error(
                "translation",
                format!(
                    "the {lang} document of {named} is a parallel edition, which a release never holds"
                ),
            );
        }
    }
}
