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

impl Section {
    /// The section `id` among `sections`, at any depth.
    pub fn find<'a>(sections: &'a [Section], id: &str) -> Option<&'a Section> {
        sections.iter().find_map(|section| match section.id == id {
            true => Some(section),
            false => Section::find(&section.children, id),
        })
    }
}

/// Typesets every text a reader sees (`text::typography`), for one
/// language: ids, addresses, section numbers, ISO dates and e-signature
/// tags are left as they are.
struct Typesetter<'a> {
    lang: &'a str,
}

impl Typesetter<'_> {
    fn text(&self, text: &mut String) {
        *text = crate::text::typography::typeset(text, self.lang);
    }

    fn texts<'t>(&self, texts: impl IntoIterator<Item = &'t mut String>) {
        texts.into_iter().for_each(|text| self.text(text));
    }

    fn section(&self, section: &mut Section) {
        self.texts([&mut section.title, &mut section.heading]);
        self.blocks(&mut section.blocks);
        section
            .children
            .iter_mut()
            .for_each(|child| self.section(child));
    }

    fn blocks(&self, blocks: &mut [Block]) {
        for block in blocks {
            match block {
                Block::Paragraph { inlines } | Block::Label { inlines } => {
                    self.inlines(inlines, &mut None)
                }
                Block::List { items, .. } => items.iter_mut().for_each(|item| self.blocks(item)),
                Block::Table(table) => self.table(table),
                Block::Signatures { signatories } => {
                    for signatory in signatories {
                        self.texts([
                            &mut signatory.role,
                            &mut signatory.party,
                            &mut signatory.signature,
                        ]);
                        self.texts(&mut signatory.lines);
                    }
                }
            }
        }
    }

    fn table(&self, table: &mut Table) {
        self.text(&mut table.caption);
        self.texts(&mut table.header);
        table
            .rows
            .iter_mut()
            .flatten()
            .for_each(|cell| self.blocks(cell));
    }

    /// A paragraph's texts in order, each typeset after the one before
    /// (`previous`, its last character): Markdown splits a quotation
    /// around its emphasis.
    fn inlines(&self, inlines: &mut [Inline], previous: &mut Option<char>) {
        for inline in inlines {
            match inline {
                Inline::Text { text } => {
                    *text = crate::text::typography::typeset_after(*previous, text, self.lang);
                    *previous = text.chars().last().or(*previous);
                }
                Inline::Strong { inlines }
                | Inline::Emphasis { inlines }
                | Inline::Link { inlines, .. } => self.inlines(inlines, previous),
                Inline::Break => *previous = None,
            }
        }
    }
}

impl Table {
    /// This table typeset for `lang`, as [`Document::typeset`] does.
    pub fn typeset(mut self, lang: Lang) -> Table {
        let lang = lang.to_string();
        Typesetter { lang: &lang }.table(&mut self);
        self
    }
}

impl Document {
    /// This document as readers see it: its text typeset for its language,
    /// and a parallel edition's translation for its own. Applied by every
    /// renderer (and to both sides of a redline), never stored: releases
    /// keep the text as written, so that a better rule reaches them too.
    pub fn typeset(mut self) -> Document {
        let lang = self.lang.to_string();
        let typesetter = Typesetter { lang: &lang };
        let labels = &mut self.labels;
        typesetter.texts([
            &mut self.title,
            &mut self.effective_date_text,
            &mut self.language_notice.short,
            &mut self.language_notice.long,
            &mut labels.contents,
            &mut labels.version,
            &mut labels.effective_date,
            &mut labels.page,
            &mut labels.language,
            &mut labels.between,
            &mut labels.other_language,
            &mut labels.download_pdf,
        ]);
        typesetter.texts(&mut self.subtitle);
        // Each edition names itself in its own language.
        for (edition, name) in &mut labels.editions {
            *name = crate::text::typography::typeset(name, &edition.to_string());
        }
        for party in &mut self.parties {
            typesetter.text(&mut party.role);
            typesetter.texts(&mut party.lines);
        }
        self.sections.iter_mut().for_each(|s| typesetter.section(s));
        if let Some(copy) = &mut self.made_out_to {
            typesetter.texts([&mut copy.name, &mut copy.footer]);
        }
        self.translation = self.translation.map(|t| Box::new(t.typeset()));
        self
    }
}
