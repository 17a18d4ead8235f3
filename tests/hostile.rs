//! Hostile and careless input, as measured against clausier's promises:
//! nothing is lost, a release never changes unnoticed, output is safe to
//! publish, nothing outside the corpus is read, and bad input gets a clear
//! located error. Each case runs the binary on an edited copy of the
//! shipped corpus and snapshots exactly what the user sees
//! (`tests/snapshots/hostile__*.snap`), with the scratch folder written
//! `<dir>`; cases that could lose data also check the folder named is
//! byte-identical afterwards. Text-level cases (Markdown, Fluent, YAML
//! values) are in `tests/fixtures/invalid/`.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Output;

use clausier::publish::output::Manifest;
use common::*;

/// What the user sees of a run: exit status, then stdout and stderr, the
/// scratch folder written `<dir>`.
fn shown(output: &Output, dir: &Path) -> String {
    let text = format!(
        "exit status: {}\n--- stdout\n{}--- stderr\n{}",
        output
            .status
            .code()
            .map_or("killed".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    text.replace(&dir.display().to_string(), "<dir>")
}

/// A copy of the shipped corpus in a fresh folder named after the case.
fn corpus(name: &str) -> PathBuf {
    let dir = scratch(&format!("hostile-{name}"));
    copy_corpus(&dir);
    dir
}

/// Every file under `folder` with its bytes: two snapshots are equal only
/// if nothing was added, removed or changed.
fn tree(folder: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(path) = pending.pop() {
        for entry in fs::read_dir(&path).unwrap() {
            let entry = entry.unwrap();
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                pending.push(entry.path());
            } else if kind.is_symlink() {
                let target = fs::read_link(entry.path()).unwrap();
                files.insert(entry.path(), target.into_os_string().into_encoded_bytes());
            } else if kind.is_file() {
                files.insert(entry.path(), fs::read(entry.path()).unwrap());
            } else {
                // A pipe or a socket: there, but never read (it would block).
                files.insert(entry.path(), b"<special file>".to_vec());
            }
        }
    }
    files
}

fn snapshot(name: &str, text: String) {
    insta::with_settings!({ prepend_module_to_snapshot => true }, {
        insta::assert_snapshot!(name, text);
    });
}

/// Runs `clausier ARGS --root DIR` and snapshots what it shows.
fn run(name: &str, dir: &Path, args: &[&str]) -> Output {
    let output = clausier(dir, args);
    snapshot(name, shown(&output, dir));
    output
}

// --- Nothing is lost -------------------------------------------------------

#[test]
fn out_may_not_name_the_corpus_a_source_folder_a_full_folder_or_a_file() {
    let dir = corpus("out-targets");
    let home = dir.join("home");
    fs::create_dir_all(home.join("Documents")).unwrap();
    fs::write(home.join("notes.txt"), "mes notes").unwrap();
    fs::write(dir.join("report.pdf"), "not a folder").unwrap();
    let cases = [
        ("out-is-corpus-root", dir.display().to_string()),
        (
            "out-is-source-folder",
            dir.join("annexes").display().to_string(),
        ),
        (
            "out-inside-source-folder",
            dir.join("contracts/out").display().to_string(),
        ),
        ("out-is-full-folder", home.display().to_string()),
        (
            "out-is-a-file",
            dir.join("report.pdf").display().to_string(),
        ),
    ];
    for (name, out) in cases {
        let before = tree(&dir);
        let output = run(name, &dir, &["build", "--out", &out]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(tree(&dir) == before, "{name}: the corpus folder changed");
    }
}

#[test]
fn a_file_added_to_an_output_is_never_deleted_nor_a_link_in_it_followed() {
    let dir = corpus("out-strays");
    let out = dir.join("out");
    let first = clausier(&dir, &["build"]);
    assert!(first.status.success());
    fs::write(out.join("CNAME"), "legal.learn-and-go.example").unwrap();
    let before = tree(&dir);
    let output = run("out-with-stray-file", &dir, &["build"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(tree(&dir) == before);

    fs::remove_file(out.join("CNAME")).unwrap();
    // An empty folder is someone's too (`tree` sees files only).
    fs::create_dir_all(out.join("fr/drafts")).unwrap();
    let output = run("out-with-stray-folder", &dir, &["build"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(out.join("fr/drafts").is_dir());
    fs::create_dir(out.join("notes")).unwrap();
    fs::write(out.join("CNAME"), "legal.learn-and-go.example").unwrap();
    run("out-with-strays", &dir, &["build"]);
    for stray in ["fr/drafts", "notes", "CNAME"] {
        assert!(out.join(stray).exists(), "{stray}");
    }
    fs::remove_dir(out.join("fr/drafts")).unwrap();
    fs::remove_dir(out.join("notes")).unwrap();
    fs::remove_file(out.join("CNAME")).unwrap();

    // Put there while a build renders (its staging folder is there): the
    // build fails rather than replace the output with it.
    let before = tree(&out);
    let build = std::process::Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["build", "--fresh", "--root"])
        .arg(&dir)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !dir.join(".out.staging").exists() {
        assert!(started.elapsed().as_secs() < 60, "the build never started");
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    fs::write(out.join("notes.txt"), "mes notes").unwrap();
    let output = build.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("holds a file that clausier did not write (notes.txt)"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    fs::remove_file(out.join("notes.txt")).unwrap();
    assert!(tree(&out) == before, "the output changed");
    let secret = dir.join("secret.txt");
    fs::write(&secret, "TOP-SECRET-CONTENT").unwrap();
    fs::remove_file(out.join("fr/cookies.pdf")).unwrap();
    symlink(&secret, out.join("fr/cookies.pdf")).unwrap();
    let output = run("out-with-link", &dir, &["build", "--doc", "dpa"]);
    assert_eq!(output.status.code(), Some(2));
    fs::remove_file(out.join("fr/cookies.pdf")).unwrap();
    for (path, bytes) in tree(&out) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("TOP-SECRET"),
            "{} holds the secret",
            path.display()
        );
    }
}

#[test]
fn names_clausier_uses_beside_the_output_are_never_taken_from_the_user() {
    let dir = corpus("beside-out");
    let out = dir.join("out");
    assert!(clausier(&dir, &["build"]).status.success());
    for (name, make) in [("previous", true), ("staging", true), ("lock", false)] {
        let path = dir.join(format!(".out.{name}"));
        let _ = fs::remove_file(&path);
        match make {
            true => {
                fs::create_dir(&path).unwrap();
                fs::write(path.join("thesis.txt"), "precious").unwrap();
            }
            false => {
                let status = std::process::Command::new("mkfifo")
                    .arg(&path)
                    .status()
                    .unwrap();
                assert!(status.success());
            }
        }
        let before = tree(&dir);
        let output = run(&format!("user-{name}-beside-out"), &dir, &["build"]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(tree(&dir) == before, "{name}: something moved");
        match make {
            true => fs::remove_dir_all(&path).unwrap(),
            false => fs::remove_file(&path).unwrap(),
        }
    }
    // A kept file linked elsewhere, or changed since, is not published again.
    let secret = dir.join("secret.txt");
    fs::write(&secret, "TOP-SECRET").unwrap();
    fs::remove_file(out.join("fr/cookies.pdf")).unwrap();
    fs::hard_link(&secret, out.join("fr/cookies.pdf")).unwrap();
    let output = run("out-with-hard-link", &dir, &["build", "--doc", "dpa"]);
    assert_eq!(output.status.code(), Some(2));
    // Only the marker left: the folder is clausier's, and empty.
    fs::remove_dir_all(&out).unwrap();
    fs::create_dir(&out).unwrap();
    fs::write(out.join(clausier::publish::output::MARKER), "{}").unwrap();
    assert!(clausier(&dir, &["build"]).status.success());
    // `diff` writes nowhere in the corpus's source folders.
    let output = run(
        "diff-out-in-source-folder",
        &dir,
        &[
            "diff",
            "dpa",
            "1.0",
            "1.1",
            "--out",
            &dir.join("releases/dpa").display().to_string(),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn colliding_and_unsafe_document_ids_are_refused() {
    let dir = corpus("id-index");
    fs::rename(dir.join("contracts/cookies"), dir.join("contracts/index")).unwrap();
    fs::rename(dir.join("releases/cookies"), dir.join("releases/index")).unwrap();
    run("document-id-index", &dir, &["check"]);

    let dir = corpus("id-script");
    let id = "javascript:alert(document.domain)";
    fs::rename(
        dir.join("contracts/cookies"),
        dir.join("contracts").join(id),
    )
    .unwrap();
    fs::rename(dir.join("releases/cookies"), dir.join("releases").join(id)).unwrap();
    let output = run("document-id-script", &dir, &["check"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_document_whose_folder_is_gone_while_its_releases_remain_is_an_error() {
    let dir = corpus("orphan-releases");
    fs::remove_dir_all(dir.join("contracts/cookies")).unwrap();
    let output = run("document-folder-deleted", &dir, &["check"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_full_disk_or_a_kill_mid_write_leaves_the_previous_output_whole() {
    let dir = corpus("full-disk");
    let out = dir.join("out");
    assert!(clausier(&dir, &["build"]).status.success());
    let clause = dir.join("contracts/dpa/fr.md");
    let text = fs::read_to_string(&clause).unwrap();
    fs::write(&clause, format!("{text}\nUne phrase de plus.\n")).unwrap();
    let before = tree(&out);
    // A file size limit makes writes fail as on a full disk (`EFBIG`,
    // the signal ignored); without the `trap`, the signal kills the
    // process mid-write, as a crash or `kill -9` would.
    for (name, trap) in [("write-fails", "trap '' XFSZ;"), ("killed", "")] {
        let script = format!("{trap} ulimit -f 64; exec \"$0\" build --draft --root \"$1\"");
        let output = std::process::Command::new("bash")
            .args(["-c", &script, env!("CARGO_BIN_EXE_clausier")])
            .arg(&dir)
            .output()
            .unwrap();
        assert!(!output.status.success(), "{name}: the build succeeded");
        assert!(tree(&out) == before, "{name}: out/ changed");
        if name == "write-fails" {
            snapshot("full-disk", shown(&output, &dir));
            let left: Vec<_> = fs::read_dir(&dir)
                .unwrap()
                .map(|entry| entry.unwrap().file_name().into_string().unwrap())
                .filter(|name| name.contains("staging") || name.contains("partial"))
                .collect();
            assert!(left.is_empty(), "left behind: {left:?}");
        }
    }
    // The next build mends what the killed one left, and succeeds.
    let output = clausier(&dir, &["build", "--draft"]);
    assert!(output.status.success(), "{}", shown(&output, &dir));
    assert!(!dir.join(".out.staging").exists());
}

#[test]
fn concurrent_builds_into_one_folder_end_with_an_output_that_matches_its_manifest() {
    let dir = corpus("concurrent");
    let out = dir.join("out");
    let builds: Vec<_> = (0..4)
        .map(|i| {
            let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_clausier"));
            command.args(["build", "--root"]).arg(&dir);
            command.stdout(std::process::Stdio::null());
            if i % 2 == 1 {
                command.args(["--doc", "cookies"]);
            }
            command.spawn().unwrap()
        })
        .collect();
    // While they run, the output is never missing once it exists.
    let mut seen = false;
    let mut missing_after_seen = 0;
    let mut builds = builds;
    while builds.iter_mut().any(|b| b.try_wait().unwrap().is_none()) {
        let present = out.join("manifest.json").is_file();
        seen |= present;
        missing_after_seen += usize::from(seen && !present);
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    for mut build in builds {
        assert!(build.wait().unwrap().success());
    }
    assert_eq!(missing_after_seen, 0, "out/ went missing during a swap");
    let manifest: Manifest =
        serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let mut listed: Vec<String> = manifest.artifacts.iter().map(|a| a.path.clone()).collect();
    for entry in &manifest.artifacts {
        let bytes = fs::read(out.join(&entry.path)).unwrap();
        assert_eq!(
            clausier::corpus::records::sha256_hex(&bytes),
            entry.sha256,
            "{}",
            entry.path
        );
    }
    listed.extend([
        "manifest.json".to_string(),
        clausier::publish::output::MARKER.to_string(),
    ]);
    listed.sort();
    let mut present: Vec<String> = tree(&out)
        .keys()
        .map(|path| {
            path.strip_prefix(&out)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    present.sort();
    assert_eq!(present, listed);
}

// --- A release never changes unnoticed ------------------------------------

/// The arguments of `clausier release dpa 1.3` effective `date`, with a
/// French summary.
fn release_dpa<'a>(date: &'a str, summary_fr: &'a str) -> [&'a str; 9] {
    [
        "release",
        "dpa",
        "1.3",
        "--effective",
        date,
        "--summary-fr",
        summary_fr,
        "--summary-en",
        "x",
    ]
}

#[test]
fn an_edited_release_record_is_reported_as_edited_and_cannot_be_laundered() {
    for (name, find, replace) in [
        (
            "release-summary-edited",
            "Ajout du sous-traitant ultérieur Scaleway",
            "Aucun changement",
        ),
        (
            "release-date-edited",
            "\"effective_date\": \"2027-01-15\"",
            "\"effective_date\": \"2027-01-16\"",
        ),
    ] {
        let dir = corpus(name);
        edit(&dir.join("releases/dpa/1.1.json"), find, replace);
        let output = run(name, &dir, &["check"]);
        assert_eq!(output.status.code(), Some(1));
        let release = clausier(&dir, &release_dpa("2027-06-01", "x"));
        assert!(
            !release.status.success(),
            "{name}: a new release laundered the edit"
        );
        assert!(!dir.join("releases/dpa/1.3.json").exists());
    }
}

/// Edits a record and reseals it, as someone who knows the format would.
fn reseal(path: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let mut record: serde_json::Value = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
    edit(&mut record);
    record["fingerprint"] = clausier::corpus::records::seal(&record).into();
    fs::write(path, serde_json::to_string_pretty(&record).unwrap()).unwrap();
}

#[test]
fn a_resealed_record_is_still_gated_and_a_deleted_release_breaks_the_chain() {
    let dir = corpus("resealed-content");
    reseal(&dir.join("releases/dpa/1.0.json"), |record| {
        let title = &mut record["documents"][0]["title"];
        *title = format!("{}\u{202e}fdp.exe", title.as_str().unwrap()).into();
        record["documents"][0]["sections"][0]["blocks"][0] = serde_json::json!({
            "type": "paragraph",
            "inlines": [{"type": "link", "url": "javascript:alert(1)", "inlines": [{"type": "text", "text": "x"}]}]
        });
    });
    let output = run("resealed-release-content", &dir, &["check"]);
    assert_eq!(output.status.code(), Some(1));

    let dir = corpus("deleted-release");
    fs::remove_file(dir.join("releases/dpa/1.0.json")).unwrap();
    fs::remove_dir_all(dir.join("releases/dpa/notices")).unwrap();
    run("release-deleted", &dir, &["check"]);
    let release = clausier(&dir, &release_dpa("2027-06-01", "x"));
    assert!(!release.status.success(), "a new release hid the deletion");
}

/// Edits release 1.0 of `document` with `edit` and seals it again, as
/// someone with write access to `releases/` could, and seals 1.1 again
/// to follow it: the chain holds, and only what 1.0 holds can tell.
fn reseal_first_release(dir: &Path, document: &str, edit: impl FnOnce(&mut serde_json::Value)) {
    let folder = dir.join("releases").join(document);
    reseal(&folder.join("1.0.json"), edit);
    let sealed: serde_json::Value =
        serde_json::from_slice(&fs::read(folder.join("1.0.json")).unwrap()).unwrap();
    reseal(&folder.join("1.1.json"), |next| {
        next["previous"] = sealed["fingerprint"].clone();
    });
}

#[test]
fn a_resealed_release_holds_one_document_per_language_about_it_and_no_client() {
    let dir = corpus("resealed-documents");
    reseal_first_release(&dir, "privacy", |record| {
        let documents = record["documents"].as_array_mut().unwrap();
        let mut unknown = documents[1].clone();
        unknown["lang"] = "zz".into();
        unknown["version"] = "1.1".into();
        documents[1]["lang"] = "fr".into();
        documents[0]["effective_date"] = "2099-12-31".into();
        documents.push(unknown);
    });
    reseal_first_release(&dir, "cookies", |record| {
        let documents = record["documents"].as_array_mut().unwrap();
        // Last: the translation's own `lang` comes after every document's.
        documents[1]["translation"] = documents[0].clone();
        documents[0]["made_out_to"] = serde_json::json!({
            "name": "Commune de Saint-Client",
            "footer": "Exemplaire établi pour : Commune de Saint-Client"
        });
        documents[1]["id"] = "privacy".into();
        let blocks = documents[1]["sections"][0]["blocks"]
            .as_array_mut()
            .unwrap();
        blocks.push(serde_json::json!({"type": "signatures", "signatories": []}));
    });
    let output = run("resealed-release-documents", &dir, &["check"]);
    assert_eq!(output.status.code(), Some(1));
    let build = clausier(&dir, &["build"]);
    assert!(!build.status.success());
    assert!(!dir.join("out").exists(), "nothing is published");

    let dir = corpus("resealed-no-documents");
    reseal_first_release(&dir, "privacy", |record| {
        record["documents"] = serde_json::json!([]);
    });
    run("resealed-release-no-documents", &dir, &["check"]);
}

#[test]
fn concurrent_releases_record_one_version_once() {
    let dir = corpus("concurrent-release");
    edit(
        &dir.join("annexes/commitments.yaml"),
        "audit_limit: 1 audit per year",
        "audit_limit: 2 audits per year",
    );
    let runs: Vec<_> = (0..3)
        .map(|i| {
            std::process::Command::new(env!("CARGO_BIN_EXE_clausier"))
                .args(release_dpa("2027-06-01", &format!("Version {i}")))
                .arg("--root")
                .arg(&dir)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let runs: Vec<Output> = runs
        .into_iter()
        .map(|run| run.wait_with_output().unwrap())
        .collect();
    let succeeded = runs.iter().filter(|run| run.status.success()).count();
    assert!(succeeded >= 1);
    for run in runs.iter().filter(|run| !run.status.success()) {
        let shown = String::from_utf8_lossy(&run.stderr);
        // Which refusal a loser gets depends on when it read the releases:
        // before the winner wrote (the record already exists), or after (the
        // version is no longer new, or nothing changed).
        assert!(
            shown.contains("already exists")
                || shown.contains("does not follow the latest release")
                || shown.contains("nothing to release"),
            "{shown}"
        );
    }
    let check = clausier(&dir, &["check"]);
    assert!(check.status.success(), "{}", shown(&check, &dir));
}

#[test]
fn an_edited_notice_record_is_refused_even_when_resealed() {
    let dir = corpus("notice-edited");
    let path = dir.join("releases/dpa/notices/1.0-1.1.json");
    edit(
        &path,
        "\"deadline\": \"2026-12-31\"",
        "\"deadline\": \"2027-01-31\"",
    );
    run("notice-deadline-edited", &dir, &["check"]);
    // Whoever reseals it by hand still meets the deadline check.
    reseal(&path, |_| {});
    run("notice-deadline-resealed", &dir, &["check"]);

    // Sealed again after an edit, and renamed to match.
    for (name, edits, file) in [
        (
            "notice-other-document",
            &[("document", "cookies")][..],
            "1.0-1.1",
        ),
        ("notice-other-versions", &[("to", "1.2")], "1.0-1.1"),
        (
            "notice-backwards",
            &[("from", "1.1"), ("to", "1.0")],
            "1.1-1.0",
        ),
        ("notice-version-respelled", &[("from", "1")], "1-1.1"),
    ] {
        let dir = corpus(name);
        let notices = dir.join("releases/dpa/notices");
        reseal(&notices.join("1.0-1.1.json"), |record| {
            for (field, value) in edits {
                record[field] = (*value).into();
            }
        });
        fs::rename(
            notices.join("1.0-1.1.json"),
            notices.join(format!("{file}.json")),
        )
        .unwrap();
        let output = run(name, &dir, &["check"]);
        assert_eq!(output.status.code(), Some(1), "{name}");
    }
}

#[test]
fn a_release_summary_is_gated_like_corpus_text() {
    let dir = corpus("summary-controls");
    edit(
        &dir.join("annexes/commitments.yaml"),
        "audit_limit: 1 audit per year",
        "audit_limit: 2 audits per year",
    );
    for (name, summary) in [
        ("summary-escape", "Deux audits\u{1b}[2J"),
        ("summary-form-feed", "Deux\u{c}audits"),
    ] {
        let output = run(name, &dir, &release_dpa("2027-06-01", summary));
        assert_eq!(output.status.code(), Some(2));
    }
    assert!(!dir.join("releases/dpa/1.3.json").exists());
    let output = run(
        "effective-date-with-signs",
        &dir,
        &release_dpa("2026-+2-+3", "x"),
    );
    assert_eq!(output.status.code(), Some(2));
}

// --- Nothing outside the corpus is read ------------------------------------

#[test]
fn links_out_of_the_corpus_are_refused_without_reading_their_target() {
    let dir = corpus("symlink-environ");
    fs::remove_file(dir.join("annexes/privacy.yaml")).unwrap();
    symlink("/proc/self/environ", dir.join("annexes/privacy.yaml")).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["check", "--root"])
        .arg(&dir)
        .env("CLAUSIER_TEST_SECRET", "s3cr3t-token")
        .output()
        .unwrap();
    let text = shown(&output, &dir);
    assert!(!text.contains("s3cr3t-token"));
    snapshot("symlink-to-environment", text);

    let dir = corpus("checklist-escape");
    fs::write(
        dir.parent().unwrap().join("secret.yaml"),
        "SECRET-CHECKLIST",
    )
    .unwrap();
    edit(
        &dir.join("contracts/dpa/document.yaml"),
        "checklist: gdpr-art28",
        "checklist: ../../secret",
    );
    let output = run("checklist-outside-root", &dir, &["check"]);
    assert!(!String::from_utf8_lossy(&output.stderr).contains("SECRET-CHECKLIST"));
    // A checklist that is a link out of the corpus meets the door itself.
    let checklist = dir.join("checklists/gdpr-art28.yaml");
    let document = dir.join("contracts/dpa/document.yaml");
    edit(
        &document,
        "checklist: ../../secret",
        "checklist: gdpr-art28",
    );
    fs::remove_file(&checklist).unwrap();
    symlink(dir.parent().unwrap().join("secret.yaml"), &checklist).unwrap();
    let output = run("checklist-link-outside-root", &dir, &["check"]);
    assert!(!String::from_utf8_lossy(&output.stderr).contains("SECRET-CHECKLIST"));
}

// --- Clear, located errors ---------------------------------------------------

/// Rewrites every text file of the corpus with `change`.
fn rewrite_all(dir: &Path, change: impl Fn(&str) -> String) {
    for path in tree(dir).into_keys() {
        if let Ok(text) = fs::read_to_string(&path) {
            fs::write(&path, change(&text)).unwrap();
        }
    }
}

#[test]
fn windows_line_endings_and_byte_order_marks_change_nothing() {
    let dir = corpus("crlf-bom");
    rewrite_all(&dir, |text| {
        format!("\u{feff}{}", text.replace('\n', "\r\n"))
    });
    let output = clausier(&dir, &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output, &dir));
}

#[test]
fn unreadable_files_get_located_errors() {
    let dir = corpus("not-utf8");
    let path = dir.join("annexes/parties.yaml");
    let mut bytes = fs::read(&path).unwrap();
    let at = bytes.windows(8).position(|w| w == b"Learn&Go").unwrap();
    bytes[at + 1] = 0xE9;
    fs::write(&path, bytes).unwrap();
    run("file-not-utf8", &dir, &["check"]);

    let dir = corpus("empty-yaml");
    fs::write(dir.join("annexes/security.yaml"), "# nothing yet\n").unwrap();
    run("yaml-empty", &dir, &["check"]);

    let dir = corpus("annex-folder");
    fs::remove_file(dir.join("annexes/products.yaml")).unwrap();
    fs::create_dir(dir.join("annexes/products.yaml")).unwrap();
    run("annex-is-a-folder", &dir, &["check"]);

    let dir = corpus("second-document");
    let path = dir.join("annexes/commitments.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        format!("{text}---\naudit_limit: 2 audits per year\n"),
    )
    .unwrap();
    run("yaml-second-document", &dir, &["check"]);

    let dir = corpus("termbase-semicolons");
    let path = dir.join("locales/termbase.csv");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace(',', ";")).unwrap();
    run("termbase-semicolons", &dir, &["check"]);
}

#[test]
fn oversized_and_escaped_yaml_values_are_located() {
    let dir = corpus("huge-name");
    let huge = "A".repeat(800_000);
    edit(
        &dir.join("annexes/parties.yaml"),
        "short_name: Learn&Go",
        &format!("short_name: {huge}"),
    );
    run("yaml-value-too-long", &dir, &["check"]);

    let dir = corpus("yaml-binary");
    edit(
        &dir.join("annexes/subprocessors.yaml"),
        "    name: OVH\n",
        "    name: !!binary T1ZIGxsyShs=\n",
    );
    run("yaml-binary-tag", &dir, &["check"]);

    let dir = corpus("empty-record");
    fs::write(dir.join("releases/cookies/1.0.json"), "").unwrap();
    run("release-record-empty", &dir, &["check"]);

    let dir = corpus("yaml-escapes");
    edit(
        &dir.join("annexes/parties.yaml"),
        "short_name: Learn&Go",
        "short_name: \"Learn\\u202E&Go\\e[31m\"",
    );
    run("yaml-escaped-controls", &dir, &["check"]);
}

#[test]
fn ids_equal_once_normalised_are_duplicates() {
    let dir = corpus("nfc-ids");
    let path = dir.join("annexes/subprocessors.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let first = text.find("  - id: ").unwrap();
    let line_end = first + text[first..].find('\n').unwrap();
    let id = text[first + 8..line_end].to_string();
    // The same entry again under the same id spelt with a combining accent.
    let entry_end = text[line_end..]
        .find("\n  - id: ")
        .map_or(text.len(), |i| line_end + i + 1);
    let copy = text[first..entry_end].replacen(&id, &format!("{id}-e\u{301}"), 1);
    let renamed = text.replacen(&format!("- id: {id}\n"), &format!("- id: {id}-\u{e9}\n"), 1);
    fs::write(&path, format!("{renamed}{copy}")).unwrap();
    let output = clausier(&dir, &["check"]);
    assert!(
        String::from_utf8_lossy(&output.stderr).contains(&format!("duplicate id `{id}-\u{e9}`")),
        "{}",
        shown(&output, &dir)
    );
}

#[test]
fn colour_escapes_come_from_the_renderer_only_and_only_when_asked() {
    let dir = corpus("colour");
    edit(
        &dir.join("annexes/parties.yaml"),
        "name: Marie Hombert",
        "name: Marie \u{1b}[2J\u{1b}[31mHombert",
    );
    let stderr = |color: Option<&str>, no_color: Option<&str>| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_clausier"));
        command.arg("check").arg("--root").arg(&dir);
        if let Some(color) = color {
            command.args(["--color", color]);
        }
        command.env_remove("NO_COLOR");
        if let Some(value) = no_color {
            command.env("NO_COLOR", value);
        }
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8(output.stderr).unwrap()
    };
    // Into a pipe: plain, unless `--color always`, which wins over NO_COLOR.
    for (color, no_color) in [
        (None, None),
        (Some("auto"), None),
        (Some("never"), None),
        (None, Some("1")),
    ] {
        let shown = stderr(color, no_color);
        assert!(!shown.contains('\u{1b}'), "{color:?} {no_color:?}: {shown}");
        assert!(
            shown.contains("Marie \\u{1b}[2J\\u{1b}[31mHombert"),
            "{shown}"
        );
    }
    for no_color in [None, Some("1")] {
        let shown = stderr(Some("always"), no_color);
        assert!(shown.contains("\u{1b}[1m\u{1b}[91merror"), "{shown}");
        // The input's escapes are still written visibly, never sent.
        assert!(
            shown.contains("Marie \\u{1b}[2J\\u{1b}[31mHombert"),
            "{shown}"
        );
        assert!(!shown.contains("\u{1b}[2J") && !shown.contains("\u{1b}[31mHombert"));
    }
}
