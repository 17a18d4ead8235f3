//! A redline as a Word document with tracked changes: the newer version,
//! every difference a revision by the processor dated with the newer
//! version's effective date. Accepting every revision gives the newer
//! version's text, rejecting every one the older's.
//!
//! Word keeps the last paragraph mark of a cell, or before a table, or of
//! the body: a paragraph that only one version has cannot end such a run
//! with its own mark inserted or deleted. [`write_run`] moves those marks
//! one paragraph up, which leaves the text of both versions intact.

use crate::model::{Document, SectionKind};
use crate::render::docx::cover::{CoverLine, cover_lines};
use crate::render::docx::package::{TEXT_WIDTH, package};
use crate::render::docx::xml::{Body, ListKind, Para, Reviser, Style, column_widths};
use crate::render::docx::{
    Entry, Side, contents, footer, item_style, properties, starts_page, write_cell, write_label,
};
use crate::versions::diff::{Change, Step, align};
use crate::versions::redline::{
    BlockDiff, LineDiff, LineStyle, Redline, SectionDiff, Span, Status, TableDiff, spans,
};

/// A paragraph of a redline, before it is written.
struct Line {
    para: Para<'static>,
    bookmark: Option<String>,
    label: Option<String>,
    spans: Vec<(Change, String)>,
}

/// The redline as a `.docx` file.
pub fn render(redline: &Redline) -> Vec<u8> {
    let [old, new] = &redline.covers;
    let reviser = Reviser {
        author: redline.author.clone(),
        date: redline.to.effective_date.clone(),
    };
    let mut body = Body::new(Some(reviser), TEXT_WIDTH);
    let mut run = cover(old, new);
    write_run(&mut body, &mut run);
    let entries = kept_entries(&redline.sections);
    contents(&mut body, &new.labels.contents, &entries);
    let mut lists = Lists::default();
    for section in &redline.sections {
        write_section(&mut body, &mut run, &mut lists, section, 1);
    }
    write_run(&mut body, &mut run);
    package(
        &body,
        &footer(new),
        &properties(new, &redline.summary, true),
    )
}

/// The two covers compared line by line.
fn cover(old: &Document, new: &Document) -> Vec<Line> {
    let (a, b) = (cover_lines(old), cover_lines(new));
    let comparable = |x: &CoverLine, y: &CoverLine| x.style == y.style && x.label == y.label;
    align(&a, &b, |x, y| x == y, comparable)
        .into_iter()
        .map(|step| match step {
            Step::Same(_, j) => cover_line(&b[j], vec![(Change::Same, b[j].text.clone())], None),
            Step::Changed(i, j) => cover_line(&b[j], marked(&spans(&a[i].text, &b[j].text)), None),
            Step::Deleted(i) => cover_line(
                &a[i],
                vec![(Change::Deleted, a[i].text.clone())],
                Some(Change::Deleted),
            ),
            Step::Inserted(j) => cover_line(
                &b[j],
                vec![(Change::Inserted, b[j].text.clone())],
                Some(Change::Inserted),
            ),
        })
        .collect()
}

fn cover_line(line: &CoverLine, spans: Vec<(Change, String)>, mark: Option<Change>) -> Line {
    Line {
        para: Para {
            style: line.style,
            mark,
            ..Para::default()
        },
        bookmark: None,
        label: line.label.clone(),
        spans,
    }
}

/// Spans as runs, spaced so that accepting or rejecting every revision
/// gives each version's words with one space between them and none at
/// the ends: before the last unchanged run, each run carries the space
/// after it; after it, each changed run the space before it; in a line
/// with no unchanged run, each change but the first of its kind.
fn marked(spans: &[Span]) -> Vec<(Change, String)> {
    let last_same = spans.iter().rposition(|s| s.change == Change::Same);
    let mut first_of = [true, true];
    (spans.iter().enumerate())
        .map(|(index, span)| {
            let text = match last_same {
                Some(last) if index < last => format!("{} ", span.text),
                Some(last) if index == last => span.text.clone(),
                Some(_) => format!(" {}", span.text),
                None => {
                    let first = &mut first_of[usize::from(span.change == Change::Inserted)];
                    match std::mem::take(first) {
                        true => span.text.clone(),
                        false => format!(" {}", span.text),
                    }
                }
            };
            (span.change, text)
        })
        .collect()
}

fn mark_of(status: Status) -> Option<Change> {
    match status {
        Status::Added => Some(Change::Inserted),
        Status::Removed => Some(Change::Deleted),
        Status::Same | Status::Changed => None,
    }
}

/// The contents of the newer version: the sections it still has.
fn kept_entries(sections: &[SectionDiff]) -> Vec<Entry> {
    let kept = |s: &&SectionDiff| s.status != Status::Removed && s.kind != SectionKind::Preamble;
    let entry = |level: usize, s: &SectionDiff| (level, s.id.clone(), newer_text(&s.heading));
    let mut entries = Vec::new();
    for section in sections.iter().filter(kept) {
        entries.push(entry(1, section));
        entries.extend(section.children.iter().filter(kept).map(|c| entry(2, c)));
    }
    entries
}

/// The newer version's words of `spans`.
fn newer_text(spans: &[Span]) -> String {
    let words: Vec<&str> = spans
        .iter()
        .filter(|s| s.change != Change::Deleted)
        .map(|s| s.text.as_str())
        .collect();
    words.join(" ")
}

