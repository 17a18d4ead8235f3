//! Property tests, the project's fuzzing: no input makes the loaders
//! panic, abort or hang; arbitrary bytes in any corpus file, and arbitrary
//! text through the whole pipeline, end in a located error or in a build;
//! and any text in any field of a document either renders literally in
//! both formats or is refused by the text gate. CI runs a bounded number
//! of cases; `CLAUSIER_FUZZ_CASES=N` runs N of each, for a long local run.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clausier::compose::placeholders::Placeholders;
use clausier::corpus::checklists::Checklist;
use clausier::corpus::facts::{Commitments, CookieFacts, Parties, PrivacyFacts, Security};
use clausier::corpus::yaml::parse_yaml;
use clausier::corpus::{DocumentMeta, SourceFile};
use clausier::diagnostic::Diagnostics;
use clausier::lang::Lang;
use clausier::model::Document;
use clausier::render::html::{HtmlRenderer, escape};
use clausier::render::pdf::PdfRenderer;
use clausier::render::{Renderer, Slot};
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

/// Text aimed at the limits: nesting far beyond what the gate allows,
/// controls and direction overrides written raw, as escapes and as
/// entities, and any text.
fn hostile_text() -> impl Strategy<Value = String> {
    let nesting = prop::sample::select(vec![
        "- ",
        "> ",
        "{",
        "{ ",
        "*a _",
        "[",
        "1. ",
        "  - ",
        "[[",
        "{\"\\u001b\" ",
    ]);
    prop_oneof![
        text(),
        (nesting, 0..20_000usize).prop_map(|(unit, depth)| unit.repeat(depth)),
        "([a-z &#;x0-9{}\"\\\\]|[\\x00-\\x1f]|[\\x{202a}-\\x{202e}]){0,40}",
        (any::<char>(), 0..30_000usize).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

/// How many cases a property runs: `default`, or `CLAUSIER_FUZZ_CASES`.
fn cases(default: u32) -> u32 {
    std::env::var("CLAUSIER_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn source(path: &str, text: String) -> SourceFile {
    SourceFile {
        path: PathBuf::from(path),
        text,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn yaml_loader_never_panics(text in hostile_text()) {
        let file = source("annexes/x.yaml", text);
        let mut diagnostics = Diagnostics::default();
        parse_yaml::<Parties>(&file, &mut diagnostics);
        parse_yaml::<Commitments>(&file, &mut diagnostics);
        parse_yaml::<Security>(&file, &mut diagnostics);
        parse_yaml::<DocumentMeta>(&file, &mut diagnostics);
    }

    #[test]
    fn markdown_and_placeholders_never_panic(text in hostile_text()) {
        let placeholders = Placeholders::new(Lang::FRENCH, [("processor".to_string(), "Learn&Go".to_string())].into());
        let mut diagnostics = Diagnostics::default();
        clausier::compose::markdown::clauses(&source("contracts/x/fr.md", text), &placeholders, &mut diagnostics);
        let _ = diagnostics.to_string();
    }

    #[test]
    fn fluent_loader_never_panics(text in hostile_text()) {
        let mut diagnostics = Diagnostics::default();
        let files = [(Lang::FRENCH, vec![source("locales/fr/x.ftl", text)])].into();
        let labels = clausier::corpus::locale::Labels::new(&files, &mut diagnostics);
        let _ = labels.get(Lang::FRENCH, "x");
        let _ = diagnostics.to_string();
    }
}

/// A copy of the shipped corpus for one property, built once.
/// Values a user may type in place of another, each valid YAML somewhere.
const TYPED: [&str; 18] = [
    "~",
    "",
    "yes",
    "no",
    "true",
    "[a]",
    "[]",
    "{ a: 1 }",
    "{}",
    "&x 1",
    "13 moons",
    "session",
    "'q'",
    "12",
    "7 working days",
    "\"83308580600028\"",
    "required",
    "{ exempt: { ground: consent_record } }",
];

/// A shipped YAML file with one line changed as a user might: its value
/// replaced, the line removed, or the line repeated.
fn edited_yaml() -> impl Strategy<Value = (usize, String)> {
    let files = SHAPED.len();
    (0..files, any::<prop::sample::Index>(), 0..TYPED.len() + 2).prop_map(|(file, line, change)| {
        let text = fs::read_to_string(common::shipped_root().join(SHAPED[file])).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let at = line.index(lines.len());
        match change {
            0 => drop(lines.remove(at)),
            1 => lines.insert(at, lines[at].clone()),
            typed => {
                if let Some((key, _)) = lines[at].split_once(": ") {
                    lines[at] = format!("{key}: {}", TYPED[typed - 2]);
                }
            }
        }
        (file, lines.join("\n") + "\n")
    })
}

/// The shipped YAML files of the property below, by their types.
const SHAPED: [&str; 7] = [
    "annexes/parties.yaml",
    "annexes/commitments.yaml",
    "annexes/security.yaml",
    "annexes/cookies.yaml",
    "annexes/privacy.yaml",
    "contracts/dpa/document.yaml",
    "checklists/gdpr-art13.yaml",
];

/// Whether `parse_yaml` refuses `text` read as `T`, and whether serde does.
fn refusals<T: serde::de::DeserializeOwned + schemars::JsonSchema>(text: &str) -> (bool, bool) {
    let mut diagnostics = Diagnostics::default();
    let refused = parse_yaml::<T>(
        &source("annexes/x.yaml", text.to_string()),
        &mut diagnostics,
    )
    .is_none();
    (refused, serde_saphyr::from_str::<T>(text).is_err())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2048)))]

    /// The schema check reports only what serde refuses too: a file it
    /// refuses is one serde cannot read (it may find more, never less).
    #[test]
    fn the_schema_check_refuses_only_what_serde_refuses((file, text) in edited_yaml()) {
        let (ours, serde) = match file {
            0 => refusals::<Parties>(&text),
            1 => refusals::<Commitments>(&text),
            2 => refusals::<Security>(&text),
            3 => refusals::<CookieFacts>(&text),
            4 => refusals::<PrivacyFacts>(&text),
            5 => refusals::<DocumentMeta>(&text),
            _ => refusals::<Checklist>(&text),
        };
        prop_assert!(!ours || serde, "refused, yet serde reads it:\n{text}");
    }
}

