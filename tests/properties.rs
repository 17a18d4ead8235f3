//! Property tests: no input makes the loaders panic, and any text in any
//! field of a document either renders literally in both formats or holds a
//! character that `check` refuses (one the PDF fonts cannot print).

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use clausier::diagnostic::Diagnostics;
use clausier::facts::{Commitments, Parties, Security};
use clausier::lang::Lang;
use clausier::load::{DocumentMeta, SourceFile};
use clausier::model::Document;
use clausier::placeholders::Placeholders;
use clausier::render::html::{HtmlRenderer, escape};
use clausier::render::pdf::PdfRenderer;
use clausier::render::{Renderer, Slot, can_print};
use clausier::yaml::parse_yaml;
use proptest::prelude::*;
use serde_json::Value;

/// Arbitrary text: any Unicode, printable text, and text dense in the
/// characters special to YAML, Markdown, typst and HTML.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,60}",
        "[-a-zA-Z0-9 #$*_@\\\\\\[\\]<>{}\"'&%~^`|/=+:,;!?().\n]{0,60}",
    ]
}

fn source(path: &str, text: String) -> SourceFile {
    SourceFile {
        path: PathBuf::from(path),
        text,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn yaml_loader_never_panics(text in text()) {
        let file = source("annexes/x.yaml", text);
        let mut diagnostics = Diagnostics::default();
        parse_yaml::<Parties>(&file, &mut diagnostics);
        parse_yaml::<Commitments>(&file, &mut diagnostics);
        parse_yaml::<Security>(&file, &mut diagnostics);
        parse_yaml::<DocumentMeta>(&file, &mut diagnostics);
    }

    #[test]
    fn markdown_and_placeholders_never_panic(text in text()) {
        let placeholders = Placeholders::new(Lang::Fr, [("processor".to_string(), "Learn&Go".to_string())].into());
        let mut diagnostics = Diagnostics::default();
        clausier::markdown::clauses(&source("contracts/x/fr.md", text), &placeholders, &mut diagnostics);
        let _ = diagnostics.to_string();
    }
}

/// The French DPA of the shipped corpus, as JSON.
fn shipped_document() -> &'static Value {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let checked = clausier::check(&common::shipped_root(), false).unwrap();
        let documents = checked.documents;

        serde_json::to_value(&documents[0]).unwrap()
    })
}

/// Fields that are identifiers or codes, not text a reader sees.
const CODES: [&str; 8] = [
    "type",
    "style",
    "kind",
    "lang",
    "languages",
    "id",
    "effective_date",
    "url",
];

/// The document with every text replaced by `text`.
fn with_every_text(document: &Value, text: &str) -> Value {
    match document {
        Value::String(_) => Value::String(text.to_string()),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| with_every_text(item, text))
                .collect(),
        ),
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(key, value)| {
                    let value = if CODES.contains(&key.as_str()) {
                        value.clone()
                    } else {
                        with_every_text(value, text)
                    };
                    (key.clone(), value)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_text_in_any_field_renders_literally_or_is_refused_by_check(text in text()) {
        let document: Document = serde_json::from_value(with_every_text(shipped_document(), &text)).unwrap();
        let html = String::from_utf8(HtmlRenderer::new().render(&document, Slot::Latest).unwrap().bytes).unwrap();
        prop_assert!(html.contains(&escape(&text)));
        prop_assert!(!text.contains("<script") || !html.contains("<script"));
        // `check` refuses blank texts (every YAML text and heading must say
        // something) and characters the fonts cannot print.
        let accepted = !text.trim().is_empty() && text.chars().all(can_print);
        match PdfRenderer.render(&document, Slot::Latest) {
            Ok(rendered) => {
                prop_assert!(accepted || text.trim().is_empty(), "PDF rendered text check refuses: {text:?}");
                prop_assert!(rendered.bytes.starts_with(b"%PDF-"));
            }
            Err(error) => prop_assert!(!accepted, "text check accepts failed the PDF: {text:?}: {error}"),
        }
    }
}
