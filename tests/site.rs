//! The published site: index pages, fragments, `subprocessors.json`, and
//! relative links that all resolve, anchors included.

mod common;

use std::fs;
use std::path::{Component, Path, PathBuf};

use clausier::publish::output::{ArtifactKind, MANIFEST, Manifest};
use common::*;

/// A published file, with the entities tera writes for `/` and `'` decoded.
fn read(out: &Path, path: &str) -> String {
    fs::read_to_string(out.join(path))
        .unwrap()
        .replace("&#x2F;", "/")
        .replace("&#x27;", "'")
}

/// Every `href="…"` of a page, decoded.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .collect()
}

/// `base/relative`, with `..` resolved.
fn resolve(base: &Path, relative: &str) -> PathBuf {
    let mut path = base.to_path_buf();
    for component in Path::new(relative).components() {
        match component {
            Component::ParentDir => {
                path.pop();
            }
            Component::Normal(part) => path.push(part),
            _ => {}
        }
    }
    path
}

#[test]
fn every_relative_link_and_anchor_of_every_page_resolves() {
    let out = shipped_out();
    let manifest: Manifest = serde_json::from_str(&read(out, MANIFEST)).unwrap();
    let pages: Vec<&str> = manifest
        .artifacts
        .iter()
        .filter(|a| a.path.ends_with(".html") && a.kind != ArtifactKind::Fragment)
        .map(|a| a.path.as_str())
        .collect();
    assert!(pages.len() > 15, "{pages:?}");
    let mut checked = 0;
    for page in pages {
        let html = read(out, page);
        let folder = out.join(page).parent().unwrap().to_path_buf();
        for href in hrefs(&html) {
            if href.starts_with("https://")
                || href.starts_with("http://")
                || href.starts_with("mailto:")
            {
                continue;
            }
            let (file, anchor) = href.split_once('#').unwrap_or((&href, ""));
            let target = if file.is_empty() {
                out.join(page)
            } else {
                resolve(&folder, file)
            };
            assert!(
                target.starts_with(out) && target.is_file(),
                "{page}: {href} does not resolve"
            );
            if !anchor.is_empty() {
                let text = fs::read_to_string(&target).unwrap();
                assert!(
                    text.contains(&format!("id=\"{anchor}\"")),
                    "{page}: {href}: no anchor {anchor}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links");
}

#[test]
fn the_index_lists_each_document_with_its_version_date_and_links_in_both_languages() {
    let out = shipped_out();
    let fr = read(out, "index.html");
    let en = read(out, "en/index.html");
    assert!(fr.contains("<html lang=\"fr\">") && en.contains("<html lang=\"en\">"));
    assert!(
        fr.contains("<a href=\"en/index.html\" hreflang=\"en\" lang=\"en\">English version</a>")
    );
    assert!(
        en.contains("<a href=\"../index.html\" hreflang=\"fr\" lang=\"fr\">Version française</a>")
    );
    assert!(fr.contains(
        "<h2><a href=\"fr/dpa.html\">Accord sur le traitement des données personnelles</a></h2>"
    ));
    assert!(fr.contains("Version 1.2 · Date d’entrée en vigueur\u{a0}: <time datetime=\"2027-03-01\">1ᵉʳ mars 2027</time>"));
    assert!(fr.contains("<a href=\"fr/dpa.pdf\" type=\"application/pdf\">"));
    assert!(en.contains("<a href=\"cookies.pdf\" type=\"application/pdf\">"));
    assert!(en.contains(
        "Version 1.1 · Effective date: <time datetime=\"2027-03-01\">1 March 2027</time>"
    ));
    // English never gets French spacing before a colon.
    assert!(
        !en.contains(" :") && !en.contains("\u{a0}:"),
        "French spacing in English"
    );
    // English pages carry the "French prevails" banner.
    assert!(en.contains("class=\"notice translation\""));
    assert!(fr.contains("notices/dpa-1.0-1.1.html"));
    // What the latest DPA changed, for clients who signed the previous one.
    assert!(fr.contains("<a href=\"fr/dpa/changes-1.1-1.2.html\">Modifications de la version 1.2 par rapport à la version 1.1"));
    assert!(
        en.contains("<a href=\"dpa/changes-1.1-1.2.html\">Changes in version 1.2 from version 1.1")
    );
    let redline = read(out, "en/dpa/changes-1.0-1.1.html");
    assert!(redline.contains("<del>forty-eight (48)</del> <ins>twenty-four (24)</ins>"));
    let manifest: Manifest = serde_json::from_str(&read(out, MANIFEST)).unwrap();
    let redlines: Vec<&str> = manifest
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::Redline)
        .map(|a| a.path.as_str())
        .collect();
    // Each release's changes from the one before, in every language and
    // format.
    let mut expected = Vec::new();
    for lang in ["en", "fr"] {
        for (document, from, to) in [
            ("cookies", "1.0", "1.1"),
            ("dpa", "1.0", "1.1"),
            ("dpa", "1.1", "1.2"),
            ("privacy", "1.0", "1.1"),
        ] {
            for format in ["docx", "html", "pdf"] {
                expected.push(format!("{lang}/{document}/changes-{from}-{to}.{format}"));
            }
        }
    }
    assert_eq!(redlines, expected);
}

#[test]
fn fragments_are_body_only_and_subprocessors_json_has_every_field() {
    let out = shipped_out();
    let fragment = read(out, "fragments/en/dpa.html");
    assert!(fragment.starts_with("<article class=\"clausier-document\" lang=\"en\">"));
    for page_only in ["<html", "<head>", "<body", "<main", "<style"] {
        assert!(!fragment.contains(page_only), "fragment has {page_only}");
    }
    assert!(fragment.contains("id=\"annex-subprocessors\""));
    assert!(read(out, "fragments/clausier.css").contains(".clausier-document"));

    let list: serde_json::Value = serde_json::from_str(&read(out, "subprocessors.json")).unwrap();
    let list = list.as_array().unwrap();
    let ids: Vec<&str> = list.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["ovh", "crisp", "brevo", "scaleway"]);
    let scaleway = &list[3];
    assert_eq!(scaleway["siret"], "43311590400008");
    assert_eq!(scaleway["activity"]["en"], "Off-site backup");
    assert_eq!(scaleway["transfer"]["outside_eu"], false);
    assert_eq!(
        scaleway["processing_location"]["fr"],
        "France (datacenters de la région de Paris)"
    );
    assert_eq!(list[2]["former_name"], "Sendinblue");
}

#[test]
fn a_label_only_the_site_uses_fails_the_build_where_it_is_defined() {
    let dir = scratch("site-label-unknown-variable");
    copy_corpus(&dir);
    fs::create_dir_all(dir.join("locales/en")).unwrap();
    fs::write(
        dir.join("locales/en/versions.ftl"),
        "site-title = { $publisher } – legal documents { $edition }\n",
    )
    .unwrap();
    // The documents do not use it: the check passes.
    assert!(clausier(&dir, &["check"]).status.success());
    let out = dir.join("out");
    let output = clausier(
        &dir,
        &["build", "--format", "html", "--out", out.to_str().unwrap()],
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "error[E0305]: message `site-title` uses the variable `$edition`, which clausier does not give it\n --> locales/en/versions.ftl:1:1\n"
        ),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn a_link_to_another_document_goes_to_its_page_in_the_same_language() {
    let root = scratch("document-link-corpus");
    copy_corpus(&root);
    edit(
        &root.join("contracts/cookies/en.md"),
        "and the tools available for configuring them.",
        "and the tools available for configuring them; see also our [privacy policy](privacy).",
    );
    let out = scratch("document-link-out");
    build_draft(&root, &out);
    let page = read(&out, "en/cookies.html");
    assert!(
        page.contains("see also our <a href=\"privacy.html\">privacy policy</a>."),
        "the page links the privacy policy beside it"
    );
    // Embedded elsewhere, a fragment cannot know where the other page is:
    // it keeps the words.
    let fragment = read(&out, "fragments/en/cookies.html");
    assert!(
        fragment.contains("see also our privacy policy."),
        "{fragment}"
    );
    assert!(
        letters(&pdf_text(&out.join("en/cookies.pdf")))
            .contains(&letters("see also our privacy policy."))
    );
}
