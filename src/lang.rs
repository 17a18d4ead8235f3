//! Languages of the corpus and text that exists once per language.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use unic_langid::LanguageIdentifier;
use unic_langid::subtags::{Language, Region, Script};

/// A language documents are written in: a BCP 47 identifier such as `fr`,
/// `en-GB` or `nl-BE` (language, optional script, optional region), parsed
/// with unic-langid, the parser Fluent uses. Kept as its three subtags so
/// that it is `Copy`, like the codes it replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang {
    language: Language,
    script: Option<Script>,
    region: Option<Region>,
}

/// The languages clausier has words of its own for (dates, interface
/// labels), whatever their region: `en-GB` and `en-US` are both English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    French,
    English,
    German,
    Spanish,
    Italian,
    Dutch,
}

impl Family {
    /// Every family, with its ISO 639-1 code.
    const ALL: [(Family, &'static str); 6] = [
        (Family::French, "fr"),
        (Family::English, "en"),
        (Family::German, "de"),
        (Family::Spanish, "es"),
        (Family::Italian, "it"),
        (Family::Dutch, "nl"),
    ];
}

/// English names of languages, as messages name them: the official
/// languages of the European Union and a few more of its regions.
const NAMES: &[(&str, &str)] = &[
    ("bg", "Bulgarian"),
    ("br", "Breton"),
    ("ca", "Catalan"),
    ("cs", "Czech"),
    ("cy", "Welsh"),
    ("da", "Danish"),
    ("de", "German"),
    ("el", "Greek"),
    ("en", "English"),
    ("es", "Spanish"),
    ("et", "Estonian"),
    ("eu", "Basque"),
    ("fi", "Finnish"),
    ("fr", "French"),
    ("ga", "Irish"),
    ("hr", "Croatian"),
    ("hu", "Hungarian"),
    ("is", "Icelandic"),
    ("it", "Italian"),
    ("lb", "Luxembourgish"),
    ("lt", "Lithuanian"),
    ("lv", "Latvian"),
    ("mt", "Maltese"),
    ("nb", "Norwegian Bokmål"),
    ("nl", "Dutch"),
    ("no", "Norwegian"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ro", "Romanian"),
    ("sk", "Slovak"),
    ("sl", "Slovenian"),
    ("sv", "Swedish"),
];

impl Lang {
    /// French, the language of Learn & Go's binding texts.
    pub const FRENCH: Lang = Lang::plain(unic_langid::lang!("fr"));
    /// English.
    pub const ENGLISH: Lang = Lang::plain(unic_langid::lang!("en"));

    const fn plain(language: Language) -> Lang {
        Lang {
            language,
            script: None,
            region: None,
        }
    }

    /// Parses a BCP 47 identifier as written in `corpus.yaml`, a file name
    /// or on the command line; the refusal is "message\nhint", as values
    /// refused while reading YAML are (`in_one_line` for a command line).
    /// Identifiers must be in their canonical spelling (`en-GB`, not
    /// `en_gb`), since they name files and web addresses.
    pub fn parse(code: &str) -> Result<Lang, String> {
        let parsed = LanguageIdentifier::from_str(code).map_err(|_| {
            format!("`{code}` is not a language identifier\nwrite a BCP 47 identifier, such as `en`, `fr` or `nl-BE`")
        })?;
        if parsed.language.is_empty() {
            return Err(format!(
                "`{code}` names no language\nwrite the language's code, such as `en` or `fr`"
            ));
        }
        // BCP 47 allows languages of 5 to 8 letters, registered for none;
        // typst and PDF readers take ISO 639 codes of 2 or 3 letters.
        if parsed.language.as_str().len() > 3 {
            return Err(format!(
                "`{code}` does not start with a language code of two or three letters\nwrite its ISO 639 code, such as `en` or `fr`"
            ));
        }
        if parsed.variants().len() > 0 {
            return Err(format!(
                "`{code}` has a variant\nleave it out: clausier takes a language, a script and a region, such as `sr-Latn-RS`"
            ));
        }
        let lang = Lang {
            language: parsed.language,
            script: parsed.script,
            region: parsed.region,
        };
        let canonical = lang.to_string();
        if canonical != code {
            return Err(format!(
                "`{code}` is not spelt as language identifiers are\nwrite `{canonical}`"
            ));
        }
        Ok(lang)
    }

    /// The family of languages clausier has words for, if any.
    pub fn family(self) -> Option<Family> {
        Family::ALL
            .into_iter()
            .find(|(_, code)| *code == self.language.as_str())
            .map(|(family, _)| family)
    }

    /// The language subtag alone: `en` in `en-GB`. The labels of the
    /// notices choose their words by it (`$binding`).
    pub fn language(&self) -> &str {
        self.language.as_str()
    }

    /// The region subtag: `GB` in `en-GB`.
    pub fn region(&self) -> Option<&str> {
        self.region.as_ref().map(Region::as_str)
    }

    /// The language's English name, as messages name it: "French",
    /// "English (GB)", or its identifier where clausier has no name.
    pub fn name(self) -> String {
        let name = NAMES
            .iter()
            .find(|(code, _)| *code == self.language.as_str())
            .map(|(_, name)| *name);
        match (name, self.script, self.region) {
            (Some(name), None, None) => name.to_string(),
            (Some(name), ..) => {
                let rest = self.to_string();
                format!("{name} ({})", &rest[self.language.as_str().len() + 1..])
            }
            (None, ..) => format!("`{self}`"),
        }
    }
}

/// How `clausier release` is given the summary `text` of a version in
/// `lang`: `--summary-fr TEXT`, `--summary-en TEXT`, and `--summary
/// de=TEXT` for any language.
pub fn summary_option(lang: Lang, text: &str) -> String {
    match [Lang::FRENCH, Lang::ENGLISH].contains(&lang) {
        true => format!("--summary-{lang} {text}"),
        false => format!("--summary {lang}={text}"),
    }
}

/// A refusal of `Lang::parse` on one line, for the command line.
pub fn in_one_line(refusal: &str) -> String {
    refusal.replacen('\n', ": ", 1)
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.language.as_str())?;
        if let Some(script) = self.script {
            write!(f, "-{}", script.as_str())?;
        }
        if let Some(region) = self.region {
            write!(f, "-{}", region.as_str())?;
        }
        Ok(())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::parse(&code).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Lang {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Lang".into()
    }

    // No `pattern`: schemars would make a map keyed by languages refuse
    // every key (`patternProperties`); clausier checks identifiers itself.
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A language, as a BCP 47 identifier: `fr`, `en`, `en-GB`, `nl-BE`.",
            "type": "string",
        })
    }
}

