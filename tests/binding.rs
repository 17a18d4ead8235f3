//! The binding language is the corpus's choice (`corpus.yaml`): with
//! English binding, the French edition is the translation, marked as such;
//! translation reviews run from the English original; the site's home page
//! at the root is English. A corpus with one language has no translation.

mod common;

use std::fs;

use common::*;

/// The shipped corpus without its releases, English binding, with labels
/// that say so.
fn english_binding(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    copy_corpus(&dir);
    fs::remove_dir_all(dir.join("releases")).unwrap();
    edit(&dir.join("corpus.yaml"), "binding: fr", "binding: en");
    let labels = [
        (
            "fr",
            "notice-translation-long",
            "Le présent document est une traduction française, fournie à titre d'information. Seule la version anglaise fait foi.",
        ),
        (
            "en",
            "notice-binding-long",
            "This document is written in English. Only the English version is binding.",
        ),
    ];
    for (lang, id, text) in labels {
        let path = dir.join(format!("locales/{lang}/documents.ftl"));
        let lines: Vec<String> = fs::read_to_string(&path)
            .unwrap()
            .lines()
            .map(|line| match line.starts_with(&format!("{id} =")) {
                true => format!("{id} = {text}"),
                false => line.to_string(),
            })
            .collect();
        fs::write(&path, lines.join("\n") + "\n").unwrap();
    }
    dir
}

/// What a command printed, on either stream.
fn shown(output: &std::process::Output) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout);
    format!("{stdout}{}", String::from_utf8_lossy(&output.stderr))
}

#[test]
fn with_english_binding_the_french_edition_is_the_translation() {
    let dir = english_binding("binding-en");
    let said = shown(&clausier(&dir, &["check", "--draft"]));
    assert!(
        said.contains(
            "warning: the fr translation of clause `subject` was never confirmed as reviewed"
        ),
        "{said}"
    );
    assert!(
        !said.contains("the en translation"),
        "English is the original: {said}"
    );
    let confirmed = clausier(&dir, &["translations", "confirm"]);
    assert!(confirmed.status.success(), "{confirmed:?}");
    let lock = fs::read_to_string(dir.join("contracts/dpa/translations.lock")).unwrap();
    assert!(lock.contains("\nreviewed:\n  fr:\n"), "{lock}");
    assert!(
        lock.contains("# Purpose – Scope"),
        "the English text is recorded"
    );

    // An edit of the English original now asks for a French review.
    edit(
        &dir.join("contracts/dpa/en.md"),
        "# Purpose – Scope {#subject}",
        "# Purpose and scope {#subject}",
    );
    let said = shown(&clausier(&dir, &["check", "--draft"]));
    assert!(
        said.contains(
            "the English text of clause `subject` changed since its fr translation was reviewed"
        ),
        "{said}"
    );

    let out = dir.join("out");
    build_draft(&dir, &out);
    let french = fs::read_to_string(out.join("fr/dpa.html")).unwrap();
    let english = fs::read_to_string(out.join("en/dpa.html")).unwrap();
    assert!(french.contains("<p class=\"notice translation\" role=\"note\">"));
    assert!(
        french.contains("Seule la version anglaise fait foi"),
        "the French edition is marked"
    );
    assert!(english.contains("<p class=\"notice binding\" role=\"note\">"));
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains("<html lang=\"en\""),
        "the home page at the root is English"
    );
    assert!(out.join("fr/index.html").exists());
}

#[test]
fn a_binding_language_the_corpus_does_not_have_is_refused_where_it_is_written() {
    let dir = scratch("binding-unknown");
    copy_corpus(&dir);
    edit(
        &dir.join("corpus.yaml"),
        "languages: [fr, en]",
        "languages: [fr]",
    );
    let checked = clausier(&dir, &["check"]);
    let said = shown(&checked);
    assert_eq!(checked.status.code(), Some(1));
    assert!(
        said.contains("error: locales/en/ is for a language that corpus.yaml does not list"),
        "{said}"
    );
    edit(&dir.join("corpus.yaml"), "binding: fr", "binding: en");
    let said = shown(&clausier(&dir, &["check"]));
    assert!(
        said.contains(
            "error: the binding language `en` is not one of the languages\n --> corpus.yaml:9:10"
        ),
        "{said}"
    );
}

#[test]
fn a_missing_text_of_a_document_is_named_as_such() {
    let dir = scratch("binding-missing-text");
    copy_corpus(&dir);
    fs::remove_file(dir.join("contracts/privacy/en.md")).unwrap();
    let said = shown(&clausier(&dir, &["check"]));
    assert!(
        said.contains("error: contracts/privacy/ has no en.md, the document's text in English\n"),
        "{said}"
    );
    assert!(
        !said.contains("--root"),
        "the corpus folder was right: {said}"
    );
}
