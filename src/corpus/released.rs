//! The documents a release holds, one per language. Every release read is
//! held packed: each document's JSON, deflated, beside its head (its
//! fields but the sections), and parsed again only by what reads its
//! content (rendering or comparing that version, checking notices and
//! client records); the latest release's are also kept parsed, in
//! `DocumentSource::latest_released`, since every build reads them.
//! Parsed, a DPA release in two languages takes 0.28 MiB of heap, packed
//! about 30 KiB with its heads, so that a long history costs little
//! memory (README, Speed).

use std::borrow::Cow;
use std::fmt;
use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::lang::Lang;
use crate::model::{Block, Document, PageLabels, Section, SectionKind};

/// A release's documents, in the order the record lists them (the binding
/// text first), each parsed or packed. Read and written as the list of
/// documents itself: packing changes nothing in a record.
pub struct ReleasedDocuments(Vec<Held>);

/// One document of a release, as it is held.
enum Held {
    Parsed(Document),
    Packed(Packed),
}

/// A document packed: its fields but the sections and translation, parsed
/// (for its [`Head`]), its [`Marks`], and its JSON as `serde_json::to_vec` writes it (what
/// [`DocumentRef::json`] gives), deflated.
pub struct Packed {
    head: Document,
    marks: Marks,
    deflated: Box<[u8]>,
}

/// One document of a release, parsed or packed, or a working document
/// (always parsed): what rendering and comparing take.
#[derive(Clone, Copy)]
pub enum DocumentRef<'a> {
    Parsed(&'a Document),
    Packed(&'a Packed),
}

impl ReleasedDocuments {
    /// The documents, parsed.
    pub fn new(documents: Vec<Document>) -> ReleasedDocuments {
        ReleasedDocuments(documents.into_iter().map(Held::Parsed).collect())
    }

    /// Packs every document (see the module's comment).
    pub fn pack(&mut self) {
        self.0 = (std::mem::take(&mut self.0).into_iter())
            .map(|held| match held {
                Held::Parsed(document) => Held::Packed(Packed::new(document)),
                packed => packed,
            })
            .collect();
    }

    /// Every document, in the record's order.
    pub fn iter(&self) -> impl Iterator<Item = DocumentRef<'_>> {
        self.0.iter().map(|held| match held {
            Held::Parsed(document) => DocumentRef::Parsed(document),
            Held::Packed(packed) => DocumentRef::Packed(packed),
        })
    }

    /// The document in `lang`, if the release has one.
    pub fn get(&self, lang: Lang) -> Option<DocumentRef<'_>> {
        self.iter().find(|document| document.lang() == lang)
    }

    /// Whether the release has a document in `lang`.
    pub fn has(&self, lang: Lang) -> bool {
        self.get(lang).is_some()
    }

    /// Every document, parsed, to keep.
    pub fn to_parsed(&self) -> Vec<Document> {
        self.iter()
            .map(|document| document.load().into_owned())
            .collect()
    }

    /// Applies `change` to every document, parsed (those packed stay
    /// packed).
    pub fn for_each_parsed(&mut self, change: impl Fn(&mut Document)) {
        for held in &mut self.0 {
            if let Held::Parsed(document) = held {
                change(document);
            }
        }
    }
}

impl Packed {
    fn new(document: Document) -> Packed {
        let json = serde_json::to_vec(&document).expect("documents serialize to JSON");
        // The fastest level: the 50 to 55 KiB of JSON of a DPA in one
        // language deflate to 12 or 13 KiB in well under a millisecond.
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::fast());
        encoder
            .write_all(&json)
            .expect("deflating into memory cannot fail");
        let deflated = encoder.finish().expect("deflating into memory cannot fail");
        Packed {
            marks: Marks::of(&document),
            head: Document {
                sections: Vec::new(),
                translation: None,
                ..document
            },
            deflated: deflated.into_boxed_slice(),
        }
    }

    /// The document's JSON, as it was packed.
    fn json(&self) -> Vec<u8> {
        let mut json = Vec::new();
        DeflateDecoder::new(&self.deflated[..])
            .read_to_end(&mut json)
            .expect("what was deflated in memory inflates");
        json
    }

    /// The document, parsed again.
    fn document(&self) -> Document {
        serde_json::from_slice(&self.json())
            .expect("a document reads back the JSON it was written as")
    }
}