thread_local! {
    /// The languages of the corpus being read, which every text must have.
    static CORPUS_LANGUAGES: std::cell::RefCell<Vec<Lang>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `read` with `languages` as the languages every text must have.
/// Corpora choose their languages (a French-only corpus has no English).
pub fn with_languages<T>(languages: &[Lang], read: impl FnOnce() -> T) -> T {
    /// Puts the previous languages back, even if `read` panics (on a
    /// thread of rayon's pool, which reads for other corpora after).
    struct Restore(Vec<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = std::mem::take(&mut self.0);
            CORPUS_LANGUAGES.with(|current| *current.borrow_mut() = previous);
        }
    }
    let _restore = Restore(CORPUS_LANGUAGES.with(|current| current.replace(languages.to_vec())));
    read()
}

/// The languages of the corpus being read (none outside a corpus).
pub fn corpus_languages() -> Vec<Lang> {
    CORPUS_LANGUAGES.with(|languages| languages.borrow().clone())
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
        let languages = corpus_languages();
        // A language the corpus lacks is refused where the YAML reader
        // meets its key (`shape::key_name`), with the language meant.
        let missing = self.missing(&languages);
        if missing.is_empty() {
            return Ok(());
        }
        let missing: Vec<String> = missing.iter().map(Lang::to_string).collect();
        let every: Vec<String> = languages.iter().map(|lang| format!("{lang}: …")).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_bcp_47_identifiers_in_their_usual_spelling() {
        for code in ["fr", "en-GB", "nl-BE", "sr-Latn-RS", "es-419", "gsw"] {
            assert_eq!(
                Lang::parse(code).map(|lang| lang.to_string()),
                Ok(code.into())
            );
        }
        assert_eq!(Lang::parse("en-GB").unwrap().name(), "English (GB)");
        assert_eq!(Lang::parse("qaa").unwrap().name(), "`qaa`");
        let refusal = |code: &str| Lang::parse(code).unwrap_err();
        assert!(refusal("en_GB").contains("write `en-GB`"));
        assert!(refusal("EN").contains("write `en`"));
        assert!(refusal("und").contains("names no language"));
        assert!(refusal("de-CH-1996").contains("has a variant"));
        assert!(refusal("abcdefgh").contains("two or three letters"));
        assert!(refusal("notices").contains("two or three letters"));
        assert!(refusal("x1").contains("not a language identifier"));
    }
}
