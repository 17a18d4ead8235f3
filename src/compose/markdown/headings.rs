//! Clause headings: `# Title {#id}` starts a clause, `## Title {#id}` a
//! sub-clause, `{#id .unnumbered}` one without a number; and the numbers.

use pulldown_cmark::HeadingLevel;

use super::{Converter, plain_text};
use crate::diagnostic::Code;
use crate::model::{Block, Inline, PREAMBLE_ID, Section, SectionKind};
use crate::text;

/// The heading option that leaves a clause without a number.
const UNNUMBERED: &str = "unnumbered";

impl Converter<'_> {
    pub(super) fn heading(
        &mut self,
        level: HeadingLevel,
        id: Option<String>,
        classes: &[String],
        start: usize,
        inlines: Vec<Inline>,
    ) {
        for class in classes.iter().filter(|class| *class != UNNUMBERED) {
            self.error(
                start,
                Code::ClauseStructure,
                &format!("`.{class}` is not a heading option clausier has"),
                "the one option is `.unnumbered`, written after the id: `# Title {#id .unnumbered}`",
            );
        }
        if classes.iter().any(|class| class == UNNUMBERED)
            && let Some(id) = &id
        {
            self.unnumbered.insert(id.clone());
        }
        let title = plain_text(&[Block::Paragraph { inlines }]);
        if title.is_empty() {
            self.error(
                start,
                Code::ClauseStructure,
                "this heading has no title",
                "write the clause title after the `#`: `# Title {#id}`",
            );
            return;
        }
        let Some(id) = id else {
            self.error(
                start,
                Code::ClauseStructure,
                "this heading has no id",
                "give each clause a stable id shared by every language: `# Title {#my-id}`",
            );
            return;
        };
        if !text::is_slug(&id) {
            let line = &self.file.text[start..];
            let line = &line[..line.find('\n').unwrap_or(line.len())];
            let at = line.rfind("{#").map_or(start, |i| start + i);
            self.error(
                at,
                Code::ClauseStructure,
                &format!("`{id}` cannot be the id of a clause"),
                "write it in lower-case letters and digits joined by hyphens, e.g. `{#data-security}`: it names the clause in links and in every language",
            );
        }
        if id == PREAMBLE_ID {
            self.error(
                start,
                Code::ClauseStructure,
                "`preamble` names the text before the first heading",
                "give this clause another id; to write a preamble, start the file with its text",
            );
        }
        let section = |kind| Section::new(id, None, title, kind);
        let clause = self.clauses.last_mut();
        let clause = clause.filter(|clause| clause.kind != SectionKind::Preamble);
        match level {
            HeadingLevel::H1 => self.clauses.push(section(SectionKind::Clause)),
            HeadingLevel::H2 => match clause {
                Some(clause) => clause.children.push(section(SectionKind::Clause)),
                None => self.error(
                    start,
                    Code::ClauseStructure,
                    "sub-clause before the first clause",
                    "start with a clause: `# Title {#id}`",
                ),
            },
            _ => self.error(
                start,
                Code::ClauseStructure,
                "headings go two levels deep",
                "use `#` for a clause and `##` for a sub-clause",
            ),
        }
    }

    /// The clauses, numbered 1, 2… and 6.1, 6.2…: a clause written
    /// `.unnumbered` (a preamble, "Definitions"…) takes no number, nor do
    /// its sub-clauses; the others are numbered in turn.
    pub(super) fn numbered(&mut self) -> Vec<Section> {
        let mut clauses = std::mem::take(&mut self.clauses);
        let numbered = |section: &Section| !self.unnumbered.contains(&section.id);
        let mut i = 0;
        for clause in clauses.iter_mut().filter(|clause| numbered(clause)) {
            i += 1;
            clause.number = Some(i.to_string());
            let mut j = 0;
            for sub in clause.children.iter_mut().filter(|sub| numbered(sub)) {
                j += 1;
                sub.number = Some(format!("{i}.{j}"));
            }
        }
        clauses
    }
}
