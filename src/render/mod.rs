//! The render stage: turns a model (a document, a redline, a notice) into
//! the bytes of one output format: PDF through typst, HTML through tera, Word
//! through its own WordprocessingML writer. A
//! new format is one file here behind [`Renderer`]; it writes no file.

pub mod docx;
pub mod html;
pub mod notice;
pub mod pdf;
pub mod redline;
pub(crate) mod world;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::model::Document;

/// An output format.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// PDF/A-2a and PDF/UA-1: to read, print, sign and archive.
    Pdf,
    /// Web pages, for the site.
    Html,
    /// Word, for clients' lawyers to comment on and to review redlines in.
    Docx,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Pdf, Format::Html, Format::Docx];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Html => "text/html; charset=utf-8",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// What a renderer produced: the artifact, and the intermediate sources it
/// was made from, for `--keep-sources`.
#[derive(Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Extension (the source is written beside the artifact, under the
    /// same name with this extension) and content.
    pub sources: Vec<(String, Vec<u8>)>,
    /// Problems that did not stop rendering.
    pub warnings: Vec<Diagnostic>,
}

impl Rendered {
    /// A file copied from an earlier rendering: no sources, no warnings.
    pub fn copied(bytes: Vec<u8>) -> Rendered {
        Rendered {
            bytes,
            sources: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// Renders documents into one format. Implementations are built once per
/// run and shared by every document, so that expensive setup (fonts,
/// templates) happens once.
pub trait Renderer: Sync {
    fn format(&self) -> Format;
    /// Renders `document` for publication in `slot`, which relative links
    /// start from.
    fn render(&self, document: &Document, slot: Slot) -> Result<Rendered, Box<Diagnostic>>;
}

/// Where a document is published: at its fixed path, which always holds
/// its latest version, or at the path of one version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot<'a> {
    Latest,
    Version(&'a str),
    /// The latest version as a body-only HTML fragment, to embed in a CMS.
    Fragment,
    /// A page published on its own, away from the site (a client's copy):
    /// at the fixed path of its own folder, linking only its other
    /// languages and its PDF, the files beside it.
    Alone,
    /// The parallel edition of the binding text with its translation in
    /// this language: PDF and Word only.
    Parallel(crate::lang::Lang),
}

impl Slot<'_> {
    /// Whether the site's other pages (documents, versions) are beside
    /// this one, for links to them.
    pub fn in_site(self) -> bool {
        matches!(self, Slot::Latest | Slot::Version(_))
    }
}

/// Where an artifact lives under the output folder: `<lang>/<document>.<ext>`
/// for the latest version, `<lang>/<document>/<version>.<ext>` for each
/// version, `fragments/<lang>/<document>.html` for fragments,
/// `parallel/<document>.<binding>-<translation>.<ext>` for parallel editions. These paths are the published URLs: keep them stable.
pub fn artifact_path(
    document: &str,
    lang: crate::lang::Lang,
    format: Format,
    slot: Slot,
) -> String {
    let extension = format.extension();
    match slot {
        Slot::Latest | Slot::Alone => format!("{lang}/{document}.{extension}"),
        Slot::Version(version) => format!("{lang}/{document}/{version}.{extension}"),
        Slot::Fragment => format!("fragments/{lang}/{document}.{extension}"),
        Slot::Parallel(translation) => {
            format!("parallel/{document}.{lang}-{translation}.{extension}")
        }
    }
}

/// The relative link from the page at `from` to the file at `to`, both
/// relative to the output folder, so that the site works under any base
/// path and from `file://`.
pub fn relative_href(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to_parts.len() - 1);
    let mut href = "../".repeat(from_dirs.len() - common);
    href.push_str(&to_parts[common..].join("/"));
    href
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_climb_only_as_far_as_needed() {
        assert_eq!(relative_href("fr/dpa.html", "fr/dpa.pdf"), "dpa.pdf");
        assert_eq!(
            relative_href("fr/dpa.html", "en/dpa.html"),
            "../en/dpa.html"
        );
        assert_eq!(
            relative_href("fr/dpa/1.0.html", "en/dpa/1.0.html"),
            "../../en/dpa/1.0.html"
        );
        assert_eq!(
            relative_href("fr/dpa/1.0.html", "fr/dpa/1.1.html"),
            "1.1.html"
        );
        assert_eq!(
            relative_href("fr/dpa.html", "fr/dpa/1.0.html"),
            "dpa/1.0.html"
        );
        assert_eq!(
            relative_href("fr/dpa/1.0.html", "fr/dpa.html"),
            "../dpa.html"
        );
        assert_eq!(relative_href("index.html", "fr/dpa.html"), "fr/dpa.html");
        assert_eq!(relative_href("fr/dpa.html", "feed.xml"), "../feed.xml");
    }
}