impl<'a> DocumentRef<'a> {
    /// The document's language.
    pub fn lang(self) -> Lang {
        self.head().lang
    }

    /// What names the document and where its files go, read without
    /// parsing a packed one.
    pub fn head(self) -> Head<'a> {
        match self {
            DocumentRef::Parsed(document) => Head::of(document),
            DocumentRef::Packed(packed) => Head::of(&packed.head),
        }
    }

    /// The document, parsed: borrowed if it is held parsed, else parsed
    /// for as long as the result is kept.
    pub fn load(self) -> Cow<'a, Document> {
        match self {
            DocumentRef::Parsed(document) => Cow::Borrowed(document),
            DocumentRef::Packed(packed) => Cow::Owned(packed.document()),
        }
    }

    /// The document's JSON, as `serde_json::to_vec` writes it (what its
    /// rendered files are fingerprinted by), without parsing a packed one.
    pub fn json(self) -> Vec<u8> {
        match self {
            DocumentRef::Parsed(document) => {
                serde_json::to_vec(document).expect("documents serialize to JSON")
            }
            DocumentRef::Packed(packed) => packed.json(),
        }
    }

    /// What it holds that only a client's copy or a parallel edition
    /// does (a packed one's, seen when it was packed).
    pub fn marks(self) -> Marks {
        match self {
            DocumentRef::Parsed(document) => Marks::of(document),
            DocumentRef::Packed(packed) => packed.marks,
        }
    }

    /// Whether both are the same document held in the same place.
    pub fn same_as(self, other: DocumentRef) -> bool {
        match (self, other) {
            (DocumentRef::Parsed(a), DocumentRef::Parsed(b)) => std::ptr::eq(a, b),
            (DocumentRef::Packed(a), DocumentRef::Packed(b)) => std::ptr::eq(a, b),
            _ => false,
        }
    }
}

/// A document's head: what names it and where its files go, none of its
/// content (a packed document's head is read without parsing it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Head<'a> {
    pub id: &'a str,
    pub lang: Lang,
    pub title: &'a str,
    pub version: &'a str,
    /// `YYYY-MM-DD`.
    pub effective_date: &'a str,
    pub author: &'a str,
    /// The languages the document is written in.
    pub languages: &'a [Lang],
    pub labels: &'a PageLabels,
}

impl<'a> Head<'a> {
    /// The head of `document`.
    pub fn of(document: &'a Document) -> Head<'a> {
        Head {
            id: &document.id,
            lang: document.lang,
            title: &document.title,
            version: &document.version,
            effective_date: &document.effective_date,
            author: &document.author,
            languages: &document.languages,
            labels: &document.labels,
        }
    }
}

/// What only a client's copy or a parallel edition holds, never a
/// release (which `check` refuses: a release is published).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Marks {
    /// Made out to a client, or with a signature page or block: a
    /// client's copy.
    pub client_copy: bool,
    /// Beside its translation: a parallel edition.
    pub parallel: bool,
}

impl Marks {
    fn of(document: &Document) -> Marks {
        Marks {
            client_copy: document.made_out_to.is_some()
                || document.sections.iter().any(section_for_signatures),
            parallel: document.translation.is_some(),
        }
    }
}

fn section_for_signatures(section: &Section) -> bool {
    section.kind == SectionKind::Signatures
        || section.blocks.iter().any(block_for_signatures)
        || section.children.iter().any(section_for_signatures)
}

