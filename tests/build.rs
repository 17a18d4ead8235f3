//! `clausier build` on the shipped corpus: manifest, HTML snapshots, PDF
//! text, determinism, atomic output and the command line.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use clausier::corpus::records::sha256_hex;
use clausier::lang::Lang;
use clausier::publish::output::{ArtifactKind, MANIFEST, Manifest, ManifestEntry};
use common::*;

fn manifest(out: &Path) -> Manifest {
    serde_json::from_slice(&fs::read(out.join(MANIFEST)).unwrap()).unwrap()
}

/// Every released version of each document, oldest first, with its
/// effective date.
const RELEASES: [(&str, &[(&str, &str)]); 3] = [
    ("cookies", &[("1.0", "2024-02-03"), ("1.1", "2027-03-01")]),
    (
        "dpa",
        &[
            ("1.0", "2026-09-01"),
            ("1.1", "2027-01-15"),
            ("1.2", "2027-03-01"),
        ],
    ),
    ("privacy", &[("1.0", "2026-09-01"), ("1.1", "2027-03-01")]),
];

#[test]
fn manifest_lists_every_version_of_every_artifact_with_its_size_and_hash() {
    let out = shipped_out();
    let manifest = manifest(out);
    let documents: Vec<&ManifestEntry> = manifest
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::Document)
        .collect();
    let paths: Vec<&str> = documents.iter().map(|a| a.path.as_str()).collect();
    let mut expected = Vec::new();
    for lang in ["en", "fr"] {
        for (document, versions) in RELEASES {
            for format in ["docx", "html", "pdf"] {
                expected.push(format!("{lang}/{document}.{format}"));
            }
            for (version, _) in versions {
                for format in ["docx", "html", "pdf"] {
                    expected.push(format!("{lang}/{document}/{version}.{format}"));
                }
            }
        }
    }
    expected.sort();
    assert_eq!(paths, expected);
    for artifact in &manifest.artifacts {
        let bytes = fs::read(out.join(&artifact.path)).unwrap();
        assert_eq!(artifact.bytes, bytes.len() as u64, "{}", artifact.path);
        assert_eq!(artifact.sha256, sha256_hex(&bytes), "{}", artifact.path);
    }
    for artifact in &documents {
        let document = artifact.document.as_deref().unwrap();
        let lang = artifact.lang.unwrap();
        let versions = RELEASES.iter().find(|(id, _)| *id == document).unwrap().1;
        let (version, date) = match artifact.path.rsplit_once('/') {
            Some((_, name)) if artifact.path.matches('/').count() == 2 => {
                let version = name.rsplit_once('.').unwrap().0;
                *versions.iter().find(|(v, _)| *v == version).unwrap()
            }
            _ => *versions.last().unwrap(),
        };
        assert_eq!(
            artifact.version.as_deref(),
            Some(version),
            "{}",
            artifact.path
        );
        assert_eq!(artifact.date.as_deref(), Some(date), "{}", artifact.path);
        assert_eq!(artifact.latest, artifact.path.matches('/').count() == 1);
        assert!(artifact.path.starts_with(&lang.to_string()));
    }
    let titles: BTreeMap<(&str, Lang), &str> = documents
        .iter()
        .map(|a| {
            (
                (a.document.as_deref().unwrap(), a.lang.unwrap()),
                a.title.as_str(),
            )
        })
        .collect();
    let expected = [
        (("cookies", Lang::ENGLISH), "Cookie Policy"),
        (("cookies", Lang::FRENCH), "Politique de cookies"),
        (("dpa", Lang::ENGLISH), "Data Processing Agreement"),
        (
            ("dpa", Lang::FRENCH),
            "Accord sur le traitement des données personnelles",
        ),
        (("privacy", Lang::ENGLISH), "Privacy Policy"),
        (("privacy", Lang::FRENCH), "Politique de confidentialité"),
    ];
    assert_eq!(titles, BTreeMap::from(expected));
}

