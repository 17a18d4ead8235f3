//! The shape of `src/`: the pipeline's stages are folders, and a stage uses
//! only the shared vocabulary and the stages before it. Reads every
//! `crate::…` and `super::…` path of the library's sources.

use std::path::{Path, PathBuf};

/// The library's top-level modules, in the order they may use each other:
/// the shared vocabulary first, then the stages of the pipeline.
const ORDER: [&str; 13] = [
    "lang",
    "text",
    "diagnostic",
    "error",
    "model",
    "corpus",
    "compose",
    "versions",
    "check",
    "record",
    "render",
    "publish",
    "serve",
];

/// The stages: each is a folder whose `mod.rs` says what it owns.
const STAGES: [&str; 8] = [
    "corpus", "compose", "versions", "check", "record", "render", "publish", "serve",
];

fn sources(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The library's module path of a source file: `src/corpus/facts/mod.rs`
/// is `["corpus", "facts"]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let file = parts.pop().unwrap();
    let stem = file.trim_end_matches(".rs");
    if stem != "mod" {
        parts.push(stem.to_string());
    }
    parts
}

/// The top-level modules a text names through `crate::`, including each
/// item of a `crate::{a, b::c}` group, even one written over several
/// lines; each with its byte offset.
fn crate_references(text: &str) -> Vec<(usize, String)> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let offset = text.len() - rest.len();
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item_start = true;
            for (index, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        rest = &group[index..];
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && (c.is_alphanumeric() || c == '_') => {
                        let name: String = group[index..]
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        names.push((offset + 1 + index, name));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            // A macro exported at the crate root is not a module.
            if !rest[name.len()..].starts_with('!') {
                names.push((offset, name));
            }
        }
    }
    names
}

#[test]
fn no_stage_uses_a_stage_after_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    let rank = |name: &str| ORDER.iter().position(|m| *m == name);
    let mut problems = Vec::new();
    let mut checked = 0;
    for path in &files {
        let relative = path.strip_prefix(&src).unwrap();
        let first = relative.iter().next().unwrap().to_string_lossy();
        // The binary (main.rs, cli/) may use every stage; lib.rs declares them.
        if first == "main.rs" || first == "cli" || first == "lib.rs" {
            continue;
        }
        let module = module_path(relative);
        let own = rank(&module[0]).unwrap_or_else(|| {
            panic!(
                "{}: `{}` is not in tests/architecture.rs ORDER",
                relative.display(),
                module[0]
            )
        });
        let text = std::fs::read_to_string(path).unwrap();
        let code: Vec<&str> = text
            .lines()
            .map(|line| line.split("//").next().unwrap_or_default())
            .collect();
        let code = code.join("\n");
        for (offset, name) in crate_references(&code) {
            checked += 1;
            let line = code[..offset].matches('\n').count() + 1;
            let place = format!("src/{}:{line}", relative.display());
            match rank(&name) {
                Some(used) if used > own => problems.push(format!(
                    "{place}: `{}` uses `{name}`, a later stage",
                    module[0]
                )),
                None => problems.push(format!("{place}: `crate::{name}` is not a module of ORDER")),
                _ => {}
            }
        }
        let mut in_tests = false;
        for (index, code) in code.lines().enumerate() {
            in_tests |= code.trim_start().starts_with("#[cfg(test)]");
            let place = format!("src/{}:{}", relative.display(), index + 1);
            // `super::` must not climb out of the stage to the crate root.
            if let Some(at) = code.find("super::") {
                let climbs = code[at..].matches("super::").count();
                let depth = module.len() + usize::from(in_tests);
                if climbs >= depth {
                    problems.push(format!(
                        "{place}: `super::` leaves the `{}` stage",
                        module[0]
                    ));
                }
            }
        }
    }
    assert!(checked > 300, "only {checked} references read");
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_stage_is_a_folder_that_says_what_it_owns() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for stage in STAGES {
        let mod_rs = src.join(stage).join("mod.rs");
        let text = std::fs::read_to_string(&mod_rs)
            .unwrap_or_else(|e| panic!("{}: {e}", mod_rs.display()));
        let doc: Vec<&str> = text.lines().take_while(|l| l.starts_with("//!")).collect();
        assert!(
            doc.len() >= 2,
            "src/{stage}/mod.rs must begin with what the stage owns and what it may not touch"
        );
    }
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    for module in ORDER {
        assert!(
            lib.contains(&format!("pub mod {module};")),
            "lib.rs does not declare `{module}`"
        );
    }
}

/// The names of [`crate_references`], without their offsets.
fn names(text: &str) -> Vec<String> {
    crate_references(text)
        .into_iter()
        .map(|(_, name)| name)
        .collect()
}

#[test]
fn references_are_read_from_groups_and_paths() {
    assert_eq!(
        names("use crate::{corpus::{Corpus, files}, model::Document};"),
        ["corpus", "model"]
    );
    assert_eq!(
        names("let x = crate::publish::build(); crate::serde_as_text!(Date);"),
        ["publish"]
    );
}

#[test]
fn references_are_read_in_groups_over_several_lines() {
    let text = "use crate::{\n    corpus::x,\n    render::{a, b},\n};\nlet _ = crate::model::X;\ncrate::serde_as_text!(X);";
    let names: Vec<(usize, String)> = crate_references(text);
    let lines: Vec<(usize, &str)> = names
        .iter()
        .map(|(offset, name)| (text[..*offset].matches('\n').count() + 1, name.as_str()))
        .collect();
    assert_eq!(lines, [(2, "corpus"), (3, "render"), (5, "model")]);
}
