//! Translation reviews: `contracts/<document>/translations.lock` records,
//! for each translated clause, the binding text it was last reviewed
//! against.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::corpus::SourceFile;
use crate::diagnostic::Diagnostics;
use crate::lang::Lang;

/// The lock file's name, in each document's folder.
pub const LOCK_FILE: &str = "translations.lock";

/// `contracts/<document>/translations.lock`: for each translation language
/// and clause id, the binding text of the clause as last reviewed.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationLock {
    /// Written by `clausier translations confirm`; not edited by hand.
    pub reviewed: BTreeMap<Lang, BTreeMap<String, String>>,
}

/// The lock file of a document folder, relative to the corpus root.
pub fn lock_path(document: &str) -> PathBuf {
    Path::new("contracts").join(document).join(LOCK_FILE)
}

/// Serializes a lock file, with a header saying what it is.
pub fn lock_text(lock: &TranslationLock) -> String {
    let body = serde_saphyr::to_string(lock).expect("the lock serializes");
    format!(
        "# The binding text each translated clause was last reviewed against.\n\
         # Written by `clausier translations confirm`: do not edit by hand.\n{body}"
    )
}

/// Reads a lock file; a document without one has no reviewed clause.
pub fn read_lock(
    file: Option<&SourceFile>,
    diagnostics: &mut Diagnostics,
) -> Option<TranslationLock> {
    match file {
        Some(file) => crate::corpus::yaml::parse_yaml(file, diagnostics),
        None => Some(TranslationLock::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;

    #[test]
    fn lock_files_round_trip() {
        let mut lock = TranslationLock::default();
        let text = "# Titre {#id}\n\n  Texte : « avec » des \"guillemets\", # et\ttab.\n\n- liste";
        lock.reviewed
            .entry(Lang::ENGLISH)
            .or_default()
            .insert("id".into(), text.into());
        let file = SourceFile {
            path: LOCK_FILE.into(),
            text: lock_text(&lock),
        };
        let mut diagnostics = Diagnostics::default();
        assert_eq!(
            read_lock(Some(&file), &mut diagnostics),
            Some(lock),
            "{diagnostics}"
        );
    }
}
