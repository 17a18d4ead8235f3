//! The parallel edition in Word: each clause and sub-clause in a row of a
//! borderless two-column table, the binding text on the left and its
//! translation on the right (set in its language), so that both start
//! level; annexes, the history and the signatures, whose tables do not
//! fit half a page, stacked, the binding text first.

use crate::model::{Block, Document, Section, SectionKind};
use crate::render::docx::package::TEXT_WIDTH;
use crate::render::docx::xml::{Body, Para, Style, column_widths};
use crate::render::docx::{heading_style, write_blocks, write_section};
use crate::versions::diff::Change;

/// The body of `document` beside `translation`, whose sections are in the
/// same order (`Document::parallel`).
pub(super) fn write(body: &mut Body, document: &Document, translation: &Document) {
    let lang = translation.lang.to_string();
    let widths = column_widths(&[], 2, TEXT_WIDTH);
    let mut table_open = false;
    for (binding, translated) in document.sections.iter().zip(&translation.sections) {
        let stacked = matches!(
            binding.kind,
            SectionKind::Annex | SectionKind::History | SectionKind::Signatures
        );
        if stacked {
            if table_open {
                body.end_table();
                table_open = false;
            }
            write_section(body, binding, 1);
            body.set_lang(Some(lang.clone()));
            write_section(body, translated, 1);
            body.set_lang(None);
        } else {
            if !table_open {
                body.start_table(&widths, false);
                table_open = true;
            }
            pair(body, binding, translated, 1, &lang, &widths);
        }
    }
    if table_open {
        body.end_table();
    }
}

/// A row with a section beside its translation, then a row per part.
fn pair(
    body: &mut Body,
    binding: &Section,
    translated: &Section,
    level: usize,
    lang: &str,
    widths: &[u32],
) {
    body.start_breakable_row();
    for (section, translation) in [(binding, None), (translated, Some(lang))] {
        body.start_cell(widths[0]);
        body.set_lang(translation.map(str::to_string));
        if section.kind != SectionKind::Preamble {
            // Internal links point at the binding text's headings.
            let bookmark = translation.is_none().then_some(section.id.as_str());
            body.start_paragraph(&Para {
                style: heading_style(level),
                bookmark,
                ..Para::default()
            });
            body.text(&section.heading, Style::default(), Change::Same);
            body.end_paragraph();
        }
        write_blocks(body, &section.blocks, 0, "");
        // A cell ends with a paragraph: after a table, or when empty.
        let ends_with_paragraph = match section.blocks.last() {
            Some(Block::Table(_) | Block::Signatures { .. }) => false,
            Some(_) => true,
            None => section.kind != SectionKind::Preamble,
        };
        if !ends_with_paragraph {
            body.paragraph(&Para::default(), "");
        }
        body.set_lang(None);
        body.end_cell();
    }
    body.end_row();
    for (child, translated_child) in binding.children.iter().zip(&translated.children) {
        pair(body, child, translated_child, level + 1, lang, widths);
    }
}
