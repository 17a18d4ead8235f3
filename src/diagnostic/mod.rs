//! Problems found in the corpus, located at a file, line and column and
//! printed the way rustc prints them, with the source line and a hint.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::text::visible;

/// How serious a problem is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a source file: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
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

/// One problem, with what the user should do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Option<Location>,
    pub message: String,
    /// The offending source line, shown under the message.
    pub source_line: Option<String>,
    /// What the user should know, e.g. what changed.
    pub note: Option<String>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            location: None,
            message: message.into(),
            source_line: None,
            note: None,
            help: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// Places the problem at `location`, quoting its line from `text`.
    pub fn at(mut self, location: Location, text: &str) -> Diagnostic {
        self.source_line = text.lines().nth(location.line - 1).map(str::to_string);
        self.location = Some(location);
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.note = Some(note.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    /// Every text passes `text::visible`: input cannot send the terminal
    /// escape sequences.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if let Some(location) = &self.location {
            write!(f, "{}: ", visible(&location.to_string()))?;
        }
        writeln!(f, "{severity}: {}", visible(&self.message))?;
        if let (Some(location), Some(line)) = (&self.location, &self.source_line) {
            let gutter = location.line.to_string();
            let pad = " ".repeat(gutter.len());
            let (line, column) = window(line, location.column.max(1));
            writeln!(f, "{pad} |")?;
            writeln!(f, "{gutter} | {}", visible(&line))?;
            // The marker stands under the character, however wide it is
            // written once visible.
            let indent: String = line
                .chars()
                .take(column - 1)
                .map(|c| match c {
                    '\t' => "\t".to_string(),
                    c => " ".repeat(visible(c.encode_utf8(&mut [0; 4])).chars().count()),
                })
                .collect();
            writeln!(f, "{pad} | {indent}^")?;
        }
        if let Some(note) = &self.note {
            writeln!(f, "  = note: {}", visible(note))?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "  = help: {}", visible(help))?;
        }
        Ok(())
    }
}

/// The characters of a source line shown around `column` (1-based), and
/// the column in what is shown: a line too long for a terminal is cut
/// around the place, the cuts marked `…`.
fn window(line: &str, column: usize) -> (String, usize) {
    const BEFORE: usize = 100;
    const SHOWN: usize = 300;
    let length = line.chars().count();
    if length <= SHOWN {
        return (line.to_string(), column);
    }
    let start = column.saturating_sub(1 + BEFORE).min(length - SHOWN);
    let mut shown: String = line.chars().skip(start).take(SHOWN).collect();
    let mut column = column - start;
    if start > 0 {
        shown.insert(0, '…');
        column += 1;
    }
    if start + SHOWN < length {
        shown.push('…');
    }
    (shown, column)
}

/// Every problem found in one run, so that a user fixes them all at once.
#[derive(Debug, Default)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn has_warnings(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Warning)
    }

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
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sorted = self.sorted();
        for diagnostic in &sorted {
            writeln!(f, "{diagnostic}")?;
        }
        let errors = sorted
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warnings = sorted.len() - errors;
        write!(f, "{errors} error(s), {warnings} warning(s)")
    }
}

/// The message of a failed build: every diagnostic, then a summary line.
#[derive(Debug)]
pub struct Failed(pub Diagnostics);

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for Failed {}

/// The Levenshtein distance, to suggest "did you mean `…`?".
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// The known name closest to `name`, if it is close enough to be a typo.
pub fn did_you_mean<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(2))
        .min()
        .map(|(_, candidate)| candidate)
}

/// The hint for a name that names nothing: "did you mean `…`?" when a
/// known name is close to it, `otherwise()` when none is.
pub fn did_you_mean_help<'a>(
    name: &str,
    known: impl IntoIterator<Item = &'a str>,
    otherwise: impl FnOnce() -> String,
) -> String {
    match did_you_mean(name, known) {
        Some(close) => format!("did you mean `{close}`?"),
        None => otherwise(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_location_source_line_marker_and_help() {
        let text = "a: 1\nname: Crsip\n";
        let location = Location::at_offset(Path::new("annexes/x.yaml"), text, 11);
        let diagnostic = Diagnostic::error("unknown sub-processor `Crsip`")
            .at(location, text)
            .with_help("did you mean `crisp`?");
        assert_eq!(
            diagnostic.to_string(),
            "annexes/x.yaml:2:7: error: unknown sub-processor `Crsip`\n  |\n2 | name: Crsip\n  |       ^\n  = help: did you mean `crisp`?\n"
        );
    }

    #[test]
    fn prints_no_terminal_escape_from_the_input() {
        let text = "name: \u{1b}[2Jx\n";
        let location = Location::at_offset(Path::new("a\u{1b}.yaml"), text, 10);
        let shown = Diagnostic::error("bad `\u{1b}[2J`")
            .at(location, text)
            .with_note("\u{202e}")
            .with_help("\u{7}")
            .to_string();
        assert!(!shown.contains(['\u{1b}', '\u{202e}', '\u{7}']), "{shown}");
        // Under the `x`, after `\u{1b}[2J` written visibly.
        let marker = format!("  | {}^", " ".repeat(15));
        assert_eq!(shown.lines().nth(3), Some(marker.as_str()));
    }

    #[test]
    fn long_source_lines_are_cut_around_the_place() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let (shown, column) = window(&line, 501);
        assert_eq!(shown.chars().count(), 302);
        assert_eq!(shown.chars().nth(column - 1), Some('X'));
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(window("short", 3), ("short".to_string(), 3));
        let (end, column) = window(&line, 1001);
        assert!(!end.ends_with('…') && end.chars().nth(column - 1) == Some('b'));
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("crsip", ["ovh", "crisp", "brevo"]),
            Some("crisp")
        );
        assert_eq!(did_you_mean("zzzzzz", ["ovh", "crisp", "brevo"]), None);
    }
}
