//! Sales: each client's own DPA, built from the release it signs into a
//! private folder, the client register, and the promise that no client
//! data ever reaches the public output.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::*;

/// The shipped corpus's clients, built once into a private folder.
fn private() -> &'static Path {
    static PRIVATE: OnceLock<PathBuf> = OnceLock::new();
    PRIVATE.get_or_init(|| {
        let out = scratch("clients-private").join("private");
        let output = clausier(
            &shipped_root(),
            &["clients", "build", "--out", out.to_str().unwrap()],
        );
        assert!(output.status.success(), "{}", shown(&output));
        out
    })
}

/// The text of each page of a client's PDF, and its whole text as letters.
fn copy(client: &str, lang: &str) -> (Vec<String>, String) {
    let pages = pdf_pages(&private().join(client).join(lang).join("dpa.pdf"));
    let text = letters(&pages.concat());
    (pages, text)
}

/// The pages of annex B, from its heading to annex C's.
fn annex_b(pages: &[String]) -> String {
    let text = letters(&pages.concat());
    let start = text
        .rfind(&letters("Annexe B – Finalités"))
        .expect("annex B");
    let end = text.rfind(&letters("Annexe C – Liste")).expect("annex C");
    text[start..end].to_string()
}

#[test]
fn a_town_on_1_0_gets_its_name_its_product_and_1_0s_subprocessors() {
    let (pages, text) = copy("saint-exemple", "fr");
    for expected in [
        "Commune de Saint-Exemple-sur-Vilaine",
        "Place de la Mairie – 35999 SAINT-EXEMPLE-SUR-VILAINE",
        "SIRET : 21359999600013",
        "Représenté(e) par Jeanne Fictive, en qualité de Maire",
        "ci-après le « Client »",
        "rgpd@saint-exemple.example",
        "Fait à Saint-Exemple-sur-Vilaine, le 15 septembre 2026, en deux exemplaires originaux.",
        "Pour le Responsable du traitement",
        "Pour le Sous-traitant",
        "Nom : Benoit Jeannin",
        "Version 1.0",
    ] {
        assert!(text.contains(&letters(expected)), "{expected} is missing");
    }
    // Annex B describes Kidoo only, lettered A; Kaligo is gone.
    let annex = annex_b(&pages);
    assert!(annex.contains(&letters("A. Solution Kidoo")));
    assert!(!annex.contains("kaligo"), "{annex}");
    // 1.0 had no Scaleway: 1.1 added it.
    assert!(!text.contains("scaleway"));
    // Every page's footer names the client, the version and its date.
    for (number, page) in pages.iter().enumerate() {
        let page = letters(page);
        for expected in [
            "Exemplaire établi pour : Commune de Saint-Exemple-sur-Vilaine",
            "Version 1.0",
            // As release 1.0 was published, before typography.
            "1er septembre 2026",
        ] {
            assert!(
                page.contains(&letters(expected)),
                "page {} lacks {expected}",
                number + 1
            );
        }
    }
    // The PDF's title names the client (XMP metadata, uncompressed).
    let bytes = fs::read(private().join("saint-exemple/fr/dpa.pdf")).unwrap();
    let title = "<rdf:li xml:lang=\"x-default\">Accord sur le traitement des données personnelles – Commune de Saint-Exemple-sur-Vilaine (commune fictive)</rdf:li>";
    assert!(String::from_utf8_lossy(&bytes).contains(title));
}

#[test]
fn a_school_on_1_1_unsigned_gets_a_blank_signature_page_and_1_1s_subprocessors() {
    let (pages, text) = copy("ecole-des-tilleuls", "fr");
    for expected in [
        "École élémentaire publique des Tilleuls",
        "UAI : 0359999D",
        "Représenté(e) par Claire Exemple, en qualité de Directrice d'école",
        "Accès aux solutions : GAR",
        "Fait à ………………………………, le ………………………………, en deux exemplaires originaux.",
        "Version 1.1",
        "Scaleway",
    ] {
        assert!(text.contains(&letters(expected)), "{expected} is missing");
    }
    let annex = annex_b(&pages);
    assert!(annex.contains(&letters("A. Solution Kaligo Ecole")));
    assert!(!annex.contains("kidoo"));
    // French only: the record asks for no translation.
    assert!(!private().join("ecole-des-tilleuls/en").exists());
}

