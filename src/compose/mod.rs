//! The compose stage: assembles one document in one language from its
//! clauses, the facts and the labels into the typed [`crate::model`]. It
//! uses only the corpus; it checks what it resolves (placeholders, links)
//! but writes and renders nothing.

pub mod annexes;
pub mod client;
pub mod cookies;
pub mod markdown;
pub mod parallel;
pub mod placeholders;
pub mod privacy;
pub mod quantities;
pub mod words;

use std::collections::BTreeMap;

use crate::compose::annexes::annex_section;
use crate::compose::placeholders::Placeholders;
use crate::compose::quantities::QuantityText;
use crate::corpus::links;
use crate::corpus::locale::Labels;
use crate::corpus::releases::{Edition, HistoryEntry};
use crate::corpus::{Corpus, DocumentSource, SourceFile};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::lang::{Lang, Localized};
use crate::model::{
    Block, CoverParty, Document, HISTORY_ID, Notice, PageLabels, Section, SectionKind, Table,
};

/// What a kind of document adds to its clauses: the placeholders they may
/// use and the tables it generates from its facts. One file per kind,
/// listed in [`KINDS`]; a kind whose facts the corpus lacks adds nothing.
pub trait Kind: Sync {
    /// The placeholder values in `lang`: `{{ name }}` → text.
    fn values(&self, corpus: &Corpus, lang: Lang) -> BTreeMap<String, String>;
    /// The generated blocks, placed by a paragraph holding only `{{ name }}`.
    fn blocks(&self, corpus: &Corpus, texts: &mut Texts) -> BTreeMap<String, Vec<Block>>;
}

/// Every kind of document beyond the DPA's clauses and annexes.
pub const KINDS: [&dyn Kind; 2] = [&cookies::CookiePolicy, &privacy::PrivacyPolicy];

/// Builds `source` in `lang`, reporting every unresolved placeholder.
pub fn build(
    corpus: &Corpus,
    source: &DocumentSource,
    lang: Lang,
    edition: &Edition,
    diagnostics: &mut Diagnostics,
) -> Document {
    let labels = &corpus.labels;
    let label = |id: &str| labels.get(lang, id);
    let (version, effective_date_text) = match &edition.version {
        Some(version) => (version.to_string(), edition.effective_date.long(lang)),
        None => (label("draft-version"), label("draft-date")),
    };
    let (mut values, missing) = placeholder_values(corpus, source, lang);
    values.insert("document.version".into(), version.clone());
    values.insert(
        "document.effective_date".into(),
        effective_date_text.clone(),
    );
    for kind in KINDS {
        values.extend(kind.values(corpus, lang));
    }
    // Generated tables resolve their own YAML texts, before the clauses.
    let bare = Placeholders::new(lang, values.clone()).with_missing(missing.clone());
    let mut blocks = BTreeMap::new();
    let mut texts = Texts {
        lang,
        placeholders: &bare,
        files: &corpus.yaml_files,
        diagnostics,
    };
    for kind in KINDS {
        blocks.extend(kind.blocks(corpus, &mut texts));
    }
    let placeholders = Placeholders::new(lang, values)
        .with_missing(missing)
        .with_blocks(blocks);
    let mut texts = Texts {
        lang,
        placeholders: &placeholders,
        files: &corpus.yaml_files,
        diagnostics,
    };
    let file = source.texts.get(&lang);
    let clauses = file.map(|file| markdown::clauses(file, &placeholders, texts.diagnostics));
    let (mut sections, anchors, document_links) =
        clauses.map_or_else(Default::default, |c| (c.sections, c.anchors, c.documents));
    for (index, &kind) in source.meta.annexes.iter().enumerate() {
        sections.push(annex_section(
            kind,
            annexes::letter(index),
            corpus,
            &mut texts,
        ));
    }
    sections.extend(history_section(&edition.history, labels, lang));
    if let Some(file) = file {
        let ids = links::section_ids(&sections);
        links::check_anchors(file, &anchors, &ids, texts.diagnostics);
        let documents: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        links::check_documents(file, &document_links, &documents, texts.diagnostics);
    }
    for section in sections
        .iter_mut()
        .filter(|s| s.kind == SectionKind::Preamble)
    {
        section.title = labels.get(lang, "page-preamble");
    }
    for section in &mut sections {
        section.finish();
    }
    let processor = &corpus.facts.parties.processor;
    Document {
        id: source.id.clone(),
        lang,
        languages: source.texts.keys().copied().collect(),
        title: source.meta.title.get(lang).to_string(),
        subtitle: source
            .meta
            .subtitle
            .as_ref()
            .map(|s| s.get(lang).to_string()),
        version,
        effective_date: edition.effective_date.to_string(),
        effective_date_text,
        author: processor.legal_name.clone(),
        keywords: source
            .meta
            .keywords
            .get(lang)
            .split(',')
            .map(|k| k.trim().to_string())
            .collect(),
        language_notice: language_notice(labels, lang, source.binding),
        compact_up_to: source.meta.compact_up_to,
        made_out_to: None,
        translation: None,
        parties: if source.meta.contract {
            vec![
                CoverParty {
                    role: label("role-processor"),
                    lines: [&processor.legal_name, &processor.address]
                        .into_iter()
                        .chain(&processor.registration)
                        .cloned()
                        .collect(),
                },
                CoverParty {
                    role: label("role-controller"),
                    lines: controller_name(corpus, lang).into_iter().collect(),
                },
            ]
        } else {
            Vec::new()
        },
        sections,
        labels: PageLabels {
            contents: label("page-contents"),
            version: label("page-version"),
            effective_date: label("page-effective-date"),
            page: label("page-page"),
            language: label("page-language"),
            between: label("page-between"),
            other_language: source
                .texts
                .keys()
                .find(|&&other| other != lang)
                .map(|&other| labels.get(other, "page-edition"))
                .unwrap_or_default(),
            // Two languages need no more than `other_language`: their
            // releases stay as they were recorded.
            editions: match source.texts.len() {
                0..=2 => BTreeMap::new(),
                _ => (source.texts.keys())
                    .map(|&other| (other, labels.get(other, "page-edition")))
                    .collect(),
            },
            download_pdf: label("page-download-pdf"),
        },
    }
    // As readers see it (`text::typography`): releases store it typeset,
    // so that a later rule never changes a published version.
    .typeset()
}

