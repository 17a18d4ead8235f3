//! The corpus's languages and site settings: corpus.yaml, or else the
//! folders of `locales/`.

use std::path::Path;

use super::Reader;
use crate::corpus::SourceFile;
use crate::corpus::settings::{Settings, SiteSettings};
use crate::corpus::yaml::parse_yaml;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::lang::{self, Lang};

impl Reader<'_> {
    /// The corpus's languages, binding language first: those of
    /// `corpus.yaml`, or else the folders of `locales/`.
    pub(super) fn languages(&mut self, settings_file: Option<&SourceFile>) -> Option<Vec<Lang>> {
        // Labels are built in: a corpus with corpus.yaml may have no locales/.
        let folders = match (settings_file, self.root.has(Path::new("locales"))) {
            (_, true) => self.subfolders("locales")?,
            (Some(_), false) => Vec::new(),
            (None, false) => {
                self.diagnostics.push(
                    Diagnostic::error(Code::NotACorpus, "there is no corpus.yaml here, nor a locales/ folder: this is not a corpus folder")
                        .with_help("run clausier from the corpus folder, pass it with --root, or start one with `clausier new DIR`"),
                );
                return None;
            }
        };
        let mut found = Vec::new();
        for folder in &folders {
            match Lang::parse(folder) {
                Ok(lang) => found.push(lang),
                Err(why) => self.diagnostics.push(
                    Diagnostic::error(
                        Code::LanguageSettings,
                        format!("locales/{folder}/ is not named after a language"),
                    )
                    .with_help(format!(
                        "{}: name each folder of locales/ after a language of corpus.yaml",
                        lang::in_one_line(&why)
                    )),
                ),
            }
        }
        found.sort();
        let mut languages = match settings_file {
            Some(file) => self.settings_languages(file, &found)?,
            None => default_languages(found, self.diagnostics)?,
        };
        // Binding first, the translations in a stable order.
        languages[1..].sort();
        Some(languages)
    }

    /// The languages `corpus.yaml` names, binding first; a folder of
    /// `locales/` (labels reworded) is for one of them.
    fn settings_languages(&mut self, file: &SourceFile, folders: &[Lang]) -> Option<Vec<Lang>> {
        let settings: Settings = parse_yaml(file, self.diagnostics)?;
        let binding = settings.binding.value;
        let at = |spanned: &serde_saphyr::Spanned<Lang>| file.yaml_location(&spanned.referenced);
        let mut languages: Vec<Lang> = vec![binding];
        let mut listed: Vec<Lang> = Vec::new();
        let mut complete = true;
        for lang in &settings.languages {
            let code = lang.value;
            if listed.contains(&code) {
                self.diagnostics.push(
                    Diagnostic::error(Code::LanguageSettings, format!("`{code}` is listed twice"))
                        .at(at(lang), &file.text)
                        .with_help("list each language once"),
                );
                complete = false;
                continue;
            }
            listed.push(code);
            if code != binding {
                languages.push(code);
            }
        }
        if !listed.contains(&binding) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::LanguageSettings,
                    format!("the binding language `{binding}` is not one of the languages"),
                )
                .at(at(&settings.binding), &file.text)
                .with_help(format!("add `{binding}` to `languages`")),
            );
            complete = false;
        }
        for folder in folders.iter().filter(|folder| !listed.contains(folder)) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::LanguageSettings,
                    format!("locales/{folder}/ is for a language that corpus.yaml does not list"),
                )
                .at(file.location(0), &file.text)
                .with_help(format!(
                    "add `{folder}` to `languages`, or remove locales/{folder}/"
                )),
            );
            complete = false;
        }
        complete.then_some(languages)
    }

    /// corpus.yaml's `site:`, whose address links are written under: a
    /// query or a fragment would end up inside every link.
    pub(super) fn site(&mut self, file: &SourceFile, site: SiteSettings) -> Option<SiteSettings> {
        let address = site.base_url.as_ref().map(|url| url.as_str());
        if address.is_some_and(|url| url.contains(['?', '#'])) {
            let offset = file.text.find("base_url").unwrap_or(0);
            self.diagnostics.push(
                Diagnostic::error(Code::InvalidValue, "the site's address has a `?` or a `#`")
                    .at(file.location(offset), &file.text)
                    .with_help(
                        "write the address of out/ alone, e.g. `https://legal.example.com/`",
                    ),
            );
            return None;
        }
        Some(site)
    }
}

/// The languages of a corpus without `corpus.yaml`: the folders of
/// `locales/`, French binding where there is French, else the only one.
fn default_languages(mut found: Vec<Lang>, diagnostics: &mut Diagnostics) -> Option<Vec<Lang>> {
    let binding = match found.as_slice() {
        [] => {
            diagnostics.push(
                Diagnostic::error(Code::NotACorpus,
                    "which languages are the documents in? there is no corpus.yaml, and no folder in locales/",
                )
                .with_help("write corpus.yaml at the corpus root, e.g. `languages: [en]` and `binding: en`"),
            );
            return None;
        }
        [only] => *only,
        // Learn & Go's corpus predates corpus.yaml: French binding.
        _ if found.contains(&Lang::FRENCH) => Lang::FRENCH,
        _ => {
            diagnostics.push(
                Diagnostic::error(
                    Code::NotACorpus,
                    "which language is binding? the corpus has several, and no corpus.yaml",
                )
                .with_help(
                    "write corpus.yaml at the corpus root: `languages: [en, fr]` and `binding: en`",
                ),
            );
            return None;
        }
    };
    found.retain(|lang| *lang != binding);
    found.insert(0, binding);
    Some(found)
}
