//! Reads a corpus folder into a [`Corpus`]: every file through the
//! confined [`CorpusRoot`], every problem collected and located.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::checklists::Checklist;
use super::facts::{
    Commitments, CookieFacts, Facts, Parties, PrivacyFacts, Product, Security, Subprocessor,
    ThirdParty,
};
use super::files::CorpusRoot;
use super::locale::Labels;
use super::notices::{self};
use super::releases::{self, ReleaseFile};
use super::reviews::{self};
use super::settings::{SETTINGS_FILE, Settings, SigningSettings, SiteSettings};
use super::termbase::parse_termbase;
use super::yaml::parse_yaml;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::lang::{self, Lang};
use crate::text;

use super::{Corpus, DocumentMeta, DocumentSource, RESERVED_IDS, SourceFile};

mod languages;

/// Reads and parses the corpus under `root`, reporting every file that
/// cannot be read or parsed.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Option<Corpus> {
    let root = match CorpusRoot::new(root) {
        Ok(root) => root,
        Err(error) => {
            diagnostics.push(Diagnostic::error(
                Code::Unreadable,
                format!("cannot read the corpus folder {}: {error}", root.display()),
            ));
            return None;
        }
    };
    let reader = Reader {
        root: &root,
        diagnostics,
        yaml_files: Vec::new(),
    };
    let mut corpus = reader.corpus()?;
    corpus.consulted = root.consulted();
    Some(corpus)
}

struct Reader<'a> {
    root: &'a CorpusRoot,
    diagnostics: &'a mut Diagnostics,
    yaml_files: Vec<SourceFile>,
}

