//! The one link policy, applied where a link is written (Markdown) and
//! again by every renderer: a published document links to web pages, to
//! e-mail addresses, to its own sections and to the other documents of its
//! corpus, nothing else (no script, no file, no address a reader cannot
//! see).

use std::collections::BTreeSet;

use crate::corpus::SourceFile;
use crate::corpus::values;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, did_you_mean_help};
use crate::model::{Block, Document, Inline, Section};
use crate::text;

/// What an allowed link points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// An `https://` or `http://` page, or a `mailto:` address.
    External,
    /// A section of the same document, by its id.
    Section(&'a str),
    /// Another document of the corpus, by its id (`privacy`): the HTML
    /// page links to that document's page in the same language.
    Document(&'a str),
}

/// What clausier publishes, for the help of every refused link.
pub const ALLOWED: &str = "a link may go to a web page (`https://…`), an e-mail address (`mailto:name@example.com`), a section of this document (`#clause-id`) or another document by its id (`privacy`)";

/// Where `url` points, or why clausier does not publish it (a message
/// and a help).
pub fn target(url: &str) -> Result<Target<'_>, (String, String)> {
    let refused = |why: &str| {
        let message = match url {
            "" => "this link has no destination".to_string(),
            _ => format!("this link goes to `{url}`, which clausier does not publish{why}"),
        };
        Err((message, ALLOWED.to_string()))
    };
    if let Some(why) = unwritable(url) {
        return refused(why);
    }
    if let Some(id) = url.strip_prefix('#') {
        return match text::is_slug(id) {
            true => Ok(Target::Section(id)),
            false => refused(": `#` must be followed by the id of a section"),
        };
    }
    if text::is_slug(url) {
        return Ok(Target::Document(url));
    }
    if let Some(address) = url.strip_prefix("mailto:") {
        return match values::is_plain_address(address) {
            true => Ok(Target::External),
            false => refused(
                ": `mailto:` must be followed by one plain e-mail address, with nothing after it",
            ),
        };
    }
    match web_page(url) {
        Ok(()) => Ok(Target::External),
        Err(why) => refused(why),
    }
}

/// Why `url` cannot be written in a published link, whatever it points
/// to: a character that would read differently than it works.
fn unwritable(url: &str) -> Option<&'static str> {
    url.chars()
        .any(|c| {
            c.is_whitespace()
                || text::character_problem(c).is_some()
                || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
        })
        .then_some(": a web address has no spaces, quotes, angle brackets or invisible characters")
}

/// Whether `url` is a web page clausier links to: `https://` or
/// `http://`, a site named in ASCII, no user name, nothing a reader cannot
/// see. Links in clauses and web addresses in facts follow this one
/// policy. The error is why not, to append to a message (empty when it
/// is not a web address at all).
pub fn web_page(url: &str) -> Result<(), &'static str> {
    if let Some(why) = unwritable(url) {
        return Err(why);
    }
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return Err("");
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(
            ": the site must come right after `https://`, without a name and `@` before it",
        );
    }
    let (host, port) = authority.split_once(':').unwrap_or((authority, "1"));
    if !host.is_ascii() {
        return Err(
            ": a site's name is written in ASCII letters, digits and hyphens (`xn--…` for an international name)",
        );
    }
    let port_ok = !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit());
    match is_host(host) && port_ok {
        true => Ok(()),
        false => Err(": a web address names a site after `https://`"),
    }
}

