//! Terminology lint: where a clause of the binding text uses a term of the
//! termbase (`locales/termbase.csv`, the official GDPR terms in French and
//! English), its translation must use the termbase's term, e.g.
//! "sub-processor" and not "subcontractor" for "sous-traitant ultérieur",
//! or "sous-traitant ultérieur" for "sub-processor" where English is
//! binding.

use std::collections::BTreeMap;

use crate::compose::markdown::heading_ids;
use crate::corpus::termbase::Term;
use crate::corpus::{DocumentSource, SourceFile};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::lang::{Family, Lang};
use crate::model::{Block, Document, Inline, Section};

/// Warns about each clause whose translation does not use the termbase's
/// term for a term its binding text uses.
pub fn check(
    source: &DocumentSource,
    documents: &[&Document],
    terms: &[Term],
    diagnostics: &mut Diagnostics,
) {
    let Some(original) = documents.iter().find(|d| d.lang == source.binding) else {
        return;
    };
    let original_texts = section_texts(&original.sections);
    // Longest first, so that "sous-traitant ultérieur" is matched, and
    // masked, before "sous-traitant".
    let mut terms: Vec<&Term> = terms.iter().collect();
    terms.sort_by_key(|term| {
        std::cmp::Reverse(term_in(term, source.binding).map_or(0, |said| said.chars().count()))
    });
    for translation in documents.iter().filter(|d| d.lang != source.binding) {
        let Some(file) = source.texts.get(&translation.lang) else {
            continue;
        };
        let headings: BTreeMap<String, usize> = heading_ids(&file.text).into_iter().collect();
        let translated = section_texts(&translation.sections);
        for (id, offset) in &headings {
            let (Some(original), Some(translated)) = (original_texts.get(id), translated.get(id))
            else {
                continue;
            };
            let mut original = normalize(original);
            let translated = normalize(translated);
            for term in &terms {
                // The termbase has French and English terms only.
                let (Some(said), Some(meant)) = (
                    term_in(term, source.binding),
                    term_in(term, translation.lang),
                ) else {
                    continue;
                };
                if !mask(&mut original, &forms(said, source.binding))
                    || uses(&translated, &forms(meant, translation.lang))
                {
                    continue;
                }
                let clause = Clause {
                    file,
                    offset: *offset,
                    id,
                };
                diagnostics.push(missing_term(
                    &clause,
                    (said, source.binding),
                    (meant, translation.lang),
                    term,
                ));
            }
        }
    }
}

/// The termbase's term in `lang`, if it has one.
fn term_in(term: &Term, lang: Lang) -> Option<&str> {
    match lang.family()? {
        Family::French => Some(&term.fr),
        Family::English => Some(&term.en),
        _ => None,
    }
}

/// A clause of a translation, where a problem is reported.
struct Clause<'a> {
    file: &'a SourceFile,
    offset: usize,
    id: &'a str,
}

fn missing_term(
    clause: &Clause,
    said: (&str, Lang),
    meant: (&str, Lang),
    term: &Term,
) -> Diagnostic {
    let article = if term.article.is_empty() {
        String::new()
    } else {
        format!(" (GDPR art. {})", term.article)
    };
    let quoted = |(text, lang): (&str, Lang)| match lang.family() {
        Some(Family::French) => format!("« {text} »"),
        _ => format!("\"{text}\""),
    };
    Diagnostic::warning(
        Code::Terminology,
        format!(
            "clause `{}`: the {} says {}, but the {} text never says {}",
            clause.id,
            said.1.name(),
            quoted(said),
            meant.1,
            quoted(meant)
        ),
    )
    .at(clause.file.location(clause.offset), &clause.file.text)
    .with_help(format!(
        "use the termbase's term {}{article} (locales/termbase.csv)",
        quoted(meant)
    ))
}

/// The text of each section (heading and own blocks, not sub-sections), by id.
fn section_texts(sections: &[Section]) -> BTreeMap<String, String> {
    let mut texts = BTreeMap::new();
    for section in sections {
        let mut text = section.title.clone();
        for block in &section.blocks {
            block_text(block, &mut text);
        }
        texts.insert(section.id.clone(), text);
        texts.extend(section_texts(&section.children));
    }
    texts
}

/// The words of `block`, appended to `out`.
pub(super) fn block_text(block: &Block, out: &mut String) {
    match block {
        Block::Paragraph { inlines } | Block::Label { inlines } => inline_text(inlines, out),
        // Made from the corpus's own labels, never from a clause.
        Block::Signatures { .. } => {}
        Block::List { items, .. } => items
            .iter()
            .flatten()
            .for_each(|block| block_text(block, out)),
        Block::Table(table) => {
            out.push(' ');
            out.push_str(&table.caption);
            table
                .rows
                .iter()
                .flatten()
                .flatten()
                .for_each(|block| block_text(block, out));
        }
    }
}

