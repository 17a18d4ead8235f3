//! The labels clausier ships for each language it knows (`labels/<lang>/`
//! in the repository, compiled in): every label a document, an annex, a
//! redline, a notice or the site needs. A corpus's `locales/<lang>/` only
//! overrides what it words otherwise.

use crate::lang::Lang;

/// The built-in label files of `lang`: (file name, Fluent source).
pub fn files(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Fr => &[
            (
                "cookies.ftl",
                include_str!("../../../labels/fr/cookies.ftl"),
            ),
            (
                "documents.ftl",
                include_str!("../../../labels/fr/documents.ftl"),
            ),
            (
                "privacy.ftl",
                include_str!("../../../labels/fr/privacy.ftl"),
            ),
            (
                "versions.ftl",
                include_str!("../../../labels/fr/versions.ftl"),
            ),
        ],
        Lang::En => &[
            (
                "cookies.ftl",
                include_str!("../../../labels/en/cookies.ftl"),
            ),
            (
                "documents.ftl",
                include_str!("../../../labels/en/documents.ftl"),
            ),
            (
                "privacy.ftl",
                include_str!("../../../labels/en/privacy.ftl"),
            ),
            (
                "versions.ftl",
                include_str!("../../../labels/en/versions.ftl"),
            ),
        ],
    }
}

/// The ids of the messages built in for `lang`.
pub fn message_ids(lang: Lang) -> Vec<String> {
    files(lang)
        .iter()
        .flat_map(|(_, text)| super::message_ids(text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_the_same_labels_each_once() {
        let mut french = message_ids(Lang::Fr);
        let mut english = message_ids(Lang::En);
        let count = french.len();
        french.sort();
        french.dedup();
        english.sort();
        english.dedup();
        assert_eq!(french.len(), count, "a French label is defined twice");
        assert_eq!(french, english);
        assert!(count > 100, "{count} labels");
    }
}
