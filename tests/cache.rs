//! The artifact cache beside the output (`.<out>.cache/artifacts/`): an
//! output removed is built again by copying, byte for byte what a fresh
//! build gives; a damaged cached file is rendered again, never published;
//! the cache keeps the last build's files and nothing it did not write is
//! removed; clients' private copies are never cached.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use clausier::publish::output::Manifest;
use common::{
    artifact_cache, build_options, clausier, copy_corpus, edit, relative_tree, scratch, shown,
};

/// Fails, naming the files that differ, unless `a` and `b` hold the same
/// files with the same bytes.
fn assert_same_tree(a: &Path, b: &Path) {
    let (a, b) = (relative_tree(a), relative_tree(b));
    let differing: Vec<&String> = (a.keys().chain(b.keys()))
        .filter(|path| a.get(*path) != b.get(*path))
        .collect();
    assert!(differing.is_empty(), "files that differ: {differing:?}");
}

/// A copy of the shipped corpus in a scratch folder named `name`, built
/// into its `out`: the folder, the output and its manifest.
fn built_copy(name: &str) -> (PathBuf, PathBuf, Manifest) {
    let dir = scratch(name);
    copy_corpus(&dir);
    let out = dir.join("out");
    let (_, manifest) = build(&dir, &out, false, false);
    (dir, out, manifest)
}

/// Builds `root` into `out` (reusing unless `fresh`): how many files were
/// copied, and the manifest.
fn build(root: &Path, out: &Path, fresh: bool, draft: bool) -> (usize, Manifest) {
    let built =
        clausier::build(&build_options(root, out, draft, !fresh)).expect("the corpus builds");
    (built.reused, built.manifest)
}

/// The fingerprints of inputs the manifest gives its files.
fn inputs(manifest: &Manifest) -> BTreeSet<String> {
    (manifest.artifacts.iter())
        .filter_map(|entry| entry.inputs.clone())
        .collect()
}

/// The fingerprints of inputs the cache holds files for, and its other
/// file names.
fn cached(out: &Path) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut inputs, mut others) = (BTreeSet::new(), BTreeSet::new());
    for entry in fs::read_dir(artifact_cache(out)).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        match name.split_once('.') {
            Some((fingerprint, hash)) if fingerprint.len() == 64 && hash.len() == 64 => {
                inputs.insert(fingerprint.to_string());
            }
            _ => {
                others.insert(name);
            }
        }
    }
    (inputs, others)
}

#[test]
fn an_output_removed_is_copied_from_the_cache_as_a_fresh_build_would_write_it() {
    let dir = scratch("cache-removed");
    copy_corpus(&dir);
    let (out, fresh) = (dir.join("out"), dir.join("fresh"));
    let (_, manifest) = build(&dir, &fresh, true, false);
    // A fresh build fills the cache too.
    let (copied, _) = build(&dir, &out, true, false);
    assert_eq!(copied, 0);
    assert_eq!(cached(&out).0, inputs(&manifest));
    let reusable = manifest
        .artifacts
        .iter()
        .filter(|e| e.inputs.is_some())
        .count();
    assert!(reusable >= 80, "{reusable} reusable files");

    fs::remove_dir_all(&out).unwrap();
    let (copied, _) = build(&dir, &out, false, false);
    assert_eq!(copied, reusable, "every reusable file is copied");
    assert_same_tree(&out, &fresh);

    // `--fresh` renders all the same.
    fs::remove_dir_all(&out).unwrap();
    assert_eq!(build(&dir, &out, true, false).0, 0);
    assert_same_tree(&out, &fresh);
}