/// What an edition says of its language: the binding text, or a
/// translation naming the language that prevails.
fn language_notice(labels: &Labels, lang: Lang, binding: Lang) -> Notice {
    let notice = |id: &str| labels.get_with(lang, id, &[("binding", binding.language())]);
    match lang == binding {
        true => Notice {
            binding: true,
            short: notice("notice-binding-short"),
            long: notice("notice-binding-long"),
        },
        false => Notice {
            binding: false,
            short: notice("notice-translation-short"),
            long: notice("notice-translation-long"),
        },
    }
}

/// The version history: every release, newest first, with what it
/// changed. None before the first release.
fn history_section(history: &[HistoryEntry], labels: &Labels, lang: Lang) -> Option<Section> {
    if history.is_empty() {
        return None;
    }
    let label = |id: &str| labels.get(lang, id);
    let mut section = Section::new(
        HISTORY_ID.to_string(),
        None,
        label("history-title"),
        SectionKind::History,
    );
    section.blocks.push(Block::Table(Table {
        caption: label("history-caption"),
        header: vec![
            label("page-version"),
            label("page-effective-date"),
            label("history-changes"),
        ],
        rows: history
            .iter()
            .rev()
            .map(|entry| {
                let summary = entry.summary.get(&lang).cloned().unwrap_or_default();
                vec![
                    vec![Block::paragraph(entry.version.to_string())],
                    vec![Block::paragraph(entry.effective_date.long(lang))],
                    vec![Block::paragraph(summary)],
                ]
            })
            .collect(),
        widths: vec![1, 2, 5],
    }));
    Some(section)
}

/// How the documents name the controller, when the corpus has one.
fn controller_name(corpus: &Corpus, lang: Lang) -> Option<String> {
    let controller = corpus.facts.parties.controller.as_ref()?;
    Some(controller.name.get(lang).to_string())
}

