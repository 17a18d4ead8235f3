//! The text gate for Fluent files: placeables nested too deep for the
//! parser, and every text and string literal of every message and term,
//! located where it is written; and what a message that fails to resolve
//! tells the user.

use fluent_bundle::resolver::ResolverError;
use fluent_bundle::resolver::errors::ReferenceKind;
use fluent_bundle::{FluentError, FluentResource};
use fluent_syntax::ast::{
    CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement,
};
use fluent_syntax::unicode::unescape_unicode_to_string;

use crate::corpus::SourceFile;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::{self, MAX_NESTING};

/// What the scanner reads inside a placeable.
#[derive(Clone, Copy, PartialEq)]
enum Open {
    /// An expression (after `{` or `(`): `"` starts a string literal.
    Expression,
    /// The variants of a select expression (after `->`): text, where `"`
    /// is a character.
    Variants,
}

/// The offset of the first `{` or `(` of a Fluent source that opens a
/// placeable or call nested deeper than `MAX_NESTING`: the parser recurses
/// once per level, so this is found before parsing.
pub fn too_deep(source: &str) -> Option<usize> {
    let mut open: Vec<Open> = Vec::new();
    let mut chars = source.char_indices().peekable();
    // Where the current line starts, and its first character after the
    // indentation, if any yet: kept as the scan goes, so that it stays
    // linear however long a line is.
    let mut line_start = 0;
    let mut content_start: Option<usize> = None;
    while let Some((i, c)) = chars.next() {
        let before = content_start.map_or("", |start| &source[start..i]);
        if c == '\n' {
            line_start = i + 1;
            content_start = None;
        } else if content_start.is_none() && !c.is_whitespace() {
            content_start = Some(i);
        }
        match (open.last(), c) {
            (None, '#') if i == line_start => while chars.next_if(|&(_, c)| c != '\n').is_some() {},
            (Some(Open::Expression), '"') => {
                while let Some((j, c)) = chars.next() {
                    match c {
                        '\\' => _ = chars.next(),
                        '"' => break,
                        '\n' => {
                            line_start = j + 1;
                            content_start = None;
                            break;
                        }
                        _ => {}
                    }
                }
            }
            (Some(Open::Expression), '-') if chars.next_if(|&(_, c)| c == '>').is_some() => {
                *open.last_mut().expect("an open placeable") = Open::Variants;
            }
            (Some(Open::Variants), '[') if before.is_empty() || before == "*" => {
                while chars.next_if(|&(_, c)| c != ']' && c != '\n').is_some() {}
            }
            (None | Some(Open::Variants), '{') | (Some(Open::Expression), '{' | '(') => {
                if open.len() >= MAX_NESTING {
                    return Some(i);
                }
                open.push(Open::Expression);
            }
            (Some(Open::Variants), '}') | (Some(Open::Expression), '}' | ')') => {
                open.pop();
            }
            _ => {}
        }
    }
    None
}

/// A message or term a Fluent file defines: whether it is a term, its id
/// (without the term's `-`), and the offset of the id.
pub struct Defined {
    pub term: bool,
    pub id: String,
    pub offset: usize,
}

/// Reports every text and string literal of `resource` (parsed from
/// `file`) that `text::check` refuses, and returns each message and term
/// it defines, in file order.
pub fn check_texts(
    resource: &FluentResource,
    file: &SourceFile,
    diagnostics: &mut Diagnostics,
) -> Vec<Defined> {
    let mut checker = Checker {
        source: resource.source(),
        file,
        diagnostics,
    };
    let mut messages = Vec::new();
    for entry in resource.entries() {
        let (value, attributes) = match entry {
            Entry::Message(message) => {
                messages.push(Defined {
                    term: false,
                    id: message.id.name.to_string(),
                    offset: checker.offset(message.id.name),
                });
                (message.value.as_ref(), &message.attributes)
            }
            Entry::Term(term) => {
                messages.push(Defined {
                    term: true,
                    id: term.id.name.to_string(),
                    offset: checker.offset(term.id.name),
                });
                (Some(&term.value), &term.attributes)
            }
            _ => continue,
        };
        let patterns = value
            .into_iter()
            .chain(attributes.iter().map(|attribute| &attribute.value));
        for pattern in patterns {
            checker.pattern(pattern);
        }
    }
    messages
}

