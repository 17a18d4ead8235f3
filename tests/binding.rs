//! The binding language is the corpus's choice (`corpus.yaml`): with
//! English binding, the French edition is the translation, marked as such;
//! translation reviews run from the English original; the site's home page
//! at the root is English. A corpus with one language has no translation.

mod common;

use std::fs;

use common::*;

/// The shipped corpus without its releases, English binding.
fn english_binding(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    copy_corpus(&dir);
    fs::remove_dir_all(dir.join("releases")).unwrap();
    edit(&dir.join("corpus.yaml"), "binding: fr", "binding: en");
    dir
}

#[test]
fn with_english_binding_the_french_edition_is_the_translation() {
    let dir = english_binding("binding-en");
    let said = shown(&clausier(&dir, &["check", "--draft"]));
    assert!(
        said.contains(
            "warning[W0601]: the French translation of clause `subject` was never confirmed as reviewed"
        ),
        "{said}"
    );
    assert!(
        !said.contains("the English translation"),
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
            "the English text of clause `subject` changed since its French translation was reviewed"
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
    assert!(english.contains("Only the English version is binding"));
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
    fs::create_dir_all(dir.join("locales/en")).unwrap();
    fs::write(dir.join("locales/en/site.ftl"), "site-read = Read\n").unwrap();
    let checked = clausier(&dir, &["check"]);
    let said = shown(&checked);
    assert_eq!(checked.status.code(), Some(1));
    assert!(
        said.contains("error[E0202]: locales/en/ is for a language that corpus.yaml does not list"),
        "{said}"
    );
    edit(&dir.join("corpus.yaml"), "binding: fr", "binding: en");
    fs::remove_dir_all(dir.join("locales/en")).unwrap();
    let said = shown(&clausier(&dir, &["check"]));
    assert!(
        said.contains(
            "error[E0202]: the binding language `en` is not one of the languages\n --> corpus.yaml:9:10"
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
        said.contains(
            "error[E0203]: contracts/privacy/ has no en.md, the document's text in English\n"
        ),
        "{said}"
    );
    assert!(
        !said.contains("--root"),
        "the corpus folder was right: {said}"
    );
}

#[test]
fn clausier_new_writes_a_corpus_that_releases_and_builds_in_english_only() {
    let dir = scratch("new-english").join("corpus");
    let new = |args: &[&str]| clausier_new(&dir, args);
    let made = new(&[
        "--documents",
        "cookies",
        "--languages",
        "en",
        "--binding",
        "en",
    ]);
    assert!(made.status.success(), "{}", shown(&made));
    let checked = clausier(&dir, &["check", "--draft"]);
    assert!(checked.status.success(), "{}", shown(&checked));
    assert!(shown(&checked).contains("0 error(s), 0 warning(s)"));
    let args = [
        "release",
        "cookies",
        "1.0",
        "--effective",
        "2026-12-02",
        "--summary-en",
        "First version",
    ];
    let released = clausier(&dir, &args);
    assert!(released.status.success(), "{}", shown(&released));
    let built = clausier(&dir, &["build"]);
    assert!(built.status.success(), "{}", shown(&built));
    let html = fs::read_to_string(dir.join("out/en/cookies.html")).unwrap();
    assert!(html.contains("Cookie policy") && html.contains("Keeps you signed in"));
    let pdf = pdf_text(&dir.join("out/en/cookies.pdf"));
    assert!(pdf.contains("Cookie policy"), "{pdf}");
    for french in [
        "français",
        "française",
        "Politique",
        "fait foi",
        "cookies que",
        "à",
    ] {
        for (name, text) in [("html", &html), ("pdf", &pdf)] {
            assert!(!text.contains(french), "{name} has {french:?}");
        }
    }
    assert!(!dir.join("out/fr").exists());

    // Never into a folder that holds files.
    let again = new(&[]);
    assert_eq!(again.status.code(), Some(2));
    assert!(shown(&again).contains("already holds files"));
}

#[test]
fn clausier_new_with_a_french_translation_marks_it() {
    let dir = scratch("new-bilingual").join("corpus");
    let made = clausier_new(&dir, &["--languages", "en,fr", "--binding", "en"]);
    assert!(made.status.success(), "{}", shown(&made));
    assert!(shown(&made).contains("--summary-fr \"Première version\""));
    // The scaffold's French is recorded as reviewed: clean at once.
    let checked = clausier(&dir, &["check", "--draft"]);
    assert!(
        shown(&checked).contains("0 error(s), 0 warning(s)"),
        "{}",
        shown(&checked)
    );
    build_draft(&dir, &dir.join("out"));
    let french = fs::read_to_string(dir.join("out/fr/cookies.html")).unwrap();
    assert!(
        french.contains("Seule la version anglaise fait foi"),
        "{french}"
    );
    let english = fs::read_to_string(dir.join("out/en/cookies.html")).unwrap();
    assert!(english.contains("Only the English version is binding"));
}

#[test]
fn a_one_language_corpus_has_no_translation_to_confirm() {
    let dir = scratch("one-language").join("corpus");
    let made = clausier_new(&dir, &["--languages", "en"]);
    assert!(made.status.success(), "{}", shown(&made));
    let confirmed = clausier(&dir, &["translations", "confirm"]);
    assert_eq!(confirmed.status.code(), Some(2));
    assert!(shown(&confirmed).contains("written in `en` only: it has no translation to confirm"));
    assert!(!dir.join("contracts/cookies/translations.lock").exists());
}

#[test]
fn clausier_new_writes_a_privacy_policy_that_checks_clean() {
    for (name, languages) in [("privacy-fr", "fr"), ("privacy-en-fr", "en,fr")] {
        let dir = scratch(name).join("corpus");
        let made = clausier_new(
            &dir,
            &["--languages", languages, "--documents", "privacy,cookies"],
        );
        assert!(made.status.success(), "{}", shown(&made));
        assert!(shown(&made).contains("clausier release privacy 1.0"));
        let checked = clausier(&dir, &["check", "--draft"]);
        assert!(
            shown(&checked).contains("0 error(s), 0 warning(s)"),
            "{languages}: {}",
            shown(&checked)
        );
        build_draft(&dir, &dir.join("out"));
        let first = languages.split(',').next().unwrap();
        let page = fs::read_to_string(dir.join(format!("out/{first}/privacy.html"))).unwrap();
        assert!(page.contains("Example Hosting"), "the table of processing");
        // A short policy is compact: its title and first clause on page 1.
        let pages = pdf_pages(&dir.join(format!("out/{first}/cookies.pdf")));
        assert_eq!(pages.len(), 1, "{pages:?}");
        let cookies = letters(&pages[0]);
        let (title, clause) = match first {
            "fr" => ("Politique de cookies", "Qui dépose des cookies"),
            _ => ("Cookie policy", "Who sets cookies"),
        };
        assert!(cookies.contains(&letters(title)) && cookies.contains(&letters(clause)));
        // Longer than it allows, a document keeps its cover and contents.
        let meta = dir.join("contracts/privacy/document.yaml");
        edit(&meta, "compact_up_to: 3", "compact_up_to: 1");
        build_draft(&dir, &dir.join("out"));
        let pages = pdf_pages(&dir.join(format!("out/{first}/privacy.pdf")));
        let contents = if first == "fr" {
            "Sommaire"
        } else {
            "Contents"
        };
        assert!(pages.len() > 2 && pages[1].contains(contents), "{pages:?}");
        // A list item whose first text is left out keeps its dash.
        let yaml = fs::read_to_string(dir.join("annexes/privacy.yaml")).unwrap();
        let item = format!("    purposes:\n      - {first}: ");
        assert!(yaml.contains(&item), "{yaml}");
    }
}

#[test]
fn clausier_new_writes_a_data_processing_agreement_that_releases_and_builds() {
    for (name, languages) in [("dpa-en", "en"), ("dpa-en-fr", "en,fr")] {
        let dir = scratch(name).join("corpus");
        let made = clausier_new(&dir, &["--languages", languages, "--documents", "dpa"]);
        assert!(made.status.success(), "{}", shown(&made));
        let checked = clausier(&dir, &["check", "--draft"]);
        assert!(
            shown(&checked).contains("0 error(s), 0 warning(s)"),
            "{languages}: {}",
            shown(&checked)
        );
        let mut release = vec!["release", "dpa", "1.0", "--effective", "2027-01-04"];
        release.extend(["--summary-en", "First version"]);
        if languages.contains("fr") {
            release.extend(["--summary-fr", "Première version"]);
        }
        let released = clausier(&dir, &release);
        assert!(released.status.success(), "{}", shown(&released));
        let built = clausier(&dir, &["build"]);
        assert!(built.status.success(), "{}", shown(&built));
        let text = letters(&pdf_pages(&dir.join("out/en/dpa.pdf")).concat());
        // The cover and annex A name the processor and its register
        // entry; annex C gives each sub-processor's register entry, under
        // a column that does not say SIRET.
        for expected in [
            "EXAMPLE LTD",
            "Companies House 00000000",
            "Company registration",
            "Companies Registration Office 000000",
            "Companies House 00000001",
            "Adequacy decision for the United Kingdom",
            "prior consultation of the supervisory authority",
        ] {
            assert!(text.contains(&letters(expected)), "{languages}: {expected}");
        }
        let siret_column = letters("Name of the sub-processor SIRET Processing activity");
        assert!(!text.contains(&siret_column), "{languages}");
        let french = dir.join("out/fr/dpa.pdf");
        assert_eq!(french.exists(), languages.contains("fr"));
        if french.exists() {
            let text = letters(&pdf_pages(&french).concat());
            assert!(text.contains(&letters("Seule la version anglaise fait foi")));
            assert!(text.contains(&letters("autorisation écrite préalable générale")));
            assert!(text.contains(&letters("Immatriculation")));
        }
    }
    // A French sub-processor among others: its SIRET, named as such (in
    // the en,fr corpus the loop left).
    let dir =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("clausier-tests/dpa-en-fr/corpus");
    edit(
        &dir.join("annexes/subprocessors.yaml"),
        "registration: Companies Registration Office 000000",
        "siret: \"83308580600028\"",
    );
    build_draft(&dir, &dir.join("out"));
    let text = letters(&pdf_pages(&dir.join("out/en/dpa.pdf")).concat());
    assert!(text.contains(&letters("Company registration")));
    assert!(text.contains(&letters("SIRET 83308580600028")));
}

#[test]
fn text_before_the_first_heading_is_a_preamble_in_every_language() {
    let dir = scratch("preamble").join("corpus");
    let made = clausier_new(&dir, &["--languages", "en,fr"]);
    assert!(made.status.success(), "{}", shown(&made));
    let prepend = |lang: &str, text: &str| {
        let path = dir.join(format!("contracts/cookies/{lang}.md"));
        let old = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{text}\n\n{old}")).unwrap();
    };
    prepend("en", "This policy applies to every site of Example.");
    // In one language only, the other lacks it.
    let checked = clausier(&dir, &["check", "--draft"]);
    assert!(
        shown(&checked).contains("clause `preamble` has no `fr` text"),
        "{}",
        shown(&checked)
    );
    prepend(
        "fr",
        "La présente politique s’applique à tous les sites d’Example.",
    );
    let confirmed = clausier(&dir, &["translations", "confirm"]);
    assert!(confirmed.status.success(), "{}", shown(&confirmed));
    build_draft(&dir, &dir.join("out"));
    let page = fs::read_to_string(dir.join("out/en/cookies.html")).unwrap();
    let preamble = "<section id=\"preamble\" class=\"preamble\">\n<p>This policy applies";
    assert!(page.contains(preamble), "{page}");
    assert!(!page.contains("href=\"#preamble\""), "not in the contents");
    let pdf = letters(&pdf_text(&dir.join("out/fr/cookies.pdf")));
    let (before, after) = pdf
        .split_once(&letters("tous les sites d’Example"))
        .unwrap();
    assert!(
        !before.contains(&letters("1. Qui dépose")) && after.contains(&letters("1. Qui dépose"))
    );
    assert!(!pdf.contains(&letters("Préambule")), "no heading");
}

#[test]
fn site_settings_are_text_and_an_empty_document_is_refused() {
    let dir = scratch("site-text").join("corpus");
    let made = clausier_new(&dir, &["--languages", "en"]);
    assert!(made.status.success(), "{}", shown(&made));
    let settings = dir.join("corpus.yaml");
    let text = fs::read_to_string(&settings).unwrap();
    let title = "site:\n  title: { en: \"<script>alert(1)</script> & Co\" }\n";
    fs::write(&settings, format!("{text}{title}")).unwrap();
    build_draft(&dir, &dir.join("out"));
    for page in ["out/index.html", "out/feed.xml"] {
        let written = fs::read_to_string(dir.join(page)).unwrap();
        assert!(!written.contains("<script>"), "{page}: {written}");
        assert!(
            written.contains("&lt;script&gt;alert(1)"),
            "{page}: {written}"
        );
    }
    // A document with no text at all is refused where it is.
    fs::write(dir.join("contracts/cookies/en.md"), "  \n").unwrap();
    let checked = clausier(&dir, &["check", "--draft"]);
    assert_eq!(checked.status.code(), Some(1));
    let said = shown(&checked);
    assert!(
        said.contains(
            "error[E0601]: contracts/cookies/en.md has no text\n --> contracts/cookies/en.md:1:1"
        ),
        "{said}"
    );
}
