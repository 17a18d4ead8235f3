//! Reads YAML files into typed facts: strict schemas, errors in the
//! project's words at their location, and every scalar, however it was
//! written (plain, quoted, escaped), through the text gate.

use granit_parser::{Event, Parser};
use serde::de::DeserializeOwned;
use serde_saphyr::{DefaultMessageFormatter, Error, MessageFormatter};

use crate::corpus::SourceFile;
use crate::diagnostic::{Diagnostic, Diagnostics, Location, did_you_mean_help};
use crate::text;

/// Parses a YAML file, reporting a syntax or schema error at its location,
/// and a text the gate refuses at the value that holds it.
pub fn parse_yaml<T: DeserializeOwned>(
    file: &SourceFile,
    diagnostics: &mut Diagnostics,
) -> Option<T> {
    if is_empty(&file.text) {
        diagnostics.push(
            Diagnostic::error("this file is empty")
                .at(file.location(0), &file.text)
                .with_help(
                    "write its facts here, or delete the file if the corpus does not need it",
                ),
        );
        return None;
    }
    if !controls_refused(file, diagnostics) {
        return None;
    }
    let value = match serde_saphyr::from_str::<T>(&file.text) {
        Ok(value) => value,
        Err(error) => {
            let (message, help) = explain(error.without_snippet());
            let mut diagnostic = Diagnostic::error(message).with_help(help);
            let mut location = match error.location() {
                Some(location) => file.yaml_location(&location),
                None => file.location(0),
            };
            // serde notices a missing field once the entry has ended, at
            // its last key: the entry itself is what lacks it.
            if let Error::SerdeMissingField { .. } = error.without_snippet()
                && let Some((line, column)) =
                    entry_start(&file.text, location.line, location.column)
            {
                location.line = line;
                location.column = column;
            }
            diagnostic = diagnostic.at(location, &file.text);
            diagnostics.push(diagnostic);
            return None;
        }
    };
    check_scalars(file, diagnostics);
    Some(value)
}

/// Reports each control character written as such outside comments, at
/// its place (the YAML parser would name it in its own words); whether
/// there was none.
fn controls_refused(file: &SourceFile, diagnostics: &mut Diagnostics) -> bool {
    let mut none = true;
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.trim_start().starts_with('#') {
            continue;
        }
        let found = line.char_indices().find(|&(_, c)| text::is_control(c));
        if let Some((index, c)) = found
            && let Some(problem) = text::character_problem(c)
        {
            none = false;
            diagnostics.push(
                Diagnostic::error(problem.message)
                    .at(file.location(start + index), &file.text)
                    .with_help(problem.help),
            );
        }
    }
    none
}

/// Whether a YAML text holds nothing but blank lines and comments.
fn is_empty(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    })
}

/// Passes every scalar of a parsed file, keys included, through the text
/// gate, as the parser decoded it (escapes, folding); a problem is located
/// at its character where it is written as such, else at the value. Tags
/// are refused: `!!binary` would hide a text from the gate, and the
/// corpus has no use for any. Problems are errors, but the value is still
/// read, so that every other check runs too.
fn check_scalars(file: &SourceFile, diagnostics: &mut Diagnostics) {
    for (event, span) in Parser::new_from_str(&file.text).flatten() {
        let at = |offset: Option<usize>| match offset {
            Some(offset) => file.location(offset),
            None => Location {
                path: file.path.clone(),
                line: span.start.line(),
                column: span.start.col() + 1,
            },
        };
        let (value, tagged) = match &event {
            Event::Scalar(value, _, _, tag) => (Some(value), tag.is_some()),
            Event::MappingStart(_, _, tag) | Event::SequenceStart(_, _, tag) => {
                (None, tag.is_some())
            }
            _ => continue,
        };
        if tagged {
            diagnostics.push(
                Diagnostic::error("YAML tags (`!!binary`, `!name`…) are not read in corpus files")
                    .at(at(span.start.byte_offset()), &file.text)
                    .with_help("write the value itself, without a tag"),
            );
            continue;
        }
        let Some(value) = value else {
            continue;
        };
        let start = span.start.byte_offset();
        let raw = match (start, span.end.byte_offset()) {
            (Some(start), Some(end)) => file.text.get(start..end).unwrap_or_default(),
            _ => "",
        };
        // Every refused character once, where it is written if it is
        // written as such; else the size limits, at the value.
        let mut problems: Vec<(Option<usize>, text::Problem)> = Vec::new();
        for c in value.chars() {
            if let Some(problem) = text::character_problem(c)
                && !problems
                    .iter()
                    .any(|(_, seen)| seen.message == problem.message)
            {
                let offset = start.map(|start| start + raw.find(c).unwrap_or(0));
                problems.push((offset, problem));
            }
        }
        if problems.is_empty()
            && let Err(problem) = text::check(value)
        {
            problems.push((start, problem));
        }
        for (offset, problem) in problems {
            diagnostics.push(
                Diagnostic::error(problem.message)
                    .at(at(offset), &file.text)
                    .with_help(problem.help),
            );
        }
    }
}

