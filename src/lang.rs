//! Languages of the corpus and text that exists once per language.

use std::collections::BTreeMap;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize};

/// A language clausier writes documents in; `corpus.yaml` says which one
/// is binding.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every language clausier knows.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The BCP 47 code, as used in file names, URLs and `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language's English name, as messages name it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Fr => "French",
            Lang::En => "English",
        }
    }

    /// Parses a language code as given on the command line or in a path.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

thread_local! {
    /// The languages of the corpus being read, which every text must have.
    static CORPUS_LANGUAGES: std::cell::RefCell<Vec<Lang>> = std::cell::RefCell::new(Lang::ALL.to_vec());
}

/// Runs `read` with `languages` as the languages every text must have.
/// Corpora choose their languages (a French-only corpus has no English).
pub fn with_languages<T>(languages: &[Lang], read: impl FnOnce() -> T) -> T {
    let previous = CORPUS_LANGUAGES.with(|current| current.replace(languages.to_vec()));
    let result = read();
    CORPUS_LANGUAGES.with(|current| *current.borrow_mut() = previous);
    result
}

/// A text a reader sees, written once per language: `{ fr: …, en: … }`.
/// Every language of the corpus must be present: a missing translation is
/// refused where it occurs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Localized(pub BTreeMap<Lang, String>);

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let localized = Localized(BTreeMap::<Lang, String>::deserialize(deserializer)?);
        localized.complete().map_err(serde::de::Error::custom)?;
        Ok(localized)
    }
}

impl JsonSchema for Localized {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Localized".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A text in every language of the corpus, e.g. `{ fr: …, en: … }`.",
            "type": "object",
            "propertyNames": generator.subschema_for::<Lang>(),
            "additionalProperties": { "type": "string" },
            "x-clausier-localized": true,
        })
    }
}

/// The keyword marking [`Localized`]'s schema, for the YAML reader, which
/// checks there that every language of the corpus is present.
pub const LOCALIZED: &str = "x-clausier-localized";

impl Localized {
    /// The text in `lang`, or an empty string when the translation is missing
    /// (validation has already refused such a corpus before rendering).
    pub fn get(&self, lang: Lang) -> &str {
        self.0.get(&lang).map(String::as_str).unwrap_or_default()
    }

    /// Whether every language of the corpus being read has its text: the
    /// message and hint saying which are missing otherwise.
    pub fn complete(&self) -> Result<(), String> {
        let missing = CORPUS_LANGUAGES.with(|languages| self.missing(&languages.borrow()));
        if missing.is_empty() {
            return Ok(());
        }
        let missing: Vec<&str> = missing.iter().map(|lang| lang.code()).collect();
        let every: Vec<String> = CORPUS_LANGUAGES.with(|languages| {
            languages
                .borrow()
                .iter()
                .map(|lang| format!("{lang}: …"))
                .collect()
        });
        Err(format!(
            "missing the `{}` text\nwrite this text in every language, as `{{ {} }}`",
            missing.join("`, `"),
            every.join(", ")
        ))
    }

    /// The languages this text lacks among `langs`.
    pub fn missing(&self, langs: &[Lang]) -> Vec<Lang> {
        langs
            .iter()
            .copied()
            .filter(|lang| self.0.get(lang).is_none_or(|text| text.trim().is_empty()))
            .collect()
    }
}
