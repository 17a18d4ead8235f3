//! Redlines: what changed between two released versions of a document, in
//! one language, aligned clause by clause (by their stable ids), paragraph
//! by paragraph and table row by table row, and marked word by word.

mod table;

pub use table::cell_lines;
use table::table;

use serde::Serialize;

use crate::corpus::locale::Labels;
use crate::corpus::released::Head;
use crate::corpus::releases::Release;
use crate::lang::Lang;
use crate::model::{Block, Document, Inline, ListStyle, Notice, Section, SectionKind, Table};
use crate::text::typography;
use crate::versions::diff::{Change, Step, align, words_and_lines};

/// Whether a clause, line or row is in both versions, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Same,
    Changed,
    Added,
    Removed,
}

/// A run of words with the same change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    pub change: Change,
    pub text: String,
}

/// Two versions of a document compared, in one language.
#[derive(Debug, Serialize)]
pub struct Redline {
    pub document: String,
    pub lang: Lang,
    pub title: String,
    pub author: String,
    pub from: VersionRef,
    pub to: VersionRef,
    /// What the newer version says it changes.
    pub summary: String,
    /// The top-level sections that changed.
    pub changed: Vec<Changed>,
    pub sections: Vec<SectionDiff>,
    pub language_notice: Notice,
    pub labels: RedlineLabels,
    /// The two versions compared (from, to) without their sections: what
    /// a Word redline compares on its cover and prints in its footer.
    #[serde(skip)]
    pub covers: [Document; 2],
}

/// A top-level section that changed, for the list of changes.
#[derive(Debug, Serialize)]
pub struct Changed {
    pub id: String,
    pub heading: String,
}

/// One side of the comparison.
#[derive(Debug, Serialize)]
pub struct VersionRef {
    pub version: String,
    pub effective_date: String,
    pub effective_date_text: String,
}

/// The words a redline page needs, in its language.
#[derive(Debug, Serialize)]
pub struct RedlineLabels {
    /// "Comparaison des versions 1.0 et 1.1".
    pub heading: String,
    pub from: String,
    pub to: String,
    pub effective_date: String,
    /// What sets a label apart from its value, in the language's
    /// typography: ":" in English, no-break space and ":" in French.
    pub colon: String,
    pub summary: String,
    pub changed: String,
    pub nothing_changed: String,
    pub legend: String,
    pub inserted: String,
    pub deleted: String,
    pub added_section: String,
    pub removed_section: String,
    pub page: String,
}

/// A clause, annex or part, compared.
#[derive(Debug, Serialize)]
pub struct SectionDiff {
    pub id: String,
    pub kind: SectionKind,
    pub status: Status,
    pub heading: Vec<Span>,
    pub blocks: Vec<BlockDiff>,
    pub children: Vec<SectionDiff>,
}

/// A paragraph, label or list item, or a table, compared.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockDiff {
    Line(LineDiff),
    Table(TableDiff),
}

/// How a line of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineStyle {
    Paragraph,
    Label,
    Item,
}

/// A paragraph, a label or a list item, flattened to text.
#[derive(Debug, Serialize)]
pub struct LineDiff {
    pub style: LineStyle,
    /// List nesting depth (0 outside lists).
    pub depth: usize,
    /// The item's marker, e.g. "–", "2.", "b.".
    pub marker: String,
    pub status: Status,
    pub spans: Vec<Span>,
}

#[derive(Debug, Serialize)]
pub struct TableDiff {
    pub status: Status,
    pub caption: Vec<Span>,
    pub header: Vec<Vec<Span>>,
    pub rows: Vec<RowDiff>,
    pub widths: Vec<u32>,
}

#[derive(Debug, Serialize)]
pub struct RowDiff {
    pub status: Status,
    pub cells: Vec<Vec<LineDiff>>,
}

/// Compares two releases of a document in `lang`; none when either
/// release lacks that language.
pub fn compare(from: &Release, to: &Release, lang: Lang, labels: &Labels) -> Option<Redline> {
    let (old, new) = (from.documents.get(lang)?, to.documents.get(lang)?);
    Some(compare_documents((&old.load(), &new.load()), to, labels))
}

/// Compares `old` with `new`, the documents of two releases in one
/// language, `to` being `new`'s release.
pub fn compare_documents(
    (old, new): (&Document, &Document),
    to: &Release,
    labels: &Labels,
) -> Redline {
    let lang = new.lang;
    let (old, new) = (old.clone(), new.clone());
    // Compared as the newer version is written: a release stored before
    // typography was applied at composition is typeset to compare with a
    // typeset one, so that only what changed is marked.
    let typeset = new.clone().typeset() == new;
    let old = if typeset { old.typeset() } else { old };
    let (old, new) = (&old, &new);
    let sections = sections(&old.sections, &new.sections);
    let changed = sections
        .iter()
        .filter(|s| s.status != Status::Same)
        .map(|s| Changed {
            id: s.id.clone(),
            heading: plain(&s.heading),
        })
        .collect();
    Redline {
        document: new.id.clone(),
        lang,
        title: new.title.clone(),
        author: new.author.clone(),
        from: version_ref(old),
        to: version_ref(new),
        summary: (to.summary.get(&lang))
            .map(|summary| match typeset {
                true => typography::typeset(summary, &lang.to_string()),
                false => summary.clone(),
            })
            .unwrap_or_default(),
        changed,
        sections,
        language_notice: new.language_notice.clone(),
        covers: [cover(old), cover(new)],
        labels: redline_labels((Head::of(old), Head::of(new)), labels),
    }
}

