//! A4 PDFs laid out by typst, used as a library. The template is fixed;
//! the document arrives as JSON data, so no text can change the layout or
//! run code.

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::corpus::date::Date;
use crate::corpus::links;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Document;
use crate::render::world::{DocumentWorld, TEMPLATE};
use crate::render::{Format, Rendered, Renderer, Slot};

/// The standards every PDF conforms to: archival (PDF/A-2a, which requires
/// tagged structure) and accessible (PDF/UA-1).
const STANDARDS: [PdfStandard; 2] = [PdfStandard::A_2a, PdfStandard::Ua_1];

#[derive(Default)]
pub struct PdfRenderer;

impl Renderer for PdfRenderer {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn render(&self, document: &Document, _slot: Slot) -> Result<Rendered, Box<Diagnostic>> {
        // The typst data never holds a link the policy refuses.
        let document = links::published(document);
        let name = format!("{} ({})", document.id, document.lang);
        let date = &document.effective_date;
        // Compact when it then fits in the pages the document allows; the
        // full layout otherwise.
        let compact = document.compact_up_to.and_then(|most| {
            let data = layout_data(&document, "compact");
            match lay_out(TEMPLATE, data.clone(), date, &name) {
                Ok(laid) if laid.0.pages().len() <= most as usize => Some(Ok((laid, data))),
                Ok(_) => None,
                Err(error) => Some(Err(error)),
            }
        });
        let ((paged, warnings), data) = match compact {
            Some(laid) => laid?,
            None => {
                let data = layout_data(&document, "full");
                (lay_out(TEMPLATE, data.clone(), date, &name)?, data)
            }
        };
        let ident = format!(
            "clausier/{}/{}/{}",
            document.id, document.lang, document.version
        );
        let bytes = export(&paged, date, ident, &name)?;
        Ok(Rendered {
            bytes,
            sources: vec![
                ("typ".to_string(), TEMPLATE.as_bytes().to_vec()),
                ("data.json".to_string(), data),
            ],
            warnings,
        })
    }
}

/// The template's data: the document, and the layout to give it (the
/// key is left out for the full layout, as documents were always given).
fn layout_data(document: &Document, layout: &str) -> Vec<u8> {
    if layout == "full" {
        return serde_json::to_vec_pretty(document).expect("documents serialize to JSON");
    }
    let mut value = serde_json::to_value(document).expect("documents serialize to JSON");
    value["layout"] = layout.into();
    serde_json::to_vec_pretty(&value).expect("JSON values serialize")
}

/// Drops what typst memoised and has not used in the last `jobs` layouts
/// (all of it for 0); called after each rendering job
/// (`publish::jobs::render_all`), with how long its caller's jobs go on
/// using what others laid out: the copies of one release share their
/// clauses' layout (the template keeps what names a client out of
/// inherited styles), while the documents of a site share nothing worth
/// its memory. The rest goes soon, and memory stays low.
pub fn forget_layouts(jobs: usize) {
    typst::comemo::evict(jobs);
}

/// Lays out `template` over `data` and exports an archival, accessible PDF
/// dated `date` (`YYYY-MM-DD`), identified by `ident` (stable across
/// builds, so that output is deterministic). `name` says what is built, in
/// messages.
pub fn compile(
    template: &str,
    data: Vec<u8>,
    date: &str,
    ident: String,
    name: &str,
) -> Result<(Vec<u8>, Vec<Diagnostic>), Box<Diagnostic>> {
    let (paged, warnings) = lay_out(template, data, date, name)?;
    Ok((export(&paged, date, ident, name)?, warnings))
}

/// Lays out `template` over `data`, with typst's warnings.
fn lay_out(
    template: &str,
    data: Vec<u8>,
    date: &str,
    name: &str,
) -> Result<(PagedDocument, Vec<Diagnostic>), Box<Diagnostic>> {
    let date = parse_date(date)?;
    let world = DocumentWorld::new(template, data, date);
    let warned = typst::compile::<PagedDocument>(&world);
    let paged = warned
        .output
        .map_err(|errors| typst_failure(name, &errors))?;
    let warnings = warned
        .warnings
        .iter()
        .map(|warning| {
            Diagnostic::warning(
                Code::PdfWarning,
                format!("the PDF of {name}: {}", warning.message),
            )
        })
        .collect();
    Ok((paged, warnings))
}

fn parse_date(date: &str) -> Result<Date, Box<Diagnostic>> {
    Date::parse(date).map_err(|error| Box::new(Diagnostic::error(Code::Internal, error)))
}

/// An archival, accessible PDF of a laid-out document.
fn export(
    paged: &PagedDocument,
    date: &str,
    ident: String,
    name: &str,
) -> Result<Vec<u8>, Box<Diagnostic>> {
    let date = parse_date(date)?;
    let datetime = Datetime::from_ymd(date.year, date.month, date.day).expect("valid date");
    let options = PdfOptions {
        ident: Smart::Custom(ident),
        creator: Smart::Custom(Some("clausier".to_string())),
        timestamp: Some(Timestamp::new_utc(datetime)),
        standards: PdfStandards::new(&STANDARDS).expect("PDF/A-2a and PDF/UA-1 are compatible"),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(paged, &options).map_err(|errors| typst_failure(name, &errors))
}

fn typst_failure(name: &str, errors: &[typst::diag::SourceDiagnostic]) -> Box<Diagnostic> {
    let messages: Vec<String> = errors
        .iter()
        .map(|error| {
            let hints: String = error
                .hints
                .iter()
                .map(|hint| format!(" (hint: {})", hint.v))
                .collect();
            format!("{}{hints}", error.message)
        })
        .collect();
    Box::new(
        Diagnostic::error(Code::Internal, format!(
            "the PDF of {name} could not be laid out: {}",
            messages.join("; ")
        ))
        .with_help(
            "change the text it names; if the problem remains, report it with that text: clausier's template may have a bug",
        ),
    )
}
