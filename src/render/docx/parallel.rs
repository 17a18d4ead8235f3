//! The parallel edition in Word: each clause and sub-clause in a row of a
//! borderless two-column table, the binding text on the left and its
//! translation on the right (set in its language), so that both start
//! level; annexes, the history and the signatures, whose tables do not
//! fit half a page, stacked, the binding text first.

use crate::model::{Document, Section, SectionKind};
use crate::render::docx::xml::{Body, column_widths};
use crate::render::docx::{Side, write_blocks, write_cell, write_heading, write_section};

/// The body of `document` beside `translation`, whose sections are in the
/// same order (`compose::parallel`).
pub(super) fn write(body: &mut Body, document: &Document, translation: &Document) {
    let lang = translation.lang.to_string();
    let widths = column_widths(&[], 2, body.width);
    let mut table_open = false;
    for (binding, translated) in document.sections.iter().zip(&translation.sections) {
        if binding.kind.starts_page() {
            if table_open {
                body.end_table();
                table_open = false;
            }
            write_section(body, binding, 1, Side::Text);
            body.set_lang(Some(lang.clone()));
            write_section(body, translated, 1, Side::Translation);
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
    let sides = [(binding, Side::Text), (translated, Side::Translation)];
    for ((section, side), &width) in sides.into_iter().zip(widths) {
        write_cell(body, width, |body| {
            body.set_lang((side == Side::Translation).then(|| lang.to_string()));
            if section.kind != SectionKind::Preamble {
                write_heading(body, section, level, side);
            }
            write_blocks(body, &section.blocks, 0, "");
            body.set_lang(None);
        });
    }
    body.end_row();
    for (child, translated_child) in binding.children.iter().zip(&translated.children) {
        pair(body, child, translated_child, level + 1, lang, widths);
    }
}
