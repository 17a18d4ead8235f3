//! Translation review. Each translated clause records the binding text
//! (the original, in the corpus's binding language) it was last reviewed
//! against, in `contracts/<document>/translations.lock`. `check` warns
//! when the original has changed since, and shows how; `clausier
//! translations confirm` records a new review.

use std::collections::BTreeMap;

use crate::compose::markdown::heading_ids;
use crate::corpus::DocumentSource;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::versions::diff::Change;

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

/// Warns about every translated clause whose binding text changed since
/// its review, or that was never reviewed.
pub fn check(document: &DocumentSource, diagnostics: &mut Diagnostics) {
    let Some(binding) = document.binding_text() else {
        return;
    };
    let original: BTreeMap<String, String> = clause_sources(&binding.text)
        .into_iter()
        .map(|(id, _, text)| (id, text))
        .collect();
    let language = document.binding.name();
    for (lang, file) in document.translations() {
        let reviewed = document.reviews.reviewed.get(&lang);
        for (id, offset, _) in clause_sources(&file.text) {
            let Some(current) = original.get(&id) else {
                continue;
            };
            let translation = lang.name();
            let confirm = format!(
                "once the {translation} text is right, run `clausier translations confirm {id}`"
            );
            let diagnostic = match reviewed.and_then(|clauses| clauses.get(&id)) {
                Some(previous) if previous == current => continue,
                Some(previous) => Diagnostic::warning(Code::StaleTranslation, format!(
                    "the {language} text of clause `{id}` changed since its {translation} translation was reviewed"
                ))
                .with_note(format!("{language} changes: {}", word_diff(previous, current)))
                .with_help(confirm),
                None => Diagnostic::warning(Code::StaleTranslation, format!("the {translation} translation of clause `{id}` was never confirmed as reviewed"))
                    .with_help(confirm),
            };
            diagnostics.push(diagnostic.at(file.location(offset), &file.text));
        }
    }
}

/// The changes from `old` to `new`, word by word: `[-removed-]{+added+}`
/// with a few words of context around each change.
pub fn word_diff(old: &str, new: &str) -> String {
    const CONTEXT: usize = 4;
    // Each word with its change: ' ' kept, '-' removed, '+' added.
    let words: Vec<(char, &str)> = crate::versions::diff::words(old, new)
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
}
