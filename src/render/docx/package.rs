//! The `.docx` package: the body and its footer wrapped in the parts Word
//! reads (content types, relationships, styles, numbering, settings, core
//! properties), zipped in a fixed order with a fixed timestamp so that a
//! rebuild gives the same bytes.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::render::docx::xml::{Body, DEEPEST_LEVEL, LEVEL_INDENT, ListKind, escape};

const STYLES: &str = include_str!("../../../templates/docx/styles.xml");

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The relationships namespace, which also starts every relationship type.
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const WORD_TYPES: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// A4 in twentieths of a point, and the text width inside 2.3 cm margins.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
const MARGIN: u32 = 1304;
pub const TEXT_WIDTH: u32 = PAGE_WIDTH - 2 * MARGIN;

/// What the core properties say of the document.
pub struct Properties<'a> {
    pub title: String,
    pub subject: &'a str,
    pub author: &'a str,
    pub keywords: &'a [String],
    pub description: &'a str,
    /// BCP 47 tag: the language of the text, also set on every run.
    pub lang: String,
    /// ISO date: created and modified, from the data, never the clock.
    pub date: &'a str,
    pub version: &'a str,
    /// Whether Word should go on tracking changes (a redline).
    pub track_changes: bool,
}

/// The `.docx` file of `body`, with `footer` (a footer body) on every page.
pub fn package(body: &Body, footer: &Body, properties: &Properties) -> Vec<u8> {
    let parts: [(&str, String); 10] = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_relationships()),
        ("docProps/core.xml", core(properties)),
        ("docProps/app.xml", app()),
        ("word/_rels/document.xml.rels", document_relationships(body)),
        ("word/document.xml", document(body)),
        (
            "word/styles.xml",
            STYLES.replace("{{LANG}}", &escape(&properties.lang)),
        ),
        ("word/numbering.xml", numbering(&body.lists)),
        ("word/settings.xml", settings(properties)),
        ("word/footer1.xml", part("w:ftr", &footer.xml)),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    for (name, text) in parts {
        zip.start_file(name, options)
            .and_then(|()| Ok(zip.write_all(text.as_bytes())?))
            .expect("writing to memory cannot fail");
    }
    zip.finish()
        .expect("writing to memory cannot fail")
        .into_inner()
}

fn content_types() -> String {
    let overrides = [
        (
            "/word/document.xml",
            format!("{WORD_TYPES}.document.main+xml"),
        ),
        ("/word/styles.xml", format!("{WORD_TYPES}.styles+xml")),
        ("/word/numbering.xml", format!("{WORD_TYPES}.numbering+xml")),
        ("/word/settings.xml", format!("{WORD_TYPES}.settings+xml")),
        ("/word/footer1.xml", format!("{WORD_TYPES}.footer+xml")),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".to_string(),
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".to_string(),
        ),
    ];
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#,
    );
    for (part, kind) in overrides {
        let _ = write!(xml, r#"<Override PartName="{part}" ContentType="{kind}"/>"#);
    }
    xml.push_str("</Types>");
    xml
}

fn package_relationships() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

fn document_relationships(body: &Body) -> String {
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="{REL}/numbering" Target="numbering.xml"/><Relationship Id="rIdSettings" Type="{REL}/settings" Target="settings.xml"/><Relationship Id="rIdFooter" Type="{REL}/footer" Target="footer1.xml"/>"#
    );
    for (index, url) in body.links.iter().enumerate() {
        let _ = write!(
            xml,
            r#"<Relationship Id="rIdLink{}" Type="{REL}/hyperlink" Target="{}" TargetMode="External"/>"#,
            index + 1,
            escape(url)
        );
    }
    xml.push_str("</Relationships>");
    xml
}

/// A part whose root element `root` holds `content`.
fn part(root: &str, content: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><{root} xmlns:w="{W}" xmlns:r="{REL}">{content}</{root}>"#
    )
}

fn document(body: &Body) -> String {
    let section = format!(
        r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/><w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="709" w:footer="567" w:gutter="0"/></w:sectPr>"#
    );
    part(
        "w:document",
        &format!("<w:body>{}{section}</w:body>", body.xml),
    )
}

fn numbering(lists: &[ListKind]) -> String {
    let mut xml = String::new();
    for kind in ListKind::ALL {
        let _ = write!(
            xml,
            r#"<w:abstractNum w:abstractNumId="{}"><w:multiLevelType w:val="hybridMultilevel"/>"#,
            kind.abstract_id()
        );
        for level in 0..=DEEPEST_LEVEL {
            let (format, text) = match kind {
                ListKind::Bullet => ("bullet", "–".to_string()),
                ListKind::Decimal => ("decimal", format!("%{}.", level + 1)),
                ListKind::Letter => ("lowerLetter", format!("%{}.", level + 1)),
            };
            let indent = LEVEL_INDENT * (level + 1);
            let _ = write!(
                xml,
                r#"<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr></w:lvl>"#
            );
        }
        xml.push_str("</w:abstractNum>");
    }
    // Each list restarts its numbering at every level: nested lists
    // sharing an abstract numbering would otherwise count on.
    let restart: String = (0..=DEEPEST_LEVEL)
        .map(|level| {
            format!(
                r#"<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="1"/></w:lvlOverride>"#
            )
        })
        .collect();
    for (index, kind) in lists.iter().enumerate() {
        let _ = write!(
            xml,
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="{}"/>{restart}</w:num>"#,
            index + 1,
            kind.abstract_id()
        );
    }
    part("w:numbering", &xml)
}

fn settings(properties: &Properties) -> String {
    let track = if properties.track_changes {
        "<w:trackRevisions/>"
    } else {
        ""
    };
    part(
        "w:settings",
        &format!(
            r#"{track}<w:defaultTabStop w:val="708"/><w:autoHyphenation/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="{}"/>"#,
            escape(&properties.lang)
        ),
    )
}

fn core(properties: &Properties) -> String {
    let date = format!("{}T00:00:00Z", escape(properties.date));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords><dc:description>{}</dc:description><dc:language>{}</dc:language><cp:lastModifiedBy>{}</cp:lastModifiedBy><cp:version>{}</cp:version><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>"#,
        escape(&properties.title),
        escape(properties.subject),
        escape(properties.author),
        escape(&properties.keywords.join(", ")),
        escape(properties.description),
        escape(&properties.lang),
        escape(properties.author),
        escape(properties.version),
    )
}

fn app() -> String {
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>clausier</Application></Properties>"#.to_string()
}
