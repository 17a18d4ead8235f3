//! The labels of a corpus: every label its documents show has a text in
//! every language, and a corpus's `locales/` rewords only labels
//! clausier has, in every language alike.

use super::Checker;
use crate::check::labels::{needed_by, used_messages};
use crate::corpus::{SourceFile, locale};
use crate::diagnostic::{Code, Diagnostic, did_you_mean_help};
use crate::lang::Lang;
use crate::text;

impl Checker<'_> {
    /// Every message the documents use exists in every language, and every
    /// message of one language exists in the others.
    pub(super) fn messages(&mut self) {
        let labels = &self.corpus.labels;
        let files = &self.corpus.locale_files;
        let mut defined: Vec<(Lang, &SourceFile, String)> = Vec::new();
        for (&lang, sources) in files {
            for file in sources {
                for id in locale::message_ids(&file.text) {
                    defined.push((lang, file, id));
                }
            }
        }
        // A corpus's label overrides one of clausier's: any other id is a
        // slip (nothing would ever show it).
        let known = locale::builtin::every_message_id();
        defined.retain(|(_, file, id)| {
            if known.contains(id) {
                return true;
            }
            self.diagnostics.push(
                Diagnostic::error(Code::UnknownLabel, format!("`{id}` is not a label clausier has"))
                    .at(file.location(locale::message_offset(&file.text, id)), &file.text)
                    .with_help(did_you_mean_help(id, known.iter().map(String::as_str), || {
                        "locales/ only rewords clausier's labels: see its labels/ folder for their ids".into()
                    })),
            );
            false
        });
        for (lang, file, id) in &defined {
            let others = self
                .corpus
                .languages
                .iter()
                .copied()
                .filter(|other| other != lang && !labels.is_broken(*other));
            for other in others {
                if !labels.has(other, id) {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::MissingLabel,
                            format!("message `{id}` has no `{other}` translation"),
                        )
                        .at(
                            file.location(locale::message_offset(&file.text, id)),
                            &file.text,
                        )
                        .with_help(format!("add `{id} = …` to a file of locales/{other}/")),
                    );
                }
            }
        }
        let used = used_messages(self.corpus);
        for (lang, file, id) in &defined {
            if !used.contains(id) {
                self.diagnostics.push(
                    Diagnostic::warning(Code::UnusedLabel, format!("message `{id}` is never used"))
                        .at(
                            file.location(locale::message_offset(&file.text, id)),
                            &file.text,
                        )
                        .with_help(format!(
                            "no document of this corpus shows it: remove it from locales/{lang}/"
                        )),
                );
            }
        }
        // A message defined in one language only was reported above.
        let undefined = used
            .iter()
            .filter(|id| !defined.iter().any(|(_, _, known)| known == *id));
        for id in undefined {
            for lang in self
                .corpus
                .languages
                .iter()
                .copied()
                .filter(|lang| !labels.is_broken(*lang))
            {
                if !labels.has(lang, id) {
                    let documents = needed_by(self.corpus, id);
                    let mut diagnostic = Diagnostic::error(
                        Code::MissingLabel,
                        format!(
                            "the label `{id}` has no {} text: clausier has none built in",
                            lang.name()
                        ),
                    )
                    .with_help(format!(
                        "add `{id} = …` to a file of locales/{lang}/; {}",
                        shown_by(&documents)
                    ));
                    if let Some(file) = &self.corpus.settings_file {
                        let offset = language_offset(&file.text, lang);
                        diagnostic = diagnostic.at(file.location(offset), &file.text);
                    }
                    self.diagnostics.push(diagnostic);
                }
            }
        }
    }
}

/// Who shows a label: "`cookies` shows it", or the site.
fn shown_by(documents: &[&str]) -> String {
    let named: Vec<String> = documents.iter().map(|id| format!("`{id}`")).collect();
    match named.len() {
        0 => "the site and the feed show it".into(),
        1 => format!("{} shows it", named[0]),
        _ => format!("{} show it", text::in_words(&named, "and")),
    }
}

/// Where corpus.yaml lists `lang`: its first occurrence after
/// `languages`, as a whole identifier (the file's start otherwise).
fn language_offset(text: &str, lang: Lang) -> usize {
    let code = lang.to_string();
    let start = text.find("languages").unwrap_or(0);
    let part_of_word = |c: char| c.is_ascii_alphanumeric() || c == '-';
    text[start..]
        .match_indices(&code)
        .map(|(at, _)| start + at)
        .find(|&at| {
            !text[..at].ends_with(part_of_word)
                && !text[at + code.len()..].starts_with(part_of_word)
        })
        .unwrap_or(0)
}
