//! The user guide (`book.toml`, `guide/src/`) never lies: its generated
//! pages (placeholders, field reference, error index) are what clausier's
//! own code says, every error code has a page whose example is a real
//! message from a fixture's snapshot, `clausier explain` prints that page,
//! and every YAML and Markdown example is checked: a YAML file against its
//! schema, a clause by `clausier check` in a corpus that `clausier new`
//! writes, an included file against the file itself.

mod common;
#[path = "guide/generated.rs"]
mod generated;

use std::fs;
use std::path::{Path, PathBuf};

use clausier::diagnostic::Code;
use common::*;
use generated::*;
use serde_json::Value;

/// The line above the part of a page that this test writes.
const GENERATED: &str = "<!-- Generated from clausier's code: `GUIDE_UPDATE=1 cargo test --release --test guide` rewrites what follows. -->";

/// Codes whose page has no example, and why.
const WITHOUT_EXAMPLE: [(Code, &str); 4] = [
    (
        Code::TooManyProblems,
        "a file with 100 problems would make a snapshot of 100 messages; shape/tests.rs covers it",
    ),
    (
        Code::UnusedLabel,
        "every label an override can name is used by a shipped document",
    ),
    (Code::Internal, "a failure inside clausier itself"),
    (
        Code::PdfWarning,
        "the template gives typst nothing to warn about",
    ),
];

fn guide() -> PathBuf {
    shipped_root().join("guide/src")
}

fn page(name: &str) -> String {
    fs::read_to_string(guide().join(name)).unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// Every page of the guide, as (path under guide/src, text).
fn pages() -> Vec<(String, String)> {
    fn walk(folder: &Path, found: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            match path.is_dir() {
                true => walk(&path, found),
                false if path.extension().is_some_and(|ext| ext == "md") => found.push(path),
                false => {}
            }
        }
    }
    let mut found = Vec::new();
    walk(&guide(), &mut found);
    found.sort();
    found
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(guide())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, fs::read_to_string(&path).unwrap())
        })
        .collect()
}

#[test]
fn book_toml_is_at_the_root_and_the_summary_lists_every_page() {
    let book = fs::read_to_string(shipped_root().join("book.toml")).unwrap();
    assert!(book.contains("src = \"guide/src\""), "{book}");
    let summary = page("SUMMARY.md");
    for (name, _) in pages() {
        if name != "SUMMARY.md" {
            assert!(
                summary.contains(&format!("({name})")),
                "SUMMARY.md does not list {name}"
            );
        }
    }
}

