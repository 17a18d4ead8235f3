//! Translation review. French is binding, so each translated clause records
//! the French text it was last reviewed against, in
//! `contracts/<document>/translations.lock`. `check` warns when the French
//! has changed since, and shows how; `clausier translations confirm` records
//! a new review.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean_help};
use crate::diff::Change;
use crate::lang::Lang;
use crate::load::{DocumentSource, SourceFile};
use crate::markdown::heading_ids;

/// The lock file's name, in each document's folder.
pub const LOCK_FILE: &str = "translations.lock";

/// `contracts/<document>/translations.lock`: for each translation language
/// and clause id, the French source text of the clause as last reviewed.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationLock {
    /// Written by `clausier translations confirm`; not edited by hand.
    pub reviewed: BTreeMap<Lang, BTreeMap<String, String>>,
}

/// The lock file of a document folder, relative to the corpus root.
pub fn lock_path(document: &str) -> PathBuf {
    Path::new("contracts").join(document).join(LOCK_FILE)
}

/// Each clause and sub-clause of a Markdown text, by id: its heading, its
/// own paragraphs, up to the next heading, trimmed.
pub fn clause_sources(text: &str) -> Vec<(String, usize, String)> {
    let headings = heading_ids(text);
    headings
        .iter()
        .enumerate()
        .map(|(index, (id, start))| {
            let end = headings
                .get(index + 1)
                .map_or(text.len(), |(_, next)| *next);
            (id.clone(), *start, text[*start..end].trim().to_string())
        })
        .collect()
}

/// Warns about every translated clause whose French text changed since its
/// review, or that was never reviewed.
pub fn check(document: &DocumentSource, diagnostics: &mut Diagnostics) {
    let Some(binding) = document.texts.get(&Lang::Fr) else {
        return;
    };
    let french: BTreeMap<String, String> = clause_sources(&binding.text)
        .into_iter()
        .map(|(id, _, text)| (id, text))
        .collect();
    for (&lang, file) in document.texts.iter().filter(|(lang, _)| !lang.is_binding()) {
        let reviewed = document.reviews.reviewed.get(&lang);
        for (id, offset, _) in clause_sources(&file.text) {
            let Some(current) = french.get(&id) else {
                continue;
            };
            let confirm =
                format!("once the {lang} text is right, run `clausier translations confirm {id}`");
            let diagnostic = match reviewed.and_then(|clauses| clauses.get(&id)) {
                Some(previous) if previous == current => continue,
                Some(previous) => Diagnostic::warning(format!(
                    "the French text of clause `{id}` changed since its {lang} translation was reviewed"
                ))
                .with_note(format!("French changes: {}", word_diff(previous, current)))
                .with_help(confirm),
                None => Diagnostic::warning(format!("the {lang} translation of clause `{id}` was never confirmed as reviewed"))
                    .with_help(confirm),
            };
            diagnostics.push(diagnostic.at(file.location(offset), &file.text));
        }
    }
}

/// Records the current French text of `clauses` (all when empty) as
/// reviewed for every translation of `document`, and drops reviews of
/// clauses that no longer exist. The caller has checked the ids.
fn confirm(document: &DocumentSource, clauses: &[String]) -> TranslationLock {
    let french = document
        .texts
        .get(&Lang::Fr)
        .map(|file| clause_sources(&file.text))
        .unwrap_or_default();
    let mut lock = document.reviews.clone();
    for &lang in document.texts.keys().filter(|lang| !lang.is_binding()) {
        let reviewed = lock.reviewed.entry(lang).or_default();
        reviewed.retain(|id, _| french.iter().any(|(known, ..)| known == id));
        for (id, _, text) in &french {
            if clauses.is_empty() || clauses.contains(id) {
                reviewed.insert(id.clone(), text.clone());
            }
        }
    }
    lock
}

