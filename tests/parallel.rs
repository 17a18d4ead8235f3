//! The parallel edition: a contract's binding text beside its translation,
//! clause by clause, as PDF and Word, published and made out to the
//! clients that ask for it.

mod common;

use std::path::Path;

use common::docx::{View, headings, paragraphs};
use common::{clausier, copy_corpus, letters, pdf_pages, scratch, shipped_out, shown};

/// The numbered headings (clauses and sub-clauses) of a Word file.
fn clause_headings(docx: &Path) -> Vec<String> {
    (headings(docx).into_iter())
        .filter(|h| h.starts_with(|c: char| c.is_ascii_digit()))
        .collect()
}

/// Asserts that in `text`, each French heading comes before its English
/// twin, which comes before the next French heading.
fn assert_interleaved(what: &str, text: &str, french: &[String], english: &[String]) {
    assert_eq!(french.len(), english.len(), "{what}: as many clauses");
    assert!(french.len() >= 15, "{what}: {} clauses", french.len());
    let mut from = 0;
    for (fr, en) in french.iter().zip(english) {
        let at = |needle: &str, from: usize| {
            text[from..]
                .find(&letters(needle))
                .map(|i| from + i)
                .unwrap_or_else(|| panic!("{what}: {needle:?} missing or out of order"))
        };
        let fr_at = at(fr, from);
        from = at(en, fr_at) + 1;
    }
}

#[test]
fn the_parallel_edition_sets_each_french_clause_before_its_english_twin() {
    let out = shipped_out();
    let french = clause_headings(&out.join("fr/dpa.docx"));
    let english = clause_headings(&out.join("en/dpa.docx"));
    let pdf = out.join("parallel/dpa.fr-en.pdf");
    let pages = pdf_pages(&pdf);
    eprintln!("parallel edition of the DPA: {} pages", pages.len());
    assert!(pages.len() > 15, "{} pages", pages.len());
    assert_interleaved("PDF", &letters(&pages.concat()), &french, &english);
    // Both notices head it, and the cover names both titles.
    let first = &pages[0];
    for words in [
        "Version française faisant foi",
        "the French version prevails",
        "Data Processing Agreement",
    ] {
        assert!(
            letters(first).contains(&letters(words)),
            "cover lacks {words}"
        );
    }
    let docx = out.join("parallel/dpa.fr-en.docx");
    let text = letters(&paragraphs(&docx, View::Accepted).concat());
    assert_interleaved("Word", &text, &french, &english);
    let document = common::docx::part(&docx, "word/document.xml");
    assert!(
        document.contains(r#"<w:lang w:val="en"/>"#),
        "the translation's language"
    );
    // Published, listed and linked.
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    for path in ["parallel/dpa.fr-en.pdf", "parallel/dpa.fr-en.docx"] {
        assert!(
            manifest.contains(&format!("\"path\": \"{path}\"")),
            "{path}"
        );
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.contains("parallel&#x2F;dpa.fr-en.pdf"),
        "the index links it"
    );
}

#[test]
fn a_client_that_asks_for_it_gets_its_own_parallel_edition() {
    let dir = scratch("parallel-client");
    copy_corpus(&dir);
    let output = clausier(&dir, &["clients", "build", "exemplum-formation"]);
    assert!(output.status.success(), "{}", shown(&output));
    let folder = dir.join("private/exemplum-formation/parallel");
    let text = letters(&pdf_pages(&folder.join("dpa.fr-en.pdf")).concat());
    for words in [
        "EXEMPLUM FORMATION SAS",
        "Fait à Rennes",
        "this translation is not signed",
    ] {
        assert!(text.contains(&letters(words)), "lacks {words}");
    }
    assert!(folder.join("dpa.fr-en.docx").exists());
    // The others did not ask for one.
    assert!(!dir.join("private/saint-exemple/parallel").exists());
}
