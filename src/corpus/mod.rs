//! The corpus stage: reads the corpus from disk (every file of `annexes/`,
//! `checklists/`, `contracts/`, `locales/` and `releases/`) into typed
//! facts, clauses, labels and records. The only stage that reads the
//! source folders (through [`files::CorpusRoot`]); it uses no other stage.

pub mod checklists;
pub mod clients;
pub mod date;
pub mod facts;
pub mod files;
pub mod links;
mod load;
pub mod locale;
pub mod notices;
pub mod quantity;
pub mod records;
pub mod released;
pub mod releases;
pub mod reviews;
pub mod schemas;
pub mod settings;
pub mod termbase;
pub mod values;
pub mod version;
pub mod yaml;

pub use load::load;

use std::collections::BTreeMap;
use std::path::PathBuf;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::corpus::checklists::Checklist;
use crate::corpus::facts::Facts;
use crate::corpus::locale::Labels;
use crate::corpus::termbase::Term;
use crate::diagnostic::Location;
use crate::lang::{Lang, Localized};
use crate::model::Document;
use notices::NoticeFile;
use released::DocumentRef;
use releases::ReleaseFile;
use reviews::TranslationLock;

/// The folders a corpus is read from, under its root (`clients/` by the
/// commands that read client records, and `check`).
pub const SOURCE_FOLDERS: [&str; 6] = [
    "annexes",
    "checklists",
    "clients",
    "contracts",
    "locales",
    "releases",
];

/// Document ids that would collide with the site's own files.
const RESERVED_IDS: [&str; 1] = ["index"];

/// A text file of the corpus, with its path relative to the corpus root.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

impl SourceFile {
    /// The location of byte `offset` of this file.
    pub fn location(&self, offset: usize) -> Location {
        Location::at_offset(&self.path, &self.text, offset)
    }

    /// The location of a position the YAML parser recorded in this file.
    pub fn yaml_location(&self, location: &serde_saphyr::Location) -> Location {
        Location {
            path: self.path.clone(),
            line: location.line() as usize,
            column: location.column() as usize,
        }
    }
}

/// `contracts/<id>/document.yaml`: what a document is and which annexes
/// follow its clauses.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    /// Title on the cover page, in the metadata and in the footer.
    pub title: Localized,
    /// Line under the title, e.g. what the document is attached to.
    #[serde(default)]
    pub subtitle: Option<Localized>,
    /// PDF keywords, comma-separated.
    pub keywords: Localized,
    /// Whether the document is a contract between the parties, whose cover
    /// names them; policies are the publisher's alone.
    #[serde(default)]
    pub contract: bool,
    /// The annexes generated from `annexes/`, in order; they are lettered
    /// A, B, C… in that order.
    #[serde(default)]
    pub annexes: Vec<AnnexKind>,
    /// The checklists of legal requirements this document must meet, one
    /// per law and jurisdiction: names of files of `checklists/` without
    /// `.yaml`, e.g. `[gdpr-art13, fr-informatique-et-libertes]`, or one
    /// name alone, e.g. `gdpr-art28`.
    #[serde(default)]
    #[schemars(with = "Option<ChecklistNames>")]
    pub checklist: Option<Spanned<ChecklistNames>>,
    /// Which requirements of the checklists each clause (by id) or annex
    /// (`annex-<name>`) covers.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Vec<String>>")]
    pub coverage: BTreeMap<String, Vec<Spanned<String>>>,
    /// The most pages the PDF may have to be laid out compact: the title,
    /// the version and the language notice at the top of the first page,
    /// then the text, without a cover page or a contents page. Longer, or
    /// without this field, it has both. E.g. `3` for a web policy.
    #[serde(default)]
    #[schemars(range(min = 1))]
    pub compact_up_to: Option<u32>,
}

/// `checklist:`: one name or a list of names.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ChecklistNames {
    One(String),
    Several(Vec<String>),
}

impl ChecklistNames {
    /// Every name, in order.
    pub fn all(&self) -> &[String] {
        match self {
            ChecklistNames::One(name) => std::slice::from_ref(name),
            ChecklistNames::Several(names) => names,
        }
    }
}

/// An annex generated from the facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnnexKind {
    /// The parties (`parties.yaml`).
    Parties,
    /// The processing per product (`products.yaml`).
    Processing,
    /// The sub-processors (`subprocessors.yaml`).
    Subprocessors,
    /// The security measures (`security.yaml`).
    Security,
}

