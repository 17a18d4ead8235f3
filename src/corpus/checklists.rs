//! Checklists of legal requirements (`checklists/<name>.yaml`), one file per
//! law and jurisdiction (the EU's GDPR, France's loi Informatique et
//! Libertés, the CNIL's cookie rules…): what each requirement is, where it
//! comes from, and the words a clause that meets it must contain.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use serde_saphyr::Spanned;

use crate::corpus::SourceFile;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::lang::Lang;

/// `checklists/<name>.yaml`: the requirements a kind of document must meet
/// under one law.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// What the checklist is for, e.g. "Data processing agreement (GDPR art. 28)".
    pub title: String,
    /// Where the law applies, e.g. "European Union" or "France": a
    /// document names the checklists of every jurisdiction it answers to.
    pub jurisdiction: String,
    /// The requirements, each with the legal source that imposes it.
    pub items: Vec<Requirement>,
}

/// One requirement of a checklist.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Stable identifier that documents cite, e.g. `art28-3h`.
    pub id: String,
    /// What the document must say.
    pub requirement: String,
    /// The legal source, e.g. "GDPR art. 28(3)(h)".
    pub source: String,
    /// Whether a document must cover it; `false` for requirements that
    /// apply only in some cases.
    #[serde(default = "mandatory")]
    pub mandatory: bool,
    /// What a clause that meets it must say: each concept, in each
    /// language, as one phrase or a list of alternatives, e.g.
    /// `{ fr: consultation préalable, en: prior consultation }`. The clauses
    /// declared to cover the requirement must together contain every
    /// concept, in every language the checklist gives it in (inflections
    /// allowed: "consultations préalables" says "consultation préalable").
    #[serde(default)]
    #[schemars(with = "Vec<Concept>")]
    pub concepts: Vec<Spanned<Concept>>,
}

/// A concept, by language: the phrases any one of which says it. A
/// document in a regional variant (`fr-BE`) is asked the phrases of its
/// language when the checklist has none for the variant.
pub type Concept = BTreeMap<Lang, Phrases>;

/// The phrases of `concept` for a document in `lang`, if it gives any.
pub fn phrases_for(concept: &Concept, lang: Lang) -> Option<&Phrases> {
    concept.get(&lang).or_else(|| {
        (concept.iter())
            .find(|(written, _)| {
                written.language() == lang.language() && written.region().is_none()
            })
            .map(|(_, phrases)| phrases)
    })
}

/// Reports each concept of `checklist` that no text could say: one that
/// names no language, an empty list of alternatives, a phrase without a
/// word.
pub fn lint(checklist: &Checklist, file: &SourceFile, diagnostics: &mut Diagnostics) {
    for item in &checklist.items {
        for concept in &item.concepts {
            let problem = match concept.value.is_empty() {
                true => Some("names no language".to_string()),
                false => concept.value.values().find_map(unsayable),
            };
            let Some(problem) = problem else {
                continue;
            };
            diagnostics.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    format!("a concept of `{}` {problem}", item.id),
                )
                .at(file.yaml_location(&concept.referenced), &file.text)
                .with_help("give each language the words a clause must say, e.g. `{ fr: consultation préalable, en: prior consultation }`"),
            );
        }
    }
}

/// Why no text can say `phrases`, if none can.
fn unsayable(phrases: &Phrases) -> Option<String> {
    if phrases.all().is_empty() {
        return Some("gives an empty list of phrases".into());
    }
    (phrases.all().iter())
        .find(|phrase| !phrase.chars().any(char::is_alphanumeric))
        .map(|phrase| format!("has a phrase without a word: `{phrase}`"))
}

/// One phrase, or alternatives.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Phrases {
    One(String),
    Any(Vec<String>),
}

impl Phrases {
    /// Every alternative.
    pub fn all(&self) -> &[String] {
        match self {
            Phrases::One(phrase) => std::slice::from_ref(phrase),
            Phrases::Any(phrases) => phrases,
        }
    }
}

fn mandatory() -> bool {
    true
}
