//! Text is data, never markup: characters special to typst, Markdown and
//! HTML, typed into a YAML field and into a clause, come out literally in
//! the PDF and the HTML, and raw HTML is never executed.

mod common;

use std::fs;

use clausier::text::typography::typeset;
use common::*;

const SPECIALS: &str = r"# $ * _ @ \ [ ] < > <script>alert(1)</script> #set page(width: 1cm) {{x}";

#[test]
fn specials_in_yaml_and_clauses_come_out_literally() {
    let dir = scratch("escaping");
    copy_corpus(&dir);
    // Single-quoted YAML keeps the backslash as it is.
    let yaml_value = SPECIALS.replace("{{x}", "");
    edit(
        &dir.join("annexes/parties.yaml"),
        "name: Marie Hombert",
        &format!("name: 'Marie {yaml_value}'"),
    );
    // In Markdown, a clause escapes its own specials as any author would;
    // `<script>` is left raw to prove it is shown, not run.
    let clause =
        r"Spécial : \# $ \* \_ @ \\ \[ \] \< > <script>alert(1)</script> \#set page(width: 1cm)";
    for lang in ["fr", "en"] {
        let path = dir.join(format!("contracts/dpa/{lang}.md"));
        let text = fs::read_to_string(&path).unwrap();
        fs::write(
            &path,
            text.replacen("\n\n", &format!("\n\n{clause}\n\n"), 1),
        )
        .unwrap();
    }
    let out = dir.join("out");
    build_draft(&dir, &out);

    let written_clause = r"# $ * _ @ \ [ ] < > <script>alert(1)</script> #set page(width: 1cm)";
    // Literally, as typography sets text (French spaces before colons).
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for lang in ["fr", "en"] {
        let expected_clause = &typeset(written_clause, lang);
        let expected_value = typeset(&format!("Marie {yaml_value}"), lang);
        let html = fs::read_to_string(out.join(format!("{lang}/dpa.html"))).unwrap();
        assert!(!html.contains("<script>"), "{lang}: raw <script> in HTML");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
                || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        );
        let text = html_text(&out.join(format!("{lang}/dpa.html")));
        assert!(text.contains(&expected_value), "{lang}: YAML value in HTML");
        assert!(text.contains(expected_clause), "{lang}: clause in HTML");

        let pdf = pdf_text(&out.join(format!("{lang}/dpa.pdf")));
        let pdf_flat = flat(&pdf);
        assert!(
            pdf_flat.contains(&flat(&expected_value)),
            "{lang}: YAML value in PDF:\n{pdf_flat}"
        );
        // The typst code shows as text, so it was not run.
        assert!(
            pdf_flat.contains(&flat(expected_clause)),
            "{lang}: clause in PDF"
        );

        // In Word, as text in the XML, never as elements.
        let docx = out.join(format!("{lang}/dpa.docx"));
        let paragraphs = docx::paragraphs(&docx, docx::View::Accepted);
        assert!(
            paragraphs.iter().any(|p| p.contains(expected_clause)),
            "{lang}: clause in Word"
        );
        let xml = docx::part(&docx, "word/document.xml");
        assert!(!xml.contains("<script>") && xml.contains("&lt;script&gt;"));
    }
}

#[test]
fn links_never_carry_scripts() {
    let dir = scratch("links");
    copy_corpus(&dir);
    let clause = dir.join("contracts/dpa/fr.md");
    let anchor = "Les présentes clauses doivent être lues";
    edit(
        &clause,
        anchor,
        &format!("[cliquez](javascript:alert(1)) {anchor}"),
    );
    let refused = clausier(&dir, &["build", "--draft"]);
    assert_eq!(refused.status.code(), Some(1));
    let shown = String::from_utf8_lossy(&refused.stderr);
    assert!(
        shown.contains("error[E0607]: this link goes to `javascript:alert(1)`, which clausier does not publish\n --> contracts/dpa/fr.md:9:1\n"),
        "{shown}"
    );
    edit(
        &clause,
        "[cliquez](javascript:alert(1))",
        "[site](https://example.org/?a=1&b=2) [écrire](mailto:dpo@example.org) [durée](#duration)",
    );
    let built = clausier(&dir, &["build", "--draft", "--keep-sources"]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let out = dir.join("out");
    let html = fs::read_to_string(out.join("fr/dpa.html")).unwrap();
    assert!(html.contains("<a href=\"https://example.org/?a=1&amp;b=2\">site</a>"));
    assert!(html.contains("<a href=\"mailto:dpo@example.org\">écrire</a>"));
    assert!(html.contains("<a href=\"#duration\">durée</a>"));
    // The PDF links to the clause's destinations and the annexes' (an
    // e-mail address, a sub-processor's site), and to nothing else.
    let pdf = String::from_utf8_lossy(&fs::read(out.join("fr/dpa.pdf")).unwrap()).into_owned();
    let uris: Vec<&str> = pdf
        .split("/URI(")
        .skip(1)
        .filter_map(|rest| rest.split(")>>").next())
        .collect();
    assert_eq!(
        uris,
        [
            "https://example.org/?a=1&b=2",
            "mailto:dpo@example.org",
            "#duration",
            "mailto:legal@learn-and-go.com",
            "https://www.ovh.com/fr/",
        ]
    );
    // So does the Word file: the clause's two addresses as external
    // relationships, the clause link as a bookmark of the document.
    let docx = out.join("fr/dpa.docx");
    let rels = docx::part(&docx, "word/_rels/document.xml.rels");
    let targets: Vec<&str> = rels
        .split("Target=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|target| !target.ends_with(".xml"))
        .collect();
    assert_eq!(
        targets,
        [
            "https://example.org/?a=1&amp;b=2",
            "mailto:dpo@example.org",
            "mailto:legal@learn-and-go.com",
            "https://www.ovh.com/fr/"
        ]
    );
    let xml = docx::part(&docx, "word/document.xml");
    assert!(xml.contains(r#"<w:hyperlink w:anchor="s_duration">"#));
    assert!(xml.contains(r#"<w:bookmarkStart w:id="#) && xml.contains(r#"w:name="s_duration"/>"#));
    // So does its typst data.
    let data = fs::read_to_string(out.join("fr/dpa.data.json")).unwrap();
    let urls: Vec<&str> = data
        .lines()
        .filter_map(|line| line.trim().strip_prefix("\"url\": \""))
        .map(|url| url.trim_end_matches(['"', ',']))
        .collect();
    assert!(urls.contains(&"#duration") && urls.contains(&"mailto:dpo@example.org"));
    for url in &urls {
        assert!(
            ["https://", "mailto:", "#"]
                .iter()
                .any(|p| url.starts_with(p)),
            "{url}"
        );
    }
}
