//! Word documents (`.docx`): a document, a client's copy or a redline as
//! WordprocessingML, with Word's own structure (Title and Heading styles
//! for the navigation pane, Word lists and tables, a table of contents
//! field, page fields in the footer, the language on the text) and, for
//! redlines, real tracked changes.
//!
//! Written here rather than with `docx-rs`: that crate numbers revisions
//! from a process-wide counter (the bytes would depend on what else the
//! process built), and it cannot set the text's language or repeat a
//! table's header row, which these documents need. What is written is a
//! small, fixed subset of WordprocessingML, checked by the tests (XML
//! parsed, revisions accepted and rejected) and by LibreOffice.

mod cover;
mod package;
mod parallel;
pub mod redline;
mod xml;

use crate::corpus::links;
use crate::diagnostic::Diagnostic;
use crate::model::{Block, Document, Inline, ListStyle, Section, SectionKind, Signatory, Table};
use crate::render::{Format, Rendered, Renderer, Slot};
use crate::versions::diff::Change;
use cover::{CoverLine, cover_lines};
use package::{Properties, TEXT_WIDTH, package};
use xml::{Body, ListKind, Para, Style, column_widths};

#[derive(Default)]
pub struct DocxRenderer;

impl Renderer for DocxRenderer {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn render(&self, document: &Document, _slot: Slot) -> Result<Rendered, Box<Diagnostic>> {
        let document = links::published(document);
        let mut body = Body::new(None, TEXT_WIDTH);
        for line in cover_lines(&document) {
            write_cover_line(&mut body, &line);
        }
        contents(
            &mut body,
            &document.labels.contents,
            &entries(&document.sections),
        );
        match &document.translation {
            Some(translation) => parallel::write(&mut body, &document, translation),
            None => {
                for section in &document.sections {
                    write_section(&mut body, section, 1, Side::Text);
                }
            }
        }
        let bytes = package(&body, &footer(&document), &properties(&document, "", false));
        Ok(Rendered {
            bytes,
            sources: Vec::new(),
            warnings: Vec::new(),
        })
    }
}

/// The core properties of `document`'s file; its title as the PDF's: a
/// parallel edition's names both languages, a client's copy the client.
fn properties<'a>(document: &'a Document, description: &'a str, redline: bool) -> Properties<'a> {
    let mut title = document.title.clone();
    if let Some(translation) = &document.translation {
        title = format!("{title} / {}", translation.title);
    }
    if let Some(copy) = &document.made_out_to {
        title = format!("{title} – {}", copy.name);
    }
    Properties {
        title,
        subject: document.subtitle.as_deref().unwrap_or(&document.title),
        author: &document.author,
        keywords: &document.keywords,
        description,
        lang: document.lang.to_string(),
        date: &document.effective_date,
        version: &document.version,
        track_changes: redline,
    }
}

/// A line of the cover.
fn write_cover_line(body: &mut Body, line: &CoverLine) {
    body.start_paragraph(&Para {
        style: line.style,
        ..Para::default()
    });
    body.set_lang(line.lang.clone());
    write_label(body, line.label.as_deref());
    body.text(&line.text, Style::default(), Change::Same);
    body.set_lang(None);
    body.end_paragraph();
}

/// A cover line's label, bold, and the tab that lines up what follows.
fn write_label(body: &mut Body, label: Option<&str>) {
    if let Some(label) = label {
        body.text(label, bold(), Change::Same);
        body.raw("<w:r><w:tab/></w:r>");
    }
}

fn bold() -> Style {
    Style {
        bold: true,
        ..Style::default()
    }
}

/// An entry of the table of contents: level (1 or 2), anchor, heading.
type Entry = (usize, String, String);

/// The entries of the contents: clauses and annexes, and their parts.
fn entries(sections: &[Section]) -> Vec<Entry> {
    let mut entries = Vec::new();
    for section in sections.iter().filter(|s| s.kind != SectionKind::Preamble) {
        entries.push((1, section.id.clone(), section.heading.clone()));
        let children = section.children.iter();
        entries.extend(children.map(|c| (2, c.id.clone(), c.heading.clone())));
    }
    entries
}

