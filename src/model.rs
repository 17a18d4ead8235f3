//! Typed documents, resolved for one language: what both renderers draw.
//! Every string here is final text, never markup: renderers escape it.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// One document in one language, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Document id, e.g. `dpa`.
    pub id: String,
    pub lang: Lang,
    /// Every language the document is published in, for language links,
    /// in the order of `Lang` (releases are brought to it when read).
    pub languages: Vec<Lang>,
    pub title: String,
    pub subtitle: Option<String>,
    pub version: String,
    /// ISO date, `YYYY-MM-DD`.
    pub effective_date: String,
    /// The same date as a reader of this language writes it.
    pub effective_date_text: String,
    pub author: String,
    pub keywords: Vec<String>,
    /// Which version prevails: "binding version" or "translation".
    pub language_notice: Notice,
    /// The parties named on the cover.
    pub parties: Vec<CoverParty>,
    /// Clauses, then annexes.
    pub sections: Vec<Section>,
    /// Interface labels (table of contents, page, version…).
    pub labels: PageLabels,
    /// The most pages the PDF may have to be laid out compact (title at
    /// the top of the first page, no cover or contents page). Absent from
    /// releases made before documents could choose it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compact_up_to: Option<u32>,
    /// The client a contract's copy is made out to (`clausier clients
    /// build`); none in published documents and releases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made_out_to: Option<ClientCopy>,
    /// The parallel edition: this translation beside the binding text,
    /// clause by clause (`compose::parallel`). None in every other edition
    /// and in releases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<Box<Document>>,
}

/// What marks a copy of a contract as one client's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientCopy {
    /// The client's legal name: in the PDF metadata.
    pub name: String,
    /// The footer line naming it, e.g. "Exemplaire établi pour : Commune
    /// de …".
    pub footer: String,
}

/// The binding-language notice, short for footers and long for first pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub binding: bool,
    pub short: String,
    pub long: String,
}

/// A party as the cover page presents it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoverParty {
    /// Its role, e.g. "Sous-traitant".
    pub role: String,
    /// Its name and identifying lines.
    pub lines: Vec<String>,
}

/// Words the page layout needs, resolved from the locale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageLabels {
    pub contents: String,
    pub version: String,
    pub effective_date: String,
    pub page: String,
    pub language: String,
    pub between: String,
    /// The name of the other language's edition, in that language
    /// ("English version"): the link to it where a corpus had two
    /// languages, as releases made before `editions` recorded it.
    pub other_language: String,
    /// How each language's edition names itself, in its own language
    /// ("English version"), as the other editions link to it. Absent
    /// where a document has two languages or fewer.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub editions: std::collections::BTreeMap<Lang, String>,
    pub download_pdf: String,
}

/// A clause, sub-clause, annex or annex part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Anchor, stable across languages and versions.
    pub id: String,
    /// "4", "6.1", "Annexe B" (clauses and annexes); none for annex parts
    /// whose title carries its own lettering.
    pub number: Option<String>,
    pub title: String,
    /// Number and title as readers see them; set by [`Section::finish`].
    pub heading: String,
    pub kind: SectionKind,
    pub blocks: Vec<Block>,
    pub children: Vec<Section>,
}

/// What a section is, which decides page breaks and heading style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// The text before a document's first clause heading: shown without a
    /// heading or number; its title ("Preamble") names it in redlines.
    Preamble,
    Clause,
    Annex,
    Part,
    /// The version history, after the annexes.
    History,
    /// The signature page of a client's copy, after the clauses.
    Signatures,
}

/// The id of the preamble, the text before the first clause heading.
pub const PREAMBLE_ID: &str = "preamble";

/// The anchor of the version history section.
pub const HISTORY_ID: &str = "version-history";

impl SectionKind {
    /// Whether a top-level section of this kind starts a page: the
    /// annexes, the history and the signatures, which stand apart from the
    /// clauses (and, in a parallel edition, whose tables need the width
    /// of the page).
    pub fn starts_page(self) -> bool {
        matches!(
            self,
            SectionKind::Annex | SectionKind::History | SectionKind::Signatures
        )
    }

    /// The name used in JSON data and as an HTML class.
    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Preamble => "preamble",
            SectionKind::Clause => "clause",
            SectionKind::Annex => "annex",
            SectionKind::Part => "part",
            SectionKind::History => "history",
            SectionKind::Signatures => "signatures",
        }
    }
}

/// A block of body content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        inlines: Vec<Inline>,
    },
    List {
        style: ListStyle,
        items: Vec<Vec<Block>>,
    },
    Table(Table),
    /// A short heading inside a table cell or annex, e.g. a kind of user.
    Label {
        inlines: Vec<Inline>,
    },
    /// One signature block per party, side by side.
    Signatures {
        signatories: Vec<Signatory>,
    },
}

/// A party's signature block: who signs, and the space to sign in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signatory {
    /// "Pour le Responsable du traitement".
    pub role: String,
    /// The party's legal name.
    pub party: String,
    /// "Nom : …", "Qualité : …": who signs.
    pub lines: Vec<String>,
    /// "Signature", over the blank area.
    pub signature: String,
    /// The text tag an e-signature platform places its field on, where
    /// the corpus sets one; drawn invisible in the signature area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

/// How list items are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListStyle {
    Bullet,
    /// 1. 2. 3.
    Numbered,
    /// a. b. c.
    Lettered,
}

/// A table with a caption and a header row that repeats across pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Vec<Block>>>,
    /// Relative column widths.
    pub widths: Vec<u32>,
}

/// Inline text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text { text: String },
    Strong { inlines: Vec<Inline> },
    Emphasis { inlines: Vec<Inline> },
    Link { url: String, inlines: Vec<Inline> },
    Break,
}

impl Inline {
    pub fn text(text: impl Into<String>) -> Inline {
        Inline::Text { text: text.into() }
    }
}

impl Block {
    /// A paragraph of plain text.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph {
            inlines: vec![Inline::text(text)],
        }
    }

    /// A list of plain-text items.
    pub fn list(style: ListStyle, items: impl IntoIterator<Item = String>) -> Block {
        Block::List {
            style,
            items: items
                .into_iter()
                .map(|item| vec![Block::paragraph(item)])
                .collect(),
        }
    }
}

impl Section {
    pub fn new(id: String, number: Option<String>, title: String, kind: SectionKind) -> Section {
        Section {
            id,
            number,
            title,
            heading: String::new(),
            kind,
            blocks: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Sets the heading of this section and its children once numbers are
    /// final.
    pub fn finish(&mut self) {
        self.heading = match &self.number {
            Some(number) if self.kind == SectionKind::Annex => format!("{number} – {}", self.title),
            Some(number) => format!("{number}. {}", self.title),
            None => self.title.clone(),
        };
        for child in &mut self.children {
            child.finish();
        }
    }
}
