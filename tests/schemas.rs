//! The JSON Schemas of `clausier schema`, as an editor uses them: the
//! committed `schemas/` folder is what the command writes, every YAML file
//! of every shipped corpus names its schema on its first line and is
//! valid against it for an independent validator (boon), and an invalid
//! file is not.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;

/// The schema of each kind of corpus file, by where the files are.
const KINDS: [(&str, &str); 7] = [
    ("annexes", ""),
    ("checklists", "checklist"),
    ("contracts", "document"),
    ("examples/atelier-du-lac/annexes", ""),
    ("examples/harbour-lane/annexes", ""),
    ("examples/harbour-lane/checklists", "checklist"),
    ("examples/harbour-lane/contracts", "document"),
];

/// Every YAML file a user edits in the shipped corpora, with its schema's
/// name (an annex's schema is named after the file).
fn corpus_files() -> Vec<(PathBuf, String)> {
    let root = shipped_root();
    let mut files = Vec::new();
    for (folder, schema) in KINDS {
        for path in yaml_files(&root.join(folder)) {
            let name = match schema {
                "" => path.file_stem().unwrap().to_string_lossy().into_owned(),
                named => named.to_string(),
            };
            files.push((path, name));
        }
    }
    for path in yaml_files(&root.join("examples/atelier-du-lac/contracts")) {
        files.push((path, "document".into()));
    }
    for corpus in ["", "examples/atelier-du-lac", "examples/harbour-lane"] {
        files.push((root.join(corpus).join("corpus.yaml"), "corpus".into()));
    }
    files
}

/// The `.yaml` files under `folder`, at any depth.
fn yaml_files(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(yaml_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "yaml") {
            found.push(path);
        }
    }
    found.sort();
    found
}

#[test]
fn the_committed_schemas_are_what_clausier_schema_writes() {
    let out = scratch("schemas-written");
    let written = clausier(&shipped_root(), &["schema", "--out", out.to_str().unwrap()]);
    assert!(written.status.success(), "{written:?}");
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 12, "{names:?}");
    for name in names {
        let committed = fs::read_to_string(shipped_root().join("schemas").join(&name));
        assert_eq!(
            committed.ok().as_deref(),
            Some(fs::read_to_string(out.join(&name)).unwrap().as_str()),
            "schemas/{name} is out of date: run `clausier schema`"
        );
    }
    let check = clausier(&shipped_root(), &["schema", "--check"]);
    assert!(check.status.success(), "{check:?}");
}

#[test]
fn every_shipped_yaml_file_names_its_schema_and_is_valid_against_it() {
    let files = corpus_files();
    assert!(files.len() >= 18, "only {} files", files.len());
    for (path, name) in files {
        let text = fs::read_to_string(&path).unwrap();
        let folder = path.parent().unwrap();
        let schemas = pathdiff(folder, &shipped_root().join("schemas"));
        let modeline = format!("# yaml-language-server: $schema={schemas}/{name}.schema.json");
        assert_eq!(
            text.lines().next(),
            Some(modeline.as_str()),
            "{}",
            path.display()
        );
        if let Err(errors) = schema_errors(&text, &name) {
            panic!(
                "{} is not valid against its schema:\n{errors}",
                path.display()
            );
        }
    }
}

#[test]
fn a_file_with_mistakes_is_invalid_against_its_schema() {
    let text = fs::read_to_string(shipped_root().join("annexes/subprocessors.yaml")).unwrap();
    let broken = text
        .replacen("    legal_name: CRISP IM SAS\n", "", 1)
        .replacen("channels: [outside_gar]", "channels: [outside]", 1)
        .replacen("outside_eu: false", "outside_eu: perhaps", 1);
    let errors = schema_errors(&broken, "subprocessors").unwrap_err();
    for expected in [
        "transfer/outside_eu'",
        "want boolean, but got string",
        "missing properties 'legal_name'",
        "channels/0'",
    ] {
        assert!(errors.contains(expected), "{expected}: {errors}");
    }
}

#[test]
fn clausier_schema_replaces_only_its_own_files() {
    let out = scratch("schemas-foreign");
    fs::write(out.join("parties.schema.json"), "{}\n").unwrap();
    let refused = clausier(&shipped_root(), &["schema", "--out", out.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("was not written by `clausier schema`"),
        "{said}"
    );
    assert_eq!(
        fs::read_to_string(out.join("parties.schema.json")).unwrap(),
        "{}\n"
    );
    assert_eq!(
        fs::read_dir(&out).unwrap().count(),
        1,
        "nothing else written"
    );
    fs::remove_file(out.join("parties.schema.json")).unwrap();
    let written = clausier(&shipped_root(), &["schema", "--out", out.to_str().unwrap()]);
    assert!(written.status.success());
    let stale = out.join("cookies.schema.json");
    let text = fs::read_to_string(&stale).unwrap();
    fs::write(&stale, text.replace("\"cookies\"", "\"biscuits\"")).unwrap();
    let check = clausier(
        &shipped_root(),
        &["schema", "--check", "--out", out.to_str().unwrap()],
    );
    assert_eq!(check.status.code(), Some(1), "a stale schema fails --check");
    let again = clausier(&shipped_root(), &["schema", "--out", out.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(said.contains("1 written, 11 already up to date"), "{said}");
}

/// The relative path from `folder` to `target`, both under the shipped root.
fn pathdiff(folder: &Path, target: &Path) -> String {
    let root = shipped_root();
    let depth = folder.strip_prefix(&root).unwrap().components().count();
    let mut parts = vec![".."; depth];
    let target = target.strip_prefix(&root).unwrap().display().to_string();
    parts.push(&target);
    parts.join("/")
}