/// A site's name: ASCII labels of letters, digits and hyphens, joined by
/// dots (`www.example.com`, `xn--caf-dma.fr`).
pub fn is_host(host: &str) -> bool {
    host.contains('.')
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Whether a renderer may publish a link to `url` as it is, in a document
/// whose sections have the ids `sections`. A link to another document is
/// not: only a renderer that knows where that document is published (the
/// HTML site) turns it into a link, the others keep its text.
pub fn is_published(url: &str, sections: &BTreeSet<&str>) -> bool {
    match target(url) {
        Ok(Target::External) => true,
        Ok(Target::Section(id)) => sections.contains(id),
        Ok(Target::Document(_)) | Err(_) => false,
    }
}

/// The ids of every section and sub-section of `sections`.
pub fn section_ids(sections: &[Section]) -> BTreeSet<&str> {
    let mut ids = BTreeSet::new();
    let mut pending: Vec<&Section> = sections.iter().collect();
    while let Some(section) = pending.pop() {
        ids.insert(section.id.as_str());
        pending.extend(&section.children);
    }
    ids
}

/// `document` as renderers may publish it: a link the policy refuses
/// keeps its text and loses its destination. Checks refuse such links
/// before; this is the renderers' own guard.
pub fn published(document: &Document) -> Document {
    let ids = section_ids(&document.sections);
    let mut copy = document.clone();
    for section in &mut copy.sections {
        unlink_section(section, &ids);
    }
    // A parallel edition's translation is published with it.
    if let Some(translation) = &document.translation {
        copy.translation = Some(Box::new(published(translation)));
    }
    copy
}

fn unlink_section(section: &mut Section, ids: &BTreeSet<&str>) {
    unlink_blocks(&mut section.blocks, ids);
    for child in &mut section.children {
        unlink_section(child, ids);
    }
}

fn unlink_blocks(blocks: &mut [Block], ids: &BTreeSet<&str>) {
    for block in blocks {
        match block {
            Block::Paragraph { inlines } | Block::Label { inlines } => unlink_inlines(inlines, ids),
            Block::List { items, .. } => items.iter_mut().for_each(|item| unlink_blocks(item, ids)),
            Block::Signatures { .. } => {}
            Block::Table(table) => table
                .rows
                .iter_mut()
                .flatten()
                .for_each(|cell| unlink_blocks(cell, ids)),
        }
    }
}

fn unlink_inlines(inlines: &mut Vec<Inline>, ids: &BTreeSet<&str>) {
    let mut kept = Vec::with_capacity(inlines.len());
    for mut inline in inlines.drain(..) {
        if let Inline::Strong { inlines }
        | Inline::Emphasis { inlines }
        | Inline::Link { inlines, .. } = &mut inline
        {
            unlink_inlines(inlines, ids);
        }
        match inline {
            Inline::Link { url, inlines } if !is_published(&url, ids) => kept.extend(inlines),
            inline => kept.push(inline),
        }
    }
    *inlines = kept;
}

/// Reports each link of `file` to a section that is not among `ids`, the
/// sections of its document.
pub fn check_anchors(
    file: &SourceFile,
    anchors: &[(String, usize)],
    ids: &BTreeSet<&str>,
    diagnostics: &mut Diagnostics,
) {
    for (id, offset) in anchors.iter().filter(|(id, _)| !ids.contains(id.as_str())) {
        let help = did_you_mean_help(id, ids.iter().copied(), || {
            "link to the id of a clause written `{#id}` after its title, or of an annex (`#annex-subprocessors`)".into()
        });
        diagnostics.push(
            Diagnostic::error(
                Code::Link,
                format!("this link goes to `#{id}`, which names no section of this document"),
            )
            .at(file.location(*offset), &file.text)
            .with_help(help),
        );
    }
}

/// Reports each link of `file` to a document that is not among
/// `documents`, the ids of the corpus's documents.
pub fn check_documents(
    file: &SourceFile,
    links: &[(String, usize)],
    documents: &[&str],
    diagnostics: &mut Diagnostics,
) {
    for (id, offset) in links
        .iter()
        .filter(|(id, _)| !documents.contains(&id.as_str()))
    {
        let help = did_you_mean_help(id, documents.iter().copied(), || {
            format!(
                "a link to a document names its id: {}",
                documents.join(", ")
            )
        });
        diagnostics.push(
            Diagnostic::error(
                Code::Link,
                format!("this link goes to `{id}`, which is not a document of this corpus"),
            )
            .at(file.location(*offset), &file.text)
            .with_help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parallel_editions_translation_loses_links_the_policy_refuses() {
        let release: serde_json::Value =
            serde_json::from_str(include_str!("../../releases/dpa/1.1.json")).unwrap();
        let documents: Vec<Document> =
            serde_json::from_value(release["documents"].clone()).unwrap();
        let mut translation = documents[1].clone();
        translation.sections[0].blocks.insert(
            0,
            Block::Paragraph {
                inlines: vec![Inline::Link {
                    url: "javascript:alert(1)".into(),
                    inlines: vec![Inline::text("click")],
                }],
            },
        );
        let parallel = Document {
            translation: Some(Box::new(translation)),
            ..documents[0].clone()
        };
        let published = published(&parallel);
        let first = &published.translation.unwrap().sections[0].blocks[0];
        assert_eq!(first, &Block::paragraph("click"));
    }

    #[test]
    fn allows_web_pages_addresses_and_sections_only() {
        for url in [
            "https://www.ovh.com/fr/",
            "http://example.org:8080/a?b#c",
            "mailto:dpo@learn-and-go.com",
            "mailto:first.last+tag@sub.example.fr",
            "https://xn--caf-dma.fr/menu",
            "https://example.com/a%20b?x=1&y=2",
        ] {
            assert_eq!(target(url), Ok(Target::External), "{url}");
        }
        assert_eq!(target("#audits"), Ok(Target::Section("audits")));
        assert_eq!(target("privacy"), Ok(Target::Document("privacy")));
        assert!(!is_published("privacy", &BTreeSet::from(["privacy"])));
        for url in [
            "",
            "#",
            "#Not A Slug",
            "//evil.example",
            "evil.example/x",
            "../secret.pdf",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>",
            "ftp://example.com",
            "https://",
            "https://bank.example@evil.example/",
            "https://example.com/a b",
            "https://example.com/\u{202e}",
            "mailto:",
            "mailto:a@b.com?cc=c@d.com",
            "mailto:dpo@learn-and-go.com?cc=attacker%40evil.example&subject=x",
            "mailto:javascript:alert(1)//@x.com",
            "mailto:a%40b@c.com",
            "mailto:a@b.com,c@d.com",
            "mailto:a@b.com/x",
            "mailto:é@b.com",
            "mailto:a@b",
            "mailto:a@-b.com",
            "https://раураl.com/",
            "https://www.xn--ovh.com@evil.example/",
            "https://www.cnil.fr/\"onmouseover=alert(1)",
            "https://www.cnil.fr/'x",
            "https://www.cnil.fr/<x>",
            "https://-bad-.com/",
            "https://a..com/",
            "https://example.com:/",
            "https://example.com:123456/",
        ] {
            assert!(target(url).is_err(), "{url}");
        }
        let (message, help) = target("javascript:alert(1)").unwrap_err();
        assert_eq!(
            message,
            "this link goes to `javascript:alert(1)`, which clausier does not publish"
        );
        assert_eq!(help, ALLOWED);
        assert_eq!(target("").unwrap_err().0, "this link has no destination");
    }

    #[test]
    fn renderers_unlink_what_the_policy_refuses() {
        let link = |url: &str| Inline::Link {
            url: url.into(),
            inlines: vec![Inline::text(url)],
        };
        let mut section = Section::new(
            "audits".into(),
            None,
            "Audits".into(),
            crate::model::SectionKind::Clause,
        );
        section.blocks.push(Block::Paragraph {
            inlines: vec![
                link("https://example.com/"),
                Inline::Strong {
                    inlines: vec![link("javascript:alert(1)")],
                },
                link("#audits"),
                link("#elsewhere"),
            ],
        });
        let ids = BTreeSet::from(["audits"]);
        unlink_section(&mut section, &ids);
        assert_eq!(
            section.blocks,
            vec![Block::Paragraph {
                inlines: vec![
                    link("https://example.com/"),
                    Inline::Strong {
                        inlines: vec![Inline::text("javascript:alert(1)")],
                    },
                    link("#audits"),
                    Inline::text("#elsewhere"),
                ],
            }]
        );
    }
}
