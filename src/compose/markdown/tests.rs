use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::*;
use crate::lang::Lang;

/// The clauses of `text` and every problem, as `line:column: message`.
fn convert(text: &str) -> (Clauses, Vec<String>) {
    let file = SourceFile {
        path: PathBuf::from("contracts/dpa/fr.md"),
        text: text.to_string(),
    };
    let placeholders = Placeholders::new(Lang::FRENCH, BTreeMap::new());
    let mut diagnostics = Diagnostics::default();
    let clauses = clauses(&file, &placeholders, &mut diagnostics);
    let problems = diagnostics
        .sorted()
        .iter()
        .map(|d| {
            let location = d.location.as_ref().expect("located");
            format!("{}:{}: {}", location.line, location.column, d.message)
        })
        .collect();
    (clauses, problems)
}

/// How deep lists nest in `blocks`.
fn list_depth(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|block| match block {
            Block::List { items, .. } => 1 + items.iter().map(|i| list_depth(i)).max().unwrap_or(0),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

/// How deep emphasis, bold and links nest in `inlines`.
fn inline_depth(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Strong { inlines }
            | Inline::Emphasis { inlines }
            | Inline::Link { inlines, .. } => 1 + inline_depth(inlines),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn deep_nesting_is_one_located_error_and_is_not_built() {
    let started = Instant::now();
    let list = format!("# A {{#a}}\n\n{}x\n", "- ".repeat(5_000));
    let (clauses, problems) = convert(&list);
    assert_eq!(
        problems,
        ["3:25: lists and block quotes nest more than 12 levels deep here"]
    );
    assert_eq!(list_depth(&clauses.sections[0].blocks), MAX_NESTING);

    let quote = format!("# A {{#a}}\n\n{}x\n", ">".repeat(20_000));
    let (_, problems) = convert(&quote);
    assert_eq!(
        problems,
        ["3:13: lists and block quotes nest more than 12 levels deep here"]
    );

    let emphasis = format!(
        "# A {{#a}}\n\n{}x{}\n",
        "*a _".repeat(2_000),
        "_ a*".repeat(2_000)
    );
    let (clauses, problems) = convert(&emphasis);
    assert_eq!(
        problems,
        ["3:25: emphasis, bold and links nest more than 12 levels deep here"]
    );
    let Block::Paragraph { inlines } = &clauses.sections[0].blocks[0] else {
        panic!("a paragraph")
    };
    assert_eq!(inline_depth(inlines), MAX_NESTING);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn nesting_up_to_the_limit_is_kept() {
    let list = format!("# A {{#a}}\n\n{}x\n", "- ".repeat(MAX_NESTING));
    let (clauses, problems) = convert(&list);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(list_depth(&clauses.sections[0].blocks), MAX_NESTING);
}

#[test]
fn entities_and_escapes_cannot_write_controls_or_overrides() {
    let (_, problems) = convert("# A {#a}\n\nLe texte &#x1b;[31m et &#x202E; fin.\n");
    assert_eq!(
        problems,
        [
            "3:10: this text holds an invisible control character (U+001B)",
            "3:24: this text holds an invisible control character (U+202E)",
        ]
    );
    // Characters typed as they are are reported by `validate::printable`.
    assert!(convert("# A {#a}\n\nLe \u{1b} texte.\n").1.is_empty());
}

#[test]
fn links_follow_the_one_policy() {
    let text = "# A {#a}\n\n[a](javascript:alert(1)) [b](//evil.example) [c]() [d](#) [e](#a) [f](#b) <dpo@example.com> <https://example.com/>\n";
    let (clauses, problems) = convert(text);
    assert_eq!(
        problems,
        [
            "3:1: this link goes to `javascript:alert(1)`, which clausier does not publish",
            "3:26: this link goes to `//evil.example`, which clausier does not publish",
            "3:46: this link has no destination",
            "3:52: this link goes to `#`, which clausier does not publish: `#` must be followed by the id of a section",
        ]
    );
    assert_eq!(
        clauses.anchors,
        [("a".to_string(), 68), ("b".to_string(), 76)]
    );
    let Block::Paragraph { inlines } = &clauses.sections[0].blocks[0] else {
        panic!("a paragraph")
    };
    assert!(inlines.contains(&Inline::Link {
        url: "mailto:dpo@example.com".into(),
        inlines: vec![Inline::text("dpo@example.com")],
    }));
}

#[test]
fn clause_ids_are_slugs() {
    let (_, problems) = convert("# A {#Data_Security}\n\nx\n");
    assert_eq!(
        problems,
        ["1:5: `Data_Security` cannot be the id of a clause"]
    );
}

#[test]
fn size_limits_hold_for_a_whole_block_however_it_is_split() {
    let word = "this text has a word of more than 300 characters without a space";
    let long = "this text is 89999 characters long; one text may have up to 20000";
    for (body, message) in [
        // A word split by escapes, by entities, or by emphasis.
        ("a\\*".repeat(200), word),
        ("a&amp;".repeat(200), word),
        ("a*b*".repeat(200), word),
        // A paragraph made of many events.
        ("*a ".repeat(30_000), long),
    ] {
        let (_, problems) = convert(&format!("# A {{#a}}\n\n{body}\n"));
        assert_eq!(problems, [format!("3:1: {message}")]);
    }
    // A heading, a list item, a table cell.
    let heading = format!("# {} {{#a}}\n", "a\\*".repeat(200));
    assert_eq!(convert(&heading).1, [format!("1:1: {word}")]);
    let item = format!("# A {{#a}}\n\n- x\n- {}\n", "a&amp;".repeat(200));
    assert_eq!(convert(&item).1, [format!("4:1: {word}")]);
    let cell = format!("# A {{#a}}\n\n| h |\n|---|\n| {} |\n", "a\\*".repeat(200));
    assert_eq!(convert(&cell).1, [format!("5:2: {word}")]);
    // Short words in a long clause are fine: each paragraph is one text.
    let paragraphs = "Un deux trois quatre.\n\n".repeat(2_000);
    assert!(convert(&format!("# A {{#a}}\n\n{paragraphs}")).1.is_empty());
}

#[test]
fn images_are_refused() {
    let (clauses, problems) = convert("# A {#a}\n\nVoir ![x](file:///etc/passwd).\n");
    assert_eq!(problems, ["3:6: clausier does not publish images"]);
    assert_eq!(clauses.sections.len(), 1);
}

#[test]
fn an_unnumbered_clause_takes_no_number_and_the_others_follow_on() {
    let (clauses, problems) = convert(
        "# Foreword {#foreword .unnumbered}\n\nA.\n\n## Note {#note}\n\nB.\n\n# Scope {#scope}\n\nC.\n\n## Who {#who}\n\nD.\n\n## Aside {#aside .unnumbered}\n\nE.\n\n## What {#what}\n\nF.\n\n# Odd {#odd .numbered}\n\nG.\n",
    );
    let numbers: Vec<(&str, Option<&str>)> = clauses
        .sections
        .iter()
        .flat_map(|clause| std::iter::once(clause).chain(&clause.children))
        .map(|section| (section.id.as_str(), section.number.as_deref()))
        .collect();
    assert_eq!(
        numbers,
        [
            ("foreword", None),
            ("note", None),
            ("scope", Some("1")),
            ("who", Some("1.1")),
            ("aside", None),
            ("what", Some("1.2")),
            ("odd", Some("2")),
        ]
    );
    assert_eq!(
        problems,
        ["25:1: `.numbered` is not a heading option clausier has"]
    );
}

#[test]
fn text_before_the_first_heading_is_the_preamble() {
    let text = "Between the parties.\n\n- one\n\n# Scope {#scope}\n\nC.\n";
    let (clauses, problems) = convert(text);
    assert_eq!(problems, Vec::<String>::new());
    let sections: Vec<(&str, SectionKind, Option<&str>, usize)> = clauses
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.kind, s.number.as_deref(), s.blocks.len()))
        .collect();
    assert_eq!(
        sections,
        [
            ("preamble", SectionKind::Preamble, None, 2),
            ("scope", SectionKind::Clause, Some("1"), 1),
        ]
    );
    let ids = heading_ids(text);
    assert_eq!(
        ids,
        [("preamble".to_string(), 0), ("scope".to_string(), 29)]
    );
    // Its id is taken, and a sub-clause still needs a clause.
    let (_, problems) = convert("Intro.\n\n## Sub {#sub}\n\n# Preamble {#preamble}\n");
    assert_eq!(
        problems,
        [
            "3:1: sub-clause before the first clause",
            "5:1: `preamble` names the text before the first heading"
        ]
    );
}

#[test]
fn a_markdown_table_keeps_its_header_and_cells() {
    let (clauses, problems) =
        convert("# Table {#tbl}\n\nBefore.\n\n| A | B |\n|---|---|\n| x | *y* |\n\nAfter.\n");
    assert!(problems.is_empty(), "{problems:?}");
    let blocks = &clauses.sections[0].blocks;
    let Some(Block::Table(table)) = blocks.get(1) else {
        panic!("no table: {blocks:?}");
    };
    assert_eq!(table.header, ["A", "B"]);
    assert_eq!(table.rows.len(), 1);
    assert_eq!(plain_text(&table.rows[0][1]), "y");
    assert_eq!(blocks.len(), 3, "{blocks:?}");
}
