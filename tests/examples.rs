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
            "fr/cookies.html",
            "fr/cookies.pdf",
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
