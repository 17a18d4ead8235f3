//! Client notices of a change of sub-processors (GDPR art. 28(2)): what
//! changed in the sub-processor annex between two releases of a document,
//! the date of the notice, and the deadline for objections, counted in
//! working days (weekends and French public holidays skipped).
//!
//! A notice is recorded in `releases/<document>/notices/<from>-<to>.json`
//! by `clausier notice`; `clausier build` publishes it, bilingual, as
//! `notices/<document>-<from>-<to>.pdf` and `.html`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::BuildError;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::load::{Corpus, DocumentSource, SourceFile};
use crate::model::{Block, Document, Notice as LanguageNotice, Table};
use crate::output::{Artifact, ArtifactKind, ManifestEntry};
use crate::quantity::{Quantity, Unit};
use crate::records;
use crate::redline::cell_lines;
use crate::releases::{self, Release};
use crate::render::Format;
use crate::render::html::HtmlRenderer;
use crate::version::Version;

/// The section that lists the sub-processors, compared between releases.
const SUBPROCESSORS_ANNEX: &str = "annex-subprocessors";

/// `releases/<document>/notices/<from>-<to>.json`: a notice sent to the
/// clients. Written by `clausier notice`, never edited by hand.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeRecord {
    pub document: String,
    /// The release the clients signed.
    pub from: Version,
    /// The release that changes the sub-processors.
    pub to: Version,
    /// The date of the notice.
    pub date: Date,
    /// The time clients have to object, as the DPA committed to it then.
    pub objection_period: Quantity,
    /// The last day for objections.
    pub deadline: Date,
    /// `sha256:` and the digest of every other field, see
    /// [`releases::seal`].
    pub fingerprint: String,
}

/// A notice record and the file it was read from.
pub type NoticeFile = records::RecordFile<NoticeRecord>;

/// The notices of a document, relative to the corpus root.
pub fn folder(document: &str) -> PathBuf {
    releases::folder(document).join("notices")
}

/// Reads a notice record, reporting a JSON or schema error at its line.
pub fn parse(file: SourceFile, diagnostics: &mut Diagnostics) -> Option<NoticeFile> {
    records::read_sealed(file, "notice", "clausier notice", diagnostics)
}

/// Refuses notices edited after they were recorded, whose deadline does
/// not follow from their date and period, or about versions that were
/// never released.
pub fn check_records(source: &DocumentSource, diagnostics: &mut Diagnostics) {
    const RESTORE: &str = "a notice sent to clients cannot change";
    for notice in &source.notices {
        let record = &notice.record;
        let error = |field: &str, message: String| {
            notice.at_field(Diagnostic::error(message), field, RESTORE)
        };
        if !notice.is_intact(&record.fingerprint) {
            diagnostics.push(error(
                "fingerprint",
                format!(
                    "the notice of `{}` {} → {} was edited after it was recorded: it no longer matches its fingerprint",
                    source.id, record.from, record.to
                ),
            ));
        } else if deadline(record.date, record.objection_period).ok() != Some(record.deadline) {
            diagnostics.push(error(
                "deadline",
                format!(
                    "the deadline {} does not follow from the notice's date {} and its objection period of {}",
                    record.deadline, record.date, record.objection_period
                ),
            ));
        }
        for (field, version) in [("from", &record.from), ("to", &record.to)] {
            if releases::find_release(source, version.as_str()).is_err() {
                diagnostics.push(error(
                    field,
                    format!(
                        "this notice is about release {version} of `{}`, which does not exist",
                        source.id
                    ),
                ));
            }
        }
    }
}