/// The table of contents: Word's field, filled with the headings so that
/// it reads before Word updates it (with page numbers) on opening; the
/// text starts on the next page.
fn contents(body: &mut Body, title: &str, entries: &[Entry]) {
    body.raw(r#"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>"#);
    body.start_paragraph(&Para {
        style: "TOCHeading",
        page_break_before: true,
        ..Para::default()
    });
    body.text(title, Style::default(), Change::Same);
    body.end_paragraph();
    let field = r#"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#;
    let end = r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#;
    for (index, (level, id, heading)) in entries.iter().enumerate() {
        body.start_paragraph(&Para {
            style: if *level == 1 { "TOC1" } else { "TOC2" },
            ..Para::default()
        });
        if index == 0 {
            body.raw(field);
        }
        body.start_link(&format!("#{id}"), false);
        body.text(heading, Style::default(), Change::Same);
        body.end_link();
        if index + 1 == entries.len() {
            body.raw(end);
        }
        body.end_paragraph();
    }
    body.raw("</w:sdtContent></w:sdt>");
    body.break_before_next();
}

/// Which text a section belongs to: the document's own, or the
/// translation beside it in a parallel edition.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Text,
    Translation,
}

impl Side {
    /// The heading style of a section at `level` (1 for clauses and
    /// annexes): a translation's headings look the same but stay out of
    /// the contents and the navigation pane, which list each clause once.
    fn heading_style(self, level: usize) -> &'static str {
        match (self, level) {
            (Side::Text, 1) => "Heading1",
            (Side::Text, 2) => "Heading2",
            (Side::Text, _) => "Heading3",
            (Side::Translation, 1) => "TranslationHeading1",
            (Side::Translation, 2) => "TranslationHeading2",
            (Side::Translation, _) => "TranslationHeading3",
        }
    }

    /// The bookmark links lead to: on the document's own heading only.
    fn bookmark(self, id: &str) -> Option<&str> {
        (self == Side::Text).then_some(id)
    }
}

/// Whether a section at `level` starts a page.
fn starts_page(kind: SectionKind, level: usize) -> bool {
    level == 1 && kind.starts_page()
}

fn write_section(body: &mut Body, section: &Section, level: usize, side: Side) {
    if section.kind != SectionKind::Preamble {
        write_heading(body, section, level, side);
    }
    write_blocks(body, &section.blocks, 0, "");
    for child in &section.children {
        write_section(body, child, level + 1, side);
    }
}

/// A section's heading, in its style, starting a page where it should.
fn write_heading(body: &mut Body, section: &Section, level: usize, side: Side) {
    body.start_paragraph(&Para {
        style: side.heading_style(level),
        bookmark: side.bookmark(&section.id),
        page_break_before: starts_page(section.kind, level),
        ..Para::default()
    });
    body.text(&section.heading, Style::default(), Change::Same);
    body.end_paragraph();
}

/// Blocks at list depth `depth`, in paragraphs of `style` (`TableText` in
/// tables, `Normal` elsewhere).
fn write_blocks(body: &mut Body, blocks: &[Block], depth: usize, style: &str) {
    for block in blocks {
        match block {
            Block::Paragraph { inlines } => {
                let para = Para {
                    style,
                    indent: depth,
                    ..Para::default()
                };
                write_inlines_paragraph(body, &para, inlines);
            }
            Block::Label { inlines } => {
                let para = Para {
                    style: "Label",
                    indent: depth,
                    ..Para::default()
                };
                write_inlines_paragraph(body, &para, inlines);
            }
            Block::List { style: kind, items } => {
                let list = body.new_list(list_kind(*kind));
                for item in items {
                    write_item(body, item, list, depth, style);
                }
            }
            Block::Table(table) => write_table(body, table),
            Block::Signatures { signatories } => write_signatures(body, signatories),
        }
    }
}

fn list_kind(style: ListStyle) -> ListKind {
    match style {
        ListStyle::Bullet => ListKind::Bullet,
        ListStyle::Numbered => ListKind::Decimal,
        ListStyle::Lettered => ListKind::Letter,
    }
}

/// A list item: its first paragraph numbered, the rest indented under it.
fn write_item(body: &mut Body, item: &[Block], list: usize, depth: usize, style: &str) {
    let mut rest = item;
    if let Some((Block::Paragraph { inlines }, tail)) = item.split_first() {
        let para = Para {
            style: item_style(style),
            numbering: Some((list, depth)),
            ..Para::default()
        };
        write_inlines_paragraph(body, &para, inlines);
        rest = tail;
    }
    write_blocks(body, rest, depth + 1, style);
}

/// The style of a list item among paragraphs of `style` (`TableText` in
/// tables, `Normal` elsewhere).
fn item_style(style: &str) -> &str {
    if style.is_empty() {
        "ListParagraph"
    } else {
        style
    }
}

