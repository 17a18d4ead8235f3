//! Word files: their structure (styles, lists, tables, fields, language,
//! properties) read from the XML, and redlines whose tracked changes,
//! all accepted, give the newer version's text and, all rejected, the
//! older's, paragraph by paragraph, in both languages.

mod common;

use std::fs;
use std::path::Path;

use common::docx::{View, paragraphs, part};
use common::{clausier, copy_corpus, scratch, shipped_out};

/// How many insertions and deletions a redline holds.
fn revisions(docx: &Path) -> (usize, usize) {
    let xml = part(docx, "word/document.xml");
    (
        xml.matches("<w:ins ").count(),
        xml.matches("<w:del ").count(),
    )
}

/// Asserts two lists of paragraphs are equal, showing the first that
/// differs.
fn assert_same(what: &str, got: &[String], expected: &[String]) {
    let first = got.iter().zip(expected).position(|(a, b)| a != b);
    if let Some(index) = first {
        panic!(
            "{what}: paragraph {index} differs\n  got:      {}\n  expected: {}",
            got[index], expected[index]
        );
    }
    assert_eq!(got.len(), expected.len(), "{what}: paragraph counts differ");
}

/// Checks the redline `changes-<from>-<to>.docx` of `document` in `out`
/// against the two versions' own Word files, in every language.
fn check_redline(out: &Path, document: &str, from: &str, to: &str) -> (usize, usize) {
    let mut total = (0, 0);
    for lang in ["fr", "en"] {
        let folder = out.join(lang).join(document);
        let redline = folder.join(format!("changes-{from}-{to}.docx"));
        let newer = paragraphs(&folder.join(format!("{to}.docx")), View::Accepted);
        let older = paragraphs(&folder.join(format!("{from}.docx")), View::Accepted);
        assert_ne!(newer, older, "{lang}: the versions differ");
        let what = |view: &str| format!("{document} {from}→{to} ({lang}), {view}");
        assert_same(
            &what("all accepted"),
            &paragraphs(&redline, View::Accepted),
            &newer,
        );
        assert_same(
            &what("all rejected"),
            &paragraphs(&redline, View::Rejected),
            &older,
        );
        let (ins, del) = revisions(&redline);
        total = (total.0 + ins, total.1 + del);
    }
    total
}

#[test]
fn accepting_every_revision_gives_the_newer_version_and_rejecting_every_one_the_older() {
    let (ins, del) = check_redline(shipped_out(), "dpa", "1.0", "1.1");
    assert!(ins > 10 && del > 5, "{ins} insertions, {del} deletions");
}