fn block_for_signatures(block: &Block) -> bool {
    match block {
        Block::Signatures { .. } => true,
        Block::List { items, .. } => items.iter().flatten().any(block_for_signatures),
        Block::Table(table) => table
            .rows
            .iter()
            .flatten()
            .flatten()
            .any(block_for_signatures),
        Block::Paragraph { .. } | Block::Label { .. } => false,
    }
}

impl<'a> From<&'a Document> for DocumentRef<'a> {
    fn from(document: &'a Document) -> DocumentRef<'a> {
        DocumentRef::Parsed(document)
    }
}

impl Serialize for ReleasedDocuments {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(DocumentRef::load))
    }
}

impl<'de> Deserialize<'de> for ReleasedDocuments {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::deserialize(deserializer).map(ReleasedDocuments::new)
    }
}

impl fmt::Debug for ReleasedDocuments {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let held = self.0.iter().map(|held| match held {
            Held::Parsed(document) => format!("{} (parsed)", document.lang),
            Held::Packed(packed) => {
                format!(
                    "{} ({} bytes packed)",
                    packed.head.lang,
                    packed.deflated.len()
                )
            }
        });
        f.debug_list().entries(held).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::releases::{Release, as_composed_now};

    /// The shipped corpus as loaded, and each release's documents parsed
    /// straight from its file, as the loader reads them before packing.
    fn shipped() -> Vec<(crate::corpus::DocumentSource, Vec<Vec<Document>>)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut diagnostics = crate::diagnostic::Diagnostics::default();
        let corpus = crate::corpus::load(root, &mut diagnostics).expect("the shipped corpus loads");
        (corpus.documents.into_iter())
            .map(|source| {
                let raw = (source.releases.iter())
                    .map(|file| {
                        let release: Release = serde_json::from_str(&file.file.text).unwrap();
                        let mut documents = release.documents.to_parsed();
                        documents.iter_mut().for_each(as_composed_now);
                        documents
                    })
                    .collect();
                (source, raw)
            })
            .collect()
    }

    /// Every document of every shipped release reads back from its packed
    /// form exactly as its file holds it, with its head and the JSON its
    /// files are fingerprinted by; and a packed release is written as the
    /// same record.
    #[test]
    fn packed_documents_read_back_as_they_were() {
        let mut compared = 0;
        for (source, raw) in shipped() {
            for (file, documents) in source.releases.iter().zip(raw) {
                let held = &file.record.documents;
                let parsed = ReleasedDocuments::new(documents.clone());
                assert_eq!(
                    serde_json::to_string(held).unwrap(),
                    serde_json::to_string(&parsed).unwrap()
                );
                assert_eq!(held.iter().count(), documents.len());
                for (packed, original) in held.iter().zip(&documents) {
                    assert!(matches!(packed, DocumentRef::Packed(_)));
                    assert_eq!(packed.lang(), original.lang);
                    assert_eq!(packed.json(), serde_json::to_vec(original).unwrap());
                    assert_eq!(&*packed.load(), original);
                    assert_eq!(packed.head(), Head::of(original));
                    compared += 1;
                }
            }
        }
        assert!(
            compared >= 12,
            "only {compared} released documents compared"
        );
    }

    /// Every release read is held packed; the latest's documents are
    /// also kept parsed, as its file holds them.
    #[test]
    fn releases_are_held_packed_and_the_latest_also_parsed() {
        let mut latest_compared = 0;
        for (source, raw) in shipped() {
            for file in &source.releases {
                let documents = &file.record.documents;
                assert!(
                    documents
                        .iter()
                        .all(|d| matches!(d, DocumentRef::Packed(_)))
                );
            }
            assert_eq!(
                source.latest_released,
                raw.last().cloned().unwrap_or_default()
            );
            latest_compared += usize::from(!source.latest_released.is_empty());
        }
        assert!(
            latest_compared >= 3,
            "only {latest_compared} latest releases compared"
        );
    }
}
