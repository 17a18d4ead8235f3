//! Client notices of a change of sub-processors (GDPR art. 28(2)): what
//! changed in the sub-processor annex between two releases of a document,
//! the date of the notice, and the deadline for objections, counted in
//! working days (weekends and French public holidays skipped).
//!
//! A notice is recorded in `releases/<document>/notices/<from>-<to>.json`
//! by `clausier notice`; `clausier build` publishes it, bilingual, as
//! `notices/<document>-<from>-<to>.pdf` and `.html`.

use serde::Serialize;

use crate::compose::quantities::QuantityText;
use crate::corpus::Corpus;
use crate::corpus::clients::ClientRecord;
use crate::corpus::date::Date;
use crate::corpus::locale::Labels;
use crate::corpus::notices::NoticeRecord;
use crate::corpus::quantity::{Quantity, Unit};
use crate::corpus::releases::Release;
use crate::lang::Lang;
use crate::model::{Block, Document, Notice as LanguageNotice, Section, SectionKind, Table};
use crate::text::typography;
use crate::versions::redline::cell_lines;

/// The section that lists the sub-processors, compared between releases.
const SUBPROCESSORS_ANNEX: &str = "annex-subprocessors";

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
#[derive(Debug, Clone, Serialize)]
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
    /// The client a copy of the notice is addressed to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
}

impl ClientNotice {
    /// This notice as readers see it: each part typeset for its language
    /// (`text::typography`), as renderers draw it.
    pub fn typeset(&self) -> ClientNotice {
        let parts = self.parts.iter().map(|part| {
            let lang = part.lang.to_string();
            let text = |text: &String| typography::typeset(text, &lang);
            NoticePart {
                lang: part.lang,
                title: text(&part.title),
                date_line: text(&part.date_line),
                deadline_line: text(&part.deadline_line),
                intro: text(&part.intro),
                closing: part.closing.iter().map(text).collect(),
                redline: part.redline.as_ref().map(|link| NoticeLink {
                    href: link.href.clone(),
                    label: text(&link.label),
                }),
                tables: (part.tables.iter().cloned())
                    .map(|table| table.typeset(part.lang))
                    .collect(),
                language_notice: LanguageNotice {
                    short: text(&part.language_notice.short),
                    long: text(&part.language_notice.long),
                    ..part.language_notice.clone()
                },
                addressee: part.addressee.iter().map(text).collect(),
            }
        });
        let parts: Vec<NoticePart> = parts.collect();
        ClientNotice {
            title: parts.first().map_or_else(String::new, |p| p.title.clone()),
            parts,
            ..self.clone()
        }
    }

    /// This notice linking each part to the redline of its language, at
    /// `href(lang)` where there is one.
    pub fn with_redlines(
        &self,
        href: impl Fn(Lang) -> Option<String>,
        labels: &Labels,
    ) -> ClientNotice {
        let parts = self.parts.iter().map(|part| NoticePart {
            redline: href(part.lang).map(|href| NoticeLink {
                href,
                label: labels.get_with(
                    part.lang,
                    "notice-redline",
                    &[("from", self.from.as_str()), ("to", self.to.as_str())],
                ),
            }),
            ..part.clone()
        });
        ClientNotice {
            parts: parts.collect(),
            ..self.clone()
        }
    }

    /// The notice addressed to `client`, in `languages`, those of its
    /// edition.
    pub fn addressed_to(
        &self,
        client: &ClientRecord,
        languages: &[Lang],
        labels: &Labels,
    ) -> ClientNotice {
        let contact = &client.privacy_contact;
        let parts = self
            .parts
            .iter()
            .filter(|part| languages.contains(&part.lang));
        let parts = parts.map(|part| NoticePart {
            addressee: vec![
                client.legal_name.value.clone(),
                client.address.clone(),
                labels.get_with(
                    part.lang,
                    "notice-addressee",
                    &[("name", &contact.name), ("email", contact.email.as_str())],
                ),
            ],
            ..part.clone()
        });
        ClientNotice {
            parts: parts.collect(),
            client: Some(client.legal_name.value.clone()),
            ..self.clone()
        }
    }
}

