//! The stable code of every kind of problem (`E0105`, `W0601`): shown with
//! the problem, explained by `clausier explain CODE` and by the guide's page
//! `guide/src/errors/CODE.md`, which the binary carries. A code is never
//! reused for another kind of problem, so that CI scripts and searches keep
//! working.

use serde::Serialize;

/// Declares the codes once: the enum, its text form and its guide page
/// (a missing page fails the build, so that every code is explained).
macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $id:literal,)*) => {
        /// A kind of problem. Errors are `E…`, warnings `W…`, notes `N…`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[$doc])* $name,)*
        }

        impl Code {
            /// Every code, in the order of the guide's error index.
            pub const ALL: &[Code] = &[$(Code::$name,)*];

            /// The code as the user reads it, e.g. `E0105`.
            pub fn id(self) -> &'static str {
                match self {
                    $(Code::$name => $id,)*
                }
            }

            /// Its page in the guide: Markdown, starting `# CODE: title`.
            pub fn page(self) -> &'static str {
                match self {
                    $(Code::$name => include_str!(concat!("../../guide/src/errors/", $id, ".md")),)*
                }
            }
        }
    };
}

impl Code {
    /// The code written `id` (any case), if there is one.
    pub fn find(id: &str) -> Option<Code> {
        Code::ALL
            .iter()
            .copied()
            .find(|code| code.id().eq_ignore_ascii_case(id.trim()))
    }

    /// The title of its page: what kind of problem it is.
    pub fn title(self) -> &'static str {
        let first = self.page().lines().next().unwrap_or_default();
        first
            .split_once(": ")
            .map_or(first, |(_, title)| title.trim())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

codes! {
    // Files.
    /// A file or folder of the corpus cannot be read.
    Unreadable = "E0001",
    /// A symbolic link leads outside the corpus folder.
    OutsideCorpus = "E0002",
    /// A file is larger than clausier reads.
    TooLarge = "E0003",
    /// A file is not UTF-8 text.
    NotUtf8 = "E0004",
    /// A text holds what cannot be published: a control or invisible
    /// character, or a text or word too long to lay out.
    UnsafeText = "E0005",
    // YAML files.
    /// A YAML file cannot be parsed.
    YamlSyntax = "E0101",
    /// A YAML file is empty.
    EmptyFile = "E0102",
    /// A YAML tag (`!!binary`, `!name`) is written.
    YamlTag = "E0103",
    /// An entry lacks a field it needs.
    MissingField = "E0104",
    /// A field the file kind does not have.
    UnknownField = "E0105",
    /// A value that is not one of those allowed (a category, a language…).
    UnknownValue = "E0106",
    /// A value of the wrong kind (a list for a text, a text for a number…).
    WrongKind = "E0107",
    /// A key written twice in one mapping.
    DuplicateKey = "E0108",
    /// A value written wrongly: an e-mail address, a web address, a SIRET,
    /// a lifetime, a quantity.
    InvalidValue = "E0109",
    /// More problems in a file than are shown.
    TooManyProblems = "E0110",
    /// A text of the facts lacks one of the languages.
    MissingTranslation = "E0111",
    // The corpus folder and its settings.
    /// The folder is not a corpus, or its languages cannot be told.
    NotACorpus = "E0201",
    /// corpus.yaml's languages disagree with themselves or with locales/.
    LanguageSettings = "E0202",
    /// A document has no text in one of the languages.
    MissingDocumentText = "E0203",
    /// A folder of contracts/ or releases/ cannot be a document.
    DocumentFolder = "E0204",
    /// A document names a checklist clausier does not have.
    UnknownChecklist = "E0205",
    // Labels (Fluent files in locales/).
    /// A Fluent file cannot be parsed.
    FluentSyntax = "E0301",
    /// A label or term is defined twice.
    DuplicateLabel = "E0302",
    /// A label override names a label clausier does not have.
    UnknownLabel = "E0303",
    /// A label has no text in one of the languages.
    MissingLabel = "E0304",
    /// A label cannot be resolved: an unknown variable, message or
    /// function, or a loop.
    UnresolvedLabel = "E0305",
    /// A label is defined but never used.
    UnusedLabel = "W0301",
    // The termbase.
    /// A line of locales/termbase.csv cannot be read.
    Termbase = "E0401",
    // Facts (annexes/).
    /// An id is given to two entries.
    DuplicateId = "E0501",
    /// A reference to an id that no entry has.
    UnknownReference = "E0502",
    /// An annex a document needs has no facts.
    EmptyAnnex = "E0503",
    /// A fact a document or a placeholder needs is not given.
    MissingFact = "E0504",
    /// A transfer outside the EU without a transfer mechanism.
    TransferMechanism = "E0505",
    /// A tracker breaks a rule of the CNIL.
    CnilRule = "E0506",
    /// Two documents describe one fact differently.
    Contradiction = "E0507",
    /// A fact the organisation has still to confirm (`to_confirm:`).
    ToConfirm = "N0501",
    /// A tracker that needs consent, or the publisher's own, does not
    /// state how long it lives.
    LifetimeNotStated = "W0501",
    // Clauses (contracts/).
    /// A heading or the text around it does not make a clause.
    ClauseStructure = "E0601",
    /// Lists, quotes, emphasis or placeables nest too deep.
    NestedTooDeep = "E0602",
    /// Markdown that clausier does not publish (an image).
    UnsupportedMarkdown = "E0603",
    /// Two clauses share an id.
    DuplicateClauseId = "E0604",
    /// A clause lacks a translation, or the languages order clauses
    /// differently.
    ClauseTranslation = "E0605",
    /// A placeholder `{{ … }}` that cannot be filled.
    Placeholder = "E0606",
    /// A link that is refused or leads nowhere.
    Link = "E0607",
    /// A translation changed or was never confirmed as reviewed.
    StaleTranslation = "W0601",
    /// A term of the termbase is said in one language and not the other.
    Terminology = "W0602",
    // Checklists.
    /// A checklist entry names a section the document does not have.
    ChecklistSection = "E0701",
    /// A clause claims a requirement the checklist does not have.
    UnknownRequirement = "E0702",
    /// A requirement of the checklist no clause covers.
    UncoveredRequirement = "E0703",
    /// The clauses said to cover a requirement do not say what it needs.
    UnsaidRequirement = "E0704",
    // Releases and notices (releases/).
    /// A record (release, notice) cannot be read.
    UnreadableRecord = "E0801",
    /// A record was edited after clausier wrote it.
    EditedRecord = "E0802",
    /// A released version is missing or replaced.
    BrokenHistory = "E0803",
    /// A document has no release yet.
    NoRelease = "E0804",
    /// A document changed since its last release.
    UnreleasedChange = "E0805",
    /// A release changes the sub-processors and no client notice was
    /// recorded.
    NoticeMissing = "W0801",
    // Rendering.
    /// clausier failed inside: a template, or the PDF layout.
    Internal = "E0901",
    /// The PDF engine warned about a document.
    PdfWarning = "W0901",
    // Clients (clients/).
    /// A client record names a version, a date, a language or a file name
    /// that cannot be, or gives no identifier.
    ClientRecord = "E1001",
}
