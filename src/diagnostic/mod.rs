//! The problems clausier reports: what, where (file, line, column), the places
//! related, a note and a hint; render.rs draws them, suggest.rs finds "did you mean".

mod code;
mod render;
mod suggest;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

pub use code::Code;
pub use render::{ColorChoice, render_message, set_color, stderr_styled, stdout_styled};
pub use suggest::{did_you_mean, did_you_mean_help, typed_id, unknown_typed_id};

/// How serious a problem is: errors stop the build, warnings do not
/// (unless denied), notes never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Stops the build: nothing is written.
    Error,
    /// Printed, but the build goes on (unless warnings are denied).
    Warning,
    /// Something to know, never a failure, not even with
    /// `--deny-warnings`: e.g. a fact still to confirm.
    Note,
}

/// A place in a source file: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// The file, relative to the corpus folder as the user names it.
    pub path: PathBuf,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters (not bytes, not display cells), as
    /// editors count them to jump there.
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` in `text`, the content of `path`.
    pub fn at_offset(path: &Path, text: &str, offset: usize) -> Location {
        let offset = offset.min(text.len());
        let before = &text[..text.floor_char_boundary(offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location {
            path: path.to_path_buf(),
            line,
            column,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

/// Another place that bears on a problem, e.g. where an id defined twice
/// is first defined: shown with the problem, marked and labelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// Where it is, in the same file or another.
    pub location: Location,
    /// Its source line, shown with the place marked.
    pub source_line: Option<String>,
    /// What the place is to the problem, e.g. "first defined here".
    pub label: String,
}

impl Related {
    /// The place `location` in `text`, the content of its file, labelled.
    pub fn at(location: Location, text: &str, label: impl Into<String>) -> Related {
        Related {
            source_line: line_of(text, location.line),
            location,
            label: label.into(),
        }
    }
}

/// Line `line` (1-based) of `text`, if it has one.
fn line_of(text: &str, line: usize) -> Option<String> {
    text.lines().nth(line.saturating_sub(1)).map(str::to_string)
}

/// One problem, with what the user should do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Whether it stops the build.
    pub severity: Severity,
    /// What kind of problem it is: `clausier explain CODE` tells more.
    pub code: Code,
    /// Where it is, when it is in a file.
    pub location: Option<Location>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The offending source line, shown under the message with the place
    /// marked.
    pub source_line: Option<String>,
    /// Other places that explain it, e.g. the first definition of an id
    /// defined twice (left out of JSON when there are none, so that the
    /// lines CI reads keep their shape).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// What the user should know, e.g. what changed.
    pub note: Option<String>,
    /// What the user should do.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error of kind `code`: the build stops.
    pub fn error(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            location: None,
            message: message.into(),
            source_line: None,
            related: Vec::new(),
            note: None,
            help: None,
        }
    }

    /// A warning of kind `code`: printed, the build goes on.
    pub fn warning(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// A note of kind `code`: printed, never a failure.
    pub fn note(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(code, message)
        }
    }

    /// Places the problem at `location`, quoting its line from `text`.
    pub fn at(mut self, location: Location, text: &str) -> Diagnostic {
        self.source_line = line_of(text, location.line);
        self.location = Some(location);
        self
    }

    /// Shows another place with the problem, labelled, e.g. where an id is
    /// first defined.
    pub fn with_related(mut self, related: Related) -> Diagnostic {
        self.related.push(related);
        self
    }

    /// Adds what the user should know.
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.note = Some(note.into());
        self
    }

    /// Adds what the user should do.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// The problem as the user reads it, coloured when `styled` (on a
    /// terminal), ending with a line break.
    pub fn render(&self, styled: bool) -> String {
        render::render(self, styled) + "\n"
    }
}

impl fmt::Display for Diagnostic {
    /// Plain text: every text passes `text::visible`, so input cannot send
    /// the terminal escape sequences.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Every problem found in one run, so that a user fixes them all at once.
#[derive(Debug, Default)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// Records one more problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Records every problem of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// Whether a problem stops the build.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    /// Whether there is a warning (which `--deny-warnings` makes fatal).
    pub fn has_warnings(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Warning)
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Gives a location to each problem that has none, where `locate`
    /// finds one from its message (returning the location and the file's
    /// text).
    pub fn locate_unplaced<'a>(&mut self, locate: impl Fn(&str) -> Option<(Location, &'a str)>) {
        for diagnostic in self.0.iter_mut().filter(|d| d.location.is_none()) {
            if let Some((location, text)) = locate(&diagnostic.message) {
                *diagnostic = diagnostic.clone().at(location, text);
            }
        }
    }

    /// The problems in file order, each once, so that output is stable.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut sorted: Vec<&Diagnostic> = self.0.iter().collect();
        sorted.sort_by(|a, b| a.location.cmp(&b.location).then(a.message.cmp(&b.message)));
        sorted.dedup();
        sorted
    }

    /// One JSON object per line and per problem, for CI annotations.
    pub fn to_json_lines(&self) -> String {
        self.sorted()
            .iter()
            .map(|d| serde_json::to_string(d).expect("diagnostics serialize") + "\n")
            .collect()
    }

    /// Every problem as the user reads it, a blank line after each, then
    /// the count of errors and warnings and how to read more about their
    /// codes (without a final line break);
    /// coloured when `styled` (on a terminal).
    pub fn render(&self, styled: bool) -> String {
        let sorted = self.sorted();
        let mut text: String = sorted.iter().map(|d| d.render(styled) + "\n").collect();
        let errors = sorted
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let count = |severity| sorted.iter().filter(|d| d.severity == severity).count();
        let (warnings, notes) = (count(Severity::Warning), count(Severity::Note));
        text.push_str(&format!("{errors} error(s), {warnings} warning(s)"));
        if notes > 0 {
            text.push_str(&format!(", {notes} note(s)"));
        }
        let mut codes: Vec<&str> = sorted.iter().map(|d| d.code.id()).collect();
        codes.sort();
        codes.dedup();
        match codes.as_slice() {
            [] => {}
            [code] => text.push_str(&format!(
                "\nrun `clausier explain {code}` for more about this kind of problem"
            )),
            codes => text.push_str(&format!(
                "\nrun `clausier explain CODE` for more about a kind of problem: {}",
                codes.join(", ")
            )),
        }
        text
    }
}

impl fmt::Display for Diagnostics {
    /// Plain text, for files, pipes and the preview page.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// The message of a failed build: every diagnostic, then a summary line.
#[derive(Debug)]
pub struct Failed(
    /// The problems, errors among them.
    pub Diagnostics,
);

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for Failed {}

#[cfg(test)]
mod tests;