/// Warns about each release that changes the sub-processors when no
/// client notice was recorded for it: clients must be told in advance.
pub fn check_notified(corpus: &Corpus, source: &DocumentSource, diagnostics: &mut Diagnostics) {
    for pair in source.releases.windows(2) {
        let (from, to) = (&pair[0].record, &pair[1].record);
        let notified = source.notices.iter().any(|n| n.record.to == to.version);
        let binding = corpus.languages[0];
        if notified || changes(from, to, binding, corpus).is_none() {
            continue;
        }
        let file = &pair[1].file;
        diagnostics.push(
            Diagnostic::warning(format!(
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

/// The last day to object to a notice dated `date`: `period` counted from
/// the next day, in working days when it is in working days.
pub fn deadline(date: Date, period: Quantity) -> Result<Date, String> {
    let end = match period.unit {
        Unit::WorkingDays => date.add_working_days(period.value),
        Unit::Days => date.add_days(i64::from(period.value)),
        Unit::Weeks => date.add_days(7 * i64::from(period.value)),
        _ => {
            return Err(format!(
                "an objection period of {period} cannot be counted in days: write it in days, working days or weeks"
            ));
        }
    };
    end.ok_or_else(|| {
        format!("an objection period of {period} from {date} ends after the year 9999")
    })
}

/// A client notice, in every language of the document, binding first.
#[derive(Debug, Serialize)]
pub struct ClientNotice {
    pub document: String,
    pub from: String,
    pub to: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub author: String,
    /// The binding title, for metadata.
    pub title: String,
    pub parts: Vec<NoticePart>,
}

/// The notice in one language.
#[derive(Debug, Serialize)]
pub struct NoticePart {
    pub lang: Lang,
    pub title: String,
    pub date_line: String,
    pub deadline_line: String,
    pub intro: String,
    pub objection: String,
    pub tables: Vec<Table>,
    pub language_notice: LanguageNotice,
}

/// A row of the sub-processor table: its key (the name) and its cells.
struct Row {
    key: String,
    cells: Vec<String>,
}

/// The header, rows, column widths and heading of the sub-processor annex.
type AnnexTable<'a> = (Vec<String>, Vec<Row>, Vec<u32>, &'a str);

fn rows(document: &Document) -> Option<AnnexTable<'_>> {
    let annex = document
        .sections
        .iter()
        .find(|section| section.id == SUBPROCESSORS_ANNEX)?;
    let table = annex.blocks.iter().find_map(|block| match block {
        Block::Table(table) => Some(table),
        _ => None,
    })?;
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let cells: Vec<String> = row.iter().map(|cell| cell_lines(cell).join("\n")).collect();
            let key = cells
                .first()
                .and_then(|cell| cell.lines().next())
                .unwrap_or_default()
                .to_string();
            Row { key, cells }
        })
        .collect();
    Some((
        table.header.clone(),
        rows,
        table.widths.clone(),
        annex.heading.as_str(),
    ))
}

/// The sub-processors added, removed and changed between two releases, in
/// `lang`, as tables; none when the list is the same.
fn changes(from: &Release, to: &Release, lang: Lang, corpus: &Corpus) -> Option<Vec<Table>> {
    let table = |release: &Release| {
        let found = release.documents.iter().find(|d| d.lang == lang)?;
        rows(found).map(|(header, rows, widths, _)| (header, rows, widths))
    };
    let (_, old, _) = table(from)?;
    let (header, new, widths) = table(to)?;
    let label = |id: &str| corpus.labels.get(lang, id);
    let lines = |text: &str| -> Vec<Block> { text.lines().map(Block::paragraph).collect() };
    let whole = |rows: Vec<&Row>, caption: &str| Table {
        caption: label(caption),
        header: header.clone(),
        rows: rows
            .iter()
            .map(|row| row.cells.iter().map(|cell| lines(cell)).collect())
            .collect(),
        widths: widths.clone(),
    };
    let find = |rows: &[Row], key: &str| rows.iter().position(|row| row.key == key);
    let added: Vec<&Row> = new
        .iter()
        .filter(|row| find(&old, &row.key).is_none())
        .collect();
    let removed: Vec<&Row> = old
        .iter()
        .filter(|row| find(&new, &row.key).is_none())
        .collect();
    let mut changed_rows = Vec::new();
    for row in &new {
        let Some(before) = find(&old, &row.key).map(|index| &old[index]) else {
            continue;
        };
        for (column, (was, is)) in before.cells.iter().zip(&row.cells).enumerate() {
            if was != is {
                changed_rows.push(vec![
                    vec![Block::paragraph(row.key.clone())],
                    vec![Block::paragraph(
                        header.get(column).cloned().unwrap_or_default(),
                    )],
                    lines(was),
                    lines(is),
                ]);
            }
        }
    }
    let mut tables = Vec::new();
    if !added.is_empty() {
        tables.push(whole(added, "notice-added"));
    }
    if !removed.is_empty() {
        tables.push(whole(removed, "notice-removed"));
    }
    if !changed_rows.is_empty() {
        tables.push(Table {
            caption: label("notice-changed"),
            header: [
                "notice-subprocessor",
                "notice-field",
                "notice-before",
                "notice-after",
            ]
            .map(label)
            .to_vec(),
            rows: changed_rows,
            widths: vec![2, 2, 3, 3],
        });
    }
    (!tables.is_empty()).then_some(tables)
}

/// The notice of `record`, in every language both releases have.
pub fn client_notice(
    corpus: &Corpus,
    from: &Release,
    to: &Release,
    record: &NoticeRecord,
) -> Option<ClientNotice> {
    let mut parts = Vec::new();
    for &lang in &corpus.languages {
        let Some(document) = to.documents.iter().find(|d| d.lang == lang) else {
            continue;
        };
        let tables = changes(from, to, lang, corpus)?;
        let labels = &corpus.labels;
        let annex = rows(document).map(|(.., heading)| heading.to_string())?;
        let deadline = record.deadline.long_with_weekday(lang);
        parts.push(NoticePart {
            lang,
            title: labels.get(lang, "notice-title"),
            date_line: labels.get_with(lang, "notice-date", &[("date", &record.date.long(lang))]),
            deadline_line: labels.get_with(lang, "notice-deadline", &[("deadline", &deadline)]),
            intro: labels.get_with(
                lang,
                "notice-intro",
                &[
                    ("processor", &corpus.facts.parties.processor.short_name),
                    ("annex", &annex),
                    ("document", &document.title),
                    ("version", to.version.as_str()),
                    ("effective", &to.effective_date.long(lang)),
                ],
            ),
            objection: labels.get_with(
                lang,
                "notice-objection",
                &[
                    ("period", &record.objection_period.legal(lang, labels)),
                    ("deadline", &deadline),
                ],
            ),
            tables,
            language_notice: document.language_notice.clone(),
        });
    }
    let binding = parts.first()?;
    Some(ClientNotice {
        document: record.document.clone(),
        from: record.from.to_string(),
        to: record.to.to_string(),
        date: record.date.to_string(),
        author: to.documents.first()?.author.clone(),
        title: binding.title.clone(),
        parts,
    })
}

/// Where the notice of `from` → `to` is published, under the output.
pub fn artifact_path(document: &str, from: &Version, to: &Version, extension: &str) -> String {
    format!("notices/{document}-{from}-{to}.{extension}")
}

/// The notices of the selected documents, in the selected formats.
pub fn jobs<'a>(
    checked: &'a crate::Checked,
    documents: &[String],
    formats: &[Format],
    html: &'a HtmlRenderer,
) -> Result<Vec<crate::Job<'a>>, BuildError> {
    let mut jobs: Vec<crate::Job> = Vec::new();
    let selected = checked
        .corpus
        .documents
        .iter()
        .filter(|d| crate::selected(documents, &d.id));
    for source in selected {
        for NoticeFile { record, .. } in &source.notices {
            let from = releases::find_release(source, record.from.as_str())?;
            let to = releases::find_release(source, record.to.as_str())?;
            let Some(notice) = client_notice(&checked.corpus, from, to, record) else {
                continue;
            };
            let notice = std::sync::Arc::new(notice);
            for format in Format::ALL
                .into_iter()
                .filter(|f| crate::selected(formats, f))
            {
                let path = artifact_path(&source.id, &record.from, &record.to, format.extension());
                let entry = ManifestEntry {
                    document: Some(source.id.clone()),
                    version: Some(record.to.to_string()),
                    date: Some(notice.date.clone()),
                    ..ManifestEntry::new(
                        path,
                        ArtifactKind::Notice,
                        notice.title.clone(),
                        format.media_type(),
                    )
                };
                let notice = std::sync::Arc::clone(&notice);
                jobs.push(Box::new(move || {
                    let bytes = crate::render::notice::render(&notice, format, html)?;
                    Ok(vec![Artifact::file(entry.clone(), bytes)])
                }));
            }
        }
    }
    Ok(jobs)
}