#[test]
fn html_pages_match_their_snapshots() {
    let out = shipped_out();
    insta::assert_snapshot!(
        "dpa-fr.html",
        fs::read_to_string(out.join("fr/dpa.html")).unwrap()
    );
    insta::assert_snapshot!(
        "dpa-en.html",
        fs::read_to_string(out.join("en/dpa.html")).unwrap()
    );
    for document in ["cookies", "privacy"] {
        for lang in ["fr", "en"] {
            let page = fs::read_to_string(out.join(format!("{lang}/{document}.html"))).unwrap();
            insta::assert_snapshot!(format!("{document}-{lang}.html"), page);
        }
    }
}

#[test]
fn html_pages_link_to_each_other_and_to_their_pdf() {
    let out = shipped_out();
    let fr = fs::read_to_string(out.join("fr/dpa.html")).unwrap();
    let en = fs::read_to_string(out.join("en/dpa.html")).unwrap();
    assert!(fr.contains("<html lang=\"fr\">"));
    assert!(en.contains("<html lang=\"en\">"));
    assert!(
        fr.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"..&#x2F;en&#x2F;dpa.html\">")
    );
    assert!(
        en.contains("<link rel=\"alternate\" hreflang=\"fr\" href=\"..&#x2F;fr&#x2F;dpa.html\">")
    );
    assert!(fr.contains("<a href=\"dpa.pdf\" type=\"application/pdf\">"));
    assert!(fr.contains("<h2><a class=\"anchor\" href=\"#sub-processors\">8. Recours à des sous-traitants ultérieurs</a></h2>"));
    assert!(fr.contains("<caption>Sous-traitants ultérieurs de Learn&amp;Go</caption>"));
    assert!(fr.contains("@media print"));
    assert!(en.contains("The French version is the only binding text"));
}

/// The commitments, written once in annexes/commitments.yaml.
const COMMITMENTS: [(&str, &str); 7] = [
    ("sept (7) jours ouvrés", "seven (7) working days"),
    ("soixante-douze (72) heures", "seventy-two (72) hours"),
    ("quinze (15) jours ouvrés", "fifteen (15) working days"),
    ("d'un (1) audit par an", "one (1) audit per year"),
    ("vingt-quatre (24) heures", "twenty-four (24) hours"),
    ("six (6) mois", "six (6) months"),
    ("deux (2) ans", "two (2) years"),
];

#[test]
fn pdf_text_has_every_heading_subprocessor_commitment_and_notice() {
    let out = shipped_out();
    let checked = clausier::check(&shipped_root(), false).unwrap();
    let documents = checked.documents;

    for document in documents.iter().filter(|d| d.id == "dpa") {
        let pages = pdf_pages(&out.join(format!("{}/dpa.pdf", document.lang)));
        let text = letters(&pages.concat());
        let mut headings = Vec::new();
        for section in &document.sections {
            headings.push(section.heading.clone());
            headings.extend(section.children.iter().map(|c| c.heading.clone()));
        }
        assert!(headings.len() > 25, "{headings:?}");
        for heading in &headings {
            // Twice: in the table of contents and in the body.
            assert!(
                text.matches(&letters(heading)).count() >= 2,
                "{}: heading {heading:?}",
                document.lang
            );
        }
        for siret in ["42476141900045", "83308580600028", "49801929800112"] {
            assert!(text.contains(siret), "{}: SIRET {siret}", document.lang);
        }
        for (fr, en) in COMMITMENTS {
            let phrase = if document.lang == Lang::FRENCH {
                fr
            } else {
                en
            };
            assert!(
                text.contains(&letters(phrase)),
                "{}: commitment {phrase:?}",
                document.lang
            );
        }
        let notice = match document.lang == Lang::FRENCH {
            true => "Version française faisant foi",
            false => "Translation – the French version prevails",
        };
        assert!(pages.len() >= 10, "{} pages", pages.len());
        for (number, page) in pages.iter().enumerate() {
            assert!(
                page.contains(notice),
                "{}: page {} lacks {notice:?}",
                document.lang,
                number + 1
            );
            assert!(
                page.contains(&format!("{} / {}", number + 1, pages.len())),
                "page {}",
                number + 1
            );
        }
        if document.lang == Lang::ENGLISH {
            assert!(
                pages[0].contains("The French version is the only"),
                "first page explains the translation"
            );
        }
    }
}

