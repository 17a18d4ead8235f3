//! Completeness lint: a checklist (`checklists/<name>.yaml`) lists what the
//! law requires a document to say; the document declares which clauses or
//! annexes cover each requirement, and `check` reports what nothing covers.

use std::collections::BTreeSet;

use crate::compose::markdown::heading_ids;
use crate::corpus::checklists::Checklist;
use crate::corpus::{DocumentSource, SourceFile};
use crate::diagnostic::{Code, Diagnostic, Diagnostics, did_you_mean_help};

/// Reports coverage that names unknown sections or requirements, and every
/// mandatory requirement that nothing covers.
pub fn check(
    document: &DocumentSource,
    checklist: &Checklist,
    meta_file: &SourceFile,
    diagnostics: &mut Diagnostics,
) {
    let mut sections: Vec<String> = document
        .binding_text()
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
                Diagnostic::error(
                    Code::ChecklistSection,
                    format!("`{section}` is neither a clause nor an annex of this document"),
                )
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
                Diagnostic::error(
                    Code::UnknownRequirement,
                    format!("unknown requirement `{}`", item.value),
                )
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
            Diagnostic::error(
                Code::UncoveredRequirement,
                format!("no clause covers `{}`: {}", item.id, item.requirement),
            )
            .at(meta_file.location(coverage_line), &meta_file.text)
            .with_note(format!("required by {}", item.source))
            .with_help(format!(
                "add `{}` to the coverage of the clause that says it, or write that clause",
                item.id
            )),
        );
    }
}
