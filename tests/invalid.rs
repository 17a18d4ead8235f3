//! Every kind of mistake a user can make gets a located, actionable error.
//! Each case in `tests/fixtures/invalid/` edits the shipped corpus; its
//! snapshot (in `tests/fixtures/invalid/snapshots/`) is exactly what
//! `clausier check` prints, with its exit status.

mod common;

use std::fs;

use common::*;
use serde::Deserialize;

/// One invalid input: edits applied to a copy of the shipped corpus.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// Extra arguments for `clausier check`.
    #[serde(default)]
    args: Vec<String>,
    edits: Vec<Edit>,
}

/// Replaces the first occurrence of `find` in `file` by `replace`, written
/// `repeat` times (so that a fixture can nest thousands of levels). A file
/// the corpus does not have (a label override in `locales/`) is created
/// with `replace`, when `find` is empty; `remove: true` deletes the file
/// or folder instead.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    file: String,
    #[serde(default)]
    find: String,
    #[serde(default)]
    replace: String,
    #[serde(default)]
    remove: bool,
    #[serde(default = "once")]
    repeat: usize,
}

fn once() -> usize {
    1
}

#[test]
fn every_invalid_input_gets_its_exact_located_message() {
    let folder = shipped_root().join("tests/fixtures/invalid");
    let mut names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .filter_map(|entry| {
            let name = entry.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".yaml").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 20, "only {} invalid cases", names.len());
    for name in names {
        let case: Case = serde_saphyr::from_str(
            &fs::read_to_string(folder.join(format!("{name}.yaml"))).unwrap(),
        )
        .unwrap();
        let dir = scratch(&format!("invalid-{name}"));
        copy_corpus(&dir);
        for change in &case.edits {
            let replace = change.replace.repeat(change.repeat);
            let path = dir.join(&change.file);
            if change.remove {
                match path.is_dir() {
                    true => fs::remove_dir_all(&path).unwrap(),
                    false => fs::remove_file(&path).unwrap(),
                }
                continue;
            }
            if !path.exists() && change.find.is_empty() {
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(&path, &replace).unwrap();
                continue;
            }
            edit(&path, &change.find, &replace);
        }
        let mut args = vec!["check"];
        args.extend(case.args.iter().map(String::as_str));
        let output = clausier(&dir, &args);
        let shown = format!(
            "exit status: {}\n--- stdout\n{}--- stderr\n{}",
            output.status.code().unwrap(),
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap()
        );
        insta::with_settings!({ snapshot_path => "fixtures/invalid/snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(name.as_str(), shown);
        });
    }
}