/// What `clausier notice` records.
pub struct NoticeRequest<'a> {
    pub root: &'a Path,
    pub document: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    pub date: &'a str,
}

/// Records the notice of a change of sub-processors between two releases,
/// with its deadline. Refused when the sub-processors did not change, when
/// the releases do not exist, and when the notice is already recorded.
pub fn record(request: &NoticeRequest) -> Result<(PathBuf, NoticeRecord), BuildError> {
    let usage = |message: String| Err(BuildError::Usage(message));
    let date = Date::parse(request.date).map_err(|e| BuildError::argument(&e))?;
    let checked = crate::check(request.root, true).map_err(BuildError::Content)?;
    let corpus = &checked.corpus;
    let source = releases::find_document(corpus, request.document)?;
    let from = releases::find_release(source, request.from)?;
    let to = releases::find_release(source, request.to)?;
    if from.version >= to.version {
        return usage(format!(
            "a notice goes from an earlier release to a later one: {} is not before {}",
            from.version, to.version
        ));
    }
    let Some(period) = corpus
        .facts
        .commitments
        .as_ref()
        .map(|c| c.objection_period)
    else {
        return usage("annexes/commitments.yaml has no `objection_period`: the notice cannot say until when clients may object".to_string());
    };
    let deadline = deadline(date, period).map_err(BuildError::Usage)?;
    let mut record = NoticeRecord {
        document: source.id.clone(),
        from: from.version.clone(),
        to: to.version.clone(),
        date,
        objection_period: period,
        deadline,
        fingerprint: String::new(),
    };
    record.fingerprint = records::seal(&record);
    if client_notice(corpus, from, to, &record).is_none() {
        return usage(format!(
            "the sub-processors of `{}` are the same in releases {} and {}: there is nothing to notify",
            source.id, from.version, to.version
        ));
    }
    let path = folder(&source.id).join(format!("{}-{}.json", from.version, to.version));
    let mut json = serde_json::to_string_pretty(&record).expect("notices serialize to JSON");
    json.push('\n');
    if !records::write_new(&request.root.join(&path), json.as_bytes()).map_err(BuildError::Io)? {
        return usage(format!(
            "{} already records this notice: a notice sent cannot change",
            path.display()
        ));
    }
    Ok((path, record))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_count_working_days_from_the_next_day() {
        let date = Date::parse("2026-12-21").unwrap();
        let seven = Quantity::parse("7 working days").unwrap();
        assert_eq!(deadline(date, seven).unwrap().to_string(), "2026-12-31");
        let calendar = Quantity::parse("7 days").unwrap();
        assert_eq!(deadline(date, calendar).unwrap().to_string(), "2026-12-28");
        assert!(deadline(date, Quantity::parse("1 month").unwrap()).is_err());
    }
}