#[test]
fn a_company_gets_both_products_and_the_english_translation_alongside() {
    let (pages, text) = copy("exemplum-formation", "en");
    for expected in [
        "EXEMPLUM FORMATION SAS",
        "SIRET: 99900001100018",
        "VAT number: FR66999000011",
        "Represented by Marc Démo, acting as Chief Executive Officer",
        "hereinafter the “Client”",
        "The Parties sign the binding version; this translation is not signed.",
        "Prepared for EXEMPLUM FORMATION SAS",
    ] {
        assert!(text.contains(&letters(expected)), "{expected} is missing");
    }
    let start = text.rfind(&letters("Annex B – Purposes")).expect("annex B");
    let end = text.rfind(&letters("Annex C – ")).expect("annex C");
    let annex = &text[start..end];
    assert!(
        annex.contains(&letters("A. Kaligo Ecole solution")),
        "{annex}"
    );
    assert!(annex.contains(&letters("B. Kidoo solution")), "{annex}");
    assert!(pages.len() > 10);
    // Only the binding text is signed: the translation has no signature
    // blocks, the French edition has them.
    assert!(
        !text.contains(&letters("For the Controller"))
            && !text.contains(&letters("Signed in Rennes"))
    );
    // The English edition links the French one beside it, never the site.
    let html = fs::read_to_string(private().join("exemplum-formation/en/dpa.html")).unwrap();
    assert!(html.contains("href=\"..&#x2F;fr&#x2F;dpa.html\""));
    assert!(!html.contains("index.html") && !html.contains("dpa/1.0.html"));
    let french = html_text(&private().join("exemplum-formation/fr/dpa.html"));
    assert!(letters(&french).contains(&letters(
        "Fait à Rennes, le 2 octobre 2026, en deux exemplaires originaux"
    )));
    let french = fs::read_to_string(private().join("exemplum-formation/fr/dpa.html")).unwrap();
    let blocks = french
        .find("<div class=\"signatories\">")
        .expect("the signature blocks");
    assert!(
        french[blocks..]
            .find("Pour le Responsable du traitement")
            .unwrap()
            < french[blocks..].find("Pour le Sous-traitant").unwrap()
    );
}