fn write_section(
    body: &mut Body,
    run: &mut Vec<Line>,
    lists: &mut Lists,
    section: &SectionDiff,
    level: usize,
) {
    if section.kind != SectionKind::Preamble {
        // A clause moved is removed in one place and added in another: its
        // bookmark goes with the newer place.
        let kept = section.status != Status::Removed;
        run.push(Line {
            para: Para {
                style: Side::Text.heading_style(level),
                page_break_before: starts_page(section.kind, level),
                mark: mark_of(section.status),
                ..Para::default()
            },
            bookmark: kept.then(|| section.id.clone()),
            label: None,
            spans: marked(&section.heading),
        });
    }
    for block in &section.blocks {
        match block {
            BlockDiff::Line(line) => run.push(lists.line(body, line, "")),
            BlockDiff::Table(table) => {
                write_table(body, run, table);
                lists.clear();
            }
        }
    }
    for child in &section.children {
        write_section(body, run, lists, child, level + 1);
    }
}

/// The list instances open at each depth, so that items of one list share
/// its numbering and a new list restarts it.
#[derive(Default)]
struct Lists {
    open: Vec<Option<(ListKind, usize)>>,
}

impl Lists {
    fn clear(&mut self) {
        self.open.clear();
    }

    /// A line of text in paragraphs of `style` (`TableText` in tables).
    fn line(&mut self, body: &mut Body, line: &LineDiff, style: &'static str) -> Line {
        let depth = line.depth;
        let mut para = Para {
            style: match line.style {
                LineStyle::Label => "Label",
                LineStyle::Item => item_style(style),
                _ => style,
            },
            mark: mark_of(line.status),
            ..Para::default()
        };
        if line.style == LineStyle::Item && depth > 0 {
            self.open.truncate(depth + 1);
            self.open.resize(depth + 1, None);
            let kind = marker_kind(&line.marker);
            let first = matches!(line.marker.as_str(), "1." | "a.");
            let list = match self.open[depth] {
                Some((open, list)) if open == kind && !first => list,
                _ => body.new_list(kind),
            };
            self.open[depth] = Some((kind, list));
            para.numbering = Some((list, depth - 1));
        } else {
            self.open.truncate(depth + 1);
            para.indent = depth;
        }
        Line {
            para,
            bookmark: None,
            label: None,
            spans: marked(&line.spans),
        }
    }
}

/// The list kind a redline line's marker shows: "–", "2.", "b.".
fn marker_kind(marker: &str) -> ListKind {
    match marker.chars().next() {
        Some(c) if c.is_ascii_digit() => ListKind::Decimal,
        Some(c) if c.is_ascii_lowercase() => ListKind::Letter,
        _ => ListKind::Bullet,
    }
}

fn write_table(body: &mut Body, run: &mut Vec<Line>, table: &TableDiff) {
    let change = mark_of(table.status).unwrap_or(Change::Same);
    if !table.caption.is_empty() {
        run.push(Line {
            para: Para {
                style: "Caption",
                mark: mark_of(table.status),
                ..Para::default()
            },
            bookmark: None,
            label: None,
            spans: marked(&table.caption),
        });
    }
    write_run(body, run);
    let widths = column_widths(&table.widths, table.header.len(), body.width);
    body.start_table(&widths, true);
    body.start_row(true, change);
    for (cell, &width) in table.header.iter().zip(&widths) {
        let mut lines = vec![Line {
            para: Para {
                style: "TableText",
                ..Para::default()
            },
            bookmark: None,
            label: None,
            spans: marked(cell),
        }];
        write_cell(body, width, |body| write_run(body, &mut lines));
    }
    body.end_row();
    for row in &table.rows {
        let row_change = match change {
            Change::Same => mark_of(row.status).unwrap_or(Change::Same),
            whole => whole,
        };
        body.start_row(false, row_change);
        for (index, &width) in widths.iter().enumerate() {
            let mut lists = Lists::default();
            let mut lines: Vec<Line> = row.cells.get(index).map_or_else(Vec::new, |cell| {
                (cell.iter())
                    .map(|line| lists.line(body, line, "TableText"))
                    .collect()
            });
            write_cell(body, width, |body| write_run(body, &mut lines));
        }
        body.end_row();
    }
    body.end_table();
}

/// Writes the paragraphs of one run (up to a table, or the end of a cell
/// or of the body), the last one's mark never inserted or deleted. Where
/// every paragraph of a run is inserted or deleted, one view keeps an
/// empty paragraph: Word has no way to drop a run's last mark.
fn write_run(body: &mut Body, run: &mut Vec<Line>) {
    let count = run.len();
    if run.last().is_some_and(|line| line.para.mark.is_some()) {
        let start = run
            .iter()
            .rposition(|line| line.para.mark.is_none())
            .map_or(0, |kept| kept + 1);
        // Each mark of the trailing run moves to the paragraph before it.
        for index in start.max(1)..count {
            run[index - 1].para.mark = run[index].para.mark;
        }
        run[count - 1].para.mark = None;
    }
    for line in run.drain(..) {
        let para = Para {
            bookmark: line.bookmark.as_deref(),
            ..line.para
        };
        body.start_paragraph(&para);
        write_label(body, line.label.as_deref());
        for (change, text) in &line.spans {
            for (index, piece) in text.split('\n').enumerate() {
                if index > 0 {
                    body.line_break(*change);
                }
                body.text(piece, Style::default(), *change);
            }
        }
        body.end_paragraph();
    }
}