/// A link of a notice: where to, and its text.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeLink {
    pub href: String,
    pub label: String,
}

/// The notice in one language.
#[derive(Debug, Clone, Serialize)]
pub struct NoticePart {
    pub lang: Lang,
    pub title: String,
    pub date_line: String,
    pub deadline_line: String,
    pub intro: String,
    pub tables: Vec<Table>,
    /// After the tables: the period to object and its deadline, where and
    /// how to object, what an objection leads to, and the other changes of
    /// the release.
    pub closing: Vec<String>,
    /// The redline of the release in this language, where the notice can
    /// link to it (set by the publishing stage, which knows the paths).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redline: Option<NoticeLink>,
    pub language_notice: LanguageNotice,
    /// Whom a client's own notice is addressed to: its name, its address
    /// and its privacy contact; empty in the published notice.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub addressee: Vec<String>,
}

/// A row of the sub-processor table: its key (the name) and its cells.
struct Row {
    key: String,
    cells: Vec<String>,
}

/// The sub-processor annex of `document`, and its table.
fn annex_table(document: &Document) -> Option<(&Section, &Table)> {
    let annex = document
        .sections
        .iter()
        .find(|section| section.id == SUBPROCESSORS_ANNEX)?;
    let table = annex.blocks.iter().find_map(|block| match block {
        Block::Table(table) => Some(table),
        _ => None,
    })?;
    Some((annex, table))
}

/// The rows of the sub-processor table, each keyed by its first line.
fn table_rows(table: &Table) -> Vec<Row> {
    table
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
        .collect()
}

/// The sub-processor table of a release in one language, as readers see
/// it: its header, rows and column widths.
pub struct Subprocessors {
    header: Vec<String>,
    rows: Vec<Row>,
    widths: Vec<u32>,
}

/// The sub-processor table of `release` in `lang`, if it has one.
pub fn subprocessors(release: &Release, lang: Lang) -> Option<Subprocessors> {
    // Compared as readers see it: a release stored before typography was
    // applied at composition reads the same once typeset (the table alone,
    // as `Document::typeset` would).
    let found = release.documents.get(lang)?.load();
    let table = annex_table(&found)?.1.clone().typeset(lang);
    Some(Subprocessors {
        rows: table_rows(&table),
        header: table.header,
        widths: table.widths,
    })
}

/// The sub-processors added, removed and changed between two releases, in
/// `lang`, as tables; none when the list is the same.
pub fn changes(from: &Release, to: &Release, lang: Lang, corpus: &Corpus) -> Option<Vec<Table>> {
    let (old, new) = (subprocessors(from, lang)?, subprocessors(to, lang)?);
    changes_between(&old, &new, lang, corpus)
}