/// Every placeholder clause text and YAML strings may use, in `lang`, and
/// the placeholders of facts the corpus leaves out (with where to write
/// them).
fn placeholder_values(
    corpus: &Corpus,
    source: &DocumentSource,
    lang: Lang,
) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let facts = &corpus.facts;
    let labels = &corpus.labels;
    let processor = &facts.parties.processor;
    let mut values = BTreeMap::new();
    let mut set = |name: String, value: String| {
        values.insert(name, value);
    };
    set("processor".into(), corpus.short_name(lang).to_string());
    set("processor.legal_name".into(), processor.legal_name.clone());
    set("processor.address".into(), processor.address.clone());
    // Facts a corpus may go without: a placeholder naming one it lacks is
    // an error that says where to write it, never an empty string.
    let dpo = processor.dpo.as_ref();
    let optional = [
        (
            "processor.registration",
            processor.registration.clone(),
            "`registration:` under `processor:`",
        ),
        (
            "processor.dpo",
            dpo.map(|dpo| dpo.name.clone()),
            "`dpo:` (its `civility` and `name`) under `processor:`",
        ),
        (
            "processor.dpo.email",
            dpo.and_then(|dpo| dpo.email.as_ref())
                .map(ToString::to_string),
            "`email:` under `processor:` → `dpo:`",
        ),
    ];
    let mut missing = BTreeMap::new();
    for (name, value, written) in optional {
        match value {
            Some(value) => set(name.into(), value),
            None => _ = missing.insert(name.to_string(), written.to_string()),
        }
    }
    set(
        "controller".into(),
        controller_name(corpus, lang).unwrap_or_default(),
    );
    set(
        "document.title".into(),
        source.meta.title.get(lang).to_string(),
    );
    for (name, quantity) in facts
        .commitments
        .iter()
        .flat_map(|commitments| commitments.entries())
    {
        set(format!("commitment.{name}"), quantity.legal(lang, labels));
    }
    for (index, kind) in source.meta.annexes.iter().enumerate() {
        let title = labels.get(lang, &format!("annex-{}", kind.name()));
        let letter = annexes::letter(index).to_string();
        let heading = labels.get_with(
            lang,
            "annex-heading",
            &[("letter", &letter), ("title", &title)],
        );
        set(format!("annex.{}", kind.name()), heading);
        let number = labels.get_with(lang, "annex-number", &[("letter", &letter)]);
        set(format!("annex.{}.number", kind.name()), number);
    }
    for subprocessor in &facts.subprocessors {
        set(
            format!("subprocessor.{}", subprocessor.id),
            subprocessor.name.clone(),
        );
    }
    (values, missing)
}

/// Resolves YAML texts for one language, reporting placeholder errors at
/// the line of the YAML file that holds them.
pub struct Texts<'a> {
    pub lang: Lang,
    placeholders: &'a Placeholders,
    files: &'a [SourceFile],
    pub diagnostics: &'a mut Diagnostics,
}

impl Texts<'_> {
    /// The text in this language with its placeholders replaced.
    pub fn get(&mut self, text: &Localized) -> String {
        let raw = text.get(self.lang);
        match self.placeholders.resolve(raw) {
            Ok(resolved) => resolved,
            Err(errors) => {
                for error in errors {
                    let fragment = &raw[error.offset..];
                    let fragment =
                        &fragment[..fragment.find("}}").map_or(fragment.len(), |end| end + 2)];
                    let mut diagnostic =
                        Diagnostic::error(error.code, error.message).with_help(error.help);
                    if let Some((file, offset)) = self
                        .files
                        .iter()
                        .find_map(|file| Some((file, file.text.find(fragment)?)))
                    {
                        diagnostic = diagnostic.at(file.location(offset), &file.text);
                    }
                    self.diagnostics.push(diagnostic);
                }
                raw.to_string()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The guide's list of placeholders (`placeholders::PLACEHOLDERS`)
    /// names every placeholder the shipped corpus's documents can use.
    #[test]
    fn every_placeholder_is_in_the_guide_list() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut diagnostics = Diagnostics::default();
        let corpus = crate::corpus::load(root, &mut diagnostics).expect("the shipped corpus loads");
        let mut names = Vec::new();
        for source in &corpus.documents {
            for lang in [Lang::FRENCH, Lang::ENGLISH] {
                let (values, missing) = placeholder_values(&corpus, source, lang);
                names.extend(values.into_keys().chain(missing.into_keys()));
                for kind in KINDS {
                    names.extend(kind.values(&corpus, lang).into_keys());
                }
            }
        }
        names.extend(["document.version", "document.effective_date"].map(String::from));
        names.extend(["table.cookies", "table.processing"].map(String::from));
        assert!(names.len() > 30, "{names:?}");
        let unlisted: Vec<&String> = names
            .iter()
            .filter(|name| !placeholders::is_listed(name))
            .collect();
        assert!(unlisted.is_empty(), "not in PLACEHOLDERS: {unlisted:?}");
        assert!(!placeholders::is_listed("commitment"));
        assert!(!placeholders::is_listed("processor.nothing"));
    }
}