struct Checker<'a> {
    /// The text the AST borrows from: the same as `file.text`.
    source: &'a str,
    file: &'a SourceFile,
    diagnostics: &'a mut Diagnostics,
}

impl Checker<'_> {
    /// Where `slice`, borrowed from the source, starts in it.
    fn offset(&self, slice: &str) -> usize {
        (slice.as_ptr() as usize)
            .checked_sub(self.source.as_ptr() as usize)
            .filter(|&offset| offset <= self.source.len())
            .unwrap_or_default()
    }

    fn pattern(&mut self, pattern: &Pattern<&str>) {
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => self.check(value),
                PatternElement::Placeable { expression } => self.expression(expression),
            }
        }
    }

    fn expression(&mut self, expression: &Expression<&str>) {
        match expression {
            Expression::Select { selector, variants } => {
                self.inline(selector);
                for variant in variants {
                    self.pattern(&variant.value);
                }
            }
            Expression::Inline(inline) => self.inline(inline),
        }
    }

    fn inline(&mut self, inline: &InlineExpression<&str>) {
        match inline {
            InlineExpression::StringLiteral { value } => {
                let unescaped = unescape_unicode_to_string(value);
                if let Err(problem) = text::check(&unescaped) {
                    let at = escaped_offset(value, &unescaped[..problem.offset]);
                    self.report(value, at, problem);
                }
            }
            InlineExpression::FunctionReference { arguments, .. } => self.arguments(arguments),
            InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => self.arguments(arguments),
            InlineExpression::Placeable { expression } => self.expression(expression),
            _ => {}
        }
    }

    fn arguments(&mut self, arguments: &CallArguments<&str>) {
        let named = arguments.named.iter().map(|argument| &argument.value);
        for argument in arguments.positional.iter().chain(named) {
            self.inline(argument);
        }
    }

    /// Checks a text written as it is.
    fn check(&mut self, written: &str) {
        if let Err(problem) = text::check(written) {
            self.report(written, problem.offset, problem);
        }
    }

    fn report(&mut self, written: &str, at: usize, problem: text::Problem) {
        let offset = self.offset(written) + at;
        // A character typed as it is: `validate::printable` reports it,
        // unless its line reads as a comment to it (`#` after the
        // indentation) although Fluent reads text there (its comments
        // start at the line's start).
        let typed = self.source[offset..].chars().next();
        let line_start = self.source[..offset].rfind('\n').map_or(0, |n| n + 1);
        let printable_skips = self.source[line_start..].trim_start().starts_with('#');
        if typed.is_some_and(|c| text::character_problem(c).is_some()) && !printable_skips {
            return;
        }
        self.diagnostics.push(
            Diagnostic::error(Code::UnsafeText, problem.message)
                .at(self.file.location(offset), &self.file.text)
                .with_help(problem.help),
        );
    }
}

/// The offset in `raw`, a string literal as written, where the text
/// `before` (a start of its unescaped text) ends.
fn escaped_offset(raw: &str, before: &str) -> usize {
    let mut offset = 0;
    for _ in before.chars() {
        let rest = &raw[offset..];
        offset += match rest.as_bytes() {
            [b'\\', b'u', ..] => 6,
            [b'\\', b'U', ..] => 8,
            [b'\\', ..] => 2,
            _ => rest.chars().next().map_or(1, char::len_utf8),
        }
        .min(rest.len());
    }
    offset
}