/// Loads the corpus at `root` and records the current French text of
/// `clauses` (all when empty) as reviewed, in every document (or only
/// `document`) that has them. Returns one line per lock file written.
pub fn confirm_reviews(
    root: &Path,
    document: Option<&str>,
    clauses: &[String],
) -> Result<Vec<String>, crate::BuildError> {
    let mut diagnostics = Diagnostics::default();
    let corpus = crate::load::load(root, &mut diagnostics);
    let corpus = match corpus {
        Some(corpus) if !diagnostics.has_errors() => corpus,
        _ => {
            return Err(crate::BuildError::Content(crate::diagnostic::Failed(
                diagnostics,
            )));
        }
    };
    let documents: Vec<&DocumentSource> = corpus
        .documents
        .iter()
        .filter(|d| document.is_none_or(|id| d.id == id))
        .collect();
    if documents.is_empty() {
        let known: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        let typed = document.unwrap_or_default();
        return Err(crate::BuildError::Usage(
            crate::diagnostic::unknown_typed_id("document", "documents", typed, &known),
        ));
    }
    let ids_of = |source: &DocumentSource| -> Vec<String> {
        let french = source.texts.get(&Lang::Fr);
        french
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
            "clause ids are the `{#id}` of the French headings".to_string()
        });
        let names: Vec<&str> = unknown.iter().map(|id| id.as_str()).collect();
        return Err(crate::BuildError::Usage(format!(
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
        crate::files::write_atomically(&path, lock_text(&lock).as_bytes())
            .map_err(crate::BuildError::Io)?;
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

/// Serializes a lock file, with a header saying what it is.
pub fn lock_text(lock: &TranslationLock) -> String {
    let body = serde_saphyr::to_string(lock).expect("the lock serializes");
    format!(
        "# The French text each translated clause was last reviewed against.\n\
         # Written by `clausier translations confirm`: do not edit by hand.\n{body}"
    )
}

/// Reads a lock file; a document without one has no reviewed clause.
pub fn read_lock(
    file: Option<&SourceFile>,
    diagnostics: &mut Diagnostics,
) -> Option<TranslationLock> {
    match file {
        Some(file) => crate::yaml::parse_yaml(file, diagnostics),
        None => Some(TranslationLock::default()),
    }
}

/// The changes from `old` to `new`, word by word: `[-removed-]{+added+}`
/// with a few words of context around each change.
pub fn word_diff(old: &str, new: &str) -> String {
    const CONTEXT: usize = 4;
    // Each word with its change: ' ' kept, '-' removed, '+' added.
    let words: Vec<(char, &str)> = crate::diff::words(old, new)
        .into_iter()
        .map(|(change, word)| {
            let mark = match change {
                Change::Same => ' ',
                Change::Deleted => '-',
                Change::Inserted => '+',
            };
            (mark, word)
        })
        .collect();
    let near_change = |k: usize| {
        let window = k.saturating_sub(CONTEXT)..(k + CONTEXT + 1).min(words.len());
        words[window].iter().any(|(change, _)| *change != ' ')
    };
    let mut tokens: Vec<String> = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let change = words[k].0;
        let run = words[k..].iter().take_while(|(c, _)| *c == change).count();
        let text: Vec<&str> = words[k..k + run].iter().map(|(_, word)| *word).collect();
        match change {
            '-' => tokens.push(format!("[-{}-]", text.join(" "))),
            '+' => tokens.push(format!("{{+{}+}}", text.join(" "))),
            _ => {
                for (offset, word) in text.iter().enumerate() {
                    if near_change(k + offset) {
                        tokens.push(word.to_string());
                    } else if tokens.last().is_none_or(|last| last != "…") {
                        tokens.push("…".to_string());
                    }
                }
            }
        }
        k += run;
    }
    tokens.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_marks_changes_with_context() {
        let old = "Le Client dispose d'un délai maximum de sept (7) jours ouvrés à compter de la date de réception.";
        let new = "Le Client dispose d'un délai maximum de dix (10) jours ouvrés à compter de la date de réception.";
        assert_eq!(
            word_diff(old, new),
            "… d'un délai maximum de [-sept (7)-] {+dix (10)+} jours ouvrés à compter …"
        );
        assert_eq!(word_diff("a b", "a b c"), "a b {+c+}");
        assert_eq!(word_diff("a b c", "b c"), "[-a-] b c");
    }

    #[test]
    fn clause_sources_split_at_every_heading() {
        let text = "# One {#one}\n\nText.\n\n## Sub {#sub}\n\nMore.\n\n# Two {#two}\n";
        let clauses = clause_sources(text);
        let ids: Vec<&str> = clauses.iter().map(|(id, ..)| id.as_str()).collect();
        assert_eq!(ids, ["one", "sub", "two"]);
        assert_eq!(clauses[0].2, "# One {#one}\n\nText.");
        assert_eq!(clauses[1].1, text.find("## Sub").unwrap());
    }

    #[test]
    fn lock_files_round_trip() {
        let mut lock = TranslationLock::default();
        let text = "# Titre {#id}\n\n  Texte : « avec » des \"guillemets\", # et\ttab.\n\n- liste";
        lock.reviewed
            .entry(Lang::En)
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
