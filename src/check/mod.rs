//! The check stage: loads the corpus, validates it, composes every
//! document and compares it with its releases, collecting every problem.
//! It may use `corpus`, `compose` and `versions`; it writes nothing.

use crate::compose;
use crate::corpus::releases::Edition;
use crate::corpus::version::Version;
use crate::corpus::{self, Corpus, DocumentSource};
use crate::diagnostic::{Diagnostics, Failed};
use crate::model::Document;
use crate::versions::standing::{self, Standing};

pub mod checklist;
pub mod clients;
pub mod confirm;
pub mod consistency;
pub mod labels;
pub mod notices;
pub mod releases;
pub mod terminology;
pub mod translations;
pub mod validate;

/// A corpus that passed every check, with its documents resolved.
pub struct Checked {
    pub corpus: Corpus,
    /// The working text of every document in every language: resolved as
    /// its latest release or, when drafts are allowed and it differs, as a
    /// draft.
    pub documents: Vec<Document>,
    /// The documents resolved as drafts, and why.
    pub drafts: Vec<Draft>,
    pub warnings: Diagnostics,
}

impl Checked {
    /// Whether the working text of `document` is published as a draft.
    pub fn is_draft(&self, document: &str) -> bool {
        self.drafts.iter().any(|draft| draft.document == document)
    }

    /// What the fixed paths of `source` hold, one document per language:
    /// its draft, or else its latest release.
    pub fn latest<'a>(&'a self, source: &'a DocumentSource) -> Vec<&'a Document> {
        if self.is_draft(&source.id) {
            self.documents
                .iter()
                .filter(|d| d.id == source.id)
                .collect()
        } else {
            source.latest_released.iter().collect()
        }
    }
}

/// A document whose working text is not released.
pub struct Draft {
    pub document: String,
    /// The latest release, if any.
    pub since: Option<Version>,
    /// The headings of the sections changed since.
    pub sections: Vec<String>,
}

/// Loads, validates and models every document in every language, or
/// returns every problem found. A working text that differs from its
/// latest release is an error, unless `drafts` allows it: it is then
/// resolved as a draft.
pub fn check(root: &std::path::Path, drafts: bool) -> Result<Checked, Failed> {
    let mut diagnostics = Diagnostics::default();
    let Some(corpus) = corpus::load(root, &mut diagnostics) else {
        return Err(Failed(diagnostics));
    };
    validate::validate(&corpus, &mut diagnostics);
    let mut documents = Vec::new();
    let mut draft_list = Vec::new();
    // Kept aside until every document is checked: one document's
    // unreleased changes must not hide another's.
    let mut unreleased = Vec::new();
    let mut unsaid = Vec::new();
    for source in &corpus.documents {
        let edition =
            Edition::latest(&source.releases).unwrap_or_else(|| Edition::draft(&source.releases));
        let build = |edition: &Edition, diagnostics: &mut Diagnostics| -> Vec<Document> {
            corpus
                .languages
                .iter()
                .map(|&lang| compose::build(&corpus, source, lang, edition, diagnostics))
                .collect()
        };
        let mut built = build(&edition, &mut diagnostics);
        corpus.labels.report(&corpus.locale_files, &mut diagnostics);
        // Terminology, checklists and releases compare whole clauses: only
        // once the clauses themselves are sound, or they would report
        // consequences; what they find in one document never hides
        // another's.
        if !diagnostics.has_errors() {
            terminology::check(
                source,
                &built.iter().collect::<Vec<_>>(),
                &corpus.terms,
                &mut diagnostics,
            );
            let mut said = Diagnostics::default();
            checklist::check_text(source, &built, &mut said);
            unsaid.push(said);
            let standing = standing::standing(source, &built);
            if let Some(error) = standing::unreleased_error(source, &standing) {
                if drafts {
                    built = build(&Edition::draft(&source.releases), &mut diagnostics);
                    let (since, sections) = match standing {
                        Standing::Changed { since, sections } => (Some(since), sections),
                        _ => (None, Vec::new()),
                    };
                    draft_list.push(Draft {
                        document: source.id.clone(),
                        since,
                        sections,
                    });
                } else {
                    unreleased.push(error);
                }
            }
        }
        documents.extend(built);
    }
    for error in unreleased {
        diagnostics.push(error);
    }
    for found in unsaid {
        diagnostics.extend(found);
    }
    if diagnostics.has_errors() {
        return Err(Failed(diagnostics));
    }
    Ok(Checked {
        corpus,
        documents,
        drafts: draft_list,
        warnings: diagnostics,
    })
}
