//! Renderers turn a model document into the bytes of one output format.

pub mod html;
pub mod pdf;
mod world;

pub use world::can_print;

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
    Pdf,
    Html,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::Pdf, Format::Html];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
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
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// File name (placed beside the artifact) and content.
    pub sources: Vec<(String, Vec<u8>)>,
    /// Problems that did not stop rendering.
    pub warnings: Vec<Diagnostic>,
}

/// Renders documents into one format. Implementations are built once per
/// run and shared by every document, so that expensive setup (fonts,
/// templates) happens once.
pub trait Renderer: Sync {
    fn format(&self) -> Format;
    fn render(&self, document: &Document) -> Result<Rendered, Box<Diagnostic>>;
}

/// Where an artifact lives under the output folder: `<lang>/<document>.<ext>`.
/// These paths are the published URLs: keep them stable.
pub fn artifact_path(document: &str, lang: crate::lang::Lang, format: Format) -> String {
    format!("{lang}/{document}.{}", format.extension())
}
