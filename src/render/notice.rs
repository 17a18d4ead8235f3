//! Client notices as HTML and as PDF, bilingual: one part per language.

use std::collections::BTreeSet;

use serde::Serialize;
use tera::Context;

use crate::corpus::links;
use crate::diagnostic::Diagnostic;
use crate::render::Format;
use crate::render::html::{HtmlRenderer, STYLESHEET, write_table};
use crate::render::pdf::compile;
use crate::render::world::NOTICE_TEMPLATE;
use crate::versions::notice::{ClientNotice, NoticePart};

/// A part with its tables written as HTML.
#[derive(Serialize)]
struct HtmlPart<'a> {
    part: &'a NoticePart,
    tables: String,
}

/// The formats a notice is written in: a letter to read and to print.
pub const FORMATS: [Format; 2] = [Format::Pdf, Format::Html];

/// The notice in `format`, one of [`FORMATS`].
pub fn render(
    notice: &ClientNotice,
    format: Format,
    renderer: &HtmlRenderer,
) -> Result<Vec<u8>, Box<Diagnostic>> {
    let notice = &notice.typeset();
    match format {
        Format::Html => html(renderer, notice),
        Format::Pdf => pdf(notice),
        Format::Docx => Err(Box::new(Diagnostic::error(
            crate::diagnostic::Code::Internal,
            "notices are written as PDF and HTML only",
        ))),
    }
}

/// The notice as a standalone HTML page.
fn html(renderer: &HtmlRenderer, notice: &ClientNotice) -> Result<Vec<u8>, Box<Diagnostic>> {
    let parts: Vec<HtmlPart> = notice
        .parts
        .iter()
        .map(|part| {
            // A notice has no sections: it links to web pages and addresses only.
            let publish =
                |url: &str| links::is_published(url, &BTreeSet::new()).then(|| url.to_string());
            let mut tables = String::new();
            for table in &part.tables {
                write_table(&mut tables, table, &publish);
            }
            HtmlPart { part, tables }
        })
        .collect();
    let mut context = Context::new();
    context.insert("notice", notice);
    context.insert("parts", &parts);
    context.insert("stylesheet", STYLESHEET);
    let what = format!("the notice of {} {}", notice.document, notice.to);
    Ok(renderer.page("notice.html", &context, &what)?.into_bytes())
}

/// The notice as an A4 PDF.
fn pdf(notice: &ClientNotice) -> Result<Vec<u8>, Box<Diagnostic>> {
    let data = serde_json::to_vec(notice).expect("notices serialize to JSON");
    let mut ident = format!(
        "clausier/{}/notice/{}-{}",
        notice.document, notice.from, notice.to
    );
    if let Some(client) = &notice.client {
        ident.push('/');
        ident.push_str(client);
    }
    let name = format!("the notice of {} {}", notice.document, notice.to);
    let (bytes, _) = compile(NOTICE_TEMPLATE, data, &notice.date, ident, &name)?;
    Ok(bytes)
}