#[test]
fn copies_are_byte_identical_on_rebuild_and_a_rebuild_of_one_keeps_the_others() {
    let out = scratch("clients-rebuild").join("private");
    let build = |ids: &[&str]| {
        let mut args = vec!["clients", "build", "--out", out.to_str().unwrap()];
        args.extend(ids);
        let output = clausier(&shipped_root(), &args);
        assert!(output.status.success(), "{}", shown(&output));
    };
    build(&[]);
    let first = fs::read(out.join("saint-exemple/fr/dpa.pdf")).unwrap();
    build(&["ecole-des-tilleuls"]);
    assert_eq!(
        fs::read(out.join("saint-exemple/fr/dpa.pdf")).unwrap(),
        first
    );
    build(&[]);
    assert_eq!(
        fs::read(out.join("saint-exemple/fr/dpa.pdf")).unwrap(),
        first
    );
    // What the rebuilds copied is what a fresh build renders.
    let manifest = fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(
        manifest.contains("\"inputs\": "),
        "copies are fingerprinted"
    );
    let fresh = out.with_file_name("fresh");
    let args = [
        "clients",
        "build",
        "--fresh",
        "--out",
        fresh.to_str().unwrap(),
    ];
    let output = clausier(&shipped_root(), &args);
    assert!(output.status.success(), "{}", shown(&output));
    assert_eq!(relative_tree(&out), relative_tree(&fresh));
    let output = clausier(
        &shipped_root(),
        &[
            "clients",
            "build",
            "ecole-des-tileuls",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        shown(&output).contains("did you mean `ecole-des-tilleuls`?"),
        "{}",
        shown(&output)
    );
}

#[test]
fn no_client_data_ever_reaches_the_public_output() {
    let dir = scratch("clients-privacy");
    copy_corpus(&dir);
    let out = dir.join("out");
    build(&dir, &out);
    let output = clausier(&dir, &["clients", "build"]);
    assert!(output.status.success(), "{}", shown(&output));
    // What identifies each client, read from its own record.
    let mut secrets = Vec::new();
    for entry in fs::read_dir(dir.join("clients")).unwrap() {
        let yaml = fs::read_to_string(entry.unwrap().path()).unwrap();
        let record: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
        for field in ["legal_name", "uai", "siret", "vat", "address"] {
            if let Some(value) = record[field].as_str() {
                secrets.push(value.to_string());
            }
        }
        secrets.push(record["signatory"]["name"].as_str().unwrap().to_string());
        secrets.push(
            record["privacy_contact"]["email"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    assert!(secrets.len() >= 16, "{secrets:?}");
    let mut searched = 0;
    for file in files(&out) {
        let bytes = fs::read(&file).unwrap();
        let raw = String::from_utf8_lossy(&bytes);
        let text = match file.extension().and_then(|ext| ext.to_str()) {
            Some("pdf") => pdf_text(&file),
            Some("docx") => common::docx::package_text(&file),
            _ => raw.to_string(),
        };
        for secret in &secrets {
            assert!(
                !raw.contains(secret.as_str()) && !letters(&text).contains(&letters(secret)),
                "{} holds {secret}",
                file.display()
            );
        }
        searched += 1;
    }
    assert!(searched >= 45, "{searched} files");
    // The private copies do hold them: the search would find them.
    let private = pdf_text(&dir.join("private/saint-exemple/fr/dpa.pdf"));
    assert!(letters(&private).contains(&letters("21359999600013")));
    let private = common::docx::package_text(&dir.join("private/saint-exemple/fr/dpa.docx"));
    assert!(letters(&private).contains(&letters("21359999600013")));
    // The two folders never swap roles, nor nest.
    let site = dir.join("site");
    build(&dir, &site);
    let inside = site.join("private");
    let output = clausier(
        &dir,
        &["clients", "build", "--out", inside.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(2), "{}", shown(&output));
    assert!(!inside.exists());
    let output = clausier(&dir, &["clients", "build", "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        shown(&output).contains("is the public output"),
        "{}",
        shown(&output)
    );
    let output = clausier(
        &dir,
        &["build", "--out", dir.join("private").to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        shown(&output).contains("holds clients' private copies"),
        "{}",
        shown(&output)
    );
}

/// Every file under `folder`.
fn files(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        match path.is_dir() {
            true => found.extend(files(&path)),
            false => found.push(path),
        }
    }
    found
}

#[test]
fn the_register_says_who_signed_what_and_who_is_behind() {
    let output = clausier(&shipped_root(), &["clients", "list"]);
    assert!(output.status.success(), "{}", shown(&output));
    insta::assert_snapshot!("register-table", shown(&output));
    let output = clausier(
        &shipped_root(),
        &["clients", "list", "--behind", "--format", "csv"],
    );
    insta::assert_snapshot!("register-behind-csv", shown(&output));
    let output = clausier(&shipped_root(), &["clients", "list", "--format", "json"]);
    let entries: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(entries.as_array().unwrap().len(), 3);
    assert_eq!(entries[0]["client"], "ecole-des-tilleuls");
    // Every client signed a version older than DPA 1.2.
    for entry in entries.as_array().unwrap() {
        assert_eq!(entry["behind"], true, "{entry}");
    }
}

#[test]
fn client_records_can_live_outside_the_corpus() {
    let dir = scratch("clients-outside");
    copy_corpus(&dir);
    let records = dir.join("confidential");
    fs::rename(dir.join("clients"), &records).unwrap();
    let corpus = dir.join("corpus");
    fs::create_dir(&corpus).unwrap();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_owned();
        if name != "confidential" && name != "corpus" {
            fs::rename(&path, corpus.join(name)).unwrap();
        }
    }
    let clients = records.to_str().unwrap();
    let output = clausier(&corpus, &["clients", "list", "--clients", clients]);
    assert!(
        shown(&output).contains("saint-exemple"),
        "{}",
        shown(&output)
    );
    common::edit(
        &records.join("saint-exemple.yaml"),
        "products: [kidoo]",
        "products: [kidou]",
    );
    let output = clausier(&corpus, &["check", "--clients", clients]);
    assert_eq!(output.status.code(), Some(1));
    let expected = format!("--> {clients}/saint-exemple.yaml:14:12");
    assert!(shown(&output).contains(&expected), "{}", shown(&output));
    // Without --clients, the corpus has none: it checks clean.
    let output = clausier(&corpus, &["check"]);
    assert!(output.status.success(), "{}", shown(&output));
    let output = clausier(
        &corpus,
        &["clients", "list", "--clients", "/nonexistent/clients"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        shown(&output).contains("cannot read the clients folder /nonexistent/clients"),
        "{}",
        shown(&output)
    );
}

#[test]
fn e_signature_anchors_are_in_the_text_of_each_signature_area() {
    let dir = scratch("clients-anchors");
    copy_corpus(&dir);
    let settings = dir.join("corpus.yaml");
    let mut text = fs::read_to_string(&settings).unwrap();
    text.push_str("signing:\n  controller_anchor: \"{{s1|signature|180|60}}\"\n  processor_anchor: \"{{s2|signature|180|60}}\"\n");
    fs::write(&settings, text).unwrap();
    let output = clausier(
        &dir,
        &["clients", "build", "saint-exemple", "--format", "pdf"],
    );
    assert!(output.status.success(), "{}", shown(&output));
    let pages = pdf_pages(&dir.join("private/saint-exemple/fr/dpa.pdf"));
    let signatures = pages
        .iter()
        .find(|page| page.contains("Fait à"))
        .expect("a signature page");
    let client = signatures
        .find("{{s1|signature|180|60}}")
        .expect("the client's tag");
    let processor = signatures
        .find("{{s2|signature|180|60}}")
        .expect("the processor's tag");
    assert!(client < processor, "{signatures}");
    // Without `signing:`, no tag.
    assert!(!pdf_text(&private().join("saint-exemple/fr/dpa.pdf")).contains("{{s1"));
}

#[test]
fn a_full_build_forgets_a_removed_client_and_a_yml_file_is_reported() {
    let dir = scratch("clients-removed");
    copy_corpus(&dir);
    let built = |dir: &Path| clausier(dir, &["clients", "build"]);
    assert!(built(&dir).status.success());
    assert!(dir.join("private/saint-exemple/fr/dpa.pdf").is_file());
    fs::remove_file(dir.join("clients/saint-exemple.yaml")).unwrap();
    let output = built(&dir);
    assert!(output.status.success(), "{}", shown(&output));
    assert!(!dir.join("private/saint-exemple").exists());
    let merge = fs::read_to_string(dir.join("private/notices/dpa-1.0-1.1.csv")).unwrap();
    assert!(!merge.contains("Saint-Exemple"), "{merge}");
    fs::write(dir.join("clients/mairie.yml"), "legal_name: x\n").unwrap();
    let output = clausier(&dir, &["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        shown(&output).contains("clients/mairie.yml cannot be a client record"),
        "{}",
        shown(&output)
    );
}

#[test]
fn a_client_file_cannot_take_the_name_of_the_mail_merges_folder() {
    let dir = scratch("clients-reserved");
    copy_corpus(&dir);
    fs::rename(
        dir.join("clients/saint-exemple.yaml"),
        dir.join("clients/notices.yaml"),
    )
    .unwrap();
    let output = clausier(&dir, &["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        shown(&output).contains("error[E1001]: clients/notices.yaml cannot be a client record"),
        "{}",
        shown(&output)
    );
}

/// Every file under `folder` with its bytes, by path.
fn snapshot(folder: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut all: Vec<(PathBuf, Vec<u8>)> = files(folder)
        .into_iter()
        .map(|path| {
            let bytes = fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    all.sort();
    all
}

#[test]
fn a_failed_clients_build_leaves_the_private_folder_and_the_releases_as_they_were() {
    let dir = scratch("clients-failed");
    copy_corpus(&dir);
    let releases = snapshot(&dir.join("releases"));
    let output = clausier(&dir, &["clients", "build"]);
    assert!(output.status.success(), "{}", shown(&output));
    let private = snapshot(&dir.join("private"));
    assert!(private.len() > 10);
    common::edit(
        &dir.join("clients/saint-exemple.yaml"),
        "dpa: \"1.0\"",
        "dpa: \"1.7\"",
    );
    let output = clausier(&dir, &["clients", "build"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        shown(&output).contains("which was never released"),
        "{}",
        shown(&output)
    );
    assert_eq!(
        snapshot(&dir.join("private")),
        private,
        "the private folder changed"
    );
    assert_eq!(
        snapshot(&dir.join("releases")),
        releases,
        "a release changed"
    );
}

#[test]
fn a_clients_text_is_shown_as_text_never_as_markup() {
    let dir = scratch("clients-hostile");
    copy_corpus(&dir);
    let hostile = r#"<script>alert(1)</script> ]#panic("x")[ *bold* $x$"#;
    let record = dir.join("clients/saint-exemple.yaml");
    common::edit(
        &record,
        "legal_name: Commune de Saint-Exemple-sur-Vilaine (commune fictive)",
        &format!("legal_name: '{hostile}'"),
    );
    let output = clausier(&dir, &["clients", "build", "saint-exemple"]);
    assert!(output.status.success(), "{}", shown(&output));
    let html = fs::read_to_string(dir.join("private/saint-exemple/fr/dpa.html")).unwrap();
    assert!(!html.contains("<script>alert"), "unescaped HTML");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"));
    let text = pdf_text(&dir.join("private/saint-exemple/fr/dpa.pdf"));
    assert!(
        letters(&text).contains(&letters(hostile)),
        "the PDF shows the name as written"
    );
    // In French quotation marks, as typography sets straight quotes.
    assert!(text.contains("#panic(«"), "typst code shown, not run");
    let listed = clausier(&dir, &["clients", "list"]);
    assert!(shown(&listed).contains(hostile), "{}", shown(&listed));
}
