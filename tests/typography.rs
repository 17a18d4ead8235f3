//! French typography in everything readers see of the shipped corpus: a
//! narrow no-break space before `;` `!` `?`, a no-break space before `:`
//! and inside `« »`, `’` for `'`, ordinals in superscript, in the HTML, in
//! the PDF and in the client notice; and none of it in English.

mod common;

use std::fs;
use std::path::Path;

use common::*;

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

/// The text of `html`: tags removed (not replaced by spaces, which would
/// hide a missing one), entities decoded.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    (text.replace("&lt;", "<").replace("&gt;", ">"))
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The text of an HTML page's body.
fn page_text(path: &Path) -> String {
    let html = fs::read_to_string(path).unwrap();
    text_of(&html[html.find("<body>").unwrap()..])
}

/// `text` around `index`, to show a fault.
fn around(chars: &[char], index: usize) -> String {
    let start = index.saturating_sub(20);
    chars[start..(index + 10).min(chars.len())].iter().collect()
}

/// Where French typography is broken in `text`.
fn french_faults(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut faults = Vec::new();
    for (index, pair) in chars.windows(2).enumerate() {
        let fault = match (pair[0], pair[1]) {
            (' ' | '\n', ':' | ';' | '!' | '?' | '»') => "a breaking space before a mark",
            (NBSP, ';' | '!' | '?') => "a wide space before ; ! or ?",
            ('«', c) if c != NBSP => "« without its no-break space",
            (c, '»') if c != NBSP => "» without its no-break space",
            ('\'', _) => "a straight apostrophe",
            _ => continue,
        };
        faults.push(format!("{fault}: {:?}", around(&chars, index)));
    }
    faults
}

/// Where a French rule reached English `text`.
fn english_faults(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut faults = Vec::new();
    for (index, pair) in chars.windows(2).enumerate() {
        let fault = match (pair[0], pair[1]) {
            (NNBSP, _) => "a narrow no-break space",
            (' ' | NBSP, ':' | ';' | '!' | '?') => "a space before a mark",
            ('«' | '»', _) => "a guillemet",
            ('\'' | '"', _) => "a straight quote",
            _ => continue,
        };
        faults.push(format!("{fault}: {:?}", around(&chars, index)));
    }
    faults
}

/// Releases stored before typography was applied at composition, and the
/// redline between two of them: they stay exactly as published.
const UNTYPESET_RELEASES: [&str; 5] = [
    "cookies/1.0.",
    "dpa/1.0.",
    "dpa/1.1.",
    "privacy/1.0.",
    "dpa/changes-1.0-1.1.",
];

/// Every HTML page of `lang` that is typeset: all but the old releases.
fn pages(out: &Path, lang: &str) -> Vec<std::path::PathBuf> {
    let mut pages = Vec::new();
    let mut pending = vec![out.join(lang)];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let name = path.to_string_lossy().into_owned();
                if !UNTYPESET_RELEASES.iter().any(|old| name.contains(old)) {
                    pages.push(path);
                }
            }
        }
    }
    pages.sort();
    pages
}

#[test]
fn french_pages_are_set_in_french_typography_and_english_ones_never() {
    let out = shipped_out();
    // The binding language's index is the site's home page.
    let mut french = pages(out, "fr");
    french.push(out.join("index.html"));
    let english = pages(out, "en");
    // Every page: documents, versions, redlines, the index.
    assert!(french.len() >= 8 && english.len() >= 8, "{french:?}");
    for page in &french {
        let text = page_text(page);
        let faults = french_faults(&text);
        assert!(
            faults.is_empty(),
            "{}:\n{}",
            page.display(),
            faults.join("\n")
        );
    }
    for page in &english {
        let faults = english_faults(&page_text(page));
        assert!(
            faults.is_empty(),
            "{}:\n{}",
            page.display(),
            faults.join("\n")
        );
    }
    for (page, typeset) in [
        ("fr/dpa.html", format!("s’engage à{NBSP}:")),
        (
            "fr/dpa.html",
            format!("(«{NBSP}Data Processing Agreement{NBSP}»"),
        ),
        ("fr/cookies.html", format!("Qu’est-ce qu’un cookie{NNBSP}?")),
        ("fr/privacy.html", "1ᵉʳ septembre 2026".to_string()),
    ] {
        assert!(
            page_text(&out.join(page)).contains(&typeset),
            "{page}: no {typeset:?}"
        );
    }
    // A SIRET in groups, in every language.
    assert!(
        page_text(&out.join("en/dpa.html")).contains(&format!("424{NBSP}761{NBSP}419{NBSP}00045"))
    );
}

#[test]
fn a_release_stored_before_typography_stays_as_published() {
    let out = shipped_out();
    let old = page_text(&out.join("fr/dpa/1.0.html"));
    assert!(old.contains("Champ d'application"), "1.0 as published");
    let latest = page_text(&out.join("fr/dpa/1.2.html"));
    assert!(latest.contains("Champ d’application"), "1.2 typeset");
    // Its redline compares what changed, not the typography.
    let redline = fs::read_to_string(out.join("fr/dpa/changes-1.1-1.2.html")).unwrap();
    assert!(!redline.contains("<del>d'application</del>"));
    assert!(!redline.contains("<ins>424\u{a0}761\u{a0}419\u{a0}00045</ins>"));
}

#[test]
fn the_notice_is_set_in_each_languages_typography() {
    let out = shipped_out();
    let notice = fs::read_dir(out.join("notices"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.extension().is_some_and(|e| e == "html"))
        .expect("the shipped corpus has a notice");
    let html = fs::read_to_string(&notice).unwrap();
    let body = &html[html.find("<body>").unwrap()..];
    let english_part = body
        .find("<article lang=\"en\"")
        .expect("the notice's English part");
    let (french, english) = body.split_at(english_part);
    let (french, english) = (text_of(french), text_of(english));
    assert!(
        french.contains(NBSP),
        "no no-break space in the French part"
    );
    let faults = french_faults(&french);
    assert!(faults.is_empty(), "{}", faults.join("\n"));
    let faults = english_faults(&english);
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

/// A PDF line that starts with a mark its no-break space holds to the
/// word before, or ends with an opening guillemet: a broken no-break space.
fn broken_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| {
            let line = line.trim();
            line.starts_with([':', ';', '!', '?', '»']) || line.ends_with('«')
        })
        .collect()
}

#[test]
fn no_pdf_line_starts_with_a_mark_held_to_its_word() {
    let out = shipped_out();
    let mut checked = 0;
    for lang in ["fr", "en"] {
        for page in pages(out, lang) {
            let pdf = page.with_extension("pdf");
            if !pdf.exists() {
                continue;
            }
            let text = pdf_text(&pdf);
            let broken = broken_lines(&text);
            assert!(broken.is_empty(), "{}: {broken:?}", pdf.display());
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked} PDFs checked");
    // The French text of the PDF is the typeset one.
    let dpa = pdf_text(&out.join("fr/dpa.pdf"));
    assert!(
        dpa.contains("’") && !dpa.contains('\''),
        "apostrophes in the PDF"
    );
    assert!(dpa.contains("1ᵉʳ"), "ordinals in the PDF");
}
