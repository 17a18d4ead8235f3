//! Reads the corpus from disk: every file of `annexes/`, `contracts/` and
//! `locales/`. This is the only module that touches the source folders.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_saphyr::Spanned;

use crate::checklist::Checklist;
use crate::diagnostic::{Diagnostic, Diagnostics, Location, did_you_mean_help};
use crate::facts::{
    Commitments, CookieFacts, Facts, Parties, PrivacyFacts, Product, Security, Subprocessor,
    ThirdParty,
};
use crate::lang::{self, Lang, Localized};
use crate::locale::Labels;
use crate::notice::{self, NoticeFile};
use crate::releases::{self, ReleaseFile};
use crate::terminology::{Term, parse_termbase};
use crate::translations::{self, TranslationLock};

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
#[derive(Debug, Deserialize)]
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
    /// The checklist of legal requirements this document must meet: the
    /// name of a file of `checklists/`, without `.yaml`.
    #[serde(default)]
    pub checklist: Option<Spanned<String>>,
    /// Which requirements of the checklist each clause (by id) or annex
    /// (`annex-<name>`) covers.
    #[serde(default)]
    pub coverage: BTreeMap<String, Vec<Spanned<String>>>,
}

/// An annex generated from the facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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

/// One document: its metadata and its clause text in each language.
#[derive(Debug)]
pub struct DocumentSource {
    /// The folder name under `contracts/`, e.g. `dpa`.
    pub id: String,
    pub meta: DocumentMeta,
    pub texts: BTreeMap<Lang, SourceFile>,
    /// The French text each translated clause was last reviewed against.
    pub reviews: TranslationLock,
    /// The checklist named by `checklist:`, if any.
    pub checklist: Option<Checklist>,
    /// `document.yaml`, to locate problems found in it.
    pub meta_file: SourceFile,
    /// Its releases (`releases/<id>/`), oldest first.
    pub releases: Vec<ReleaseFile>,
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
}

/// Reads and parses the corpus under `root`, reporting every file that
/// cannot be read or parsed.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Option<Corpus> {
    let reader = Reader {
        root,
        diagnostics,
        yaml_files: Vec::new(),
    };
    reader.corpus()
}

struct Reader<'a> {
    root: &'a Path,
    diagnostics: &'a mut Diagnostics,
    yaml_files: Vec<SourceFile>,
}