#[test]
fn clauses_items_and_paragraphs_added_or_removed_are_revisions_too() {
    let dir = scratch("docx-redline-edits");
    copy_corpus(&dir);
    for (lang, new_clause, last_item, new_item) in [
        (
            "fr",
            "# Clause nouvelle {#new-clause}\n\nUn texte nouveau.\n\nUn second paragraphe.\n\n# Obligations des Parties",
            "- S'engage à informer {{ processor }}",
            "- ou selon tout autre mécanisme reconnu comme assurant un niveau de protection adéquat.\n- ou par une dérogation prévue à l'article 49 du RGPD.",
        ),
        (
            "en",
            "# New clause {#new-clause}\n\nA new text.\n\nA second paragraph.\n\n# Obligations of the Parties",
            "- Undertakes to inform {{ processor }}",
            "- or under any other mechanism recognised as ensuring an adequate level of protection.\n- or under a derogation of Article 49 of the GDPR.",
        ),
    ] {
        let path = dir.join(format!("contracts/dpa/{lang}.md"));
        let text = fs::read_to_string(&path).unwrap();
        // A clause added, the last item of a list removed, an item added
        // at the end of another, and the last clause removed.
        let heading = text.lines().find(|l| l.contains("{#obligations}")).unwrap();
        let heading = heading.trim_end_matches(" {#obligations}").to_string();
        let new_clause = new_clause.replace(
            if lang == "fr" {
                "# Obligations des Parties"
            } else {
                "# Obligations of the Parties"
            },
            &heading,
        );
        let mut text = text.replacen(&heading, &new_clause, 1);
        let item = text
            .lines()
            .find(|l| l.starts_with(last_item))
            .unwrap()
            .to_string();
        text = text.replacen(&format!("{item}\n"), "", 1);
        let old_item = new_item.lines().next().unwrap();
        text = text.replacen(old_item, new_item, 1);
        let last = text.find("{#anonymised-data}").unwrap();
        let start = text[..last].rfind("\n# ").unwrap();
        let end = text[last..].find("\n# ").map_or(text.len(), |e| last + e);
        text.replace_range(start..end, "");
        fs::write(&path, text).unwrap();
    }
    // The last line of a table cell removed (annex B's retention).
    let products = dir.join("annexes/products.yaml");
    let text = fs::read_to_string(&products).unwrap();
    let start = text
        .find("      - fr: À défaut de demande de suppression")
        .unwrap();
    let en = start + text[start..].find("\n        en: ").unwrap() + 1;
    let end = en + text[en..].find('\n').unwrap() + 1;
    fs::write(&products, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let confirmed = clausier(&dir, &["translations", "confirm"]);
    assert!(confirmed.status.success(), "{}", common::shown(&confirmed));
    let release = clausier(
        &dir,
        &[
            "release",
            "dpa",
            "1.3",
            "--effective",
            "2027-06-01",
            "--summary-fr",
            "Une clause nouvelle.",
            "--summary-en",
            "A new clause.",
        ],
    );
    assert!(release.status.success(), "{}", common::shown(&release));
    let out = dir.join("out");
    common::build(&dir, &out);
    let (ins, del) = check_redline(&out, "dpa", "1.2", "1.3");
    assert!(ins >= 8 && del >= 8, "{ins} insertions, {del} deletions");
}

#[test]
fn word_files_have_headings_lists_tables_fields_language_and_properties() {
    let out = shipped_out();
    for lang in ["fr", "en"] {
        let docx = out.join(lang).join("dpa.docx");
        let document = part(&docx, "word/document.xml");
        roxmltree::Document::parse(&document).unwrap();
        for needle in [
            r#"<w:pStyle w:val="Title"/>"#,
            r#"<w:pStyle w:val="Heading1"/>"#,
            r#"<w:pStyle w:val="Heading2"/>"#,
            "<w:numPr>",
            "<w:tblHeader/>",
            r#"<w:docPartGallery w:val="Table of Contents"/>"#,
            " TOC \\o ",
        ] {
            assert!(document.contains(needle), "{lang}: no {needle}");
        }
        assert!(!document.contains("<w:ins "), "{lang}: a revision");
        let footer = part(&docx, "word/footer1.xml");
        for field in [" PAGE ", " NUMPAGES "] {
            assert!(footer.contains(field), "{lang}: no {field} field");
        }
        let styles = part(&docx, "word/styles.xml");
        assert!(styles.contains(&format!(r#"<w:lang w:val="{lang}""#)));
        assert!(styles.contains(r#"<w:name w:val="heading 1"/>"#));
        let core = part(&docx, "docProps/core.xml");
        assert!(
            core.contains(">2027-03-01T00:00:00Z</dcterms:created>"),
            "{core}"
        );
        assert!(core.contains(&format!("<dc:language>{lang}</dc:language>")));
        assert!(
            core.contains("<dc:creator>LEARN &amp; GO SAS</dc:creator>"),
            "{core}"
        );
    }
    let texts = paragraphs(&out.join("fr/dpa.docx"), View::Accepted);
    for heading in [
        "1. Objet – Champ d’application",
        "Annexe C – Liste des sous-traitants ultérieurs",
        "Version française faisant foi",
    ] {
        assert!(texts.iter().any(|t| t == heading), "no {heading}");
    }
    let redline = part(
        &out.join("en/dpa/changes-1.0-1.1.docx"),
        "word/document.xml",
    );
    assert!(redline.contains(r#"w:author="LEARN &amp; GO SAS" w:date="2027-01-15T00:00:00Z""#));
    assert!(
        part(
            &out.join("en/dpa/changes-1.0-1.1.docx"),
            "word/settings.xml"
        )
        .contains("<w:trackRevisions/>")
    );
}

/// What Word is strict about and LibreOffice forgives: unique bookmarks,
/// links to bookmarks and relationships that exist, list numbers and
/// levels that `numbering.xml` defines, cells that end with a paragraph.
fn word_structure_problems(docx: &Path) -> Vec<String> {
    use common::docx::{W, is};
    let xml = part(docx, "word/document.xml");
    let document = roxmltree::Document::parse(&xml).unwrap();
    let numbering = part(docx, "word/numbering.xml");
    let rels = part(docx, "word/_rels/document.xml.rels");
    let attr = |node: roxmltree::Node, name: &str| node.attribute((W, name)).map(str::to_string);
    let mut problems = Vec::new();
    let mut bookmarks = std::collections::BTreeSet::new();
    for node in document.descendants().filter(|n| is(*n, "bookmarkStart")) {
        let name = attr(node, "name").unwrap();
        if !bookmarks.insert(name.clone()) {
            problems.push(format!("bookmark {name} twice"));
        }
    }
    for node in document.descendants() {
        if is(node, "hyperlink") {
            if let Some(anchor) = attr(node, "anchor")
                && !bookmarks.contains(&anchor)
            {
                problems.push(format!("link to missing bookmark {anchor}"));
            }
            let relationship = node.attribute((
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                "id",
            ));
            if let Some(id) = relationship
                && !rels.contains(&format!("Id=\"{id}\""))
            {
                problems.push(format!("link to missing relationship {id}"));
            }
        } else if is(node, "numId") {
            let id = attr(node, "val").unwrap();
            if !numbering.contains(&format!("<w:num w:numId=\"{id}\">")) {
                problems.push(format!("list {id} not in numbering.xml"));
            }
        } else if is(node, "ilvl") {
            let level: usize = attr(node, "val").unwrap().parse().unwrap();
            if level > 8 {
                problems.push(format!("list level {level}"));
            }
        } else if is(node, "tc") {
            let last = node.children().rev().find(|n| n.is_element());
            if !last.is_some_and(|n| is(n, "p")) {
                problems.push("a cell that does not end with a paragraph".to_string());
            }
        }
    }
    problems
}

#[test]
fn every_word_file_holds_what_word_requires() {
    let out = shipped_out();
    let mut checked = 0;
    let mut pending = vec![out.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "docx") {
                let problems = word_structure_problems(&path);
                assert!(problems.is_empty(), "{}: {problems:?}", path.display());
                checked += 1;
            }
        }
    }
    assert!(checked >= 17, "{checked} Word files");
    // A list nested deeper than the nine levels Word numbers stays within them.
    let dir = scratch("docx-structure");
    copy_corpus(&dir);
    let clause = dir.join("contracts/dpa/fr.md");
    let text = fs::read_to_string(&clause).unwrap();
    let nested: String = (0..11)
        .map(|depth| format!("{}- niveau {depth}\n", "  ".repeat(depth)))
        .collect();
    fs::write(
        &clause,
        text.replacen("\n\n", &format!("\n\n{nested}\n"), 1),
    )
    .unwrap();
    let out = dir.join("out");
    common::build_draft(&dir, &out);
    assert!(word_structure_problems(&out.join("fr/dpa.docx")).is_empty());
}
