//! `clausier diff`: the redline between the two released versions of the
//! DPA, in both languages and both formats.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::*;

/// Runs `clausier diff dpa 1.0 1.1 --out OUT` with `options`.
fn diff_dpa(out: &Path, options: &[&str]) -> Output {
    let mut args = vec!["diff", "dpa", "1.0", "1.1", "--out", out.to_str().unwrap()];
    args.extend(options);
    clausier(&shipped_root(), &args)
}

#[test]
fn the_redline_marks_words_rows_and_sections_in_both_languages_and_formats() {
    let out = scratch("redlines");
    let output = diff_dpa(&out, &["--format", "html", "--format", "pdf"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected = [
        (
            "fr",
            "quarante-huit (48)",
            "vingt-quatre (24)",
            "Comparaison des versions 1.0 et 1.1",
        ),
        (
            "en",
            "forty-eight (48)",
            "twenty-four (24)",
            "Comparison of versions 1.0 and 1.1",
        ),
    ];
    for (lang, before, after, heading) in expected {
        let html = fs::read_to_string(out.join(format!("dpa-1.0-1.1.{lang}.html"))).unwrap();
        // The changed commitment, word by word inside its sentence.
        assert!(
            html.contains(&format!("<del>{before}</del> <ins>{after}</ins> ")),
            "{lang}: commitment"
        );
        // Annex C: Scaleway's row is added, the others are unchanged.
        assert!(
            html.contains(
                "<tr class=\"added\"><td><p class=\"paragraph depth-0 added\"><ins>Scaleway</ins>"
            ),
            "{lang}: row"
        );
        assert!(
            html.contains("<tr class=\"same\"><td><p class=\"paragraph depth-0 same\">OVH</p>"),
            "{lang}: row"
        );
        // As both releases were published, before typography.
        assert!(html.contains("<ins>43311590400008</ins>"), "{lang}: SIRET");
        // Annex D: the new sentence inside an existing paragraph.
        assert!(html.contains("<ins>") && html.contains("Scaleway"));
        // The legend, and the list of changed sections linking to them.
        assert!(html.contains("<dd><ins>"), "{lang}: legend");
        assert!(
            html.contains("<li><a href=\"#annex-subprocessors\">"),
            "{lang}: changes"
        );
        assert!(
            html.contains("<li><a href=\"#assistance\">"),
            "{lang}: changes"
        );
        assert!(
            !html.contains("<li><a href=\"#definitions\">"),
            "{lang}: unchanged clause listed"
        );

        let pdf = pdf_text(&out.join(format!("dpa-1.0-1.1.{lang}.pdf")));
        let flat = letters(&pdf);
        assert!(flat.contains(&letters(heading)), "{lang}: PDF heading");
        // Both the deleted and the inserted words are there, in that order.
        assert!(
            flat.contains(&letters(&format!("{before} {after}"))),
            "{lang}: PDF commitment"
        );
        assert!(
            flat.contains("scalewayscalewaysas43311590400008"),
            "{lang}: PDF row"
        );
    }
    // By default: HTML only; --lang restricts the languages.
    let english = scratch("redlines-default");
    let output = diff_dpa(&english, &["--lang", "en"]);
    assert!(output.status.success());
    let written: Vec<_> = fs::read_dir(&english)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(written, ["dpa-1.0-1.1.en.html"]);

    let unknown = clausier(&shipped_root(), &["diff", "dpa", "1.0", "2.0"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&unknown.stderr)
            .contains("`dpa` has no release 2.0: its releases are 1.0, 1.1")
    );
    let file = english.join("dpa-1.0-1.1.en.html");
    let args = ["diff", "dpa", "1.0", "1.1", "--out", file.to_str().unwrap()];
    let into_a_file = clausier(&shipped_root(), &args);
    assert_eq!(into_a_file.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&into_a_file.stderr)
            .contains("is a file: pass a folder for the redlines with --out"),
        "{}",
        String::from_utf8_lossy(&into_a_file.stderr)
    );
}
