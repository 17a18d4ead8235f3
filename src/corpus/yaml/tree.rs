//! A YAML file as a tree of nodes that know where they are written, for the
//! schema check: serde-saphyr deserializes without keeping the tree, and
//! stops at the first problem.

use std::borrow::Cow;

use granit_parser::{Event, Marker, Parser, ScalarStyle};

/// Where a node starts in its file.
#[derive(Debug, Clone, Copy)]
pub struct Position {
    /// The byte offset, when the parser knows it.
    pub offset: Option<usize>,
    /// The line, 1-based.
    pub line: usize,
    /// The column in characters, 1-based.
    pub column: usize,
}

impl From<Marker> for Position {
    fn from(marker: Marker) -> Position {
        Position {
            offset: marker.byte_offset(),
            line: marker.line(),
            column: marker.col() + 1,
        }
    }
}

/// A node of the tree.
#[derive(Debug)]
pub struct Node<'a> {
    /// Where it starts: a scalar's first character (its quote, if quoted),
    /// a mapping's first key or `{`, a sequence's first `-` or `[`.
    pub at: Position,
    pub kind: Kind<'a>,
}

#[derive(Debug)]
pub enum Kind<'a> {
    /// A value as the parser decoded it; `plain` when written unquoted,
    /// where `~`, `null` or nothing mean no value.
    Scalar {
        value: Cow<'a, str>,
        plain: bool,
    },
    Mapping(Vec<(Node<'a>, Node<'a>)>),
    Sequence(Vec<Node<'a>>),
    /// `*name`, another node's value: not checked here (serde reads it).
    Alias,
}

impl Kind<'_> {
    /// A plain scalar that YAML reads as no value.
    pub fn is_null(&self) -> bool {
        matches!(self, Kind::Scalar { value, plain: true } if matches!(value.as_ref(), "" | "~" | "null" | "Null" | "NULL"))
    }
}

/// Deeper than any corpus file nests; serde-saphyr's budget refuses such
/// a file in its words, and the tree, which is walked and dropped by
/// recursion, stays shallow.
const MAX_DEPTH: usize = 64;

/// The tree of the file's only document; `None` on a syntax error, a
/// second document or a runaway nesting, which serde-saphyr reports in its words.
pub fn parse(text: &str) -> Option<Node<'_>> {
    let mut events = Parser::new_from_str(text);
    let mut stack: Vec<Building> = Vec::new();
    let mut root = None;
    for item in &mut events {
        let (event, span) = item.ok()?;
        let at = Position::from(span.start);
        let node = match event {
            Event::Scalar(value, style, _, _) => Node {
                at,
                kind: Kind::Scalar {
                    value,
                    plain: style == ScalarStyle::Plain,
                },
            },
            Event::Alias(_) => Node {
                at,
                kind: Kind::Alias,
            },
            Event::MappingStart(..) | Event::SequenceStart(..) if stack.len() == MAX_DEPTH => {
                return None;
            }
            Event::MappingStart(..) => {
                stack.push(Building::Mapping(at, Vec::new(), None));
                continue;
            }
            Event::SequenceStart(..) => {
                stack.push(Building::Sequence(at, Vec::new()));
                continue;
            }
            Event::DocumentStart(..) if root.is_some() => return None,
            Event::MappingEnd | Event::SequenceEnd => match stack.pop()? {
                Building::Mapping(at, entries, None) => Node {
                    at,
                    kind: Kind::Mapping(entries),
                },
                Building::Sequence(at, items) => Node {
                    at,
                    kind: Kind::Sequence(items),
                },
                Building::Mapping(_, _, Some(_)) => return None,
            },
            _ => continue,
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some(Building::Sequence(_, items)) => items.push(node),
            Some(Building::Mapping(_, entries, key)) => match key.take() {
                None => *key = Some(node),
                Some(key) => entries.push((key, node)),
            },
        }
    }
    root
}

/// A collection whose end event has not come yet.
enum Building<'a> {
    /// Its start, its entries, and the key waiting for its value.
    Mapping(Position, Vec<(Node<'a>, Node<'a>)>, Option<Node<'a>>),
    Sequence(Position, Vec<Node<'a>>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_know_where_they_start() {
        let text = "a: 1\nlist:\n  - x: 'q'\n    y: [1, ~]\n";
        let Some(Node {
            kind: Kind::Mapping(entries),
            at,
        }) = parse(text)
        else {
            panic!("a mapping");
        };
        assert_eq!((at.line, at.column), (1, 1));
        let (key, list) = &entries[1];
        assert_eq!((key.at.line, key.at.column), (2, 1));
        let Kind::Sequence(items) = &list.kind else {
            panic!("a list")
        };
        let Kind::Mapping(fields) = &items[0].kind else {
            panic!("an entry")
        };
        assert_eq!((items[0].at.line, items[0].at.column), (3, 5));
        let (_, quoted) = &fields[0];
        assert_eq!((quoted.at.line, quoted.at.column), (3, 8));
        assert!(matches!(&quoted.kind, Kind::Scalar { value, plain: false } if value == "q"));
        let Kind::Sequence(flow) = &fields[1].1.kind else {
            panic!("a flow list")
        };
        assert!(flow[1].kind.is_null());
        assert!(parse("a: [1\n").is_none(), "a syntax error");
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse(&deep).is_none(), "too deep");
        assert!(parse("a: 1\n---\nb: 2\n").is_none(), "two documents");
    }
}
