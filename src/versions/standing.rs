//! Where the working text stands against its latest release: released,
//! changed since (and in which sections), or never released.

use crate::corpus::DocumentSource;
use crate::corpus::version::Version;
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::model::Document;

/// How the working text stands against the latest release.
pub enum Standing {
    /// It is the latest release.
    Released,
    /// It was never released.
    Unreleased,
    /// It differs from the latest release in these sections (headings).
    Changed {
        since: Version,
        sections: Vec<String>,
    },
}

/// Compares the working text, resolved as the latest release, with that
/// release.
pub fn standing(source: &DocumentSource, working: &[Document]) -> Standing {
    let Some(latest) = source.releases.last() else {
        return Standing::Unreleased;
    };
    let record = &latest.record;
    // Both sides as this clausier reads and typesets them, so that a field
    // added to the model later, or a release stored before typography was
    // applied at composition, does not count as a change of content.
    let released: Vec<Document> = (source.latest_released.iter())
        .map(|document| document.clone().typeset())
        .collect();
    if working == released.as_slice() {
        return Standing::Released;
    }
    // Sections changed in any language, named as the binding text names
    // them.
    let mut changed: Vec<String> = Vec::new();
    for new in working {
        let Some(old) = released.iter().find(|d| d.lang == new.lang) else {
            continue;
        };
        for id in changed_sections(old, new) {
            if !changed.contains(&id) {
                changed.push(id);
            }
        }
    }
    let binding = working.iter().find(|d| d.language_notice.binding);
    let heading = |id: &String| {
        let sections = binding.into_iter().flat_map(|d| &d.sections);
        let mut sections = sections.chain(released.iter().flat_map(|d| &d.sections));
        sections
            .find(|section| &section.id == id)
            .map_or_else(|| id.clone(), |section| section.heading.clone())
    };
    Standing::Changed {
        since: record.version.clone(),
        sections: changed.iter().map(heading).collect(),
    }
}

/// The ids of the top-level sections that differ between two versions of
/// a document, in the new version's order, then the removed ones.
pub fn changed_sections(old: &Document, new: &Document) -> Vec<String> {
    let mut changed: Vec<String> = new
        .sections
        .iter()
        .filter(|section| {
            old.sections
                .iter()
                .find(|before| before.id == section.id)
                .is_none_or(|before| before != *section)
        })
        .map(|section| section.id.clone())
        .collect();
    changed.extend(
        old.sections
            .iter()
            .filter(|before| new.sections.iter().all(|s| s.id != before.id))
            .map(|before| before.id.clone()),
    );
    changed
}

/// The error for a working text that is not its latest release.
pub fn unreleased_error(source: &DocumentSource, standing: &Standing) -> Option<Diagnostic> {
    // The binding language first, then the translations in `Lang` order.
    let mut languages: Vec<Lang> = source.texts.keys().copied().collect();
    languages.sort_by_key(|&lang| lang != source.binding);
    let summaries: Vec<String> = languages
        .into_iter()
        .map(|lang| crate::lang::summary_option(lang, "…"))
        .collect();
    let release = |version: &str| {
        format!(
            "to publish it: `clausier release {} {version} --effective YYYY-MM-DD {}`; to preview it first: `clausier build --draft`",
            source.id,
            summaries.join(" ")
        )
    };
    match standing {
        Standing::Released => None,
        Standing::Unreleased => Some(
            Diagnostic::error(
                Code::NoRelease,
                format!(
                    "`{}` has no release yet: release its first version",
                    source.id
                ),
            )
            .with_help(release("1.0")),
        ),
        Standing::Changed { since, sections } => {
            let mut diagnostic = Diagnostic::error(
                Code::UnreleasedChange,
                format!(
                    "the content of `{}` changed since release {since}: release a new version",
                    source.id
                ),
            )
            .with_help(format!("{}; or undo the change", release("<new version>")));
            if !sections.is_empty() {
                diagnostic = diagnostic.with_note(format!("changed: {}", sections.join("; ")));
            }
            Some(diagnostic)
        }
    }
}
