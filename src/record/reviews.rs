//! `clausier translations confirm`: records the binding text each
//! translated clause was reviewed against.

use std::path::Path;

use crate::check::translations::clause_sources;
use crate::compose::markdown::heading_ids;
use crate::corpus::DocumentSource;
use crate::corpus::reviews::{TranslationLock, lock_path, lock_text};
use crate::diagnostic::Diagnostics;
use crate::diagnostic::did_you_mean_help;
use crate::error::BuildError;

/// Records the current binding text of `clauses` (all when empty) as
/// reviewed for every translation of `document`, and drops reviews of
/// clauses that no longer exist and of languages that are no longer
/// translations (the binding one, when it changed). The caller has
/// checked the ids.
fn confirm(document: &DocumentSource, clauses: &[String]) -> TranslationLock {
    let original = document
        .binding_text()
        .map(|file| clause_sources(&file.text))
        .unwrap_or_default();
    let mut lock = document.reviews.clone();
    let translations: Vec<_> = document.translations().map(|(lang, _)| lang).collect();
    lock.reviewed.retain(|lang, _| translations.contains(lang));
    for (lang, _) in document.translations() {
        let reviewed = lock.reviewed.entry(lang).or_default();
        reviewed.retain(|id, _| original.iter().any(|(known, ..)| known == id));
        for (id, _, text) in &original {
            if clauses.is_empty() || clauses.contains(id) {
                reviewed.insert(id.clone(), text.clone());
            }
        }
    }
    lock
}

/// Loads the corpus at `root` and records the current binding text of
/// `clauses` (all when empty) as reviewed, in every document (or only
/// `document`) that has them. Returns one line per lock file written.
pub fn confirm_reviews(
    root: &Path,
    document: Option<&str>,
    clauses: &[String],
) -> Result<Vec<String>, crate::error::BuildError> {
    let mut diagnostics = Diagnostics::default();
    let corpus = crate::corpus::load(root, &mut diagnostics);
    let corpus = match corpus {
        Some(corpus) if !diagnostics.has_errors() => corpus,
        _ => {
            return Err(crate::error::BuildError::Content(
                crate::diagnostic::Failed(diagnostics),
            ));
        }
    };
    if let [only] = corpus.languages.as_slice() {
        return Err(crate::error::BuildError::Usage(format!(
            "the corpus is written in `{only}` only: it has no translation to confirm"
        )));
    }
    let documents: Vec<&DocumentSource> = corpus
        .documents
        .iter()
        .filter(|d| document.is_none_or(|id| d.id == id))
        .collect();
    if documents.is_empty() {
        let known: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        let typed = document.unwrap_or_default();
        return Err(BuildError::Usage(crate::diagnostic::unknown_typed_id(
            "document",
            "documents",
            typed,
            &known,
        )));
    }
    let ids_of = |source: &DocumentSource| -> Vec<String> {
        source
            .binding_text()
            .map(|file| {
                heading_ids(&file.text)
                    .into_iter()
                    .map(|(id, _)| id)
                    .collect()
            })
            .unwrap_or_default()
    };
    let known: Vec<String> = documents.iter().flat_map(|source| ids_of(source)).collect();
    let unknown: Vec<&String> = clauses.iter().filter(|id| !known.contains(id)).collect();
    if let Some(first) = unknown.first() {
        let hint = did_you_mean_help(first, known.iter().map(String::as_str), || {
            "clause ids are the `{#id}` of the headings".to_string()
        });
        let names: Vec<&str> = unknown.iter().map(|id| id.as_str()).collect();
        return Err(crate::error::BuildError::Usage(format!(
            "unknown clause `{}`: {hint}",
            names.join("`, `")
        )));
    }
    let mut written = Vec::new();
    for source in documents {
        // A clause id confirms the documents that have it.
        let ids = ids_of(source);
        let present: Vec<String> = clauses
            .iter()
            .filter(|id| ids.contains(id))
            .cloned()
            .collect();
        if !clauses.is_empty() && present.is_empty() {
            continue;
        }
        let lock = confirm(source, &present);
        let path = root.join(lock_path(&source.id));
        crate::corpus::files::write_atomically(&path, lock_text(&lock).as_bytes())
            .map_err(crate::error::BuildError::Io)?;
        let count = if present.is_empty() {
            "every clause".to_string()
        } else {
            present.join(", ")
        };
        written.push(format!(
            "confirmed the review of {count} in {}",
            lock_path(&source.id).display()
        ));
    }
    Ok(written)
}
