//! Client notices as `check` sees them: intact, with a deadline that
//! follows from their date, about released versions; and every change of
//! sub-processors notified.

use std::cell::OnceCell;

use crate::corpus::releases;
use crate::corpus::{Corpus, DocumentSource};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::versions::notice::{Subprocessors, changes_between, deadline, subprocessors};

/// Refuses notices edited after they were recorded (sealed again, still
/// refused if not about this document and named after its versions, from
/// an earlier release to a later one, with a deadline that follows from
/// their date and period), or about versions that were never released.
pub fn check_records(source: &DocumentSource, diagnostics: &mut Diagnostics) {
    const RESTORE: &str = "a notice sent to clients cannot change";
    for notice in &source.notices {
        let record = &notice.record;
        let error = |code: Code, field: &str, message: String| {
            notice.at_field(Diagnostic::error(code, message), field, RESTORE)
        };
        if !notice.is_intact(&record.fingerprint) {
            diagnostics.push(error(
                Code::EditedRecord,
                "fingerprint",
                format!(
                    "the notice of `{}` {} → {} was edited after it was recorded: it no longer matches its fingerprint",
                    source.id, record.from, record.to
                ),
            ));
        } else if record.document != source.id
            || notice.file.path.file_name()
                != Some(format!("{}-{}.json", record.from, record.to).as_ref())
        {
            diagnostics.push(error(
                Code::EditedRecord,
                "document",
                format!(
                    "this file records the notice of `{}` {} → {}, not what its path says",
                    record.document, record.from, record.to
                ),
            ));
        } else if record.from >= record.to {
            diagnostics.push(error(
                Code::EditedRecord,
                "to",
                format!(
                    "the notice of `{}` goes from release {} to release {}: a notice tells of a later release",
                    source.id, record.from, record.to
                ),
            ));
        } else if deadline(record.date, record.objection_period).ok() != Some(record.deadline) {
            diagnostics.push(error(
                Code::EditedRecord,
                "deadline",
                format!(
                    "the deadline {} does not follow from the notice's date {} and its objection period of {}",
                    record.deadline, record.date, record.objection_period
                ),
            ));
        }
        for (field, version) in [("from", &record.from), ("to", &record.to)] {
            match releases::find_release(source, version.as_str()) {
                Err(_) => diagnostics.push(error(
                    Code::BrokenHistory,
                    field,
                    format!(
                        "this notice is about release {version} of `{}`, which does not exist",
                        source.id
                    ),
                )),
                // Written as the release writes it, as `clausier notice`
                // does: `1` for `1.0` would name a second notice of one
                // change, published twice.
                Ok(release) if release.version.as_str() != version.as_str() => {
                    diagnostics.push(error(
                        Code::EditedRecord,
                        field,
                        format!(
                            "this notice writes release {} of `{}` as {version}",
                            release.version, source.id
                        ),
                    ))
                }
                Ok(_) => {}
            }
        }
    }
}

/// Warns about each release that changes the sub-processors when no
/// client notice was recorded for it: clients must be told in advance.
pub fn check_notified(corpus: &Corpus, source: &DocumentSource, diagnostics: &mut Diagnostics) {
    let binding = corpus.languages[0];
    // Each release's table read at most once, and only for a release not
    // notified of: an earlier release is parsed again to read it
    // (`corpus::released`).
    let tables: Vec<OnceCell<Option<Subprocessors>>> =
        source.releases.iter().map(|_| OnceCell::new()).collect();
    let table = |index: usize| {
        tables[index].get_or_init(|| subprocessors(&source.releases[index].record, binding))
    };
    for (later, pair) in source
        .releases
        .windows(2)
        .enumerate()
        .map(|(i, p)| (i + 1, p))
    {
        let (from, to) = (&pair[0].record, &pair[1].record);
        if source.notices.iter().any(|n| n.record.to == to.version) {
            continue;
        }
        let changed = match (table(later - 1), table(later)) {
            (Some(old), Some(new)) => changes_between(old, new, binding, corpus).is_some(),
            _ => false,
        };
        if !changed {
            continue;
        }
        let file = &pair[1].file;
        diagnostics.push(
            Diagnostic::warning(Code::NoticeMissing, format!(
                "release {} of `{}` changes the sub-processors, but no client notice was recorded",
                to.version, source.id
            ))
            .at(file.location(0), &file.text)
            .with_help(format!(
                "notify the clients before it takes effect: `clausier notice {} {} {} --date YYYY-MM-DD`",
                source.id, from.version, to.version
            )),
        );
    }
}
