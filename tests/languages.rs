//! Corpora in languages other than French and English: any BCP 47
//! identifier, built-in labels for German, Spanish, Italian and Dutch, and
//! for a language clausier has no labels of, `new` writes the English ones
//! to translate; a label still missing is one located error.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{clausier, clausier_new, edit, html_text, pdf_text, scratch, shown};

/// A corpus `clausier new` writes into a fresh folder with `args`.
fn new_corpus(name: &str, args: &[&str]) -> PathBuf {
    let dir = scratch(name).join("corpus");
    let made = clausier_new(&dir, args);
    assert!(made.status.success(), "{}", shown(&made));
    dir
}

/// Releases the cookie policy with `summaries` and builds the site.
fn release_and_build(dir: &Path, summaries: &[&str]) {
    let release = ["release", "cookies", "1.0", "--effective", "2026-12-02"];
    let released = clausier(dir, &[&release[..], summaries].concat());
    assert!(released.status.success(), "{}", shown(&released));
    let built = clausier(dir, &["build"]);
    assert!(built.status.success(), "{}", shown(&built));
}

#[test]
fn a_belgian_corpus_in_dutch_and_french_uses_the_built_in_labels() {
    let dir = new_corpus(
        "nl-be",
        &["--languages", "nl-BE,fr-BE", "--binding", "nl-BE"],
    );
    assert!(!dir.join("locales").exists(), "every label is built in");
    // The organisation's name differs by language.
    let names = "short_name: { nl-BE: Stad Brussel, fr-BE: Ville de Bruxelles }\n";
    let settings = dir.join("corpus.yaml");
    let text = fs::read_to_string(&settings).unwrap();
    fs::write(&settings, format!("{text}{names}")).unwrap();
    // The Dutch text is the scaffold's English, to translate: its French
    // translation is not recorded as reviewed until someone has.
    let checked = clausier(&dir, &["check", "--draft"]);
    assert!(
        shown(&checked).contains("warning[W0601]"),
        "{}",
        shown(&checked)
    );
    let confirmed = clausier(&dir, &["translations", "confirm"]);
    assert!(confirmed.status.success(), "{}", shown(&confirmed));
    let checked = clausier(&dir, &["check", "--draft"]);
    assert!(
        shown(&checked).contains("0 error(s), 0 warning(s)"),
        "{}",
        shown(&checked)
    );
    release_and_build(
        &dir,
        &[
            "--summary",
            "nl-BE=Eerste versie",
            "--summary",
            "fr-BE=Première version",
        ],
    );
    let dutch = html_text(&dir.join("out/nl-BE/cookies.html"));
    for words in [
        "Nederlandse versie – bindend",
        "Bewaartermijn",
        "Version française",
        "(\"Stad Brussel\")",
    ] {
        assert!(dutch.contains(words), "{words}: {dutch}");
    }
    let french = pdf_text(&dir.join("out/fr-BE/cookies.pdf"));
    assert!(
        french.contains("la version néerlandaise prévaut"),
        "{french}"
    );
    assert!(french.contains("2 décembre 2026"), "{french}");
    let page = fs::read_to_string(dir.join("out/fr-BE/cookies.html")).unwrap();
    assert!(page.contains(r#"<html lang="fr-BE">"#), "{page}");
    assert!(page.contains("Ville de Bruxelles"), "{page}");
    let home = fs::read_to_string(dir.join("out/index.html")).unwrap();
    assert!(home.contains("Stad Brussel"), "{home}");
}

#[test]
fn a_language_without_labels_gets_them_in_english_to_translate() {
    let dir = new_corpus("pt", &["--languages", "pt", "--documents", "cookies"]);
    let labels = fs::read_to_string(dir.join("locales/pt/labels.ftl")).unwrap();
    assert!(labels.contains("\npage-contents = Contents\n"), "{labels}");
    // Those that name their own language name Portuguese.
    assert!(
        labels.contains("\npage-edition = Portuguese version\n"),
        "{labels}"
    );
    assert!(labels.contains("written in Portuguese. Only the Portuguese version"));
    let checked = clausier(&dir, &["check", "--draft"]);
    assert!(
        shown(&checked).contains("0 error(s), 0 warning(s)"),
        "{}",
        shown(&checked)
    );
    let twice = ["--summary", "pt=Primeira", "--summary", "pt=Segunda"];
    let release = ["release", "cookies", "1.0", "--effective", "2026-12-02"];
    let refused = clausier(&dir, &[&release[..], &twice].concat());
    assert_eq!(refused.status.code(), Some(2));
    assert!(shown(&refused).contains("the summary in `pt` is given twice"));
    release_and_build(&dir, &["--summary", "pt=Primeira versão"]);
    let page = html_text(&dir.join("out/pt/cookies.html"));
    // Dates clausier has no month names for are ISO 8601.
    assert!(page.contains("2026-12-02"), "{page}");

    // A label the corpus lacks, in a language clausier has none of.
    edit(
        &dir.join("locales/pt/labels.ftl"),
        "page-contents = Contents\n",
        "",
    );
    let checked = clausier(&dir, &["check"]);
    assert_eq!(checked.status.code(), Some(1));
    let said = String::from_utf8_lossy(&checked.stderr);
    let said = said.replace(&dir.display().to_string(), "<corpus>");
    insta::assert_snapshot!("label-missing-in-a-language-without-labels", said);
}
