//! The labels clausier ships for each language it knows (`labels/<lang>/`
//! in the repository, compiled in). French and English have every label a
//! document, an annex, a redline, a notice or the site needs; German,
//! Spanish, Italian and Dutch have those of the pages, the cookie and
//! privacy policies, the versions and the site, but not a DPA's. A
//! corpus's `locales/<lang>/` overrides what it words otherwise and adds
//! what a language lacks.

use crate::lang::{Family, Lang};

/// The built-in label files of one language: (file name, Fluent source).
type Files = &'static [(&'static str, &'static str)];

/// The label files of the language `$code`, by file name.
macro_rules! label_files {
    ($code:literal: $($file:literal),+) => {
        &[$(($file, include_str!(concat!("../../../labels/", $code, "/", $file)))),+]
    };
}

const FRENCH: Files =
    label_files!("fr": "cookies.ftl", "documents.ftl", "privacy.ftl", "versions.ftl");
const ENGLISH: Files =
    label_files!("en": "cookies.ftl", "documents.ftl", "privacy.ftl", "versions.ftl");
const GERMAN: Files = label_files!("de": "cookies.ftl", "pages.ftl", "privacy.ftl", "versions.ftl");
const SPANISH: Files =
    label_files!("es": "cookies.ftl", "pages.ftl", "privacy.ftl", "versions.ftl");
const ITALIAN: Files =
    label_files!("it": "cookies.ftl", "pages.ftl", "privacy.ftl", "versions.ftl");
const DUTCH: Files = label_files!("nl": "cookies.ftl", "pages.ftl", "privacy.ftl", "versions.ftl");

/// The built-in label files of `lang` (none for a language clausier has
/// no words of).
pub fn files(lang: Lang) -> Files {
    match lang.family() {
        Some(Family::French) => FRENCH,
        Some(Family::English) => ENGLISH,
        Some(Family::German) => GERMAN,
        Some(Family::Spanish) => SPANISH,
        Some(Family::Italian) => ITALIAN,
        Some(Family::Dutch) => DUTCH,
        None => &[],
    }
}

/// The ids of the messages built in for `lang`.
pub fn message_ids(lang: Lang) -> Vec<String> {
    files(lang)
        .iter()
        .flat_map(|(_, text)| super::message_ids(text))
        .collect()
}

/// The ids of every message clausier has: those a corpus may override.
pub fn every_message_id() -> Vec<String> {
    message_ids(Lang::ENGLISH)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(lang: &str) -> Vec<String> {
        let mut ids = message_ids(Lang::parse(lang).unwrap());
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count, "a {lang} label is defined twice");
        ids
    }

    #[test]
    fn french_and_english_have_every_label_each_once() {
        let french = sorted("fr");
        assert_eq!(french, sorted("en"));
        assert!(french.len() > 100, "{} labels", french.len());
    }

    /// The other languages have the same labels, all of them English ones
    /// (that they have those every page and policy needs is tested with
    /// the list of them, in check::labels).
    #[test]
    fn other_languages_have_every_label_but_the_contracts() {
        let english = sorted("en");
        let german = sorted("de");
        assert!(german.iter().all(|id| english.contains(id)), "{german:?}");
        for lang in ["es", "it", "nl"] {
            assert_eq!(sorted(lang), german, "{lang}");
        }
    }
}