#[test]
fn a_damaged_cached_file_is_rendered_again() {
    let (dir, out, manifest) = built_copy("cache-damaged");
    let reference = relative_tree(&out);
    let entry = |path: &str| {
        let entry = manifest.artifacts.iter().find(|e| e.path == path).unwrap();
        let name = format!("{}.{}", entry.inputs.as_ref().unwrap(), entry.sha256);
        artifact_cache(&out).join(name)
    };
    // One file's bytes changed, its size kept; another replaced by a link
    // to a file with the right bytes, outside the cache; a third linked
    // elsewhere as well.
    let changed = entry("fr/dpa/1.0.pdf");
    let mut bytes = fs::read(&changed).unwrap();
    bytes[1000] ^= 1;
    fs::write(&changed, bytes).unwrap();
    let linked = entry("en/dpa/1.0.pdf");
    let outside = dir.join("outside.pdf");
    fs::rename(&linked, &outside).unwrap();
    std::os::unix::fs::symlink(&outside, &linked).unwrap();
    fs::hard_link(entry("fr/privacy/1.0.html"), dir.join("elsewhere.html")).unwrap();

    fs::remove_dir_all(&out).unwrap();
    let (copied, _) = build(&dir, &out, false, false);
    let reusable = manifest
        .artifacts
        .iter()
        .filter(|e| e.inputs.is_some())
        .count();
    assert_eq!(copied, reusable - 3);
    assert!(
        relative_tree(&out) == reference,
        "the output differs from the first build's"
    );
    // Damaged files are replaced by what was rendered; the file the link
    // named is left alone.
    assert!(fs::read(&changed).unwrap() == reference["fr/dpa/1.0.pdf"]);
    assert!(fs::symlink_metadata(&linked).unwrap().is_file());
    assert!(fs::read(&outside).unwrap() == reference["en/dpa/1.0.pdf"]);
}

#[test]
fn the_cache_keeps_the_last_builds_files_and_leaves_what_it_did_not_write() {
    let (dir, out, before) = built_copy("cache-kept");
    let cache = artifact_cache(&out);
    let foreign = cache.join("notes.txt");
    fs::write(&foreign, "mine").unwrap();
    let hash = "0".repeat(64);
    let half_written = cache.join(format!(".{hash}.{hash}.1-1.partial"));
    fs::write(&half_written, "torn").unwrap();

    edit(
        &dir.join("contracts/dpa/fr.md"),
        "Le présent DPA entre en vigueur",
        "Le présent accord entre en vigueur",
    );
    let (_, after) = build(&dir, &out, false, true);
    assert_ne!(inputs(&after), inputs(&before));
    let (kept, others) = cached(&out);
    assert_eq!(kept, inputs(&after), "the last build's files, no more");
    assert_eq!(others, BTreeSet::from(["notes.txt".to_string()]));
    assert_eq!(fs::read_to_string(&foreign).unwrap(), "mine");
}

#[test]
fn a_cache_folder_that_is_not_a_folder_is_left_alone() {
    let dir = scratch("cache-not-folder");
    copy_corpus(&dir);
    let out = dir.join("out");
    fs::create_dir(dir.join(".out.cache")).unwrap();
    fs::write(artifact_cache(&out), "a file of the user's").unwrap();
    let (_, manifest) = build(&dir, &out, false, false);
    assert!(!manifest.artifacts.is_empty());
    assert_eq!(
        fs::read_to_string(artifact_cache(&out)).unwrap(),
        "a file of the user's"
    );
}