impl Reader<'_> {
    fn corpus(mut self) -> Option<Corpus> {
        let settings_file = match self.root.has(Path::new(SETTINGS_FILE)) {
            true => Some(self.read(SETTINGS_FILE)?),
            false => None,
        };
        let languages = self.languages(settings_file.as_ref())?;
        lang::with_languages(&languages, || {
            self.facts_and_documents(languages.clone(), settings_file)
        })
    }

    fn facts_and_documents(
        mut self,
        languages: Vec<Lang>,
        settings_file: Option<SourceFile>,
    ) -> Option<Corpus> {
        let parties = self.yaml::<Parties>("annexes/parties.yaml");
        let commitments = self.optional_yaml::<Commitments>("annexes/commitments.yaml");
        let products = self.optional_yaml::<ProductsFile>("annexes/products.yaml");
        let subprocessors = self.optional_yaml::<SubprocessorsFile>("annexes/subprocessors.yaml");
        let security = self.optional_yaml::<Security>("annexes/security.yaml");
        let cookies = self.optional_yaml::<CookieFacts>("annexes/cookies.yaml");
        let privacy = self.optional_yaml::<PrivacyFacts>("annexes/privacy.yaml");
        let third_parties = self.optional_yaml::<ThirdPartiesFile>("annexes/third-parties.yaml");
        // Read again now that the languages its texts need are known.
        let settings = match &settings_file {
            Some(file) => parse_yaml::<Settings>(file, self.diagnostics).and_then(|settings| {
                let site = self.site(file, settings.site)?;
                Some((site, settings.short_name, settings.signing))
            }),
            None => Some((SiteSettings::default(), None, SigningSettings::default())),
        };
        let documents = self.documents(&languages);
        let locale_files = self.locales(&languages);
        let labels = Labels::new(&locale_files, self.diagnostics);
        let termbase = "locales/termbase.csv";
        let terms = match self.root.has(Path::new(termbase)) {
            true => self
                .read(termbase)
                .and_then(|file| parse_termbase(&file, self.diagnostics)),
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
            settings_file,
            consulted: Vec::new(),
            site: settings.as_ref()?.0.clone(),
            short_name: settings.as_ref()?.1.clone(),
            signing: settings?.2,
        })
    }

    /// Reads `relative` under the root, reporting why it cannot be read.
    fn read(&mut self, relative: impl AsRef<Path>) -> Option<SourceFile> {
        match self.root.read(relative.as_ref()) {
            Ok(file) => Some(file),
            Err(diagnostic) => {
                self.diagnostics.push(*diagnostic);
                None
            }
        }
    }

    /// A YAML file a corpus may go without: `Some(None)` when absent.
    fn optional_yaml<T: DeserializeOwned + JsonSchema>(
        &mut self,
        relative: &str,
    ) -> Option<Option<T>> {
        if self.root.has(Path::new(relative)) {
            self.yaml(relative).map(Some)
        } else {
            Some(None)
        }
    }

    fn yaml<T: DeserializeOwned + JsonSchema>(&mut self, relative: &str) -> Option<T> {
        let file = self.read(relative)?;
        let value = parse_yaml(&file, self.diagnostics);
        self.yaml_files.push(file);
        value
    }

    /// Every folder of `contracts/` is a document.
    fn documents(&mut self, languages: &[Lang]) -> Option<Vec<DocumentSource>> {
        let mut documents = Vec::new();
        let mut complete = true;
        let ids = self.subfolders("contracts")?;
        for id in &ids {
            if !self.document_id(id) {
                complete = false;
                continue;
            }
            let id = id.clone();
            let folder = Path::new("contracts").join(&id);
            let meta_path = folder.join("document.yaml");
            let meta_file = self.read(&meta_path);
            let meta: Option<DocumentMeta> = meta_file
                .as_ref()
                .and_then(|file| parse_yaml(file, self.diagnostics));
            let checklists = meta
                .as_ref()
                .map(|meta| self.checklists(meta, meta_file.as_ref()));
            let texts: BTreeMap<Lang, SourceFile> = languages
                .iter()
                .copied()
                .filter_map(|lang| Some((lang, self.text(&folder, lang)?)))
                .collect();
            let lock_path = reviews::lock_path(&id);
            let lock_file = self
                .root
                .has(&lock_path)
                .then(|| self.read(&lock_path))
                .flatten();
            let reviews = reviews::read_lock(lock_file.as_ref(), self.diagnostics);
            let releases = self.releases(&id);
            let notices = self.records(&notices::folder(&id), notices::parse);
            if let Some(file) = &meta_file {
                self.yaml_files.push(file.clone());
            }
            match (meta, reviews, meta_file, checklists, releases, notices) {
                (
                    Some(meta),
                    Some(reviews),
                    Some(meta_file),
                    Some(Ok(checklists)),
                    Some(releases),
                    Some(notices),
                ) if texts.len() == languages.len() => documents.push(DocumentSource {
                    latest_released: (releases.last())
                        .map_or_else(Vec::new, |file| file.record.documents.to_parsed()),
                    id,
                    meta,
                    texts,
                    binding: languages[0],
                    reviews,
                    checklists,
                    meta_file,
                    releases,
                    notices,
                }),
                _ => complete = false,
            }
        }
        complete &= self.releases_have_documents(&ids);
        // A document that cannot be read would make later checks report
        // consequences (unused labels, missing clauses) rather than causes.
        complete.then_some(documents)
    }

    /// The text of the document in `folder` in `lang`, `<lang>.md`; a
    /// missing one is named as such.
    fn text(&mut self, folder: &Path, lang: Lang) -> Option<SourceFile> {
        let path = folder.join(format!("{lang}.md"));
        if !self.root.has(&path) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::MissingDocumentText,
                    format!(
                        "{}/ has no {lang}.md, the document's text in {}",
                        folder.display(),
                        lang.name()
                    ),
                )
                .with_help(format!(
                    "write it in {}: every language of the corpus has its text",
                    path.display()
                )),
            );
            return None;
        }
        self.read(path)
    }

    /// Whether a folder of `contracts/` can name a document: its id becomes
    /// file names and web addresses, so it must be a slug that no other
    /// output uses.
    fn document_id(&mut self, id: &str) -> bool {
        let problem = if !text::is_slug(id) {
            "a document id names its files and web addresses: use lower-case letters, digits and single hyphens, e.g. `cookies` or `terms-of-sale`"
        } else if RESERVED_IDS.contains(&id) {
            "`index` is the name of the site's home pages: choose another name for this document"
        } else {
            return true;
        };
        self.diagnostics.push(
            Diagnostic::error(
                Code::DocumentFolder,
                format!("contracts/{id}/ cannot be a document"),
            )
            .with_help(format!("{problem}; then rename releases/{id}/ to match")),
        );
        false
    }

    /// Whether every folder of released versions has its document: one
    /// whose source is gone would silently disappear from the site.
    fn releases_have_documents(&mut self, ids: &[String]) -> bool {
        if !self.root.has(Path::new(releases::RELEASES)) {
            return true;
        }
        let Some(released) = self.subfolders(releases::RELEASES) else {
            return false;
        };
        let orphans: Vec<&String> = released.iter().filter(|id| !ids.contains(id)).collect();
        for id in &orphans {
            self.diagnostics.push(
                Diagnostic::error(Code::DocumentFolder, format!(
                    "releases/{id}/ holds released versions of `{id}`, but contracts/{id}/ does not exist"
                ))
                .with_help(format!(
                    "restore contracts/{id}/ from version control: without it, every published version of `{id}` would disappear from the output"
                )),
            );
        }
        orphans.is_empty()
    }

    /// The release records of document `id`, oldest version first.
    fn releases(&mut self, id: &str) -> Option<Vec<ReleaseFile>> {
        let mut releases = self.records(&releases::folder(id), releases::parse)?;
        releases.sort_by(|a, b| a.record.version.cmp(&b.record.version));
        Some(releases)
    }

    /// Every JSON record of `folder` (none when it does not exist), read
    /// with `parse`; none if any cannot be read.
    fn records<T: Send>(
        &mut self,
        folder: &Path,
        parse: fn(SourceFile, &mut Diagnostics) -> Option<T>,
    ) -> Option<Vec<T>> {
        if !self.root.has(folder) {
            return Some(Vec::new());
        }
        let names = self.file_names(folder, "json")?;
        // A long history is mostly records: read and parsed on every core,
        // each with the corpus's languages (kept per thread).
        let (root, languages) = (self.root, lang::corpus_languages());
        let parsed: Vec<(Option<T>, Diagnostics)> = (names.par_iter())
            .map(|name| {
                lang::with_languages(&languages, || {
                    let mut diagnostics = Diagnostics::default();
                    let record = match root.read(&folder.join(name)) {
                        Ok(file) => parse(file, &mut diagnostics),
                        Err(diagnostic) => {
                            diagnostics.push(*diagnostic);
                            None
                        }
                    };
                    (record, diagnostics)
                })
            })
            .collect();
        let mut records = Vec::new();
        let mut complete = true;
        for (record, diagnostics) in parsed {
            self.diagnostics.extend(diagnostics);
            match record {
                Some(record) => records.push(record),
                None => complete = false,
            }
        }
        complete.then_some(records)
    }

    /// The checklists a document names, each reported at `checklist:`
    /// when missing.
    fn checklists(
        &mut self,
        meta: &DocumentMeta,
        meta_file: Option<&SourceFile>,
    ) -> Result<Vec<Checklist>, ()> {
        let Some(names) = &meta.checklist else {
            return Ok(Vec::new());
        };
        let mut checklists = Vec::new();
        let mut complete = true;
        for name in names.value.all() {
            let path = Path::new("checklists").join(format!("{name}.yaml"));
            if !text::is_slug(name) || !self.root.has(&path) {
                let help = match text::is_slug(name) {
                    true => format!(
                        "checklists live in checklists/<name>.yaml; {} does not exist",
                        path.display()
                    ),
                    false => "name a file of checklists/ without `.yaml`, e.g. `gdpr-art28`".into(),
                };
                let mut diagnostic =
                    Diagnostic::error(Code::UnknownChecklist, format!("no checklist `{name}`"))
                        .with_help(help);
                if let Some(file) = meta_file {
                    let location = file.yaml_location(&names.referenced);
                    diagnostic = diagnostic.at(location, &file.text);
                }
                self.diagnostics.push(diagnostic);
                complete = false;
                continue;
            }
            let file = self.read(&path).ok_or(())?;
            match parse_yaml(&file, self.diagnostics) {
                Some(checklist) => {
                    super::checklists::lint(&checklist, &file, self.diagnostics);
                    checklists.push(checklist);
                }
                None => complete = false,
            }
        }
        complete.then_some(checklists).ok_or(())
    }

    /// `locales/<lang>/*.ftl`, in file-name order.
    fn locales(&mut self, languages: &[Lang]) -> BTreeMap<Lang, Vec<SourceFile>> {
        let mut locales = BTreeMap::new();
        for &lang in languages {
            let folder = Path::new("locales").join(lang.to_string());
            let names = match self.root.has(&folder) {
                true => self.file_names(&folder, "ftl").unwrap_or_default(),
                false => Vec::new(),
            };
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

    /// The files of a folder with this extension: whatever they are, so
    /// that one that is not a readable file is reported, not skipped.
    fn file_names(&mut self, relative: &Path, extension: &str) -> Option<Vec<String>> {
        self.entries(relative, |path| {
            path.extension().is_some_and(|ext| ext == extension)
        })
    }

    /// The sorted names of the entries of a folder that `keep` accepts.
    fn entries(&mut self, relative: &Path, keep: impl Fn(&Path) -> bool) -> Option<Vec<String>> {
        match self.root.entries(relative, keep) {
            Ok(names) => Some(names),
            Err(diagnostic) => {
                self.diagnostics.push(*diagnostic);
                None
            }
        }
    }
}

/// `annexes/products.yaml`.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct ProductsFile {
    /// The products whose processing annex B describes.
    pub products: Vec<Product>,
}

/// `annexes/third-parties.yaml`.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct ThirdPartiesFile {
    /// Recipients and cookie providers that are not sub-processors.
    pub third_parties: Vec<ThirdParty>,
}

/// `annexes/subprocessors.yaml`.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct SubprocessorsFile {
    /// The sub-processors annex C lists.
    pub subprocessors: Vec<Subprocessor>,
}
