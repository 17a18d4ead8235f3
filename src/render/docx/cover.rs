//! The cover of a Word document as lines of text, so that a redline can
//! compare two covers line by line like the rest of the text.

use crate::model::Document;

/// A paragraph of the cover.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverLine {
    pub style: &'static str,
    /// A bold label before the text and a tab ("Version").
    pub label: Option<String>,
    pub text: String,
    /// The language of a parallel edition's translation, on its lines.
    pub lang: Option<String>,
}

impl CoverLine {
    fn new(style: &'static str, label: Option<&str>, text: &str) -> CoverLine {
        CoverLine {
            style,
            label: label.map(str::to_string),
            text: text.to_string(),
            lang: None,
        }
    }
}

/// The author, the title and subtitle, the parties, the version and its
/// date, and the language notice; in a parallel edition, the
/// translation's title and notice too.
pub fn cover_lines(document: &Document) -> Vec<CoverLine> {
    let labels = &document.labels;
    let mut lines = vec![
        CoverLine::new("Label", None, &document.author),
        CoverLine::new("Title", None, &document.title),
    ];
    if let Some(subtitle) = &document.subtitle {
        lines.push(CoverLine::new("Subtitle", None, subtitle));
    }
    let translated = |style, text: &str| CoverLine {
        lang: document.translation.as_ref().map(|t| t.lang.to_string()),
        ..CoverLine::new(style, None, text)
    };
    if let Some(translation) = &document.translation {
        lines.push(translated("Subtitle", &translation.title));
    }
    if !document.parties.is_empty() {
        lines.push(CoverLine::new("Label", None, &labels.between));
    }
    for party in &document.parties {
        lines.push(CoverLine::new("PartyRole", None, &party.role));
        let mut party_lines = party.lines.iter();
        if let Some(name) = party_lines.next() {
            lines.push(CoverLine::new("PartyName", None, name));
        }
        lines.extend(party_lines.map(|line| CoverLine::new("Party", None, line)));
    }
    lines.push(CoverLine::new(
        "Meta",
        Some(&labels.version),
        &document.version,
    ));
    lines.push(CoverLine::new(
        "Meta",
        Some(&labels.effective_date),
        &document.effective_date_text,
    ));
    let notice = &document.language_notice;
    lines.push(CoverLine::new("Notice", None, &notice.short));
    lines.push(CoverLine::new("Notice", None, &notice.long));
    if let Some(translation) = &document.translation {
        let notice = &translation.language_notice;
        lines.push(translated("Notice", &notice.short));
        lines.push(translated("Notice", &notice.long));
    }
    lines
}