#[test]
fn clients_copies_are_never_cached() {
    let dir = scratch("cache-clients");
    let private = dir.join("private");
    let output = clausier(
        &common::shipped_root(),
        &["clients", "build", "--out", private.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", shown(&output));
    assert!(fs::read_dir(&private).unwrap().count() > 0);
    assert!(!dir.join(".private.cache").exists());
}

#[test]
fn a_restricted_build_caches_the_files_it_keeps_too() {
    let (dir, out, _) = built_copy("cache-restricted");
    fs::remove_dir_all(artifact_cache(&out)).unwrap();
    let mut options = build_options(&dir, &out, false, true);
    options.formats = vec![clausier::render::Format::Html];
    let manifest = clausier::build(&options)
        .expect("the corpus builds")
        .manifest;
    assert!(manifest.artifacts.iter().any(|e| e.path == "fr/dpa.pdf"));
    assert_eq!(cached(&out).0, inputs(&manifest));
}

#[test]
fn a_redline_is_copied_only_while_its_words_are_the_same() {
    let (dir, out, _) = built_copy("cache-redline-words");
    // The redline's words changed in the corpus's own labels: its pages
    // are rendered again, not copied from the cache.
    let labels = fs::read_to_string(common::shipped_root().join("labels/fr/versions.ftl")).unwrap();
    let changed = labels.replace(
        "redline-legend = Légende",
        "redline-legend = Légende des marques",
    );
    assert_ne!(labels, changed);
    fs::create_dir_all(dir.join("locales/fr")).unwrap();
    fs::write(dir.join("locales/fr/versions.ftl"), changed).unwrap();
    fs::remove_dir_all(&out).unwrap();
    build(&dir, &out, false, false);
    let page = fs::read_to_string(out.join("fr/dpa/changes-1.0-1.1.html")).unwrap();
    assert!(page.contains("Légende des marques"), "{page}");
    let fresh = dir.join("fresh");
    build(&dir, &fresh, true, false);
    assert_same_tree(&out, &fresh);
}

#[test]
fn redlines_in_two_languages_with_the_same_words_are_never_swapped() {
    // en-GB and en-US take the same built-in words: their redlines must
    // still be told apart by the cache.
    let dir = scratch("cache-regional");
    let root = dir.join("corpus");
    let new = common::clausier_new(&root, &["--languages", "en-GB,en-US", "--binding", "en-GB"]);
    assert!(new.status.success(), "{}", shown(&new));
    let run = |args: &[&str]| {
        let output = clausier(&root, args);
        assert!(output.status.success(), "{args:?}: {}", shown(&output));
    };
    let release = |version: &str, date: &str| {
        run(&[
            "release",
            "cookies",
            version,
            "--effective",
            date,
            "--summary",
            "en-GB=Change",
            "--summary",
            "en-US=Change",
        ]);
    };
    release("1.0", "2026-01-01");
    let question = "For any question, write to";
    edit(
        &root.join("contracts/cookies/en-GB.md"),
        question,
        "For any question about our organisation, write to",
    );
    edit(
        &root.join("contracts/cookies/en-US.md"),
        question,
        "For any question about our organization, write to",
    );
    run(&["translations", "confirm", "contact"]);
    release("1.1", "2026-02-01");
    let (out, fresh) = (dir.join("out"), dir.join("fresh"));
    build(&root, &fresh, true, false);
    build(&root, &out, false, false);
    fs::remove_dir_all(&out).unwrap();
    build(&root, &out, false, false);
    assert_same_tree(&out, &fresh);
    let page = fs::read_to_string(out.join("en-GB/cookies/changes-1.0-1.1.html")).unwrap();
    assert!(page.contains("organisation") && !page.contains("organization"));
}

#[test]
fn a_fresh_build_caches_everything_anew() {
    let (dir, out, manifest) = built_copy("cache-fresh");
    let entry = manifest
        .artifacts
        .iter()
        .find(|e| e.path == "fr/dpa/1.0.pdf")
        .unwrap();
    let cached = artifact_cache(&out).join(format!(
        "{}.{}",
        entry.inputs.as_ref().unwrap(),
        entry.sha256
    ));
    let reference = fs::read(&cached).unwrap();
    let mut damaged = reference.clone();
    damaged[1000] ^= 1;
    fs::write(&cached, damaged).unwrap();
    build(&dir, &out, true, false);
    assert!(
        fs::read(&cached).unwrap() == reference,
        "the damaged file is replaced"
    );
}

#[test]
fn a_cache_folder_that_is_a_link_is_not_written_through() {
    let dir = scratch("cache-link");
    copy_corpus(&dir);
    let out = dir.join("out");
    let elsewhere = dir.join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, dir.join(".out.cache")).unwrap();
    build(&dir, &out, false, false);
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    fs::remove_dir_all(&out).unwrap();
    let (copied, _) = build(&dir, &out, false, false);
    assert_eq!(copied, 0, "nothing cached, nothing copied");
}

#[test]
fn concurrent_builds_leave_an_output_and_a_cache_that_agree() {
    let (dir, out, _) = built_copy("cache-concurrent");
    let fresh = dir.join("fresh");
    build(&dir, &fresh, true, false);
    fs::remove_dir_all(&out).unwrap();
    // One build renders everything, another copies from the cache, at once
    // (the output's lock takes them in turn).
    std::thread::scope(|scope| {
        scope.spawn(|| build(&dir, &out, true, false));
        scope.spawn(|| build(&dir, &out, false, false));
    });
    assert_same_tree(&out, &fresh);
    let manifest: Manifest =
        serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(cached(&out).0, inputs(&manifest));
}