fn write_inlines_paragraph(body: &mut Body, para: &Para, inlines: &[Inline]) {
    body.start_paragraph(para);
    write_inlines(body, inlines, Style::default());
    body.end_paragraph();
}

fn write_inlines(body: &mut Body, inlines: &[Inline], style: Style) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => body.text(text, style, Change::Same),
            Inline::Strong { inlines } => write_inlines(
                body,
                inlines,
                Style {
                    bold: true,
                    ..style
                },
            ),
            Inline::Emphasis { inlines } => write_inlines(
                body,
                inlines,
                Style {
                    italic: true,
                    ..style
                },
            ),
            Inline::Link { url, inlines } => {
                body.start_link(url, true);
                write_inlines(body, inlines, style);
                body.end_link();
            }
            Inline::Break => body.line_break(Change::Same),
        }
    }
}

fn write_table(body: &mut Body, table: &Table) {
    if !table.caption.is_empty() {
        body.paragraph(
            &Para {
                style: "Caption",
                ..Para::default()
            },
            &table.caption,
        );
    }
    let columns = (table.rows.iter()).fold(table.header.len(), |n, row| n.max(row.len()));
    if columns == 0 {
        return;
    }
    let widths = column_widths(&table.widths, columns, body.width);
    body.start_table(&widths, true);
    body.start_row(true, Change::Same);
    for (index, &width) in widths.iter().enumerate() {
        body.start_cell(width);
        let cell = table.header.get(index).map_or("", String::as_str);
        body.paragraph(
            &Para {
                style: "TableText",
                ..Para::default()
            },
            cell,
        );
        body.end_cell();
    }
    body.end_row();
    for row in &table.rows {
        body.start_row(false, Change::Same);
        for (index, &width) in widths.iter().enumerate() {
            let cell = row.get(index).map_or(&[][..], Vec::as_slice);
            write_cell(body, width, |body| write_blocks(body, cell, 0, "TableText"));
        }
        body.end_row();
    }
    body.end_table();
}

/// A cell `width` wide whose content `write` writes, tables in it no
/// wider than it.
fn write_cell(body: &mut Body, width: u32, write: impl FnOnce(&mut Body)) {
    body.start_cell(width);
    let outer = std::mem::replace(&mut body.width, width.saturating_sub(200));
    write(body);
    body.width = outer;
    body.end_cell();
}

/// The signature blocks side by side: who signs, and a blank to sign in.
fn write_signatures(body: &mut Body, signatories: &[Signatory]) {
    if signatories.is_empty() {
        return;
    }
    let widths = column_widths(&[], signatories.len(), body.width);
    body.start_table(&widths, false);
    body.start_row(false, Change::Same);
    for (signatory, &width) in signatories.iter().zip(&widths) {
        body.start_cell(width);
        let left = Para {
            style: "TableText",
            ..Para::default()
        };
        body.start_paragraph(&left);
        body.text(&signatory.role, bold(), Change::Same);
        body.end_paragraph();
        body.paragraph(&left, &signatory.party);
        for line in &signatory.lines {
            body.paragraph(&left, line);
        }
        body.paragraph(&left, &signatory.signature);
        body.start_paragraph(&left);
        if let Some(anchor) = &signatory.anchor {
            let hidden = Style {
                hidden_anchor: true,
                ..Style::default()
            };
            body.text(anchor, hidden, Change::Same);
        }
        for _ in 0..4 {
            body.line_break(Change::Same);
        }
        body.end_paragraph();
        body.end_cell();
    }
    body.end_row();
    body.end_table();
}

/// The footer: title, version, date, language, "Page X / Y", the client a
/// copy is made out to, and the language notice.
fn footer(document: &Document) -> Body {
    let mut footer = Body::new(None, TEXT_WIDTH);
    let para = Para {
        style: "Footer",
        ..Para::default()
    };
    let labels = &document.labels;
    footer.start_paragraph(&para);
    let line = format!(
        "{} · {} {} · {} · {} {} · {} ",
        document.title,
        labels.version,
        document.version,
        document.effective_date_text,
        labels.language,
        document.lang.to_string().to_uppercase(),
        labels.page,
    );
    footer.text(&line, Style::default(), Change::Same);
    footer.field("PAGE", "1");
    footer.text(" / ", Style::default(), Change::Same);
    footer.field("NUMPAGES", "1");
    footer.end_paragraph();
    if let Some(copy) = &document.made_out_to {
        footer.paragraph(&para, &copy.footer);
    }
    footer.paragraph(&para, &document.language_notice.short);
    footer
}
