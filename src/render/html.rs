//! Standalone HTML pages: the page skeleton is a tera template (autoescaped),
//! the body is written here from the model with every string escaped.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt::Write;

use serde::Serialize;
use tera::{Context, Tera};

use crate::corpus::links::{self, Target};
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::model::{Block, Document, Inline, ListStyle, Section, SectionKind, Signatory, Table};
use crate::render::{Format, Rendered, Renderer, Slot, artifact_path, relative_href};

const TEMPLATE: &str = include_str!("../../templates/document.html");
pub const STYLESHEET: &str = include_str!("../../templates/document.css");
/// The signature page's style, in a client's copy only.
const CLIENT_STYLESHEET: &str = include_str!("../../templates/client.css");
const REDLINE_TEMPLATE: &str = include_str!("../../templates/redline.html");
const NOTICE_TEMPLATE: &str = include_str!("../../templates/notice.html");
const INDEX_TEMPLATE: &str = include_str!("../../templates/index.html");

pub struct HtmlRenderer {
    tera: Tera,
}

impl HtmlRenderer {
    pub fn new() -> HtmlRenderer {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.add_raw_templates([
            ("document.html", TEMPLATE),
            ("redline.html", REDLINE_TEMPLATE),
            ("notice.html", NOTICE_TEMPLATE),
            ("index.html", INDEX_TEMPLATE),
        ])
        .expect("the built-in HTML templates are valid");
        HtmlRenderer { tera }
    }
}

impl HtmlRenderer {
    /// Renders one of the built-in templates; `what` names the page in
    /// messages.
    pub fn page(
        &self,
        template: &str,
        context: &Context,
        what: &str,
    ) -> Result<String, Box<Diagnostic>> {
        self.tera.render(template, context).map_err(|error| {
            Box::new(Diagnostic::error(
                Code::Internal,
                format!("HTML template failed for {what}: {error:?}"),
            ))
        })
    }
}

impl Default for HtmlRenderer {
    fn default() -> Self {
        Self::new()
    }
}

/// A link to the same document in another language.
#[derive(Serialize)]
struct Alternate {
    lang: Lang,
    href: String,
    label: String,
}

/// A table of contents entry.
#[derive(Serialize)]
struct TocEntry {
    id: String,
    heading: String,
    children: Vec<TocEntry>,
}

impl Renderer for HtmlRenderer {
    fn format(&self) -> Format {
        Format::Html
    }

    fn render(&self, document: &Document, slot: Slot) -> Result<Rendered, Box<Diagnostic>> {
        let here = artifact_path(&document.id, document.lang, Format::Html, slot);
        let relative = |lang: Lang, format: Format| {
            relative_href(&here, &artifact_path(&document.id, lang, format, slot))
        };
        let alternates: Vec<Alternate> = document
            .languages
            .iter()
            .copied()
            .filter(|&lang| lang != document.lang)
            .map(|lang| Alternate {
                lang,
                href: relative(lang, Format::Html),
                label: (document.labels.editions.get(&lang))
                    .unwrap_or(&document.labels.other_language)
                    .clone(),
            })
            .collect();
        let toc: Vec<TocEntry> = document
            .sections
            .iter()
            .filter(|section| section.kind != SectionKind::Preamble)
            .map(|section| TocEntry {
                id: section.id.clone(),
                heading: section.heading.clone(),
                children: section
                    .children
                    .iter()
                    .map(|child| TocEntry {
                        id: child.id.clone(),
                        heading: child.heading.clone(),
                        children: Vec::new(),
                    })
                    .collect(),
            })
            .collect();
        let version_href = |version: &str| {
            let target = Slot::Version(version);
            relative_href(
                &here,
                &artifact_path(&document.id, document.lang, Format::Html, target),
            )
        };
        // The pages of the versions are the only links not written in the
        // document itself. A fragment is embedded elsewhere: its relative
        // links would not resolve there.
        let mut versions = BTreeSet::new();
        let sections: Vec<Cow<Section>> = document
            .sections
            .iter()
            .map(|section| match section.kind {
                SectionKind::History if slot.in_site() => {
                    Cow::Owned(link_versions(section, version_href, &mut versions))
                }
                _ => Cow::Borrowed(section),
            })
            .collect();
        let ids = links::section_ids(&document.sections);
        // Another document is linked at its page in the same language,
        // except from a fragment, embedded where that page is not.
        let publish = |url: &str| match links::target(url) {
            _ if links::is_published(url, &ids) || versions.contains(url) => Some(url.to_string()),
            Ok(Target::Document(id)) if slot.in_site() => Some(relative_href(
                &here,
                &artifact_path(id, document.lang, Format::Html, Slot::Latest),
            )),
            _ => None,
        };
        let mut body = String::new();
        for section in &sections {
            write_section(&mut body, section, 2, &publish);
        }
        let mut context = Context::new();
        context.insert("doc", document);
        context.insert("self_href", &relative(document.lang, Format::Html));
        context.insert("pdf_href", &relative(document.lang, Format::Pdf));
        context.insert("docx_href", &relative(document.lang, Format::Docx));
        context.insert("alternates", &alternates);
        context.insert("toc", &toc);
        context.insert("body", &body);
        context.insert("stylesheet", STYLESHEET);
        context.insert("client_stylesheet", CLIENT_STYLESHEET);
        context.insert("fragment", &(slot == Slot::Fragment));
        let html = self.page("document.html", &context, &here)?;
        Ok(Rendered {
            bytes: html.into_bytes(),
            sources: Vec::new(),
            warnings: Vec::new(),
        })
    }
}