/// The words a redline of `old` and `new` needs, from the corpus's
/// `labels` in `new`'s language.
pub fn redline_labels((old, new): (Head, Head), labels: &Labels) -> RedlineLabels {
    let lang = new.lang;
    let label = |id: &str| labels.get(lang, id);
    RedlineLabels {
        heading: labels.get_with(
            lang,
            "redline-heading",
            &[("from", old.version), ("to", new.version)],
        ),
        from: label("redline-from"),
        to: label("redline-to"),
        effective_date: new.labels.effective_date.clone(),
        colon: label("page-colon"),
        summary: label("redline-summary"),
        changed: label("redline-changed"),
        nothing_changed: label("redline-nothing-changed"),
        legend: label("redline-legend"),
        inserted: label("redline-inserted"),
        deleted: label("redline-deleted"),
        added_section: label("redline-added-section"),
        removed_section: label("redline-removed-section"),
        page: new.labels.page.clone(),
    }
}

/// A document without its sections.
fn cover(document: &Document) -> Document {
    Document {
        sections: Vec::new(),
        ..document.clone()
    }
}

fn version_ref(document: &Document) -> VersionRef {
    VersionRef {
        version: document.version.clone(),
        effective_date: document.effective_date.clone(),
        effective_date_text: document.effective_date_text.clone(),
    }
}

/// The text of spans, as one string.
pub fn plain(spans: &[Span]) -> String {
    let texts: Vec<&str> = spans.iter().map(|s| s.text.as_str()).collect();
    texts.join(" ")
}

fn sections(old: &[Section], new: &[Section]) -> Vec<SectionDiff> {
    align(old, new, |a, b| a.id == b.id, |_, _| false)
        .into_iter()
        .map(|step| match step {
            Step::Same(a, b) | Step::Changed(a, b) => section(&old[a], &new[b]),
            Step::Deleted(a) => whole_section(&old[a], Status::Removed),
            Step::Inserted(b) => whole_section(&new[b], Status::Added),
        })
        .collect()
}

fn section(old: &Section, new: &Section) -> SectionDiff {
    let heading = spans(&old.heading, &new.heading);
    let blocks = blocks(&old.blocks, &new.blocks);
    let children = sections(&old.children, &new.children);
    let same = heading.iter().all(|s| s.change == Change::Same)
        && blocks.iter().all(|b| b.status() == Status::Same)
        && children.iter().all(|c| c.status == Status::Same);
    SectionDiff {
        id: new.id.clone(),
        kind: new.kind,
        status: if same { Status::Same } else { Status::Changed },
        heading,
        blocks,
        children,
    }
}

/// A section only one version has: all of it added or removed.
fn whole_section(section: &Section, status: Status) -> SectionDiff {
    let (old, new): (&[Block], &[Block]) = match status {
        Status::Removed => (&section.blocks, &[]),
        _ => (&[], &section.blocks),
    };
    SectionDiff {
        id: section.id.clone(),
        kind: section.kind,
        status,
        heading: whole(&section.heading, change_of(status)),
        blocks: blocks(old, new),
        children: section
            .children
            .iter()
            .map(|child| whole_section(child, status))
            .collect(),
    }
}

fn change_of(status: Status) -> Change {
    match status {
        Status::Removed => Change::Deleted,
        Status::Added => Change::Inserted,
        Status::Same | Status::Changed => Change::Same,
    }
}

fn whole(text: &str, change: Change) -> Vec<Span> {
    vec![Span {
        change,
        text: text.to_string(),
    }]
}

/// The words of `old` and `new`, grouped into runs of the same change.
pub fn spans(old: &str, new: &str) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for (change, word) in words_and_lines(old, new) {
        match spans.last_mut() {
            Some(last) if last.change == change => {
                last.text.push(' ');
                last.text.push_str(word);
            }
            _ => spans.push(Span {
                change,
                text: word.to_string(),
            }),
        }
    }
    spans
}

impl BlockDiff {
    fn status(&self) -> Status {
        match self {
            BlockDiff::Line(line) => line.status,
            BlockDiff::Table(table) => table.status,
        }
    }
}