#[test]
fn pdfs_carry_metadata_and_claim_pdf_a_and_ua() {
    let pdf = fs::read(shipped_out().join("en/dpa.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    for needle in [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>A</pdfaid:conformance>",
        "<pdfuaid:part>1</pdfuaid:part>",
        "Data Processing Agreement",
        "LEARN &amp; GO SAS",
        "GDPR, Article 28",
        "<dc:language><rdf:Bag><rdf:li>en",
    ] {
        assert!(text.contains(needle), "XMP metadata lacks {needle}");
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = scratch("determinism");
    let first = build(&shipped_root(), &dir.join("first"));
    let second = build(&shipped_root(), &dir.join("second"));
    assert_eq!(first.artifacts, second.artifacts);
    let mut names = vec!["manifest.json".to_string()];
    names.extend(first.artifacts.iter().map(|artifact| artifact.path.clone()));
    assert!(names.len() > 24, "every version of every document");
    for name in names {
        let a = fs::read(dir.join("first").join(&name)).unwrap();
        let b = fs::read(dir.join("second").join(&name)).unwrap();
        assert!(a == b, "{name} differs between two builds");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let dir = scratch("atomic");
    copy_corpus(&dir);
    let out = dir.join("out");
    build(&dir, &out);
    let before: Vec<(String, Vec<u8>)> = ["manifest.json", "fr/dpa.pdf", "en/dpa.html"]
        .iter()
        .map(|name| (name.to_string(), fs::read(out.join(name)).unwrap()))
        .collect();
    edit(
        &dir.join("contracts/dpa/fr.md"),
        "{{ commitment.audit_notice }}",
        "{{ commitment.audit_notise }}",
    );
    let status = clausier(&dir, &["build"]);
    assert_eq!(status.status.code(), Some(1));
    let stderr = String::from_utf8(status.stderr).unwrap();
    assert!(stderr.contains("contracts/dpa/fr.md:"), "{stderr}");
    assert!(
        stderr.contains("error[E0606]: unknown placeholder `{{ commitment.audit_notise }}`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: did you mean `{{ commitment.audit_notice }}`?"),
        "{stderr}"
    );
    for (name, bytes) in before {
        assert!(
            fs::read(out.join(&name)).unwrap() == bytes,
            "{name} changed after a failed build"
        );
    }
    assert!(!dir.join(".out.staging").exists());
}

#[test]
fn command_line_builds_a_selection_and_keeps_sources() {
    let dir = scratch("cli");
    copy_corpus(&dir);
    let run = |args: &[&str]| clausier(&dir, args);
    let output = run(&[
        "build",
        "--doc",
        "dpa",
        "--lang",
        "en",
        "--format",
        "pdf",
        "--keep-sources",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let out = dir.join("out");
    assert!(out.join("en/dpa.pdf").is_file());
    assert!(!out.join("fr/dpa.pdf").exists());
    let data = fs::read_to_string(out.join("en/dpa.data.json")).unwrap();
    assert!(data.contains("\"title\": \"Data Processing Agreement\""));
    assert!(
        fs::read_to_string(out.join("en/dpa.typ"))
            .unwrap()
            .contains("json(sys.inputs.at(\"data\"")
    );
    // The earlier versions' redlines too, in the language selected only.
    let redlines: Vec<String> = (manifest(&out).artifacts.into_iter())
        .filter(|a| a.kind == ArtifactKind::Redline)
        .map(|a| a.path)
        .collect();
    assert_eq!(
        redlines,
        ["en/dpa/changes-1.0-1.1.pdf", "en/dpa/changes-1.1-1.2.pdf"]
    );
    // Each version's sources are named after it, beside its PDF.
    for version in ["1.0", "1.1"] {
        let data = fs::read_to_string(out.join(format!("en/dpa/{version}.data.json"))).unwrap();
        assert!(data.contains(&format!("\"version\": \"{version}\"")));
        assert!(out.join(format!("en/dpa/{version}.typ")).is_file());
    }
    // A later selective build keeps what the first one wrote.
    let output = run(&["build", "--doc", "dpa", "--lang", "fr", "--format", "html"]);
    assert!(output.status.success());
    // Site pages, the feed and the fragments are rebuilt every time.
    let paths: Vec<String> = manifest(&out)
        .artifacts
        .into_iter()
        .filter(|a| matches!(a.kind, ArtifactKind::Document | ArtifactKind::Notice))
        .map(|a| a.path)
        .collect();
    assert_eq!(
        paths,
        [
            "en/dpa.pdf",
            "en/dpa/1.0.pdf",
            "en/dpa/1.1.pdf",
            "en/dpa/1.2.pdf",
            "fr/dpa.html",
            "fr/dpa/1.0.html",
            "fr/dpa/1.1.html",
            "fr/dpa/1.2.html",
            "notices/dpa-1.0-1.1.html",
            "notices/dpa-1.0-1.1.pdf"
        ]
    );
    let unknown = run(&["build", "--doc", "nda"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&unknown.stderr)
            .contains("unknown document `nda`: the documents are cookies, dpa, privacy")
    );
    // A slip gets the id meant, for documents and languages alike.
    let slip = run(&["build", "--doc", "dap"]);
    assert_eq!(slip.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&slip.stderr)
            .starts_with("error: unknown document `dap`; did you mean `dpa`?\n")
    );
    let slip = run(&["build", "--lang", "fe"]);
    assert_eq!(slip.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&slip.stderr)
            .starts_with("error: unknown language `fe`; did you mean `fr`?\n")
    );
    // Any language identifier parses; one the corpus lacks is named.
    let other = run(&["build", "--lang", "nl-BE"]);
    assert_eq!(other.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&other.stderr)
            .starts_with("error: unknown language `nl-BE`: the languages are fr, en\n"),
        "{other:?}"
    );
    let malformed = run(&["build", "--lang", "en_GB"]);
    assert_eq!(malformed.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&malformed.stderr).contains("write `en-GB`"),
        "{malformed:?}"
    );
}

#[test]
fn a_build_interrupted_during_the_swap_recovers_the_previous_output() {
    let dir = scratch("interrupted");
    copy_corpus(&dir);
    let out = dir.join("out");
    let built = build(&dir, &out).artifacts.len();
    // As if killed between moving out/ aside and moving the new one in.
    fs::rename(&out, dir.join(".out.previous")).unwrap();
    fs::create_dir_all(dir.join(".out.staging/fr")).unwrap();
    fs::write(dir.join(".out.staging/fr/dpa.pdf"), b"half-written").unwrap();
    // The mark every staging folder holds from its creation.
    fs::write(dir.join(".out.staging/.clausier-staging"), b"").unwrap();
    edit(
        &dir.join("contracts/dpa/fr.md"),
        "{{ commitment.audit_notice }}",
        "{{ nothing }}",
    );
    assert_eq!(clausier(&dir, &["build"]).status.code(), Some(1));
    // Even a failed build puts the previous output back.
    assert!(
        fs::read(out.join("fr/dpa.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    assert!(!dir.join(".out.previous").exists() && !dir.join(".out.staging").exists());
    edit(
        &dir.join("contracts/dpa/fr.md"),
        "{{ nothing }}",
        "{{ commitment.audit_notice }}",
    );
    let manifest = build(&dir, &out);
    assert_eq!(manifest.artifacts.len(), built);
    assert!(!dir.join(".out.previous").exists() && !dir.join(".out.staging").exists());
    assert!(
        fs::read(out.join("fr/dpa.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
}

/// Every cookie of annexes/cookies.yaml: name, provider, lifetime in French
/// and in English.
const COOKIES: [(&str, &str, &str, &str); 4] = [
    (
        "wordpress_*, wp-settings-*",
        "Learn&Go",
        "13 mois",
        "13 months",
    ),
    ("crisp-client/*", "Crisp", "13 mois", "13 months"),
    ("cookie_notice_accepted", "Learn&Go", "6 mois", "6 months"),
    ("_ga, _ga_*", "Google Analytics", "13 mois", "13 months"),
];

#[test]
fn cookie_policy_pdfs_list_every_cookie_with_provider_and_lifetime() {
    let out = shipped_out();
    for lang in [Lang::FRENCH, Lang::ENGLISH] {
        let pages = pdf_pages(&out.join(format!("{lang}/cookies.pdf")));
        let text = pages.concat();
        let flat = letters(&text);
        for (name, provider, fr, en) in COOKIES {
            let lifetime = if lang == Lang::FRENCH { fr } else { en };
            // The row, in reading order: name … provider … lifetime.
            let row = [name, provider, lifetime].map(letters);
            let at = flat
                .find(&row[0])
                .unwrap_or_else(|| panic!("{lang}: cookie {name}"));
            let rest = &flat[at..];
            let provider_at = rest
                .find(&row[1])
                .unwrap_or_else(|| panic!("{lang}: {name} provider"));
            assert!(
                rest[provider_at..].contains(&row[2]),
                "{lang}: {name} lifetime"
            );
        }
        let (notice, consent, choice) = match lang {
            Lang::FRENCH => (
                "Version française faisant foi",
                "Soumis à votre consentement préalable",
                "pendant 6 mois",
            ),
            Lang::ENGLISH => (
                "Translation – the French version prevails",
                "Subject to your prior consent",
                "period of 6 months",
            ),
            other => panic!("the corpus has no {other}"),
        };
        assert!(text.contains(consent), "{lang}: consent column");
        assert!(
            flat.contains(&letters(choice)),
            "{lang}: how long the choice is kept"
        );
        for (number, page) in pages.iter().enumerate() {
            assert!(
                page.contains(notice),
                "{lang}: page {} lacks the language notice",
                number + 1
            );
        }
    }
}

/// For each GDPR art. 13 requirement, what the privacy policy says in
/// French and in English.
const ARTICLE_13: [(&str, &str, &str); 13] = [
    (
        "art13-1a",
        "LEARN & GO SAS, 43 Square de la Mettrie",
        "LEARN & GO SAS, 43 Square de la Mettrie",
    ),
    (
        "art13-1b",
        "déléguée à la protection des données, Marie Hombert",
        "data protection officer, Marie Hombert",
    ),
    ("art13-1c", "Base légale", "Legal basis"),
    (
        "art13-1d",
        "Intérêt légitime de Learn&Go à répondre",
        "Learn&Go's legitimate interest in answering",
    ),
    ("art13-1e", "Destinataires", "Recipients"),
    (
        "art13-1f",
        "Google Ireland Limited : États-Unis, décision d'adéquation",
        "Google Ireland Limited: United States, adequacy decision",
    ),
    (
        "art13-2a",
        "détruites 6 mois après la date de clôture",
        "destroyed 6 months after the closing date",
    ),
    (
        "art13-2b",
        "droit à la portabilité des données",
        "right to data portability",
    ),
    (
        "art13-2c",
        "souhaitez le retirer",
        "would like to withdraw it",
    ),
    ("art13-2d", "3 place de Fontenoy", "3 place de Fontenoy"),
    ("art13-2e", "sont obligatoires", "are required"),
    (
        "art13-2f",
        "fondée exclusivement sur un traitement automatisé",
        "based solely on automated processing",
    ),
    (
        "art12-1",
        "en des termes clairs et simples",
        "in clear and plain language",
    ),
];

#[test]
fn privacy_policy_pdfs_state_every_article_13_item() {
    let out = shipped_out();
    for lang in [Lang::FRENCH, Lang::ENGLISH] {
        let pages = pdf_pages(&out.join(format!("{lang}/privacy.pdf")));
        let text = letters(&pages.concat());
        for (item, fr, en) in ARTICLE_13 {
            let phrase = if lang == Lang::FRENCH { fr } else { en };
            assert!(
                text.contains(&letters(phrase)),
                "{lang}: {item}: {phrase:?}"
            );
        }
        let notice = match lang {
            Lang::FRENCH => "Version française faisant foi",
            Lang::ENGLISH => "Translation – the French version prevails",
            other => panic!("the corpus has no {other}"),
        };
        for (number, page) in pages.iter().enumerate() {
            assert!(
                page.contains(notice),
                "{lang}: page {} lacks the language notice",
                number + 1
            );
        }
    }
}

#[test]
fn an_annex_without_its_facts_file_is_an_error_not_an_empty_annex() {
    let dir = scratch("annex-facts");
    copy_corpus(&dir);
    fs::remove_file(dir.join("annexes/security.yaml")).unwrap();
    let output = clausier(&dir, &["check"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error[E0503]: the `security` annex has no facts: annexes/security.yaml is missing or empty\n  --> contracts/dpa/document.yaml:16:47\n"),
        "{stderr}"
    );
}

#[test]
fn a_provider_renamed_once_changes_every_document() {
    let dir = scratch("one-record");
    copy_corpus(&dir);
    edit(
        &dir.join("annexes/subprocessors.yaml"),
        "    name: Crisp\n",
        "    name: Crisp Chat\n",
    );
    let out = dir.join("out");
    build_draft(&dir, &out);
    for lang in ["fr", "en"] {
        let dpa = html_text(&out.join(format!("{lang}/dpa.html")));
        let cookies = html_text(&out.join(format!("{lang}/cookies.html")));
        let privacy = html_text(&out.join(format!("{lang}/privacy.html")));
        assert!(dpa.contains("Crisp Chat"), "{lang}: DPA annex C");
        assert!(cookies.contains("Crisp Chat"), "{lang}: cookie table");
        assert!(privacy.contains("Crisp Chat"), "{lang}: privacy recipients");
    }
}

#[test]
fn a_root_that_is_not_a_folder_is_a_usage_error() {
    let missing = scratch("no-root").join("missing");
    for command in ["check", "build"] {
        let output = clausier(&missing, &[command]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("is not a folder: pass the corpus folder with --root"),
            "{command}: {stderr}"
        );
    }
}

#[test]
fn build_prints_one_line_by_default_every_file_with_verbose_and_nothing_with_quiet() {
    let out = scratch("build-verbosity");
    let root = shipped_root();
    let out_arg = out.to_str().unwrap();
    let text = |output: std::process::Output| {
        assert!(output.status.success(), "{output:?}");
        assert!(output.stderr.is_empty(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let default = text(common::clausier(&root, &["build", "--out", out_arg]));
    let lines: Vec<&str> = default.lines().collect();
    assert_eq!(lines.len(), 1, "{default}");
    let files = std::fs::read_to_string(out.join(MANIFEST)).unwrap();
    let manifest: Manifest = serde_json::from_str(&files).unwrap();
    assert!(
        lines[0].starts_with(&format!("{} files in ", manifest.artifacts.len())),
        "{default}"
    );
    assert!(
        lines[0].contains(": 3 documents in 2 languages (7 versions), 1 parallel edition, 4 redlines, 1 client notice, the site and the feed in "),
        "{default}"
    );
    let verbose = text(common::clausier(&root, &["build", "-v", "--out", out_arg]));
    assert_eq!(verbose.lines().count(), manifest.artifacts.len() + 1);
    assert!(verbose.contains(" bytes  "), "{verbose}");
    let quiet = text(common::clausier(&root, &["build", "-q", "--out", out_arg]));
    assert_eq!(quiet, "");
    let both = common::clausier(&root, &["build", "-q", "-v", "--out", out_arg]);
    assert_eq!(
        both.status.code(),
        Some(2),
        "-q and -v together are refused"
    );
}

/// Builds `root` into `out`, copying what the previous output there holds
/// unless `reuse` is off; how many files it copied. The artifact cache
/// beside the output is emptied first, so that only the output is reused
/// (the cache is tested in tests/cache.rs).
fn build_reusing(root: &Path, out: &Path, reuse: bool, draft: bool) -> usize {
    let cached = artifact_cache(out);
    if cached.exists() {
        fs::remove_dir_all(cached).unwrap();
    }
    clausier::build(&build_options(root, out, draft, reuse))
        .expect("the corpus builds")
        .reused
}

#[test]
fn a_rebuild_copies_what_has_not_changed_and_gives_what_a_fresh_build_gives() {
    let dir = scratch("reuse");
    copy_corpus(&dir);
    let (out, fresh) = (dir.join("out"), dir.join("fresh"));
    assert_eq!(
        build_reusing(&dir, &out, true, false),
        0,
        "nothing to copy yet"
    );
    build_reusing(&dir, &fresh, false, false);
    assert_eq!(relative_tree(&out), relative_tree(&fresh));
    // Without the record of the last build (which would find the output up
    // to date: tests/rebuild.rs), every file is copied.
    fs::remove_dir_all(dir.join(".out.cache")).unwrap();
    let copied = build_reusing(&dir, &out, true, false);
    assert!(copied >= 50, "{copied} files copied");
    assert_eq!(relative_tree(&out), relative_tree(&fresh));

    // A file changed in the output is rendered again, not copied.
    let pdf = out.join("fr/dpa/1.0.pdf");
    let mut bytes = fs::read(&pdf).unwrap();
    bytes[1000] ^= 1;
    fs::write(&pdf, bytes).unwrap();
    assert_eq!(build_reusing(&dir, &out, true, false), copied - 1);
    assert_eq!(relative_tree(&out), relative_tree(&fresh));

    // Nor is a file grown huge (never read), linked elsewhere, or listed
    // with details of its own: the manifest's entries are made anew.
    fs::File::options()
        .write(true)
        .open(out.join("fr/dpa/1.1.pdf"))
        .unwrap()
        .set_len(1 << 33)
        .unwrap();
    let outside = dir.join("outside.pdf");
    fs::write(&outside, b"not a PDF").unwrap();
    fs::remove_file(out.join("en/dpa.pdf")).unwrap();
    fs::hard_link(&outside, out.join("en/dpa.pdf")).unwrap();
    let manifest = fs::read_to_string(out.join(MANIFEST)).unwrap();
    let retitled = manifest.replacen(
        "\"title\": \"Data Processing Agreement\"",
        "\"title\": \"TAMPERED\"",
        1,
    );
    assert_ne!(manifest, retitled);
    fs::write(out.join(MANIFEST), retitled).unwrap();
    build_reusing(&dir, &out, true, false);
    assert_eq!(relative_tree(&out), relative_tree(&fresh));
    assert_eq!(fs::read(&outside).unwrap(), b"not a PDF");

    // A clause changed: the working text and what shows it are rendered,
    // the released versions copied; the result is a fresh build's.
    edit(
        &dir.join("contracts/dpa/fr.md"),
        "Le présent DPA entre en vigueur",
        "Le présent accord entre en vigueur",
    );
    let after_edit = build_reusing(&dir, &out, true, true);
    let fresh_draft = dir.join("fresh-draft");
    build_reusing(&dir, &fresh_draft, false, true);
    assert_eq!(relative_tree(&out), relative_tree(&fresh_draft));
    assert!(
        after_edit < copied && after_edit >= 40,
        "{after_edit} of {copied} copied"
    );
}
