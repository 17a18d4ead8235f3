//! Another organisation's corpus, under `examples/`, builds with no code
//! change: French only, its own consent tool and cookies, and audience
//! measurement exempt from consent.

mod common;

use std::fs;

use common::*;

#[test]
fn the_example_organisation_builds_a_french_only_cookie_policy() {
    let root = shipped_root().join("examples/atelier-du-lac");
    let checked = clausier::check(&root, false).unwrap();
    let documents = checked.documents;
    let diagnostics = checked.warnings;

    assert!(diagnostics.is_empty(), "{diagnostics}");
    assert_eq!(documents.len(), 1, "one document, in French only");

    let out = scratch("example").join("out");
    let manifest = build(&root, &out);
    let paths: Vec<&str> = manifest.artifacts.iter().map(|a| a.path.as_str()).collect();
    // French only: no English page anywhere.
    assert!(
        paths.iter().all(|path| !path.starts_with("en/")),
        "{paths:?}"
    );
    assert_eq!(
        paths,
        [
            "feed.xml",
            "fr/cookies.docx",
            "fr/cookies.html",
            "fr/cookies.pdf",
            "fr/cookies/2.1.docx",
            "fr/cookies/2.1.html",
            "fr/cookies/2.1.pdf",
            "fragments/clausier.css",
            "fragments/fr/cookies.html",
            "index.html"
        ]
    );

    let html = fs::read_to_string(out.join("fr/cookies.html")).unwrap();
    assert!(
        !html.contains("hreflang=\"en\""),
        "no link to a translation that does not exist"
    );

    let text = pdf_text(&out.join("fr/cookies.pdf"));
    let flat = letters(&text);
    for expected in [
        "ATELIER NUMÉRIQUE DU LAC SARL",
        "tarteaucitron.js",
        "_pk_ses.*",
        "30 minutes",
        "Jusqu'à la fin de la session",
        "Exempté de consentement : mesure d'audience respectant les conditions de la CNIL",
        "Conditions de l'exemption de consentement",
        "Données collectées conservées 25 mois au plus.",
        "Version française faisant foi",
    ] {
        assert!(
            flat.contains(&letters(expected)),
            "the example PDF lacks {expected:?}"
        );
    }
}

#[test]
fn an_english_company_publishes_english_binding_policies_with_its_own_tracker_table() {
    let root = shipped_root().join("examples/harbour-lane");
    let checked = clausier::check(&root, false).unwrap();
    assert!(checked.warnings.is_empty(), "{}", checked.warnings);
    assert_eq!(
        checked.documents.len(),
        4,
        "a cookie and a privacy policy, in two languages"
    );

    let out = scratch("example-harbour-lane").join("out");
    let manifest = build(&root, &out);
    let paths: Vec<&str> = manifest.artifacts.iter().map(|a| a.path.as_str()).collect();
    for path in [
        "index.html",
        "fr/index.html",
        "en/cookies.pdf",
        "fr/privacy.pdf",
        "en/privacy/1.0.html",
    ] {
        assert!(paths.contains(&path), "{path} in {paths:?}");
    }
    assert!(
        !paths.contains(&"en/index.html"),
        "English, the binding language, is the site's root"
    );

    // One table of every tracker, with the columns cookies.yaml chooses,
    // kinds other than cookies and a lifetime the provider does not state.
    let english = read(&out.join("en/cookies.html"));
    assert_eq!(
        english.matches("<table>").count(),
        2,
        "the trackers, then the version history"
    );
    assert!(english.contains("<caption>Cookies and other trackers</caption>"));
    let headers = [
        "Name",
        "Type",
        "Placed by",
        "Purpose",
        "Retention period",
        "Consent",
    ]
    .map(|header| format!("<th scope=\"col\">{header}</th>"))
    .concat();
    assert!(
        english.contains(&format!("<tr>{headers}</tr>")),
        "{english}"
    );
    assert!(
        !english.contains("Data collected"),
        "no data column: {english}"
    );
    for text in [
        "<td>Local storage</td>",
        "<td>Pixel</td>",
        "Third-party tracker",
        "<td>Not stated by the provider</td>",
    ] {
        assert!(english.contains(text), "{text} in the English table");
    }
    assert!(english.contains("<a href=\"privacy.html\">privacy policy</a>"));
    assert!(
        english.contains("English version – binding"),
        "the English is binding"
    );

    // The French edition is the translation, and says so.
    let french = read(&out.join("fr/cookies.html"));
    for text in [
        "<td>Stockage local</td>",
        "Traceur tiers",
        "<td>Non précisée par le fournisseur</td>",
    ] {
        assert!(french.contains(text), "{text} in the French table");
    }
    let french_pdf = pdf_text(&out.join("fr/cookies.pdf"));
    assert!(
        letters(&french_pdf).contains(&letters("anglaise prévaut")),
        "{french_pdf}"
    );

    // corpus.yaml's site settings: its title, and links in full.
    let home = read(&out.join("fr/index.html"));
    assert!(home.contains("<title>Harbour Lane Books – conditions et politiques</title>"));
    let feed = read(&out.join("feed.xml"));
    assert!(feed.contains("<title>Harbour Lane Books – terms and policies</title>"));
    assert!(feed.contains(r#"href="https://legal.harbour-lane.example/feed.xml""#));
    assert!(feed.contains(r#"href="https://legal.harbour-lane.example/fr/cookies/1.0.pdf""#));
}

fn read(path: &std::path::Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}