impl AnnexKind {
    /// The name placeholders use: `{{ annex.<name> }}`.
    pub fn name(self) -> &'static str {
        match self {
            AnnexKind::Parties => "parties",
            AnnexKind::Processing => "processing",
            AnnexKind::Subprocessors => "subprocessors",
            AnnexKind::Security => "security",
        }
    }
}

impl Corpus {
    /// Drops the source text of every release file, once checked: it only
    /// locates problems in the record (its path stays, for messages).
    pub fn forget_release_texts(&mut self) {
        for source in &mut self.documents {
            for release in &mut source.releases {
                release.file.text = String::new();
            }
        }
    }

    /// The language whose text is binding.
    pub fn binding(&self) -> Lang {
        self.languages[0]
    }

    /// The organisation's short name in `lang`: corpus.yaml's, or else
    /// parties.yaml's.
    pub fn short_name(&self, lang: Lang) -> &str {
        match &self.short_name {
            Some(names) => names.get(lang),
            None => &self.facts.parties.processor.short_name,
        }
    }
}

impl DocumentSource {
    /// The documents of its release `release` (its place, oldest first):
    /// the latest's as kept parsed, the others' packed.
    pub fn release_documents(&self, release: usize) -> Vec<DocumentRef<'_>> {
        if release + 1 == self.releases.len() {
            self.latest_released.iter().map(DocumentRef::from).collect()
        } else {
            self.releases[release].record.documents.iter().collect()
        }
    }

    /// That release's document in `lang`, if it has one.
    pub fn release_document(&self, release: usize, lang: Lang) -> Option<DocumentRef<'_>> {
        (self.release_documents(release).into_iter()).find(|document| document.lang() == lang)
    }

    /// Its binding text.
    pub fn binding_text(&self) -> Option<&SourceFile> {
        self.texts.get(&self.binding)
    }

    /// Its translations, by language.
    pub fn translations(&self) -> impl Iterator<Item = (Lang, &SourceFile)> {
        let binding = self.binding;
        self.texts
            .iter()
            .filter(move |(lang, _)| **lang != binding)
            .map(|(lang, file)| (*lang, file))
    }
}

/// One document: its metadata and its clause text in each language.
#[derive(Debug)]
pub struct DocumentSource {
    /// The folder name under `contracts/`, e.g. `dpa`.
    pub id: String,
    pub meta: DocumentMeta,
    pub texts: BTreeMap<Lang, SourceFile>,
    /// The language whose text is binding (the corpus's).
    pub binding: Lang,
    /// The binding text each translated clause was last reviewed against.
    pub reviews: TranslationLock,
    /// The checklists named by `checklist:`, in order.
    pub checklists: Vec<Checklist>,
    /// `document.yaml`, to locate problems found in it.
    pub meta_file: SourceFile,
    /// Its releases (`releases/<id>/`), oldest first, their documents held
    /// packed ([`released`]).
    pub releases: Vec<ReleaseFile>,
    /// The documents of its latest release, parsed (none before the first
    /// release): what its fixed paths publish while it has no draft, and
    /// what its working text is compared with.
    pub latest_released: Vec<Document>,
    /// The client notices sent about its releases
    /// (`releases/<id>/notices/`).
    pub notices: Vec<NoticeFile>,
}

/// Everything clausier reads, parsed but not yet cross-checked.
pub struct Corpus {
    pub facts: Facts,
    pub documents: Vec<DocumentSource>,
    pub labels: Labels,
    pub locale_files: BTreeMap<Lang, Vec<SourceFile>>,
    /// Every YAML file read, to locate problems found in their texts.
    pub yaml_files: Vec<SourceFile>,
    /// The official terms each translation must use (`locales/termbase.csv`).
    pub terms: Vec<Term>,
    /// The languages of the corpus, binding language first.
    pub languages: Vec<Lang>,
    /// `corpus.yaml`, when the corpus has one.
    pub settings_file: Option<SourceFile>,
    /// Every question asked of the corpus folder while reading it, with
    /// its answer: what a build's output depends on.
    pub consulted: Vec<files::Consulted>,
    /// `site:` in corpus.yaml.
    pub site: settings::SiteSettings,
    /// `short_name:` in corpus.yaml: the organisation's name by language.
    pub short_name: Option<Localized>,
    /// `signing:` in corpus.yaml.
    pub signing: settings::SigningSettings,
}