/// Value errors raised while reading (dates, quantities, SIRET…) are
/// written "message\nhint"; the parser shows that newline escaped.
const HINT_SEPARATORS: [&str; 2] = ["\\n", "\n"];

/// Where the block mapping holding the key at `line`:`column` (1-based)
/// begins: its first key on a `- ` list item line, or the key that holds
/// it. None when the layout is not a block mapping's (flow style).
fn entry_start(text: &str, line: usize, column: usize) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    for number in (1..=line.min(lines.len())).rev() {
        let content = lines[number - 1];
        let body = content.trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let indent = content.len() - body.len();
        if let Some(item) = body.strip_prefix("- ") {
            let key = indent + 2 + (item.len() - item.trim_start_matches(' ').len()) + 1;
            if key == column {
                return Some((number, key));
            }
        }
        if indent + 1 < column {
            // The key holding the mapping, unless it is a list item's dash.
            return (!body.starts_with('-')).then_some((number, indent + 1));
        }
    }
    None
}

/// The hint for a YAML syntax error the parser describes in its own words.
const SYNTAX_HELP: &str = "a bracket, brace or quote may be left open, or the indentation may be off, here or on a line above";

/// The message and hint of a YAML error, in the project's words rather than
/// the parser's: read from serde-saphyr's error kinds, never from their
/// text, so that an upgrade cannot silently change what users are told.
fn explain(error: &Error) -> (String, String) {
    let suggestion = |name: &str, known: &[&str]| {
        did_you_mean_help(name, known.iter().copied(), || {
            format!("expected one of: {}", known.join(", "))
        })
    };
    match error {
        Error::MultipleDocuments { .. } => (
            "this file holds a second YAML document".into(),
            "a file holds one YAML document: remove the `---` line above this one and what follows, or move that part to a file of its own".into(),
        ),
        Error::Budget { .. } => (
            "this YAML is nested too deeply or too large to be a corpus file".into(),
            "facts nest a few levels deep: look for a runaway indentation or repeated brackets"
                .into(),
        ),
        Error::SerdeUnknownField {
            field, expected, ..
        } => (
            format!("unknown field `{field}`"),
            suggestion(field, expected),
        ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => (
            format!("unknown value `{variant}`"),
            suggestion(variant, expected),
        ),
        Error::DuplicateMappingKey { key, .. } => (
            key.as_ref()
                .map_or_else(|| "duplicate key".into(), |key| format!("duplicate key `{key}`")),
            "a key may appear once in a mapping: remove or rename one".into(),
        ),
        Error::SerdeMissingField { field, .. } => (
            format!("missing field `{field}`"),
            format!("add `{field}: …` to this entry"),
        ),
        Error::InvalidBooleanStrict { .. } | Error::InvalidScalar { ty: "boolean", .. } => (
            "expected `true` or `false`".into(),
            "write `true` or `false`, without quotes".into(),
        ),
        // A value clausier's own types refused (`Quantity::parse`…): their
        // message, then their hint on the next line.
        Error::Message { msg, .. } => match HINT_SEPARATORS
            .iter()
            .find_map(|separator| msg.split_once(separator))
        {
            Some((message, hint)) => (message.to_string(), hint.trim().to_string()),
            None => (msg.clone(), SYNTAX_HELP.to_string()),
        },
        // The parser's own description of a syntax error, without the
        // location the diagnostic already shows.
        other => (
            DefaultMessageFormatter.format_message(other).into_owned(),
            SYNTAX_HELP.to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_field_is_placed_at_its_entry() {
        let text = "items:\n  - id: a\n    name: A\n\n    # note\n    web: x\nparty:\n  dpo:\n    name: B\n";
        assert_eq!(entry_start(text, 6, 5), Some((2, 5)), "list item");
        assert_eq!(entry_start(text, 2, 5), Some((2, 5)), "its first key");
        assert_eq!(entry_start(text, 9, 5), Some((8, 3)), "nested mapping");
        assert_eq!(entry_start(text, 1, 1), None, "top level");
    }
}
