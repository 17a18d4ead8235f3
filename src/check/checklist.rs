//! Completeness lint: a checklist (`checklists/<name>.yaml`) lists what the
//! law requires a document to say; the document declares which clauses or
//! annexes cover each requirement, and `check` reports what nothing covers.

use std::collections::BTreeSet;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean_help};
use crate::lang::Lang;
use crate::load::{DocumentSource, SourceFile};
use crate::markdown::heading_ids;

/// `checklists/<name>.yaml`: the requirements a kind of document must meet.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// What the checklist is for, e.g. "Data processing agreement (GDPR art. 28)".
    pub title: String,
    /// The requirements, each with the legal source that imposes it.
    pub items: Vec<Requirement>,
}

/// One requirement of a checklist.
#[derive(Debug, Deserialize)]
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
}

fn mandatory() -> bool {
    true
}

/// Reports coverage that names unknown sections or requirements, and every
/// mandatory requirement that nothing covers.
pub fn check(
    document: &DocumentSource,
    checklist: &Checklist,
    meta_file: &SourceFile,
    diagnostics: &mut Diagnostics,
) {
    let mut sections: Vec<String> = document
        .texts
        .get(&Lang::Fr)
        .map(|file| {
            heading_ids(&file.text)
                .into_iter()
                .map(|(id, _)| id)
                .collect()
        })
        .unwrap_or_default();
    sections.extend(
        document
            .meta
            .annexes
            .iter()
            .map(|kind| format!("annex-{}", kind.name())),
    );
    let known: Vec<&str> = checklist
        .items
        .iter()
        .map(|item| item.id.as_str())
        .collect();
    let mut covered = BTreeSet::new();
    for (section, items) in &document.meta.coverage {
        if !sections.contains(section) {
            let offset = meta_file
                .text
                .find(&format!("\n  {section}:"))
                .map_or(0, |i| i + 3);
            let help = did_you_mean_help(section, sections.iter().map(String::as_str), || {
                "use a clause id (`{#id}` of a heading) or an annex, e.g. `annex-security`"
                    .to_string()
            });
            diagnostics.push(
                Diagnostic::error(format!(
                    "`{section}` is neither a clause nor an annex of this document"
                ))
                .at(meta_file.location(offset), &meta_file.text)
                .with_help(help),
            );
        }
        for item in items {
            let location = meta_file.yaml_location(&item.referenced);
            if known.contains(&item.value.as_str()) {
                covered.insert(item.value.as_str());
                continue;
            }
            let help = did_you_mean_help(&item.value, known.iter().copied(), || {
                format!(
                    "the requirements of {} are: {}",
                    checklist.title,
                    known.join(", ")
                )
            });
            diagnostics.push(
                Diagnostic::error(format!("unknown requirement `{}`", item.value))
                    .at(location, &meta_file.text)
                    .with_help(help),
            );
        }
    }
    let coverage_line = meta_file.text.find("\ncoverage:").map_or(0, |i| i + 1);
    for item in checklist
        .items
        .iter()
        .filter(|item| item.mandatory && !covered.contains(item.id.as_str()))
    {
        diagnostics.push(
            Diagnostic::error(format!(
                "no clause covers `{}`: {}",
                item.id, item.requirement
            ))
            .at(meta_file.location(coverage_line), &meta_file.text)
            .with_note(format!("required by {}", item.source))
            .with_help(format!(
                "add `{}` to the coverage of the clause that says it, or write that clause",
                item.id
            )),
        );
    }
}