#[test]
fn the_generated_pages_are_up_to_date() {
    let update = std::env::var_os("GUIDE_UPDATE").is_some();
    let mut stale = Vec::new();
    for (name, content) in [
        ("placeholders.md", placeholder_list()),
        ("reference/fields.md", field_reference()),
        ("errors/index.md", error_index()),
        ("reference/commands.md", command_reference()),
    ] {
        let text = page(name);
        let (above, _) = text
            .split_once(GENERATED)
            .unwrap_or_else(|| panic!("{name} lacks the line {GENERATED}"));
        let wanted = format!("{above}{GENERATED}\n\n{content}");
        if text != wanted {
            match update {
                true => fs::write(guide().join(name), wanted).unwrap(),
                false => stale.push(name),
            }
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {stale:?}; run GUIDE_UPDATE=1 cargo test --release --test guide"
    );
}

#[test]
fn every_code_has_its_page_with_a_real_example() {
    let snapshots: Vec<String> = ["tests/fixtures/invalid/snapshots", "tests/snapshots"]
        .iter()
        .flat_map(|folder| fs::read_dir(shipped_root().join(folder)).unwrap())
        .map(|entry| fs::read_to_string(entry.unwrap().path()).unwrap())
        .collect();
    let mut pages: Vec<String> = fs::read_dir(guide().join("errors"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "index.md")
        .collect();
    pages.sort();
    let expected: Vec<String> = Code::ALL
        .iter()
        .map(|code| format!("{}.md", code.id()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(pages, expected, "one page per code, no other");
    for code in Code::ALL {
        let text = code.page();
        assert!(
            text.starts_with(&format!("# {}: ", code.id())) && !code.title().ends_with('.'),
            "{code}: the page starts `# {code}: Title`"
        );
        let example = text
            .split_once("## Example\n")
            .and_then(|(_, after)| after.split_once("```text\n"))
            .and_then(|(_, block)| block.split_once("\n```"))
            .map(|(block, _)| block);
        let exempt = WITHOUT_EXAMPLE.iter().any(|(without, _)| without == code);
        match example {
            Some(example) => {
                assert!(
                    !exempt,
                    "{code} has an example: take it off WITHOUT_EXAMPLE"
                );
                let level = match &code.id()[..1] {
                    "W" => "warning",
                    "N" => "note",
                    _ => "error",
                };
                assert!(
                    example.starts_with(&format!("{level}[{code}]: ")),
                    "{code}: the example is one of its messages:\n{example}"
                );
                assert!(
                    snapshots
                        .iter()
                        .any(|snapshot| snapshot.contains(&format!("{example}\n"))),
                    "{code}: the example is not what clausier prints in any snapshot:\n{example}"
                );
            }
            None => assert!(
                exempt,
                "{code}: its page has no `## Example` with a ```text block"
            ),
        }
    }
}

#[test]
fn explain_prints_the_page_of_a_code_and_lists_them_all() {
    let shown = run(&["explain", "e0105"]);
    assert!(shown.status.success());
    assert_eq!(
        String::from_utf8(shown.stdout).unwrap(),
        Code::UnknownField.page()
    );
    let listed = String::from_utf8(run(&["explain"]).stdout).unwrap();
    assert_eq!(listed.lines().count(), Code::ALL.len());
    assert!(listed.starts_with("E0001  "), "{listed}");
    let unknown = run(&["explain", "E0150"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(unknown.stderr).unwrap(),
        "error: unknown code `E0150`; did you mean `E0105`?\n"
    );
}

/// Runs the `clausier` binary with `args`, without `--root`.
fn run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args)
        .output()
        .unwrap()
}

/// A fenced block of a page: its info string (`yaml file=annexes/x.yaml`)
/// and its text.
struct Block {
    info: String,
    text: String,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut found = Vec::new();
    let mut open: Option<Block> = None;
    for line in text.lines() {
        match (&mut open, line.trim_start().strip_prefix("```")) {
            (None, Some(info)) => {
                open = Some(Block {
                    info: info.trim().into(),
                    text: String::new(),
                })
            }
            (Some(_), Some("")) => found.extend(open.take()),
            (Some(block), _) => block.text.push_str(&format!("{line}\n")),
            (None, None) => {}
        }
    }
    found
}

#[test]
fn every_example_in_the_guide_is_checked() {
    let mut clauses = Vec::new();
    let mut checked = 0;
    for (name, text) in pages() {
        for include in text.split("{{#include ").skip(1) {
            let target = include.split_once("}}").unwrap().0.trim();
            let (file, anchor) = target
                .split_once(':')
                .map_or((target, None), |(f, a)| (f, Some(a)));
            let path = guide().join(Path::new(&name).parent().unwrap()).join(file);
            let included =
                fs::read_to_string(&path).unwrap_or_else(|_| panic!("{name}: no {file}"));
            if let Some(anchor) = anchor {
                assert!(
                    included.contains(&format!("ANCHOR: {anchor}\n")),
                    "{name}: {file} has no anchor {anchor}"
                );
                assert!(
                    included.contains(&format!("ANCHOR_END: {anchor}\n")),
                    "{name}: {file} does not end anchor {anchor}"
                );
            }
            checked += 1;
        }
        for block in blocks(&text) {
            let mut words = block.info.split_whitespace();
            let language = words.next().unwrap_or("");
            let file = words.find_map(|word| word.strip_prefix("file="));
            let fragment = name.starts_with("errors/");
            match (language, file) {
                (_, _) if block.text.contains("{{#include") => continue,
                ("yaml", Some(file)) => {
                    let schema = FILE_KINDS
                        .iter()
                        .find(|(_, path)| matches(path, file))
                        .unwrap_or_else(|| panic!("{name}: no kind of YAML file is at {file}"))
                        .0;
                    if let Err(errors) = schema_errors(&block.text, schema) {
                        panic!(
                            "{name}: this example is not a valid {file}:\n{}\n{errors}",
                            block.text
                        );
                    }
                }
                ("yaml", None) if fragment => {
                    serde_saphyr::from_str::<Value>(&block.text).unwrap_or_else(|error| {
                        panic!("{name}: not YAML:\n{}\n{error}", block.text)
                    });
                }
                ("markdown", Some(_)) => clauses.push((name.clone(), block.text)),
                ("markdown", None) if fragment => continue,
                ("yaml" | "markdown", None) => {
                    panic!(
                        "{name}: say which file this example is (```{language} file=…), so that it is checked:\n{}",
                        block.text
                    )
                }
                _ => continue,
            }
            checked += 1;
        }
    }
    // Every clause example, in a corpus of one language that `new` writes.
    let dir = scratch("guide-clauses");
    let corpus = dir.join("corpus");
    let made = clausier_new(
        &corpus,
        &[
            "--documents",
            "cookies",
            "--languages",
            "en",
            "--binding",
            "en",
        ],
    );
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let clause_file = corpus.join("contracts/cookies/en.md");
    let scaffold = fs::read_to_string(&clause_file).unwrap();
    for (name, clause) in &clauses {
        fs::write(&clause_file, format!("{scaffold}\n{clause}")).unwrap();
        let output = clausier(&corpus, &["check", "--draft"]);
        assert!(
            output.status.success(),
            "{name}: this example is refused:\n{clause}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        checked += 1;
    }
    eprintln!("{checked} examples checked");
    assert!(checked >= 6, "only {checked} examples were checked");
}

/// Whether `file` is a path of the kind `pattern` (`<…>` is any one name).
fn matches(pattern: &str, file: &str) -> bool {
    let (patterns, names): (Vec<&str>, Vec<&str>) =
        (pattern.split('/').collect(), file.split('/').collect());
    patterns.len() == names.len()
        && patterns.iter().zip(&names).all(|(pattern, name)| {
            pattern == name
                || pattern.starts_with('<')
                    && name.ends_with(if pattern.ends_with(".yaml") {
                        ".yaml"
                    } else {
                        ""
                    })
        })
}

/// mdbook, where it is installed (on PATH, or where `cargo install` puts it).
fn mdbook() -> Option<PathBuf> {
    let cargo_bin = std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo/bin"));
    std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(cargo_bin)
        .map(|folder| folder.join("mdbook"))
        .find(|candidate| candidate.is_file())
}

#[test]
fn the_guide_builds_with_mdbook_without_a_warning() {
    let Some(mdbook) = mdbook() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "the guide must be built in CI: mdbook is not installed"
        );
        eprintln!("guide build skipped: mdbook is not installed (.ci/run installs it)");
        return;
    };
    let out = scratch("guide-book");
    let built = std::process::Command::new(mdbook)
        .arg("build")
        .arg("--dest-dir")
        .arg(&out)
        .arg(shipped_root())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&built.stderr);
    assert!(built.status.success(), "{said}");
    assert!(!said.contains("WARN") && !said.contains("ERROR"), "{said}");
    let page = fs::read_to_string(out.join("errors/E0105.html")).unwrap();
    assert!(
        page.contains(&format!("E0105: {}", Code::UnknownField.title())),
        "{page}"
    );
    let facts = fs::read_to_string(out.join("facts.html")).unwrap();
    assert!(
        facts.contains("crisp-client/*") && !facts.contains("ANCHOR"),
        "the included examples are in the page"
    );
}
