//! Every sentence and table row of the seed DPA
//! (`tests/fixtures/seeds/dpa-fr.txt`, a copy of the published text) appears
//! in the French PDF and HTML of version 1.0, the release made from it. The only differences are listed below, each
//! with its reason; a correction that no longer matches the seed fails.

mod common;

use std::fs;

use common::*;

/// (seed text, text in clausier's output, reason).
const CORRECTIONS: &[(&str, &str, &str)] = &[
    (
        "ANNEXE 2 : ACCORD SUR LE TRAITEMENT DES DONNEES PERSONNELLES",
        "Accord sur le traitement des données personnelles Annexe 2 des Conditions Générales",
        "title and subtitle of the cover page",
    ),
    (
        "d'opposition. Client dispose",
        "d'opposition. Le Client dispose",
        "missing article",
    ),
    (
        "au choix et la demande du Client",
        "au choix et à la demande du Client",
        "missing preposition",
    ),
    (
        "est réputée acceptée par le Client",
        "sont réputés acceptés par le Client",
        "agreement with « Les sous-traitants ultérieurs »",
    ),
    (
        "le Client de projet de transfert de données vers un pays tier par",
        "le Client de tout projet de transfert de données vers un pays tiers par",
        "missing determiner; « pays tiers » is invariable",
    ),
    (
        "quarante-huit heures (48h) de leur réception au Client",
        "quarante-huit (48) heures de leur réception, au Client",
        "commitments in legal style: words (digits) unit",
    ),
    (
        "ne donne pas lui-même suite",
        "ne donne pas elle-même suite",
        "Learn&Go is feminine elsewhere in the text (« tenue »)",
    ),
    (
        "soixante-douze heures (72 h)",
        "soixante-douze (72) heures",
        "commitments in legal style",
    ),
    (
        "sociétés au groupe",
        "sociétés du groupe",
        "wrong preposition",
    ),
    (
        "ANNEXE A – Liste des parties",
        "Annexe A – Identification des Parties",
        "one title per annex, the one clause 4 defines",
    ),
    (
        "ANNEXE B- Description du traitement",
        "Annexe B – Finalités et moyens du Traitement",
        "one title per annex, the one clause 1 defines",
    ),
    (
        "ANNEXE C - liste des sous-traitants ultérieurs de Learn&Go:",
        "Annexe C – Liste des sous-traitants ultérieurs",
        "one title per annex, the one clause 8 defines",
    ),
    (
        "ANNEXE D - Mesures de sécurité des données à caractère",
        "Annexe D – Mesures de sécurité et mesures organisationnelles",
        "truncated title; the one clause 7 defines",
    ),
    (
        "Données à caractère personne concernées",
        "Données à caractère personnel concernées",
        "typo",
    ),
    (
        "Destinataire des données traitées",
        "Destinataires des données traitées",
        "plural, as the other row headings",
    ),
    (
        "Données professionnelle ",
        "Données professionnelles ",
        "plural agreement",
    ),
    (
        "Données Professionnelle ",
        "Données professionnelles ",
        "plural agreement",
    ),
    (
        "aux demande de support",
        "aux demandes de support",
        "plural agreement",
    ),
    (
        "dans un délai de 24H",
        "dans un délai de vingt-quatre (24) heures",
        "commitments in legal style",
    ),
    ("entraine", "entraîne", "accent"),
    ("Elèves", "Élèves", "accent on the capital"),
    (
        "Sendinblue (Brevo)",
        "Brevo (anciennement Sendinblue)",
        "Brevo is the current name",
    ),
    (
        "verrouillage automatique en cas d'activité",
        "verrouillage automatique en cas d'inactivité",
        "a session locks when idle",
    ),
    ("(ajours,", "(ajouts,", "typo"),
];

/// The seed with the corrections applied, as units of text to look for.
fn expected_units() -> Vec<String> {
    let mut seed = fs::read_to_string(shipped_root().join("tests/fixtures/seeds/dpa-fr.txt"))
        .unwrap()
        .replace('’', "'");
    for (from, to, reason) in CORRECTIONS {
        assert!(
            seed.contains(from),
            "correction no longer matches the seed ({reason}): {from:?}"
        );
        seed = seed.replace(from, to);
    }
    let mut units = Vec::new();
    for line in seed.lines() {
        if !line.contains('\t') {
            units.push(line.to_string());
            continue;
        }
        // Annex B and C rows: cells, their HTML paragraphs and list items.
        for cell in line.split('\t') {
            for fragment in cell.split(['<', '>']).step_by(2) {
                let mut fragment = format!(" {fragment}");
                for marker in [
                    " - ", " 1. ", " 2. ", " 3. ", " a. ", " b. ", " c. ", " d. ",
                ] {
                    fragment = fragment.replace(marker, "\u{1}");
                }
                units.extend(fragment.split('\u{1}').map(str::to_string));
            }
        }
    }
    units
        .into_iter()
        .map(|unit| normalize(&unit))
        .filter(|unit| unit.len() > 1)
        .collect()
}

/// Letters only, with the termbase's single form of « responsable du
/// traitement » (the seed mixes it with « responsable de traitement(s) »).
fn normalize(text: &str) -> String {
    let text = text
        .to_lowercase()
        .replace("responsable de traitements", "responsable du traitement")
        .replace("responsable de traitement", "responsable du traitement");
    letters(&text)
}

fn assert_contains_seed(output: &str, what: &str) {
    let output = normalize(output);
    let missing: Vec<String> = expected_units()
        .into_iter()
        .filter(|unit| !output.contains(unit))
        .collect();
    assert!(
        missing.is_empty(),
        "{what} lacks {} seed passage(s):\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn french_html_holds_every_sentence_and_row_of_the_seed() {
    assert_contains_seed(
        &html_text(&shipped_out().join("fr/dpa/1.0.html")),
        "fr/dpa/1.0.html",
    );
}

#[test]
fn french_pdf_holds_every_sentence_and_row_of_the_seed() {
    // Footers are cut off so that paragraphs run on across page breaks.
    let pages = pdf_pages(&shipped_out().join("fr/dpa/1.0.pdf"));
    let footer = "Accord sur le traitement des données personnelles · Version";
    let body: String = pages
        .iter()
        .map(|page| &page[..page.rfind(footer).unwrap_or(page.len())])
        .collect();
    assert_contains_seed(&body, "fr/dpa/1.0.pdf");
}

#[test]
fn the_seed_is_split_into_many_passages() {
    // Guards the test itself: an empty or unsplit seed would pass vacuously.
    let units = expected_units();
    assert!(units.len() > 150, "{} units", units.len());
    assert!(units.contains(&normalize("42476141900045")));
    assert!(units.contains(&normalize("Support client (Hors GAR uniquement)")));
}