/// The sub-processors added, removed and changed from `old` to `new` (two
/// releases' tables), in `lang`, as tables; none when the list is the same.
pub fn changes_between(
    old: &Subprocessors,
    new: &Subprocessors,
    lang: Lang,
    corpus: &Corpus,
) -> Option<Vec<Table>> {
    let (old, new, header, widths) = (&old.rows, &new.rows, &new.header, &new.widths);
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
        .filter(|row| find(old, &row.key).is_none())
        .collect();
    let removed: Vec<&Row> = old
        .iter()
        .filter(|row| find(new, &row.key).is_none())
        .collect();
    let mut changed_rows = Vec::new();
    for row in new {
        let Some(before) = find(old, &row.key).map(|index| &old[index]) else {
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
        let Some(document) = to.documents.get(lang) else {
            continue;
        };
        let document = &*document.load();
        let tables = changes(from, to, lang, corpus)?;
        let labels = &corpus.labels;
        let annex = annex_table(document).map(|(annex, _)| annex.heading.clone())?;
        let deadline = record.deadline.long_with_weekday(lang);
        let received = record.date.long(lang);
        let period = record.objection_period.legal(lang, labels);
        let processor = &corpus.facts.parties.processor;
        let clause = objection_clause(corpus, &record.document, document);
        let mut closing = vec![labels.get_with(
            lang,
            "notice-objection",
            &[
                ("period", period.as_str()),
                ("received", &received),
                ("deadline", &deadline),
            ],
        )];
        let by_post = [
            ("processor", processor.legal_name.as_str()),
            ("address", &processor.address),
        ];
        let email = processor.dpo.as_ref().and_then(|dpo| dpo.email.as_ref());
        closing.push(match email {
            Some(email) => {
                let with_email = [by_post.as_slice(), &[("email", email.as_str())]].concat();
                labels.get_with(lang, "notice-how-to-object", &with_email)
            }
            None => labels.get_with(lang, "notice-how-to-object-by-post", &by_post),
        });
        if let Some((number, title)) = &clause {
            closing.push(labels.get_with(
                lang,
                "notice-consequence",
                &[("clause", number.as_str()), ("title", title.as_str())],
            ));
        }
        if let Some(summary) = to.summary.get(&lang) {
            // A sentence of its own, whatever its last mark.
            let ends = summary.trim_end().ends_with(['.', '!', '?', '…']);
            let summary = format!("{}{}", summary.trim_end(), if ends { "" } else { "." });
            closing.push(labels.get_with(
                lang,
                "notice-release-summary",
                &[
                    ("version", to.version.as_str()),
                    ("summary", summary.as_str()),
                ],
            ));
        }
        parts.push(NoticePart {
            lang,
            title: labels.get(lang, "notice-title"),
            date_line: labels.get_with(lang, "notice-date", &[("date", &received)]),
            deadline_line: labels.get_with(
                lang,
                "notice-deadline",
                &[("deadline", &deadline), ("received", &received)],
            ),
            intro: labels.get_with(
                lang,
                "notice-intro",
                &[
                    ("processor", corpus.short_name(lang)),
                    ("annex", &annex),
                    ("document", &document.title),
                    ("version", to.version.as_str()),
                    ("effective", &to.effective_date.long(lang)),
                ],
            ),
            tables,
            closing,
            redline: None,
            language_notice: document.language_notice.clone(),
            addressee: Vec::new(),
        });
    }
    let binding = parts.first()?;
    Some(ClientNotice {
        document: record.document.clone(),
        from: record.from.to_string(),
        to: record.to.to_string(),
        date: record.date.to_string(),
        author: to.documents.iter().next()?.head().author.to_string(),
        title: binding.title.clone(),
        parts,
        client: None,
    })
}

/// The number and title, in `document`, of the clause that says how
/// sub-processors are engaged and objected to: the first clause, in the
/// document's order, that its document declares to cover GDPR art. 28(2)
/// or 28(3)(d).
fn objection_clause(corpus: &Corpus, id: &str, document: &Document) -> Option<(String, String)> {
    let source = corpus.documents.iter().find(|d| d.id == id)?;
    let covers = |section: &Section| {
        (source.meta.coverage.get(&section.id)).is_some_and(|items| {
            (items.iter()).any(|item| ["art28-2", "art28-3d"].contains(&item.value.as_str()))
        })
    };
    let clause = clauses(&document.sections).find(|section| covers(section))?;
    Some((clause.number.clone()?, clause.title.clone()))
}

/// Every clause and sub-clause, in the document's order.
fn clauses(sections: &[Section]) -> Box<dyn Iterator<Item = &Section> + '_> {
    Box::new(
        (sections.iter())
            .filter(|section| section.kind == SectionKind::Clause)
            .flat_map(|section| std::iter::once(section).chain(clauses(&section.children))),
    )
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
