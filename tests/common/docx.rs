//! Word files read back: a part of the package as text, and the text of
//! the body's paragraphs with tracked changes accepted or rejected, as
//! Word applies them.

use std::fs;
use std::io::Read;
use std::path::Path;

/// A part of a `.docx` file, as text.
pub fn part(docx: &Path, name: &str) -> String {
    let file = fs::File::open(docx).unwrap_or_else(|e| panic!("{}: {e}", docx.display()));
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{}: no {name}: {e}", docx.display()))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// How to read tracked changes.
#[derive(Clone, Copy, PartialEq)]
pub enum View {
    /// Every revision accepted (and a file without any, as it is).
    Accepted,
    Rejected,
}

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

pub fn is(node: roxmltree::Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

/// The text of every paragraph of the body, the table of contents left out
/// (Word makes it again), as Word shows it with every revision accepted
/// or rejected: a paragraph whose mark goes joins the next one. Ordinary
/// spaces are collapsed (no-break spaces and line breaks are kept); empty
/// paragraphs are kept, as Word keeps them.
pub fn paragraphs(docx: &Path, view: View) -> Vec<String> {
    let xml = part(docx, "word/document.xml");
    let document = roxmltree::Document::parse(&xml).unwrap();
    let body = document
        .descendants()
        .find(|n| is(*n, "body"))
        .expect("a body");
    let mut out = Vec::new();
    container(body, view, &mut out);
    out.into_iter()
        .map(|p| {
            // Spaces (not no-break ones) collapsed, line breaks kept.
            let lines = p.split('\n');
            let lines = lines.map(|l| l.split_ascii_whitespace().collect::<Vec<_>>().join(" "));
            lines.collect::<Vec<_>>().join("\n")
        })
        .collect()
}

/// The paragraphs of a body or cell, and of its tables' rows. Word keeps
/// the last mark of a run of paragraphs (before a table, at the end of a
/// cell or of the body) whatever its revision says.
fn container(node: roxmltree::Node, view: View, out: &mut Vec<String>) {
    let mut carried: Option<String> = None;
    for child in node.children() {
        if is(child, "p") {
            let (text, mark) = paragraph(child, view);
            let mut text_so_far = carried.take().unwrap_or_default();
            text_so_far.push_str(&text);
            let goes = match view {
                View::Accepted => mark == Some("del"),
                View::Rejected => mark == Some("ins"),
            };
            match goes {
                true => carried = Some(text_so_far),
                false => out.push(text_so_far),
            }
        } else if is(child, "tbl") {
            out.extend(carried.take());
            for row in child.children().filter(|n| is(*n, "tr")) {
                let revision = row
                    .children()
                    .find(|n| is(*n, "trPr"))
                    .and_then(|p| p.children().find(|n| is(*n, "ins") || is(*n, "del")))
                    .map(|n| n.tag_name().name());
                let gone = match view {
                    View::Accepted => revision == Some("del"),
                    View::Rejected => revision == Some("ins"),
                };
                if !gone {
                    for cell in row.children().filter(|n| is(*n, "tc")) {
                        container(cell, view, out);
                    }
                }
            }
        }
    }
    out.extend(carried);
}

/// A paragraph's text in `view`, and whether its mark is inserted or
/// deleted (`ins`, `del`).
fn paragraph<'a>(p: roxmltree::Node<'a, 'a>, view: View) -> (String, Option<&'a str>) {
    let mark = p
        .children()
        .find(|n| is(*n, "pPr"))
        .and_then(|ppr| ppr.children().find(|n| is(*n, "rPr")))
        .and_then(|rpr| rpr.children().find(|n| is(*n, "ins") || is(*n, "del")))
        .map(|n| n.tag_name().name());
    let mut text = String::new();
    let hidden = match view {
        View::Accepted => "del",
        View::Rejected => "ins",
    };
    for node in p.descendants() {
        if node.ancestors().any(|a| is(a, hidden) || is(a, "pPr")) {
            continue;
        }
        if is(node, "t") || is(node, "delText") {
            text.push_str(node.text().unwrap_or_default());
        } else if is(node, "tab") {
            text.push(' ');
        } else if is(node, "br") {
            text.push('\n');
        }
    }
    (text, mark)
}

/// The first line of the first cell of each row (after the header) of the
/// first table after the heading that starts with `heading`.
pub fn first_cells_after(docx: &Path, heading: &str) -> Vec<String> {
    let xml = part(docx, "word/document.xml");
    let document = roxmltree::Document::parse(&xml).unwrap();
    let body = document.descendants().find(|n| is(*n, "body")).unwrap();
    let text = |node: roxmltree::Node| -> String {
        node.descendants()
            .filter(|n| is(*n, "t"))
            .filter_map(|n| n.text())
            .collect()
    };
    let mut children = body
        .children()
        .skip_while(|n| !(is(*n, "p") && text(*n).starts_with(heading)));
    let table = children
        .find(|n| is(*n, "tbl"))
        .unwrap_or_else(|| panic!("{}: no table after {heading}", docx.display()));
    table
        .children()
        .filter(|n| is(*n, "tr"))
        .skip(1)
        .filter_map(|row| {
            let cell = row.children().find(|n| is(*n, "tc"))?;
            let first = cell.children().find(|n| is(*n, "p"))?;
            Some(text(first))
        })
        .collect()
}

/// The text of the paragraphs in one of Word's heading styles.
pub fn headings(docx: &Path) -> Vec<String> {
    let xml = part(docx, "word/document.xml");
    let document = roxmltree::Document::parse(&xml).unwrap();
    document
        .descendants()
        .filter(|n| is(*n, "p"))
        .filter(|p| {
            p.descendants().any(|n| {
                is(n, "pStyle")
                    && n.attribute((W, "val"))
                        .is_some_and(|v| v.starts_with("Heading"))
            })
        })
        .map(|p| {
            p.descendants()
                .filter(|n| is(*n, "t"))
                .filter_map(|n| n.text())
                .collect()
        })
        .collect()
}

/// Every part of a `.docx` file, decompressed, one after the other: what
/// a search for a text must read.
pub fn package_text(docx: &Path) -> String {
    let file = fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    for index in 0..zip.len() {
        zip.by_index(index)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
    }
    text
}
