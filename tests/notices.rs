//! Client notices of a change of sub-processors, and the Atom feed that
//! announces releases and notices.

mod common;

use std::fs;
use std::str::FromStr;

use atom_syndication::Feed;
use clausier::publish::output::ArtifactKind;
use common::*;

#[test]
fn the_shipped_notice_lists_the_new_subprocessor_and_the_deadline_in_both_languages() {
    let out = shipped_out();
    let html = html_text(&out.join("notices/dpa-1.0-1.1.html"));
    let pdf = pdf_text(&out.join("notices/dpa-1.0-1.1.pdf"));
    for text in [&html, &pdf] {
        let flat = letters(text);
        for expected in [
            "Notification de modification des sous-traitants ultérieurs",
            "Date de la notification : 21 décembre 2026",
            // 21 December + 7 working days, Christmas skipped.
            "Date limite pour présenter des objections : jeudi 31 décembre 2026",
            "sept (7) jours ouvrés",
            "Sous-traitants ultérieurs ajoutés",
            "Scaleway SCALEWAY SAS 43311590400008 Sauvegarde externalisée",
            "Notice of changes to sub-processors",
            "Deadline for objections: Thursday 31 December 2026",
            "seven (7) working days",
            "Sub-processors added",
            "Off-site backup",
            "The French version is the only binding text",
        ] {
            assert!(
                flat.contains(&letters(expected)),
                "notice lacks {expected:?}"
            );
        }
        // Only what changed: the other sub-processors are not listed.
        assert!(!flat.contains("ovhsas"), "unchanged sub-processor listed");
    }
    let page = fs::read_to_string(out.join("notices/dpa-1.0-1.1.html")).unwrap();
    assert!(page.contains("<html lang=\"fr\">") && page.contains("<article lang=\"en\""));
}

#[test]
fn a_notice_is_recorded_once_with_its_working_day_deadline() {
    let dir = scratch("notice-record");
    copy_corpus(&dir);
    fs::remove_dir_all(dir.join("releases/dpa/notices")).unwrap();
    let warned = String::from_utf8_lossy(&clausier(&dir, &["check"]).stdout).into_owned();
    assert!(
        warned.contains("warning[W0801]: release 1.1 of `dpa` changes the sub-processors, but no client notice was recorded\n --> releases/dpa/1.1.json:1:1\n"),
        "{warned}"
    );
    let out = dir.join("out");
    let run = |date: &str| clausier(&dir, &["notice", "dpa", "1.0", "1.1", "--date", date]);
    // Friday 24 December 2027 + 7 working days: Christmas (Saturday), the
    // weekends and New Year's Day (Saturday) fall outside working days.
    let output = run("2027-12-24");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(shown.contains("objections until 2028-01-04"), "{shown}");
    let record = fs::read_to_string(dir.join("releases/dpa/notices/1.0-1.1.json")).unwrap();
    assert!(record.contains("\"deadline\": \"2028-01-04\""), "{record}");
    assert!(record.contains("\"objection_period\": \"7 working days\""));
    assert!(out.join("notices/dpa-1.0-1.1.pdf").is_file());
    // Each client on 1.0 gets its own notice, addressed to it, in the
    // private folder, and the mail merge lists them; the school on 1.1
    // needs none.
    let private = dir.join("private");
    assert!(
        shown.contains("private/saint-exemple/notices/dpa-1.0-1.1.pdf"),
        "{shown}"
    );
    let merge = fs::read_to_string(private.join("notices/dpa-1.0-1.1.csv")).unwrap();
    assert_eq!(
        merge,
        "client,contact_email,notice_file,deadline\n\
         EXEMPLUM FORMATION SAS (société fictive),privacy@exemplum-formation.example,exemplum-formation/notices/dpa-1.0-1.1.pdf,2028-01-04\n\
         Commune de Saint-Exemple-sur-Vilaine (commune fictive),rgpd@saint-exemple.example,saint-exemple/notices/dpa-1.0-1.1.pdf,2028-01-04\n"
    );
    assert!(!private.join("ecole-des-tilleuls/notices").exists());
    // Only the notices: the clients' copies are `clients build`'s.
    assert!(!private.join("saint-exemple/fr").exists());
    let town = letters(&pdf_text(
        &private.join("saint-exemple/notices/dpa-1.0-1.1.pdf"),
    ));
    for expected in [
        "Commune de Saint-Exemple-sur-Vilaine",
        "Place de la Mairie – 35999 SAINT-EXEMPLE-SUR-VILAINE",
        "À l'attention de Louis Essai",
        "mardi 4 janvier 2028",
        "Scaleway",
    ] {
        assert!(town.contains(&letters(expected)), "{expected} is missing");
    }
    // The town's edition is French only; the company's has both.
    assert!(!town.contains(&letters("For the attention of")));
    let company = letters(&pdf_text(
        &private.join("exemplum-formation/notices/dpa-1.0-1.1.pdf"),
    ));
    assert!(company.contains(&letters("For the attention of Sophie Témoin")));
    assert_eq!(
        summary(&clausier(&dir, &["check"])),
        format!("0 error(s), 0 warning(s), {SHIPPED_NOTES} note(s)")
    );
    let again = run("2027-12-27");
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already records this notice"));

    let same = clausier(
        &dir,
        &["notice", "cookies", "1.0", "1.0", "--date", "2027-01-04"],
    );
    assert_eq!(same.status.code(), Some(2));
}

#[test]
fn the_feed_parses_as_atom_with_an_entry_per_release_and_notice() {
    let out = shipped_out();
    let xml = fs::read_to_string(out.join("feed.xml")).unwrap();
    let feed = Feed::from_str(&xml).expect("out/feed.xml is an Atom feed");
    assert_eq!(feed.id(), "tag:learn-and-go.com,2024:clausier");
    assert_eq!(feed.updated().to_rfc3339(), "2027-03-01T00:00:00+00:00");
    let ids: Vec<&str> = feed.entries().iter().map(|e| e.id()).collect();
    assert_eq!(
        ids,
        [
            "tag:learn-and-go.com,2024:cookies/1.1",
            "tag:learn-and-go.com,2024:dpa/1.2",
            "tag:learn-and-go.com,2024:privacy/1.1",
            "tag:learn-and-go.com,2024:dpa/1.1",
            "tag:learn-and-go.com,2024:dpa/notice/1.0-1.1",
            "tag:learn-and-go.com,2024:dpa/1.0",
            "tag:learn-and-go.com,2024:privacy/1.0",
            "tag:learn-and-go.com,2024:cookies/1.0",
        ],
        "newest first"
    );
    let manifest: clausier::publish::output::Manifest =
        serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
    // Every link of every entry is an artifact of the manifest.
    for entry in feed.entries() {
        assert!(!entry.title().is_empty() && entry.summary().is_some());
        for link in entry.links() {
            assert!(
                manifest.artifacts.iter().any(|a| a.path == link.href()),
                "{} links to {}, which is not published",
                entry.id(),
                link.href()
            );
        }
    }
    let feed_entry = manifest
        .artifacts
        .iter()
        .find(|a| a.kind == ArtifactKind::Feed)
        .unwrap();
    assert_eq!(feed_entry.path, "feed.xml");
    assert_eq!(feed_entry.media_type, "application/atom+xml");
}