/// What the user reads when message `name` fails to resolve with `error`,
/// clausier having given it the variables `given`: a message and a help.
pub fn explain(error: &FluentError, name: &str, given: &[String]) -> (String, String) {
    let (message, help) = match error {
        FluentError::ResolverError(ResolverError::Reference(reference)) => match reference {
            ReferenceKind::Variable { id } => (
                format!(
                    "message `{name}` uses the variable `${id}`, which clausier does not give it"
                ),
                match given {
                    [] => format!("this message receives no variable: remove `{{ ${id} }}`"),
                    _ => format!(
                        "this message receives {}: use one of them, or remove `{{ ${id} }}`",
                        given.join(", ")
                    ),
                },
            ),
            ReferenceKind::Message { id, attribute } | ReferenceKind::Term { id, attribute } => {
                // A corpus defines its own terms; messages are clausier's.
                let (what, help) = match reference {
                    ReferenceKind::Term { .. } => (
                        "the term `-",
                        "define it in a file of this language's `locales/` folder, or correct the name",
                    ),
                    _ => ("`", "correct the name: it is not one of clausier's labels"),
                };
                let attribute = attribute.as_ref().map(|a| format!(".{a}"));
                (
                    format!(
                        "message `{name}` refers to {what}{id}{}`, which is not defined",
                        attribute.unwrap_or_default()
                    ),
                    help.to_string(),
                )
            }
            ReferenceKind::Function { id } => (
                format!("message `{name}` calls `{id}`, which clausier does not provide"),
                "write the text itself: clausier gives labels no functions".to_string(),
            ),
        },
        FluentError::ResolverError(ResolverError::NoValue(id)) => (
            format!("message `{name}` refers to `{id}`, which has no text"),
            format!("give `{id}` a text after its `=`"),
        ),
        FluentError::ResolverError(ResolverError::Cyclic) => (
            format!("message `{name}` refers back to itself, through the messages it uses"),
            "remove one of the references of the loop: a message cannot include itself".to_string(),
        ),
        FluentError::ResolverError(ResolverError::TooManyPlaceables) => (
            format!("message `{name}` expands into too many pieces"),
            "write more of its text directly instead of through references".to_string(),
        ),
        FluentError::ResolverError(ResolverError::MissingDefault) => (
            format!("a choice in message `{name}` has no default variant"),
            "mark one variant as the default with `*`, e.g. `*[other]`".to_string(),
        ),
        FluentError::Overriding { .. } | FluentError::ParserError(_) => (
            format!("message `{name}` cannot be written"),
            "check its syntax: see https://projectfluent.org/fluent/guide/".to_string(),
        ),
    };
    (message, help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeables_nested_too_deep_without_parsing() {
        let deep = format!("a = {}x{}\n", "{".repeat(20_000), "}".repeat(20_000));
        assert_eq!(too_deep(&deep), Some(4 + MAX_NESTING));
        let calls = format!("a = {{ {}1{} }}\n", "F(".repeat(50), ")".repeat(50));
        assert!(too_deep(&calls).is_some());
        let fine = format!(
            "a = {}x{}\n",
            "{".repeat(MAX_NESTING),
            "}".repeat(MAX_NESTING)
        );
        assert_eq!(too_deep(&fine), None);
        // Braces in string literals and comments open nothing; quotes in
        // variant text start no literal.
        let literals = format!("# {}\na = {{ \"{}\" }}\n", "{".repeat(50), "{".repeat(50));
        assert_eq!(too_deep(&literals), None);
        let select = format!(
            "a = {{ $n ->\n   *[one] say \"{}x{}\n  }}\n",
            "{".repeat(20),
            "}".repeat(20)
        );
        assert!(too_deep(&select).is_some());
    }

    #[test]
    fn string_literal_offsets_skip_escapes() {
        assert_eq!(escaped_offset(r"ab\u001Bc", "ab"), 2);
        assert_eq!(escaped_offset(r"\u001B\u001Bc", "\u{1b}\u{1b}"), 12);
        assert_eq!(escaped_offset(r#"\"é"#, "\"é"), 4);
    }

    #[test]
    fn finds_nesting_in_linear_time_on_one_long_line() {
        // Quadratic, this took minutes; linear, a blink.
        let line = format!("a = {}\n", "[x] {x} ".repeat(250_000));
        assert_eq!(too_deep(&line), None);
        let spaces = format!("a = {{ $n ->{}[x]y}}\n", " ".repeat(2_000_000));
        assert_eq!(too_deep(&spaces), None);
        let deep = format!("{}{}", "a ".repeat(1_000_000), "{".repeat(20));
        assert_eq!(too_deep(&deep), Some(2_000_000 + MAX_NESTING));
    }
}