/// A block flattened for comparison: a line of text, or a table.
#[derive(PartialEq)]
enum Piece<'a> {
    Line {
        style: LineStyle,
        depth: usize,
        marker: String,
        text: String,
    },
    Table(&'a Table),
}

fn flatten<'a>(blocks: &'a [Block], depth: usize, pieces: &mut Vec<Piece<'a>>) {
    for block in blocks {
        flatten_block(block, depth, pieces);
    }
}

fn flatten_block<'a>(block: &'a Block, depth: usize, pieces: &mut Vec<Piece<'a>>) {
    let line = |style, marker: String, inlines: &[Inline]| Piece::Line {
        style,
        depth,
        marker,
        text: inline_text(inlines),
    };
    match block {
        Block::Paragraph { inlines } => {
            pieces.push(line(LineStyle::Paragraph, String::new(), inlines))
        }
        Block::Label { inlines } => pieces.push(line(LineStyle::Label, String::new(), inlines)),
        Block::Table(table) => pieces.push(Piece::Table(table)),
        Block::Signatures { signatories } => {
            let texts = signatories.iter().flat_map(|signatory| {
                [&signatory.role, &signatory.party]
                    .into_iter()
                    .chain(&signatory.lines)
            });
            pieces.extend(texts.map(|text| Piece::Line {
                style: LineStyle::Paragraph,
                depth,
                marker: String::new(),
                text: text.clone(),
            }));
        }
        Block::List { style, items } => {
            for (index, item) in items.iter().enumerate() {
                let marker = match style {
                    ListStyle::Bullet => "–".to_string(),
                    ListStyle::Numbered => format!("{}.", index + 1),
                    ListStyle::Lettered => {
                        format!(
                            "{}.",
                            char::from(b'a' + u8::try_from(index % 26).unwrap_or(0))
                        )
                    }
                };
                let mut rest = item.iter();
                match rest.next() {
                    Some(Block::Paragraph { inlines }) => pieces.push(Piece::Line {
                        style: LineStyle::Item,
                        depth: depth + 1,
                        marker,
                        text: inline_text(inlines),
                    }),
                    Some(other) => flatten_block(other, depth + 1, pieces),
                    None => {}
                }
                for block in rest {
                    flatten_block(block, depth + 1, pieces);
                }
            }
        }
    }
}

fn inline_text(inlines: &[Inline]) -> String {
    let mut text = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text: t } => text.push_str(t),
            Inline::Strong { inlines } | Inline::Emphasis { inlines } => {
                text.push_str(&inline_text(inlines))
            }
            Inline::Link { inlines, .. } => text.push_str(&inline_text(inlines)),
            // A line break is a word of its own in comparisons.
            Inline::Break => text.push('\n'),
        }
    }
    text
}

fn blocks(old: &[Block], new: &[Block]) -> Vec<BlockDiff> {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    flatten(old, 0, &mut a);
    flatten(new, 0, &mut b);
    let comparable = |x: &Piece, y: &Piece| match (x, y) {
        (Piece::Line { style: s, .. }, Piece::Line { style: t, .. }) => s == t,
        (Piece::Table(_), Piece::Table(_)) => true,
        _ => false,
    };
    align(&a, &b, |x, y| x == y, comparable)
        .into_iter()
        .map(|step| match step {
            Step::Same(i, j) | Step::Changed(i, j) => piece(Some(&a[i]), Some(&b[j])),
            Step::Deleted(i) => piece(Some(&a[i]), None),
            Step::Inserted(j) => piece(None, Some(&b[j])),
        })
        .collect()
}

/// Compares two pieces, either of which may be absent.
fn piece(old: Option<&Piece>, new: Option<&Piece>) -> BlockDiff {
    let status = status_of(old.is_some(), new.is_some(), old == new);
    match (old, new) {
        (Some(Piece::Table(a)), Some(Piece::Table(b))) => BlockDiff::Table(table(Some(a), Some(b))),
        (Some(Piece::Table(a)), None) => BlockDiff::Table(table(Some(a), None)),
        (None, Some(Piece::Table(b))) => BlockDiff::Table(table(None, Some(b))),
        _ => {
            let line = new.or(old).expect("one side is present");
            let Piece::Line {
                style,
                depth,
                marker,
                ..
            } = line
            else {
                unreachable!("tables are handled above")
            };
            let text = |piece: Option<&Piece>| match piece {
                Some(Piece::Line { text, .. }) => text.clone(),
                _ => String::new(),
            };
            BlockDiff::Line(LineDiff {
                style: *style,
                depth: *depth,
                marker: marker.clone(),
                status,
                spans: spans(&text(old), &text(new)),
            })
        }
    }
}

fn status_of(old: bool, new: bool, equal: bool) -> Status {
    match (old, new) {
        (true, false) => Status::Removed,
        (false, true) => Status::Added,
        _ if equal => Status::Same,
        _ => Status::Changed,
    }
}

#[cfg(test)]
mod tests;
