//! Redlines as HTML (`<ins>`/`<del>` with a legend) and as PDF (colour plus
//! underline and strike-through, readable in black and white).

use std::fmt::Write;

use tera::Context;

use crate::diagnostic::Diagnostic;
use crate::render::Format;
use crate::render::html::{HtmlRenderer, STYLESHEET, escape};
use crate::render::pdf::compile;
use crate::render::world::REDLINE_TEMPLATE;
use crate::versions::diff::Change;
use crate::versions::redline::{
    BlockDiff, LineDiff, LineStyle, Redline, SectionDiff, Span, Status,
};

const REDLINE_STYLESHEET: &str = include_str!("../../templates/redline.css");

/// The redline in `format`.
pub fn render(
    redline: &Redline,
    format: Format,
    renderer: &HtmlRenderer,
) -> Result<Vec<u8>, Box<Diagnostic>> {
    match format {
        Format::Html => html(renderer, redline),
        Format::Pdf => pdf(redline),
        Format::Docx => Ok(crate::render::docx::redline::render(redline)),
    }
}

/// The redline as a standalone HTML page.
fn html(renderer: &HtmlRenderer, redline: &Redline) -> Result<Vec<u8>, Box<Diagnostic>> {
    let mut body = String::new();
    for section in &redline.sections {
        write_section(&mut body, section, 2, redline);
    }
    let mut context = Context::new();
    context.insert("redline", redline);
    context.insert("body", &body);
    context.insert("stylesheet", &format!("{STYLESHEET}{REDLINE_STYLESHEET}"));
    let what = format!("the redline of {} ({})", redline.document, redline.lang);
    Ok(renderer.page("redline.html", &context, &what)?.into_bytes())
}

/// The redline as an A4 PDF.
fn pdf(redline: &Redline) -> Result<Vec<u8>, Box<Diagnostic>> {
    let data = serde_json::to_vec(redline).expect("redlines serialize to JSON");
    let ident = format!(
        "clausier/{}/{}/{}-{}",
        redline.document, redline.lang, redline.from.version, redline.to.version
    );
    let name = format!("the redline of {} ({})", redline.document, redline.lang);
    let (bytes, _) = compile(
        REDLINE_TEMPLATE,
        data,
        &redline.to.effective_date,
        ident,
        &name,
    )?;
    Ok(bytes)
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Same => "same",
        Status::Changed => "changed",
        Status::Added => "added",
        Status::Removed => "removed",
    }
}

fn write_spans(out: &mut String, spans: &[Span]) {
    for (index, span) in spans.iter().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        let text = escape(&span.text).replace('\n', "<br>");
        match span.change {
            Change::Same => out.push_str(&text),
            Change::Inserted => {
                let _ = write!(out, "<ins>{text}</ins>");
            }
            Change::Deleted => {
                let _ = write!(out, "<del>{text}</del>");
            }
        }
    }
}

fn write_section(out: &mut String, section: &SectionDiff, level: usize, redline: &Redline) {
    let id = escape(&section.id);
    let level = level.min(6);
    let _ = write!(
        out,
        "<section id=\"{id}\" class=\"{} {}\">\n<h{level}>",
        section.kind.name(),
        status_class(section.status)
    );
    write_spans(out, &section.heading);
    let badge = match section.status {
        Status::Added => Some(&redline.labels.added_section),
        Status::Removed => Some(&redline.labels.removed_section),
        Status::Same | Status::Changed => None,
    };
    if let Some(badge) = badge {
        let _ = write!(out, " <span class=\"badge\">({})</span>", escape(badge));
    }
    let _ = writeln!(out, "</h{level}>");
    for block in &section.blocks {
        match block {
            BlockDiff::Line(line) => write_line(out, line),
            BlockDiff::Table(table) => {
                let _ = write!(
                    out,
                    "<div class=\"table\"><table class=\"{}\">\n<caption>",
                    status_class(table.status)
                );
                write_spans(out, &table.caption);
                out.push_str("</caption>\n<thead><tr>");
                for cell in &table.header {
                    out.push_str("<th scope=\"col\">");
                    write_spans(out, cell);
                    out.push_str("</th>");
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in &table.rows {
                    let _ = write!(out, "<tr class=\"{}\">", status_class(row.status));
                    for cell in &row.cells {
                        out.push_str("<td>");
                        for line in cell {
                            write_line(out, line);
                        }
                        out.push_str("</td>");
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table></div>\n");
            }
        }
    }
    for child in &section.children {
        write_section(out, child, level + 1, redline);
    }
    out.push_str("</section>\n");
}

fn write_line(out: &mut String, line: &LineDiff) {
    let style = match line.style {
        LineStyle::Paragraph => "paragraph",
        LineStyle::Label => "label",
        LineStyle::Item => "item",
    };
    let _ = write!(
        out,
        "<p class=\"{style} depth-{} {}\">",
        line.depth.min(3),
        status_class(line.status)
    );
    if !line.marker.is_empty() {
        let _ = write!(out, "{} ", escape(&line.marker));
    }
    if line.style == LineStyle::Label {
        out.push_str("<strong>");
        write_spans(out, &line.spans);
        out.push_str("</strong>");
    } else {
        write_spans(out, &line.spans);
    }
    out.push_str("</p>\n");
}
