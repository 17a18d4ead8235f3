//! Reads YAML files into typed facts: strict schemas, errors in the
//! project's words at their location, and every scalar, however it was
//! written (plain, quoted, escaped), through the text gate. A file is
//! first checked against its type's JSON Schema (`shape`), which finds
//! every problem of its shape in one run; serde then reads it.

mod shape;
mod tree;

use granit_parser::{Event, Parser};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde_saphyr::{DefaultMessageFormatter, Error, MessageFormatter};

use crate::corpus::SourceFile;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Location, Related, did_you_mean_help};
use crate::text;

/// Parses a YAML file, reporting every problem of its shape (missing,
/// unknown and refused fields) at its location, and a text the gate
/// refuses at the value that holds it.
pub fn parse_yaml<T: DeserializeOwned + JsonSchema>(
    file: &SourceFile,
    diagnostics: &mut Diagnostics,
) -> Option<T> {
    if is_empty(&file.text) {
        diagnostics.push(
            Diagnostic::error(Code::EmptyFile, "this file is empty")
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
    if let Some(tree) = tree::parse(&file.text) {
        let schema = schemars::schema_for!(T);
        let problems = shape::problems(&tree, schema.as_value());
        if !problems.is_empty() {
            for problem in problems {
                let mut diagnostic = Diagnostic::error(problem.code, problem.message)
                    .at(position(file, problem.at), &file.text)
                    .with_help(problem.help);
                if let Some(first) = problem.first {
                    let first = position(file, first);
                    diagnostic = diagnostic.with_related(Related::at(
                        first,
                        &file.text,
                        "first defined here",
                    ));
                }
                diagnostics.push(diagnostic);
            }
            check_scalars(file, diagnostics);
            return None;
        }
    }
    match serde_saphyr::from_str::<T>(&file.text) {
        Ok(value) => {
            check_scalars(file, diagnostics);
            Some(value)
        }
        Err(error) => {
            let (code, message, help) = explain(error.without_snippet());
            let location = match error.location() {
                Some(location) => file.yaml_location(&location),
                None => file.location(0),
            };
            diagnostics.push(
                Diagnostic::error(code, message)
                    .at(location, &file.text)
                    .with_help(help),
            );
            None
        }
    }
}

/// The location of a position the YAML parser recorded.
fn position(file: &SourceFile, at: tree::Position) -> Location {
    match at.offset {
        Some(offset) => file.location(offset),
        None => Location {
            path: file.path.clone(),
            line: at.line,
            column: at.column,
        },
    }
}

/// Reports the first control character written as such on each line that
/// is not a comment, at its place (the YAML parser would name it in its
/// own words); whether there was none. A `#` line inside a block text is
/// skipped here, but every value is gated as parsed (`check_scalars`).
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
                Diagnostic::error(Code::UnsafeText, problem.message)
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
        let at = |offset: Option<usize>| {
            let start = tree::Position::from(span.start);
            position(file, tree::Position { offset, ..start })
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
                Diagnostic::error(
                    Code::YamlTag,
                    "YAML tags (`!!binary`, `!name`…) are not read in corpus files",
                )
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
                Diagnostic::error(Code::UnsafeText, problem.message)
                    .at(at(offset), &file.text)
                    .with_help(problem.help),
            );
        }
    }
}

/// The hint for a YAML syntax error the parser describes in its own words.
const SYNTAX_HELP: &str = "a bracket, brace or quote may be left open, or the indentation may be off, here or on a line above";

/// The message and hint of a YAML error, in the project's words rather than
/// the parser's: read from serde-saphyr's error kinds, never from their
/// text, so that an upgrade cannot silently change what users are told.
fn explain(error: &Error) -> (Code, String, String) {
    match error {
        Error::MultipleDocuments { .. } => (
            Code::YamlSyntax,
            "this file holds a second YAML document".into(),
            "a file holds one YAML document: remove the `---` line above this one and what follows, or move that part to a file of its own".into(),
        ),
        Error::Budget { .. } => (
            Code::YamlSyntax,
            "this YAML is nested too deeply or too large to be a corpus file".into(),
            "facts nest a few levels deep: look for a runaway indentation or repeated brackets"
                .into(),
        ),
        Error::SerdeUnknownField {
            field, expected, ..
        } => (
            Code::UnknownField,
            format!("unknown field `{field}`"),
            suggestion(field, expected),
        ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => (
            Code::UnknownValue,
            format!("unknown value `{variant}`"),
            suggestion(variant, expected),
        ),
        Error::DuplicateMappingKey { key, .. } => (
            Code::DuplicateKey,
            key.as_ref()
                .map_or_else(|| "duplicate key".into(), |key| format!("duplicate key `{key}`")),
            "a key may appear once in a mapping: remove or rename one".into(),
        ),
        Error::SerdeMissingField { field, .. } => (
            Code::MissingField,
            format!("missing field `{field}`"),
            format!("add `{field}: …` to this entry"),
        ),
        Error::InvalidBooleanStrict { .. } | Error::InvalidScalar { ty: "boolean", .. } => {
            let (message, help) = shape::NOT_A_BOOLEAN;
            (Code::WrongKind, message.into(), help.into())
        }
        // A value clausier's own types refused (`Quantity::parse`…): their
        // message, then their hint on the next line.
        Error::Message { msg, .. } => {
            let (message, help) = message_and_hint(msg);
            (Code::InvalidValue, message, help)
        }
        // The parser's own description of a syntax error, without the
        // location the diagnostic already shows.
        other => (
            Code::YamlSyntax,
            DefaultMessageFormatter.format_message(other).into_owned(),
            SYNTAX_HELP.to_string(),
        ),
    }
}

/// "did you mean" the closest of the `known` names, else the list of them.
fn suggestion(name: &str, known: &[&str]) -> String {
    did_you_mean_help(name, known.iter().copied(), || {
        format!("expected one of: {}", known.join(", "))
    })
}

/// Value errors raised while reading (dates, quantities, SIRET…) are
/// written "message\nhint"; the parser may show that newline escaped.
/// A real line break is the separator wherever there is one.
const HINT_SEPARATORS: [&str; 2] = ["\n", "\\n"];

/// The message and hint of a value's refusal (`Quantity::parse`…): split
/// at the last line break, since the message may quote a value holding
/// one, but the hint never does.
fn message_and_hint(refusal: &str) -> (String, String) {
    match HINT_SEPARATORS
        .iter()
        .find_map(|separator| refusal.rsplit_once(separator))
    {
        Some((message, hint)) => (message.to_string(), hint.trim().to_string()),
        None => (refusal.to_string(), SYNTAX_HELP.to_string()),
    }
}
