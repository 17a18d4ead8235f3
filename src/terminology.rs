//! Terminology lint: where a French clause uses a term of the termbase
//! (`locales/termbase.csv`, the official GDPR terms), its translation must
//! use the termbase's term, e.g. "sub-processor" and not "subcontractor".

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::load::{DocumentSource, SourceFile};
use crate::markdown::heading_ids;
use crate::model::{Block, Document, Inline, Section};

/// One line of the termbase: a French term, its English term and where the
/// GDPR defines or uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub fr: String,
    pub en: String,
    pub article: String,
}

/// Parses `fr,en,gdpr_article,note` lines (quotes as in RFC 4180), skipping
/// the header; a header or a line that does not have these columns is
/// reported, since a termbase read wrong would silently check nothing.
pub fn parse_termbase(file: &SourceFile, diagnostics: &mut Diagnostics) -> Option<Vec<Term>> {
    let mut terms = Vec::new();
    let mut complete = true;
    let mut offset = 0;
    for (index, line) in file.text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let fields = csv_fields(line.trim_end_matches('\n'));
        let field = |i: usize| fields.get(i).cloned().unwrap_or_default();
        let readable = match index {
            0 => field(0) == "fr" && field(1) == "en",
            _ => line.trim().is_empty() || fields.len() >= 2,
        };
        if !readable {
            complete = false;
            // A wrong header means every line is read wrong: one error.
            let stop = index == 0;
            diagnostics.push(
                Diagnostic::error(match index {
                    0 => "the termbase does not start with its header `fr,en,gdpr_article,note`",
                    _ => "this termbase line does not have a French and an English term separated by a comma",
                })
                .at(file.location(start), &file.text)
                .with_help("write the termbase as comma-separated values: `fr,en,gdpr_article,note`, then one term per line; quote a term that holds a comma"),
            );
            if stop {
                break;
            }
            continue;
        }
        if index > 0 && !field(0).is_empty() && !field(1).is_empty() {
            terms.push(Term {
                fr: field(0),
                en: field(1),
                article: field(2),
            });
        }
    }
    complete.then_some(terms)
}

fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            _ => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

/// Warns about each clause whose translation does not use the termbase's
/// term for a term its French text uses.
pub fn check(
    source: &DocumentSource,
    documents: &[&Document],
    terms: &[Term],
    diagnostics: &mut Diagnostics,
) {
    let Some(french) = documents.iter().find(|d| d.lang == Lang::Fr) else {
        return;
    };
    let french_texts = section_texts(&french.sections);
    // Longest first, so that "sous-traitant ultérieur" is matched, and
    // masked, before "sous-traitant".
    let mut terms: Vec<&Term> = terms.iter().collect();
    terms.sort_by_key(|term| std::cmp::Reverse(term.fr.chars().count()));
    for translation in documents.iter().filter(|d| !d.lang.is_binding()) {
        let Some(file) = source.texts.get(&translation.lang) else {
            continue;
        };
        let headings: BTreeMap<String, usize> = heading_ids(&file.text).into_iter().collect();
        let translated = section_texts(&translation.sections);
        for (id, offset) in &headings {
            let (Some(fr), Some(en)) = (french_texts.get(id), translated.get(id)) else {
                continue;
            };
            let mut fr = normalize(fr);
            let en = normalize(en);
            for term in &terms {
                if !mask_french_term(&mut fr, &term.fr) || uses_english_term(&en, &term.en) {
                    continue;
                }
                diagnostics.push(missing_term(file, *offset, id, term, translation.lang));
            }
        }
    }
}

fn missing_term(file: &SourceFile, offset: usize, id: &str, term: &Term, lang: Lang) -> Diagnostic {
    let article = if term.article.is_empty() {
        String::new()
    } else {
        format!(" (GDPR art. {})", term.article)
    };
    Diagnostic::warning(format!(
        "clause `{id}`: the French says « {} », but the {lang} text never says \"{}\"",
        term.fr, term.en
    ))
    .at(file.location(offset), &file.text)
    .with_help(format!(
        "use the termbase's term \"{}\"{article} (locales/termbase.csv)",
        term.en
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

fn block_text(block: &Block, out: &mut String) {
    match block {
        Block::Paragraph { inlines } | Block::Label { inlines } => inline_text(inlines, out),
        Block::List { items, .. } => items
            .iter()
            .flatten()
            .for_each(|block| block_text(block, out)),
        Block::Table(table) => {
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

/// Whether the French text uses the term; its occurrences are blanked so
/// that shorter terms inside it are not counted again.
fn mask_french_term(text: &mut String, term: &str) -> bool {
    let mut found = false;
    for form in french_forms(term) {
        while let Some(at) = find_words(text, &form, 0) {
            text.replace_range(at..at + form.len(), &" ".repeat(form.len()));
            found = true;
        }
    }
    found
}

/// Whether the English text uses the term, in the singular or the plural.
fn uses_english_term(text: &str, term: &str) -> bool {
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
    [
        term.clone(),
        format!("{term}s"),
        format!("{term}es"),
        ies,
        head_plural,
        singular,
    ]
    .iter()
    .any(|form| !form.is_empty() && find_words(text, form, 0).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quoted_csv_fields() {
        let file = |text: &str| SourceFile {
            path: "locales/termbase.csv".into(),
            text: text.into(),
        };
        let mut diagnostics = Diagnostics::default();
        let terms = parse_termbase(
            &file(
                "fr,en,gdpr_article,note\nsous-traitant ultérieur,sub-processor,28(2) 28(4),\"a \"\"quoted\"\", note\"\n",
            ),
            &mut diagnostics,
        );
        assert!(diagnostics.is_empty());
        assert_eq!(
            terms.unwrap(),
            [Term {
                fr: "sous-traitant ultérieur".into(),
                en: "sub-processor".into(),
                article: "28(2) 28(4)".into()
            }]
        );
        let semicolons = file("fr;en;gdpr_article;note\nsous-traitant;processor;28;\n");
        assert!(parse_termbase(&semicolons, &mut diagnostics).is_none());
        let shown = diagnostics.to_string();
        assert!(
            shown.starts_with("error: the termbase does not start")
                && shown.contains(" --> locales/termbase.csv:1:1\n"),
            "{shown}"
        );
    }

    #[test]
    fn matches_whole_french_words_and_plurals_and_masks_them() {
        let mut text =
            normalize("Les sous-traitants ultérieurs et les pays tiers, les Personnes concernées");
        assert!(mask_french_term(&mut text, "sous-traitant ultérieur"));
        assert!(
            !mask_french_term(&mut text, "sous-traitant"),
            "masked by the longer term"
        );
        assert!(mask_french_term(&mut text, "pays tiers"));
        assert!(
            !mask_french_term(&mut text, "tiers"),
            "masked by « pays tiers »"
        );
        assert!(mask_french_term(&mut text, "personne concernée"));
        assert!(!mask_french_term(&mut normalize("les entiers"), "tiers"));
    }

    #[test]
    fn accepts_english_singular_and_plural_but_not_parts_of_words() {
        assert!(uses_english_term(
            "the sub-processors listed",
            "sub-processor"
        ));
        assert!(uses_english_term(
            "a documented instruction",
            "documented instructions"
        ));
        assert!(!uses_english_term("the sub-processor", "processor"));
        assert!(!uses_english_term("the subcontractor", "sub-processor"));
    }
}