fn inline_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => {
                out.push(' ');
                out.push_str(text);
            }
            Inline::Strong { inlines }
            | Inline::Emphasis { inlines }
            | Inline::Link { inlines, .. } => inline_text(inlines, out),
            Inline::Break => out.push(' '),
        }
    }
}

fn normalize(text: &str) -> String {
    text.to_lowercase().replace('’', "'")
}

/// Words that stay as they are in a French plural.
const FUNCTION_WORDS: [&str; 9] = ["de", "du", "des", "à", "la", "le", "les", "et", "aux"];

/// The term and its plural forms: "personne concernée", "personnes concernées".
fn french_forms(term: &str) -> Vec<String> {
    let term = normalize(term);
    let plural_word = |word: &str| {
        if FUNCTION_WORDS.contains(&word) || word.ends_with(['s', 'x', 'z']) || word.ends_with('\'')
        {
            word.to_string()
        } else {
            format!("{word}s")
        }
    };
    let words: Vec<&str> = term.split(' ').collect();
    let all_plural: Vec<String> = words.iter().map(|w| plural_word(w)).collect();
    let first_plural: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == 0 {
                plural_word(w)
            } else {
                w.to_string()
            }
        })
        .collect();
    let mut forms = vec![term.clone(), all_plural.join(" "), first_plural.join(" ")];
    forms.sort_by_key(|form| std::cmp::Reverse(form.len()));
    forms.dedup();
    forms
}

/// Whether `c` joins letters into one word ("sous-traitant", "d'impact").
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// Finds `form` in `text` as whole words, from `from`.
fn find_words(text: &str, form: &str, from: usize) -> Option<usize> {
    let mut start = from;
    while let Some(found) = text[start..].find(form) {
        let at = start + found;
        let end = at + form.len();
        let before = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let after = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
        if before && after {
            return Some(at);
        }
        start = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The forms of a term in `lang` that count as using it.
fn forms(term: &str, lang: Lang) -> Vec<String> {
    match lang.family() {
        Some(Family::French) => french_forms(term),
        _ => english_forms(term),
    }
}

/// Whether a text uses one of the `forms` of a term; its occurrences are
/// blanked so that shorter terms inside it are not counted again.
fn mask(text: &mut String, forms: &[String]) -> bool {
    let mut found = false;
    for form in forms.iter().filter(|form| !form.is_empty()) {
        while let Some(at) = find_words(text, form, 0) {
            text.replace_range(at..at + form.len(), &" ".repeat(form.len()));
            found = true;
        }
    }
    found
}

/// Whether a text uses one of the `forms` of a term.
fn uses(text: &str, forms: &[String]) -> bool {
    forms
        .iter()
        .any(|form| !form.is_empty() && find_words(text, form, 0).is_some())
}

/// The term in English, in the singular or the plural, longest first.
fn english_forms(term: &str) -> Vec<String> {
    let term = normalize(term);
    let singular = term.strip_suffix('s').unwrap_or(&term).to_string();
    let ies = term
        .strip_suffix('y')
        .map(|stem| format!("{stem}ies"))
        .unwrap_or_default();
    // "holder of parental responsibility": the head noun takes the plural.
    let head_plural = term
        .split_once(" of ")
        .map(|(head, rest)| format!("{head}s of {rest}"))
        .unwrap_or_default();
    let mut forms = vec![
        term.clone(),
        format!("{term}s"),
        format!("{term}es"),
        ies,
        head_plural,
        singular,
    ];
    forms.sort_by_key(|form| std::cmp::Reverse(form.len()));
    forms.dedup();
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_whole_french_words_and_plurals_and_masks_them() {
        let mut text =
            normalize("Les sous-traitants ultérieurs et les pays tiers, les Personnes concernées");
        assert!(mask(&mut text, &french_forms("sous-traitant ultérieur")));
        assert!(
            !mask(&mut text, &french_forms("sous-traitant")),
            "masked by the longer term"
        );
        assert!(mask(&mut text, &french_forms("pays tiers")));
        assert!(
            !mask(&mut text, &french_forms("tiers")),
            "masked by « pays tiers »"
        );
        assert!(mask(&mut text, &french_forms("personne concernée")));
        assert!(!mask(&mut normalize("les entiers"), &french_forms("tiers")));
    }

    #[test]
    fn accepts_english_singular_and_plural_but_not_parts_of_words() {
        assert!(uses(
            "the sub-processors listed",
            &english_forms("sub-processor")
        ));
        assert!(uses(
            "a documented instruction",
            &english_forms("documented instructions")
        ));
        assert!(!uses("the sub-processor", &english_forms("processor")));
        assert!(!uses("the subcontractor", &english_forms("sub-processor")));
    }
}
