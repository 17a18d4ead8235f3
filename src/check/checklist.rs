//! Completeness lint: a checklist (`checklists/<name>.yaml`) lists what the
//! law requires a document to say; the document declares which clauses or
//! annexes cover each requirement, and `check` reports what nothing covers
//! ([`check`]) and a declared clause that does not say it ([`check_text`]).

use std::collections::BTreeSet;

use crate::compose::markdown::heading_ids;
use crate::corpus::DocumentSource;
use crate::corpus::checklists::Requirement;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, did_you_mean_help};
use crate::model::{Document, Section};

mod concepts;

pub use concepts::says;

/// Reports coverage that names unknown sections or requirements, and every
/// mandatory requirement that nothing covers.
pub fn check(document: &DocumentSource, diagnostics: &mut Diagnostics) {
    let meta_file = &document.meta_file;
    let requirements = || document.checklists.iter().flat_map(|c| &c.items);
    let titles: Vec<&str> = (document.checklists.iter())
        .map(|checklist| checklist.title.as_str())
        .collect();
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
    let known: Vec<&str> = requirements().map(|item| item.id.as_str()).collect();
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
                    titles.join(" and "),
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
    for item in requirements().filter(|item| item.mandatory && !covered.contains(item.id.as_str()))
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

/// Reports each requirement whose declared clauses and annexes, as
/// composed in `built` (one document per language), do not together say
/// every concept the checklist gives for it: a clause that claims art.
/// 28(3)(f) must speak of prior consultation.
pub fn check_text(source: &DocumentSource, built: &[Document], diagnostics: &mut Diagnostics) {
    for requirement in source.checklists.iter().flat_map(|c| &c.items) {
        let declared: Vec<&str> = (source.meta.coverage.iter())
            .filter(|(_, items)| items.iter().any(|item| item.value == requirement.id))
            .map(|(section, _)| section.as_str())
            .collect();
        if declared.is_empty() || requirement.concepts.is_empty() {
            continue;
        }
        for document in built {
            let text: String = declared
                .iter()
                .filter_map(|id| Section::find(&document.sections, id))
                .map(section_text)
                .collect::<Vec<_>>()
                .join(" ");
            let concepts = requirement.concepts.iter().map(|concept| &concept.value);
            let missing = concepts::missing(concepts, &text, document.lang);
            if !missing.is_empty() {
                diagnostics.push(unsaid(source, requirement, &declared, document, &missing));
            }
        }
    }
}

/// The problem of a requirement whose clauses do not say `missing`,
/// located at the first declared clause's heading in that language (or at
/// the coverage when only annexes are declared).
fn unsaid(
    source: &DocumentSource,
    requirement: &Requirement,
    declared: &[&str],
    document: &Document,
    missing: &[String],
) -> Diagnostic {
    let quoted: Vec<String> = missing
        .iter()
        .map(|phrase| format!("\"{phrase}\""))
        .collect();
    let sections: Vec<String> = declared.iter().map(|id| format!("`{id}`")).collect();
    let message = format!(
        "the clauses said to cover `{}` do not say {} ({})",
        requirement.id,
        quoted.join(" nor "),
        document.lang
    );
    let diagnostic = Diagnostic::error(Code::UnsaidRequirement, message)
        .with_note(format!(
            "required by {}: {}",
            requirement.source, requirement.requirement
        ))
        .with_help(format!(
            "say it in {} (any inflection of these words will do), or, if another clause says it, declare that clause in the coverage of contracts/{}/document.yaml",
            sections.join(" or "),
            source.id
        ));
    let heading = source.texts.get(&document.lang).and_then(|file| {
        let (_, offset) = heading_ids(&file.text)
            .into_iter()
            .find(|(id, _)| declared.contains(&id.as_str()))?;
        Some((file, offset))
    });
    match heading {
        Some((file, offset)) => diagnostic.at(file.location(offset), &file.text),
        None => {
            let file = &source.meta_file;
            let offset = file.text.find("\ncoverage:").map_or(0, |i| i + 1);
            diagnostic.at(file.location(offset), &file.text)
        }
    }
}

/// A section's heading and text, its sub-sections' included.
fn section_text(section: &Section) -> String {
    let mut text = section.title.clone();
    for block in &section.blocks {
        super::terminology::block_text(block, &mut text);
    }
    for child in &section.children {
        text.push(' ');
        text.push_str(&section_text(child));
    }
    text
}
