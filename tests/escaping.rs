//! Text is data, never markup: characters special to typst, Markdown and
//! HTML, typed into a YAML field and into a clause, come out literally in
//! the PDF and the HTML, and raw HTML is never executed.

mod common;

use std::fs;

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

    let expected_clause = r"# $ * _ @ \ [ ] < > <script>alert(1)</script> #set page(width: 1cm)";
    for lang in ["fr", "en"] {
        let html = fs::read_to_string(out.join(format!("{lang}/dpa.html"))).unwrap();
        assert!(!html.contains("<script>"), "{lang}: raw <script> in HTML");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
                || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        );
        let text = html_text(&out.join(format!("{lang}/dpa.html")));
        assert!(
            text.contains(&format!("Marie {yaml_value}")),
            "{lang}: YAML value in HTML"
        );
        assert!(text.contains(expected_clause), "{lang}: clause in HTML");

        let pdf = pdf_text(&out.join(format!("{lang}/dpa.pdf")));
        let pdf_flat: String = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            pdf_flat.contains(&format!("Marie {}", yaml_value.trim())),
            "{lang}: YAML value in PDF:\n{pdf_flat}"
        );
        // The typst code shows as text, so it was not run.
        assert!(pdf_flat.contains(expected_clause), "{lang}: clause in PDF");
    }
}

#[test]
fn links_never_carry_scripts() {
    let dir = scratch("links");
    copy_corpus(&dir);
    edit(
        &dir.join("contracts/dpa/fr.md"),
        "Les présentes clauses doivent être lues",
        "[cliquez](javascript:alert(1)) [site](https://example.org/?a=1&b=\"2\") Les présentes clauses doivent être lues",
    );
    let out = dir.join("out");
    build_draft(&dir, &out);
    let html = fs::read_to_string(out.join("fr/dpa.html")).unwrap();
    assert!(!html.contains("javascript:"));
    assert!(html.contains("cliquez"));
    assert!(html.contains("<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">site</a>"));
}