/// The version history with each version linked to its page, adding each
/// link's destination to `hrefs`.
fn link_versions(
    history: &Section,
    href: impl Fn(&str) -> String,
    hrefs: &mut BTreeSet<String>,
) -> Section {
    let mut linked = history.clone();
    for block in &mut linked.blocks {
        let Block::Table(table) = block else { continue };
        for row in &mut table.rows {
            if let Some([Block::Paragraph { inlines }]) = row.first_mut().map(Vec::as_mut_slice)
                && let [Inline::Text { text }] = inlines.as_slice()
            {
                let url = href(text);
                hrefs.insert(url.clone());
                *inlines = vec![Inline::Link {
                    url,
                    inlines: vec![Inline::text(text.clone())],
                }];
            }
        }
    }
    linked
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Where a link goes in the page, or `None` to keep only its text: the
/// one link policy, which renderers apply again whatever their input.
pub type Publish<'a> = &'a dyn Fn(&str) -> Option<String>;

fn write_section(out: &mut String, section: &Section, level: usize, publish: Publish) {
    let id = escape(&section.id);
    if section.kind == SectionKind::Preamble {
        out.push_str("<section id=\"preamble\" class=\"preamble\">\n");
        write_blocks(out, &section.blocks, publish);
        out.push_str("</section>\n");
        return;
    }
    let level = level.min(6);
    let _ = write!(
        out,
        "<section id=\"{id}\" class=\"{kind}\">\n<h{level}><a class=\"anchor\" href=\"#{id}\">{heading}</a></h{level}>\n",
        kind = section.kind.name(),
        heading = escape(&section.heading),
    );
    write_blocks(out, &section.blocks, publish);
    for child in &section.children {
        write_section(out, child, level + 1, publish);
    }
    out.push_str("</section>\n");
}

fn write_blocks(out: &mut String, blocks: &[Block], publish: Publish) {
    for block in blocks {
        match block {
            Block::Paragraph { inlines } => {
                out.push_str("<p>");
                write_inlines(out, inlines, publish);
                out.push_str("</p>\n");
            }
            Block::Label { inlines } => {
                out.push_str("<p class=\"label\"><strong>");
                write_inlines(out, inlines, publish);
                out.push_str("</strong></p>\n");
            }
            Block::List { style, items } => {
                let open = match style {
                    ListStyle::Bullet => "<ul>",
                    ListStyle::Numbered => "<ol>",
                    ListStyle::Lettered => "<ol type=\"a\">",
                };
                let close = if *style == ListStyle::Bullet {
                    "</ul>\n"
                } else {
                    "</ol>\n"
                };
                out.push_str(open);
                out.push('\n');
                for item in items {
                    out.push_str("<li>");
                    write_compact(out, item, publish);
                    out.push_str("</li>\n");
                }
                out.push_str(close);
            }
            Block::Table(table) => write_table(out, table, publish),
            Block::Signatures { signatories } => write_signatures(out, signatories),
        }
    }
}

/// One block per party, side by side: who signs, then a space to sign.
fn write_signatures(out: &mut String, signatories: &[Signatory]) {
    out.push_str("<div class=\"signatories\">\n");
    for signatory in signatories {
        let _ = writeln!(
            out,
            "<div class=\"signatory\"><p class=\"role\">{}</p>\n<p><strong>{}</strong></p>",
            escape(&signatory.role),
            escape(&signatory.party)
        );
        for line in &signatory.lines {
            let _ = writeln!(out, "<p>{}</p>", escape(line));
        }
        let _ = writeln!(
            out,
            "<p class=\"signature\">{}</p>\n</div>",
            escape(&signatory.signature)
        );
    }
    out.push_str("</div>\n");
}

/// A list item or table cell: a lone paragraph is written without `<p>`.
fn write_compact(out: &mut String, blocks: &[Block], publish: Publish) {
    match blocks {
        [Block::Paragraph { inlines }] => write_inlines(out, inlines, publish),
        _ => write_blocks(out, blocks, publish),
    }
}

pub fn write_table(out: &mut String, table: &Table, publish: Publish) {
    let _ = writeln!(
        out,
        "<div class=\"table\"><table>\n<caption>{}</caption>",
        escape(&table.caption)
    );
    out.push_str("<thead><tr>");
    for cell in &table.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(cell));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            // A cell holding only a label names its row, as in annex B.
            if let [Block::Label { inlines }] = cell.as_slice() {
                out.push_str("<th scope=\"row\">");
                write_inlines(out, inlines, publish);
                out.push_str("</th>");
            } else {
                out.push_str("<td>");
                write_compact(out, cell, publish);
                out.push_str("</td>");
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
}

fn write_inlines(out: &mut String, inlines: &[Inline], publish: Publish) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => out.push_str(&escape(text)),
            Inline::Strong { inlines } => {
                out.push_str("<strong>");
                write_inlines(out, inlines, publish);
                out.push_str("</strong>");
            }
            Inline::Emphasis { inlines } => {
                out.push_str("<em>");
                write_inlines(out, inlines, publish);
                out.push_str("</em>");
            }
            Inline::Link { url, inlines } => match publish(url) {
                Some(href) => {
                    let _ = write!(out, "<a href=\"{}\">", escape(&href));
                    write_inlines(out, inlines, publish);
                    out.push_str("</a>");
                }
                None => write_inlines(out, inlines, publish),
            },
            Inline::Break => out.push_str("<br>"),
        }
    }
}
