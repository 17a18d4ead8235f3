//! The release workflow: `clausier release` freezes a version, old versions
//! are rebuilt byte for byte from their release, and released content
//! cannot change silently.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use clausier::publish::output::ArtifactKind;
use common::*;

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs `clausier release dpa VERSION --effective DATE` with `summaries`
/// (`--summary-fr …`, `--summary-en …`).
fn release_dpa(dir: &Path, version: &str, date: &str, summaries: &[&str]) -> Output {
    let mut args = vec!["release", "dpa", version, "--effective", date];
    args.extend(summaries);
    clausier(dir, &args)
}

/// Changes the audit limit of the DPA, in both languages at once.
fn change_audit_limit(dir: &Path) {
    edit(
        &dir.join("annexes/commitments.yaml"),
        "audit_limit: 1 audit per year",
        "audit_limit: 2 audits per year",
    );
}

#[test]
fn a_new_release_leaves_every_older_version_byte_identical() {
    let dir = scratch("release-rebuild");
    copy_corpus(&dir);
    let before = dir.join("before");
    let first = build(&dir, &before);

    change_audit_limit(&dir);
    let release = release_dpa(
        &dir,
        "1.3",
        "2027-06-01",
        &[
            "--summary-fr",
            "Deux audits par an.",
            "--summary-en",
            "Two audits per year.",
        ],
    );
    assert!(release.status.success(), "{}", stderr(&release));
    let shown = String::from_utf8_lossy(&release.stdout);
    assert!(
        shown.contains("released dpa 1.3, effective 2027-06-01"),
        "{shown}"
    );
    assert!(dir.join("releases/dpa/1.3.json").is_file());
    assert_eq!(clausier(&dir, &["check"]).status.code(), Some(0));

    let after = dir.join("after");
    let second = build(&dir, &after);
    // Every artifact of an older version is the same file as before.
    let versioned: Vec<_> = first
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::Document && !a.latest)
        .collect();
    assert!(versioned.iter().any(|a| a.path == "fr/dpa/1.0.pdf"));
    for artifact in versioned {
        assert_eq!(
            fs::read(before.join(&artifact.path)).unwrap(),
            fs::read(after.join(&artifact.path)).unwrap(),
            "{} changed when a later version was released",
            artifact.path
        );
        assert!(second.artifacts.contains(artifact), "{}", artifact.path);
    }
    // The fixed path now holds 1.3, with its history.
    let latest = pdf_text(&after.join("fr/dpa.pdf"));
    assert!(letters(&latest).contains(&letters("deux (2) audits par an")));
    assert_eq!(
        fs::read(after.join("fr/dpa.pdf")).unwrap(),
        fs::read(after.join("fr/dpa/1.3.pdf")).unwrap()
    );
    let history = html_text(&after.join("en/dpa.html"));
    for line in [
        "1.3",
        "Two audits per year.",
        "1.1",
        "New sub-processor Scaleway",
    ] {
        assert!(history.contains(line), "history lacks {line}");
    }
    // Version 1.1 still says one audit, and knows nothing of 1.3.
    let old = html_text(&after.join("en/dpa/1.1.html"));
    assert!(old.contains("one (1) audit per year"));
    assert!(!old.contains("Two audits per year."));
}

#[test]
fn release_refuses_what_would_rewrite_history() {
    let dir = scratch("release-refusals");
    copy_corpus(&dir);
    let release = |version: &str, date: &str| {
        let summaries = ["--summary-fr", "Modification.", "--summary-en", "Change."];
        release_dpa(&dir, version, date, &summaries)
    };
    let unchanged = release("1.3", "2027-06-01");
    assert_eq!(unchanged.status.code(), Some(2));
    assert!(stderr(&unchanged).contains("`dpa` has not changed since release 1.2"));

    change_audit_limit(&dir);
    for (version, date, error) in [
        (
            "1.2",
            "2027-06-01",
            "version 1.2 does not follow the latest release of `dpa`, 1.2: give a greater version",
        ),
        (
            "1.0.9",
            "2027-06-01",
            "version 1.0.9 does not follow the latest release of `dpa`, 1.2",
        ),
        (
            "1.3",
            "2027-02-28",
            "2027-02-28 is before 2027-03-01, the effective date of release 1.2",
        ),
        (
            "1.3",
            "2027-02-30",
            "`2027-02-30` is not a day of the calendar",
        ),
        ("v1.3", "2027-06-01", "`v1.3` is not a version number"),
    ] {
        let output = release(version, date);
        assert_eq!(output.status.code(), Some(2), "{version} {date}");
        assert!(stderr(&output).contains(error), "{}", stderr(&output));
    }
    let untranslated = release_dpa(
        &dir,
        "1.3",
        "2027-06-01",
        &["--summary-fr", "Deux audits par an."],
    );
    assert!(stderr(&untranslated).contains("in every language of `dpa`: --summary-en"));
    assert!(!dir.join("releases/dpa/1.3.json").exists());

    // The unreleased change itself: build refuses it, and says what to do.
    let build = clausier(&dir, &["build"]);
    assert_eq!(build.status.code(), Some(1));
    let shown = stderr(&build);
    assert!(
        shown.contains(
            "error[E0805]: the content of `dpa` changed since release 1.2: release a new version"
        ),
        "{shown}"
    );
    assert!(shown.contains("`clausier build --draft`"), "{shown}");
    // As a draft, it is published at the fixed path only, marked as such.
    let draft = clausier(&dir, &["build", "--draft"]);
    assert!(draft.status.success(), "{}", stderr(&draft));
    assert!(stderr(&draft).contains("draft: `dpa` changed since release 1.2"));
    let text = html_text(&dir.join("out/fr/dpa.html"));
    assert!(text.contains("projet non publié"));
    assert!(!html_text(&dir.join("out/fr/dpa/1.2.html")).contains("projet non publié"));
}

#[test]
fn release_refuses_a_label_that_does_not_resolve() {
    let dir = scratch("release-label-error");
    copy_corpus(&dir);
    change_audit_limit(&dir);
    fs::create_dir_all(dir.join("locales/en")).unwrap();
    fs::write(
        dir.join("locales/en/documents.ftl"),
        "page-version = Version { $number }\n",
    )
    .unwrap();
    let summaries = [
        "--summary-fr",
        "Deux audits.",
        "--summary-en",
        "Two audits.",
    ];
    let output = release_dpa(&dir, "1.3", "2027-06-01", &summaries);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("error[E0305]: message `page-version` uses the variable `$number`, which clausier does not give it\n --> locales/en/documents.ftl:1:1\n"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.join("releases/dpa/1.3.json").exists());
}