impl Reader<'_> {
    fn corpus(mut self) -> Option<Corpus> {
        let languages = self.languages()?;
        lang::with_languages(&languages, || self.facts_and_documents(languages.clone()))
    }

    fn facts_and_documents(mut self, languages: Vec<Lang>) -> Option<Corpus> {
        let parties = self.yaml::<Parties>("annexes/parties.yaml");
        let commitments = self.optional_yaml::<Commitments>("annexes/commitments.yaml");
        let products = self.optional_yaml::<ProductsFile>("annexes/products.yaml");
        let subprocessors = self.optional_yaml::<SubprocessorsFile>("annexes/subprocessors.yaml");
        let security = self.optional_yaml::<Security>("annexes/security.yaml");
        let cookies = self.optional_yaml::<CookieFacts>("annexes/cookies.yaml");
        let privacy = self.optional_yaml::<PrivacyFacts>("annexes/privacy.yaml");
        let third_parties = self.optional_yaml::<ThirdPartiesFile>("annexes/third-parties.yaml");
        let documents = self.documents(&languages);
        let locale_files = self.locales(&languages);
        let labels = Labels::new(&locale_files, self.diagnostics);
        let termbase = "locales/termbase.csv";
        let terms = match self.root.join(termbase).is_file() {
            true => self.read(termbase).map(|file| parse_termbase(&file.text)),
            false => Some(Vec::new()),
        };
        Some(Corpus {
            facts: Facts {
                parties: parties?,
                commitments: commitments?,
                products: products?.map(|file| file.products).unwrap_or_default(),
                subprocessors: subprocessors?
                    .map(|file| file.subprocessors)
                    .unwrap_or_default(),
                security: security?,
                cookies: cookies?,
                privacy: privacy?,
                third_parties: third_parties?
                    .map(|file| file.third_parties)
                    .unwrap_or_default(),
            },
            documents: documents?,
            labels,
            locale_files,
            yaml_files: self.yaml_files,
            terms: terms?,
            languages,
        })
    }

    /// The corpus's languages: the folders of `locales/`. French, the
    /// binding language, is required.
    fn languages(&mut self) -> Option<Vec<Lang>> {
        let folders = self.subfolders("locales")?;
        let mut languages = Vec::new();
        for folder in folders {
            match Lang::from_code(&folder) {
                Some(lang) => languages.push(lang),
                None => self.diagnostics.push(
                    Diagnostic::error(format!(
                        "locales/{folder}/ is not a language clausier knows"
                    ))
                    .with_help("name locale folders `fr` or `en`"),
                ),
            }
        }
        languages.sort();
        if !languages.contains(&Lang::Fr) {
            self.diagnostics.push(
                Diagnostic::error(
                    "there is no locales/fr/: French is the binding language of every document",
                )
                .with_help("add locales/fr/ with the French labels"),
            );
            return None;
        }
        Some(languages)
    }

    /// Reads `relative` under the root, reporting a missing file.
    fn read(&mut self, relative: impl AsRef<Path>) -> Option<SourceFile> {
        let path = relative.as_ref().to_path_buf();
        match fs::read_to_string(self.root.join(&path)) {
            Ok(text) => Some(SourceFile { path, text }),
            Err(error) => {
                self.diagnostics.push(
                    Diagnostic::error(format!("cannot read {}: {error}", path.display()))
                        .with_help("run clausier from the corpus folder, or pass --root DIR"),
                );
                None
            }
        }
    }

    /// A YAML file a corpus may go without: `Some(None)` when absent.
    fn optional_yaml<T: DeserializeOwned>(&mut self, relative: &str) -> Option<Option<T>> {
        if self.root.join(relative).is_file() {
            self.yaml(relative).map(Some)
        } else {
            Some(None)
        }
    }

    fn yaml<T: DeserializeOwned>(&mut self, relative: &str) -> Option<T> {
        let file = self.read(relative)?;
        let value = parse_yaml(&file, self.diagnostics);
        self.yaml_files.push(file);
        value
    }

    /// Every folder of `contracts/` is a document.
    fn documents(&mut self, languages: &[Lang]) -> Option<Vec<DocumentSource>> {
        let mut documents = Vec::new();
        let mut complete = true;
        for id in self.subfolders("contracts")? {
            let folder = Path::new("contracts").join(&id);
            let meta_path = folder.join("document.yaml");
            let meta_file = self.read(&meta_path);
            let meta: Option<DocumentMeta> = meta_file
                .as_ref()
                .and_then(|file| parse_yaml(file, self.diagnostics));
            let checklist = meta
                .as_ref()
                .map(|meta| self.checklist(meta, meta_file.as_ref()));
            let texts: BTreeMap<Lang, SourceFile> = languages
                .iter()
                .copied()
                .filter_map(|lang| Some((lang, self.read(folder.join(format!("{lang}.md")))?)))
                .collect();
            let lock_path = translations::lock_path(&id);
            let lock_file = self
                .root
                .join(&lock_path)
                .is_file()
                .then(|| self.read(&lock_path))
                .flatten();
            let reviews = translations::read_lock(lock_file.as_ref(), self.diagnostics);
            let releases = self.releases(&id);
            let notices = self.records(&notice::folder(&id), notice::parse);
            if let Some(file) = &meta_file {
                self.yaml_files.push(file.clone());
            }
            match (meta, reviews, meta_file, checklist, releases, notices) {
                (
                    Some(meta),
                    Some(reviews),
                    Some(meta_file),
                    Some(Ok(checklist)),
                    Some(releases),
                    Some(notices),
                ) if texts.len() == languages.len() => documents.push(DocumentSource {
                    id,
                    meta,
                    texts,
                    reviews,
                    checklist,
                    meta_file,
                    releases,
                    notices,
                }),
                _ => complete = false,
            }
        }
        // A document that cannot be read would make later checks report
        // consequences (unused labels, missing clauses) rather than causes.
        complete.then_some(documents)
    }

    /// The release records of document `id`, oldest version first.
    fn releases(&mut self, id: &str) -> Option<Vec<ReleaseFile>> {
        let mut releases = self.records(&releases::folder(id), releases::parse)?;
        releases.sort_by(|a, b| a.release.version.cmp(&b.release.version));
        Some(releases)
    }

    /// Every JSON record of `folder` (none when it does not exist), read
    /// with `parse`; none if any cannot be read.
    fn records<T>(
        &mut self,
        folder: &Path,
        parse: fn(SourceFile, &mut Diagnostics) -> Option<T>,
    ) -> Option<Vec<T>> {
        if !self.root.join(folder).is_dir() {
            return Some(Vec::new());
        }
        let mut records = Vec::new();
        let mut complete = true;
        for name in self.file_names(folder, "json")? {
            let parsed = self
                .read(folder.join(name))
                .and_then(|file| parse(file, self.diagnostics));
            match parsed {
                Some(record) => records.push(record),
                None => complete = false,
            }
        }
        complete.then_some(records)
    }

    /// The checklist a document names, reported at its name when missing.
    fn checklist(
        &mut self,
        meta: &DocumentMeta,
        meta_file: Option<&SourceFile>,
    ) -> Result<Option<Checklist>, ()> {
        let Some(name) = &meta.checklist else {
            return Ok(None);
        };
        let path = Path::new("checklists").join(format!("{}.yaml", name.value));
        if !self.root.join(&path).is_file() {
            let mut diagnostic = Diagnostic::error(format!("no checklist `{}`", name.value))
                .with_help(format!(
                    "checklists live in checklists/<name>.yaml; {} does not exist",
                    path.display()
                ));
            if let Some(file) = meta_file {
                let location = file.yaml_location(&name.referenced);
                diagnostic = diagnostic.at(location, &file.text);
            }
            self.diagnostics.push(diagnostic);
            return Err(());
        }
        let file = self.read(&path).ok_or(())?;
        let checklist = parse_yaml(&file, self.diagnostics).ok_or(())?;
        Ok(Some(checklist))
    }

    /// `locales/<lang>/*.ftl`, in file-name order.
    fn locales(&mut self, languages: &[Lang]) -> BTreeMap<Lang, Vec<SourceFile>> {
        let mut locales = BTreeMap::new();
        for &lang in languages {
            let folder = Path::new("locales").join(lang.code());
            let names = self.file_names(&folder, "ftl").unwrap_or_default();
            let files = names
                .iter()
                .filter_map(|name| self.read(folder.join(name)))
                .collect();
            locales.insert(lang, files);
        }
        locales
    }

    fn subfolders(&mut self, relative: &str) -> Option<Vec<String>> {
        self.entries(Path::new(relative), |path| path.is_dir())
    }

    fn file_names(&mut self, relative: &Path, extension: &str) -> Option<Vec<String>> {
        self.entries(relative, |path| {
            path.is_file() && path.extension().is_some_and(|ext| ext == extension)
        })
    }

    /// The sorted names of the entries of a folder that `keep` accepts.
    fn entries(&mut self, relative: &Path, keep: impl Fn(&Path) -> bool) -> Option<Vec<String>> {
        let read = fs::read_dir(self.root.join(relative)).and_then(|entries| {
            entries
                .map(|entry| entry.map(|entry| entry.path()))
                .collect::<Result<Vec<_>, _>>()
        });
        match read {
            Ok(paths) => {
                let mut names: Vec<String> = paths
                    .iter()
                    .filter(|path| keep(path))
                    .filter_map(|path| path.file_name()?.to_str().map(str::to_string))
                    .collect();
                names.sort();
                Some(names)
            }
            Err(error) => {
                self.diagnostics.push(
                    Diagnostic::error(format!(
                        "cannot read folder {}: {error}",
                        relative.display()
                    ))
                    .with_help("run clausier from the corpus folder, or pass --root DIR"),
                );
                None
            }
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProductsFile {
    /// The products whose processing annex B describes.
    products: Vec<Product>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThirdPartiesFile {
    /// Recipients and cookie providers that are not sub-processors.
    third_parties: Vec<ThirdParty>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubprocessorsFile {
    /// The sub-processors annex C lists.
    subprocessors: Vec<Subprocessor>,
}

/// Parses a YAML file, reporting a syntax or schema error at its location.
pub fn parse_yaml<T: DeserializeOwned>(
    file: &SourceFile,
    diagnostics: &mut Diagnostics,
) -> Option<T> {
    match serde_saphyr::from_str::<T>(&file.text) {
        Ok(value) => Some(value),
        Err(error) => {
            let (message, help) = explain_yaml_error(&error);
            let mut diagnostic = Diagnostic::error(message).with_help(help);
            match error.location() {
                Some(location) => {
                    let location = file.yaml_location(&location);
                    diagnostic = diagnostic.at(location, &file.text);
                }
                None => diagnostic.location = Some(file.location(0)),
            }
            diagnostics.push(diagnostic);
            None
        }
    }
}

/// Value errors raised while reading (dates, quantities, SIRET…) are
/// written "message\nhint"; the parser shows that newline escaped.
const HINT_SEPARATORS: [&str; 2] = ["\\n", "\n"];

/// The message and hint of a YAML error, in the project's words rather than
/// the parser's.
fn explain_yaml_error(error: &serde_saphyr::Error) -> (String, String) {
    let text = error.without_snippet().to_string();
    let text = match text.find(" at line ") {
        Some(end) => &text[..end],
        None => text.as_str(),
    };
    if let Some((message, hint)) = HINT_SEPARATORS
        .iter()
        .find_map(|separator| text.split_once(separator))
    {
        return (message.to_string(), hint.trim().to_string());
    }
    let quoted = |text: &str| {
        text.split('`')
            .nth(1)
            .map(str::to_string)
            .unwrap_or_default()
    };
    let expected = |text: &str| -> Vec<String> {
        text.split_once("expected one of ")
            .map(|(_, list)| {
                list.split(", ")
                    .map(|item| item.trim_matches('`').to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let suggestion = |name: &str, known: &[String]| {
        did_you_mean_help(name, known.iter().map(String::as_str), || {
            format!("expected one of: {}", known.join(", "))
        })
    };
    if text.starts_with("unknown field") {
        let field = quoted(text);
        return (
            format!("unknown field `{field}`"),
            suggestion(&field, &expected(text)),
        );
    }
    if text.starts_with("unknown variant") {
        let value = quoted(text);
        return (
            format!("unknown value `{value}`"),
            suggestion(&value, &expected(text)),
        );
    }
    if let Some(key) = text.strip_prefix("duplicate mapping key: ") {
        let key = key.split(',').next().unwrap_or_default();
        return (
            format!("duplicate key `{key}`"),
            "a key may appear once in a mapping: remove or rename one".into(),
        );
    }
    if text.starts_with("missing field") {
        let field = quoted(text);
        return (
            format!("missing field `{field}`"),
            format!("add `{field}: …` to this entry"),
        );
    }
    if text.starts_with("invalid boolean") {
        return (
            "expected `true` or `false`".into(),
            "write `true` or `false`, without quotes".into(),
        );
    }
    let help = "a bracket, brace or quote may be left open, or the indentation may be off, here or on a line above";
    (text.to_string(), help.to_string())
}
