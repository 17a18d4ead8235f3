//! What a lawyer checks: `check` reads the clauses a checklist item is
//! declared in (tests/fixtures/invalid/requirement-not-said.yaml and the
//! other invalid cases show each failure), lists the facts still to
//! confirm without failing, the releases that fixed the review's defects
//! show them in their redlines, and a client notice says how, where and
//! until when to object.

mod common;

use std::fs;

use common::*;

#[test]
fn check_is_clean_and_lists_what_remains_to_confirm_as_notes() {
    let dir = scratch("legal-notes");
    copy_corpus(&dir);
    let checked = clausier(&dir, &["check", "--deny-warnings"]);
    let text = shown(&checked);
    assert!(checked.status.success(), "{text}");
    let clean = format!("0 error(s), 0 warning(s), {SHIPPED_NOTES} note(s)");
    assert_eq!(summary(&checked), clean, "{text}");
    assert!(text.contains(
        "note[N0501]: to confirm by Learn&Go: the `legal_name`, `address`, `processing_location` and `website` of sub-processor `crisp`"
    ));
    // A fact once confirmed is no longer listed.
    edit(
        &dir.join("annexes/third-parties.yaml"),
        "    to_confirm: [legal_name, address, transfer, privacy_policy]\n",
        "",
    );
    let checked = clausier(&dir, &["check"]);
    let fewer = format!("0 error(s), 0 warning(s), {} note(s)", SHIPPED_NOTES - 1);
    assert_eq!(summary(&checked), fewer);
    assert!(!shown(&checked).contains("third party `google`"));
}

#[test]
fn json_output_lists_the_notes_for_ci() {
    let dir = scratch("legal-json-notes");
    copy_corpus(&dir);
    let checked = clausier(&dir, &["check", "--format", "json"]);
    assert!(checked.status.success(), "{}", shown(&checked));
    let notes: Vec<serde_json::Value> = String::from_utf8_lossy(&checked.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .filter(|problem: &serde_json::Value| problem["code"] == "N0501")
        .collect();
    assert_eq!(notes.len(), SHIPPED_NOTES);
    assert!(notes.iter().all(|note| note["severity"] == "note"));
    assert!(notes.iter().all(|note| note["location"]["line"].is_u64()));
}

/// The words of a redline that it marks inserted, one string per `<ins>`.
fn inserted(html: &str) -> String {
    html.split("<ins>")
        .skip(1)
        .filter_map(|part| part.split_once("</ins>").map(|(ins, _)| ins))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_new_releases_redlines_show_the_fixes() {
    let out = shipped_out();
    // What each redline marks inserted holds every fix.
    for (path, fixes) in [
        (
            "fr/dpa/changes-1.1-1.2.html",
            &[
                "consultation préalable",
                "délégué à la protection des données",
                "droit de l’Union",
                "écrite préalable",
                "avertie",
            ][..],
        ),
        (
            "en/dpa/changes-1.1-1.2.html",
            &["data subjects", "identifiers"],
        ),
        (
            "fr/cookies/changes-1.0-1.1.html",
            &[
                "25 mois",
                "États-Unis",
                "chaque page",
                "Hors GAR",
                "adresse IP",
            ],
        ),
        (
            "fr/privacy/changes-1.0-1.1.html",
            &["décès", "opposition", "proviennent", "SENDINBLUE SAS"],
        ),
    ] {
        let inserted = inserted(&fs::read_to_string(out.join(path)).unwrap());
        for fix in fixes {
            assert!(inserted.contains(fix), "{path} does not insert {fix:?}");
        }
    }
}

#[test]
fn the_notice_says_until_when_where_and_how_to_object_and_what_else_changed() {
    let out = shipped_out();
    let notice = html_text(&out.join("notices/dpa-1.0-1.1.html"));
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let notice = flat(&notice);
    for said in [
        // From receipt, as the DPA counts it.
        "pour une notification reçue le 21 décembre 2026, ce délai expire le jeudi 31 décembre 2026 inclus",
        "for a notice received on 21 December 2026, this period ends on Thursday 31 December 2026 inclusive",
        // Where and how, from annex A's facts.
        "LEARN & GO SAS, 43 Square de la Mettrie – 35700 RENNES, ou par courrier électronique à legal@learn-and-go.com",
        // What an objection leads to: the DPA's own clause.
        "l’article 8 de l’accord (« Recours à des sous-traitants ultérieurs »)",
        "clause 8 of the agreement (“Use of sub-processors”)",
        // The release's other change.
        "quarante-huit (48)",
        "forty-eight (48)",
    ] {
        let said = flat(said);
        assert!(
            flat(&notice.replace(['\u{a0}', '\u{202f}'], " ")).contains(&said),
            "the notice does not say {said:?}:\n{notice}"
        );
    }
}

#[test]
fn the_notice_links_each_language_to_its_redline() {
    let out = shipped_out();
    // Tera writes `/` in attributes as `&#x2F;`, which browsers read as `/`.
    let html = fs::read_to_string(out.join("notices/dpa-1.0-1.1.html"))
        .unwrap()
        .replace("&#x2F;", "/");
    for (lang, label) in [
        ("fr", "Comparatif des versions 1.0 et 1.1"),
        ("en", "Comparison of versions 1.0 and 1.1"),
    ] {
        let link = format!("<a href=\"../{lang}/dpa/changes-1.0-1.1.html\">{label}</a>");
        assert!(html.contains(&link), "no {link}");
        assert!(
            out.join(format!("{lang}/dpa/changes-1.0-1.1.html"))
                .is_file()
        );
    }
    // Without the site's address, a PDF cannot link to a page of it.
    let pdf = letters(&pdf_text(&out.join("notices/dpa-1.0-1.1.pdf")));
    assert!(pdf.contains(&letters("pour une notification reçue le")));
    assert!(!pdf.contains(&letters("Comparatif des versions")));
}