fn corpus_copy(name: &str) -> PathBuf {
    let dir = common::scratch(&format!("properties-{name}"));
    common::copy_corpus(&dir);
    dir
}

/// Writes `bytes` in place of the corpus file `relative` for the time of
/// `run`, then puts the original back.
fn with_file<T>(root: &Path, relative: &str, bytes: &[u8], run: impl FnOnce() -> T) -> T {
    /// Puts the original back even when `run` panics, so that one failing
    /// case (and its shrinking) never corrupts the corpus of the next.
    struct Restore(PathBuf, Vec<u8>);
    impl Drop for Restore {
        fn drop(&mut self) {
            fs::write(&self.0, &self.1).unwrap();
        }
    }
    let path = root.join(relative);
    let _restore = Restore(path.clone(), fs::read(&path).unwrap());
    fs::write(&path, bytes).unwrap();
    run()
}

/// Corpus files of every kind clausier reads.
const CORPUS_FILES: [&str; 6] = [
    "annexes/parties.yaml",
    "annexes/cookies.yaml",
    "contracts/dpa/en.md",
    "corpus.yaml",
    "releases/dpa/1.1.json",
    "locales/termbase.csv",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(24)))]

    #[test]
    fn any_bytes_in_any_corpus_file_end_in_located_errors(
        file in prop::sample::select(CORPUS_FILES.to_vec()),
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..4_000),
            hostile_text().prop_map(String::into_bytes),
        ],
    ) {
        static ROOT: OnceLock<PathBuf> = OnceLock::new();
        let root = ROOT.get_or_init(|| corpus_copy("bytes"));
        let checked = with_file(root, file, &bytes, || clausier::check(root, true).map(drop));
        if let Err(failed) = checked {
            let shown = failed.to_string();
            prop_assert!(shown.contains("error"), "{shown}");
        }
    }

    #[test]
    fn any_text_in_a_fact_is_refused_where_it_is_written_or_builds(text in hostile_text()) {
        static ROOT: OnceLock<PathBuf> = OnceLock::new();
        let root = ROOT.get_or_init(|| corpus_copy("pipeline"));
        let parties = fs::read_to_string(root.join("annexes/parties.yaml")).unwrap();
        // A double-quoted YAML scalar writes any character, escaped.
        let quoted = serde_json::to_string(&text).unwrap();
        let edited = parties.replacen("short_name: Learn&Go", &format!("short_name: {quoted}"), 1);
        let out = root.join("out");
        let built = with_file(root, "annexes/parties.yaml", edited.as_bytes(), || {
            let options = clausier::BuildOptions {
                root: root.clone(),
                out: out.clone(),
                documents: vec!["cookies".into()],
                langs: Vec::new(),
                formats: Vec::new(),
                keep_sources: false,
                deny_warnings: false,
                draft: true,
                reuse: false,
            };
            clausier::build(&options).map(drop)
        });
        if let Err(error) = built {
            let shown = error.to_string();
            prop_assert!(shown.contains("annexes/parties.yaml:"), "an error not located in the edited file: {shown}");
        }
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
    #![proptest_config(ProptestConfig::with_cases(cases(48)))]

    #[test]
    fn any_text_in_any_field_renders_literally_or_is_refused_by_check(text in text()) {
        let document: Document = serde_json::from_value(with_every_text(shipped_document(), &text)).unwrap();
        let html = String::from_utf8(HtmlRenderer::new().render(&document, Slot::Latest).unwrap().bytes).unwrap();
        prop_assert!(html.contains(&escape(&text)));
        prop_assert!(!text.contains("<script") || !html.contains("<script"));
        // `check` refuses blank texts (every YAML text and heading must say
        // something) and what the text gate refuses.
        let accepted = !text.trim().is_empty() && clausier::text::check(&text).is_ok();
        match PdfRenderer.render(&document, Slot::Latest) {
            // The gate may refuse more than the PDF needs (invisible
            // characters, lone combining marks): only what it accepts must
            // render.
            Ok(rendered) => prop_assert!(rendered.bytes.starts_with(b"%PDF-")),
            Err(error) => prop_assert!(!accepted, "text check accepts failed the PDF: {text:?}: {error}"),
        }
    }
}
