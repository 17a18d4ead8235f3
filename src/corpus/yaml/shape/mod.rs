//! Checks a YAML tree against the JSON Schema of the type it is read into
//! (schemars, from the same Rust types serde reads), so that a file's
//! problems are all reported in one run: every missing field of an entry
//! together, at the entry; every unknown field, unknown value, duplicate
//! key, and value its type refuses, however many there are. serde stops
//! at the first. A JSON Schema validator crate would not do: they check a
//! `serde_json::Value`, which has no positions to report at.
//!
//! Only what is surely an error is reported (a schema construct this walk
//! does not know is accepted): when it reports a problem, the file is not
//! read further, so a false one would be final. When it reports none,
//! serde reads the file and may still refuse it.

mod schema;

use std::collections::HashMap;

use serde_json::Value;

use super::tree::{Kind, Node, Position};
use crate::corpus::date::Date;
use crate::corpus::facts::Lifetime;
use crate::corpus::quantity::Quantity;
use crate::corpus::values::{Email, Siret, Uai, WebUrl};
use crate::corpus::version::Version;
use crate::diagnostic::{Code, did_you_mean};
use crate::lang::{LOCALIZED, Lang, Localized};
use crate::text::in_words;
use schema::{KINDS, accepts, constants, variant_names};

/// The keyword naming a type read from a text by its `parse`
/// (`serde_as_text!`).
pub const CHECKED_TEXT: &str = "x-clausier-text";

/// A value's check: its refusal, "message\nhint", if any.
type TextCheck = fn(&str) -> Result<(), String>;

/// Each type named by [`CHECKED_TEXT`] in a YAML file's schema, with the
/// check its `Deserialize` makes.
const CHECKED_TEXTS: &[(&str, TextCheck)] = &[
    ("Date", |text| Date::parse(text).map(drop)),
    ("Email", |text| Email::parse(text).map(drop)),
    ("Lifetime", |text| Lifetime::parse(text).map(drop)),
    ("Quantity", |text| Quantity::parse(text).map(drop)),
    ("Siret", |text| Siret::parse(text).map(drop)),
    ("Uai", |text| Uai::parse(text).map(drop)),
    ("Version", |text| Version::parse(text).map(drop)),
    ("WebUrl", |text| WebUrl::parse(text).map(drop)),
];

/// The message and hint for a yes/no field given something else.
pub const NOT_A_BOOLEAN: (&str, &str) = (
    "expected `true` or `false`",
    "write `true` or `false`, without quotes",
);

/// At most this many problems are reported per file: past them, a file is
/// surely not what it was meant to be, and listing them all costs time.
const MAX_PROBLEMS: usize = 100;

/// A problem of the file's shape, in the project's words.
#[derive(Debug)]
pub struct Problem {
    pub at: Position,
    /// What kind of problem it is.
    pub code: Code,
    pub message: String,
    pub help: String,
    /// Where what it repeats is first written (a duplicate key).
    pub first: Option<Position>,
}

/// Every problem of `tree` read as the type whose schema is `schema`.
pub fn problems(tree: &Node, schema: &Value) -> Vec<Problem> {
    let mut walk = Walk {
        root: schema,
        problems: Vec::new(),
        unshown: 0,
    };
    walk.node(tree, schema, tree.at);
    if walk.unshown > 0 {
        walk.problems.push(Problem {
            at: tree.at,
            code: Code::TooManyProblems,
            message: format!("{} more problems in this file are not shown", walk.unshown),
            help: "fix the problems shown and check again".into(),
            first: None,
        });
    }
    walk.problems
}

struct Walk<'s> {
    root: &'s Value,
    problems: Vec<Problem>,
    /// Problems past [`MAX_PROBLEMS`].
    unshown: usize,
}

impl<'s> Walk<'s> {
    /// Checks `node` against `schema`; `entry` is where the fields a
    /// mapping lacks are reported: the key holding it, or its first key on
    /// a list item's line.
    fn node(&mut self, node: &Node, schema: &'s Value, entry: Position) {
        let alternatives = self.alternatives(schema);
        if alternatives
            .iter()
            .any(|schema| schema.as_bool() == Some(true))
        {
            return;
        }
        match &node.kind {
            Kind::Alias => {}
            Kind::Scalar { .. } if node.kind.is_null() => self.null(node, &alternatives),
            Kind::Scalar { value, .. } => self.scalar(node, value, &alternatives),
            Kind::Mapping(entries) => {
                let objects: Vec<&Value> = alternatives
                    .iter()
                    .copied()
                    .filter(|schema| accepts(schema, "object"))
                    .collect();
                let enumeration = !constants(&alternatives).is_empty();
                match objects.as_slice() {
                    [] => self.mismatch(node, &alternatives),
                    [object] if !enumeration => self.mapping(node.at, entries, object, entry),
                    _ => self.variant(node, entries, &objects, &alternatives, entry),
                }
            }
            Kind::Sequence(items) => {
                let Some(list) = alternatives.iter().find(|schema| accepts(schema, "array")) else {
                    return self.mismatch(node, &alternatives);
                };
                let Some(item_schema) = list.get("items") else {
                    return;
                };
                for item in items {
                    self.node(item, item_schema, first_key(item));
                }
            }
        }
    }

    /// `schema` with its references followed and its `anyOf`/`oneOf`
    /// alternatives flattened.
    fn alternatives(&self, schema: &'s Value) -> Vec<&'s Value> {
        let schema = self.resolve(schema);
        let choices = ["anyOf", "oneOf"]
            .iter()
            .find_map(|keyword| schema.get(keyword).and_then(Value::as_array));
        match choices {
            Some(choices) => choices
                .iter()
                .flat_map(|choice| self.alternatives(choice))
                .collect(),
            None => vec![schema],
        }
    }

    /// Follows `$ref`s into the root's `$defs` (schemars writes no others).
    fn resolve(&self, mut schema: &'s Value) -> &'s Value {
        for _ in 0..16 {
            let Some(name) = schema
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|reference| reference.strip_prefix("#/$defs/"))
            else {
                break;
            };
            match self.root.get("$defs").and_then(|defs| defs.get(name)) {
                Some(target) => schema = target,
                None => break,
            }
        }
        schema
    }

    /// No value (`~`, `null`, nothing after the colon): refused where the
    /// schema wants a text, fields or a yes/no, which serde refuses too;
    /// what it means for a list or a number is left to serde.
    fn null(&mut self, node: &Node, alternatives: &[&Value]) {
        let refused = |schema: &&&Value| {
            ["string", "object", "boolean"]
                .iter()
                .any(|kind| accepts(schema, kind))
        };
        let takes_null = |schema: &&&Value| {
            ["null", "array", "integer", "number"]
                .iter()
                .any(|kind| accepts(schema, kind))
        };
        if alternatives.iter().any(|schema| refused(&schema))
            && !alternatives.iter().any(|schema| takes_null(&schema))
        {
            self.mismatch(node, alternatives);
        }
    }

    fn scalar(&mut self, node: &Node, value: &str, alternatives: &[&'s Value]) {
        let names = constants(alternatives);
        if names.contains(&value) {
            return;
        }
        let free = alternatives.iter().find(|schema| {
            ["string", "boolean", "integer", "number"]
                .iter()
                .any(|kind| accepts(schema, kind))
                && constants(&[schema]).is_empty()
        });
        match free {
            Some(schema) => self.free_scalar(node, value, schema),
            None if variant_names(alternatives).contains(&value) => self.push(
                node.at,
                Code::UnknownValue,
                format!("`{value}` needs its content"),
                format!("write it `{value}: {{ … }}`, with its fields between the braces"),
            ),
            None if !names.is_empty() => self.unknown(node.at, "value", value, alternatives),
            None => self.mismatch(node, alternatives),
        }
    }

    /// A scalar where the schema takes any value of a kind.
    fn free_scalar(&mut self, node: &Node, value: &str, schema: &Value) {
        if let Some(name) = schema.get(CHECKED_TEXT).and_then(Value::as_str) {
            let check = CHECKED_TEXTS.iter().find(|(known, _)| *known == name);
            if let Some((_, check)) = check
                && let Err(refusal) = check(value)
            {
                let (message, help) = super::message_and_hint(&refusal);
                self.push(node.at, Code::InvalidValue, message, help);
            }
        } else if accepts(schema, "boolean")
            && !accepts(schema, "string")
            && serde_saphyr::from_str::<bool>(value).is_err()
        {
            let (message, help) = NOT_A_BOOLEAN;
            self.push(node.at, Code::WrongKind, message.into(), help.into());
        }
    }

    /// Checks a mapping starting `at` against an object schema.
    fn mapping(
        &mut self,
        at: Position,
        entries: &[(Node, Node)],
        schema: &'s Value,
        entry: Position,
    ) {
        let schema = self.resolve(schema);
        let properties = schema.get("properties").and_then(Value::as_object);
        let known: Vec<&str> = properties
            .map(|properties| properties.keys().map(String::as_str).collect())
            .unwrap_or_default();
        // A merge key (`<<: *base`) brings fields this walk cannot see.
        let merges = entries
            .iter()
            .any(|(key, _)| scalar_text(key) == Some("<<"));
        let required = schema.get("required").and_then(Value::as_array);
        let mut missing: Vec<&str> = required
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter(|field| {
                !entries
                    .iter()
                    .any(|(key, _)| scalar_text(key) == Some(field))
            })
            .collect();
        let localized = schema.get(LOCALIZED) == Some(&Value::Bool(true));
        let mut keys_known = true;
        let mut seen: HashMap<&str, Position> = HashMap::new();
        for (key, value) in entries {
            let Some(name) = scalar_text(key) else {
                continue;
            };
            if name == "<<" {
                continue;
            }
            if let Some(first) = seen.insert(name, key.at) {
                self.add(Problem {
                    at: key.at,
                    code: Code::DuplicateKey,
                    message: format!("duplicate key `{name}`"),
                    help: "a key may appear once in a mapping: remove or rename one".into(),
                    first: Some(first),
                });
                seen.insert(name, first);
            }
            if let Some(names) = schema.get("propertyNames")
                && !self.key_name(key, name, names, localized)
            {
                keys_known = false;
                continue;
            }
            match (
                properties.and_then(|p| p.get(name)),
                schema.get("additionalProperties"),
            ) {
                (Some(field), _) | (None, Some(field @ Value::Object(_))) => {
                    self.node(value, field, key.at)
                }
                (None, Some(Value::Bool(false))) if !merges => {
                    // A misspelt field is one mistake: the field it was
                    // meant to be is not also reported missing.
                    let meant = did_you_mean(name, known.iter().copied());
                    missing.retain(|field| Some(*field) != meant);
                    self.push(
                        key.at,
                        Code::UnknownField,
                        format!("unknown field `{name}`"),
                        super::suggestion(name, &known),
                    )
                }
                _ => {}
            }
        }
        if !missing.is_empty() && !merges {
            self.missing(entry, &missing);
        }
        // Whether every language is there, once each text is a plain text
        // (an alias or a merge brings texts this walk does not follow, and
        // a text of the wrong kind is reported as such).
        let texts: Option<Vec<(Lang, String)>> = entries
            .iter()
            .map(|(key, value)| match (&key.kind, &value.kind) {
                (Kind::Scalar { value: code, .. }, Kind::Scalar { value: text, .. })
                    if !value.kind.is_null() =>
                {
                    Some((Lang::parse(code).ok()?, text.to_string()))
                }
                _ => None,
            })
            .collect();
        if localized
            && keys_known
            && !merges
            && let Some(texts) = texts
            && let Err(refusal) = Localized(texts.into_iter().collect()).complete()
        {
            let (message, help) = super::message_and_hint(&refusal);
            self.push(at, Code::MissingTranslation, message, help);
        }
    }

    /// A mapping where the schema takes an enum's values: the variants
    /// written as a mapping of their name to their content. The first key
    /// names the variant.
    fn variant(
        &mut self,
        node: &Node,
        entries: &[(Node, Node)],
        objects: &[&'s Value],
        alternatives: &[&'s Value],
        entry: Position,
    ) {
        let Some((key, _)) = entries
            .iter()
            .find(|(key, _)| scalar_text(key) != Some("<<"))
        else {
            if entries.is_empty() {
                let mut names: Vec<String> = constants(alternatives)
                    .iter()
                    .map(|name| format!("`{name}`"))
                    .collect();
                names.extend(
                    variant_names(alternatives)
                        .iter()
                        .map(|name| format!("`{name}: …`")),
                );
                self.push(
                    node.at,
                    Code::UnknownValue,
                    format!("expected {} here", in_words(&names, "or")),
                    "write one of them".into(),
                );
            }
            return;
        };
        let name = scalar_text(key).unwrap_or_default();
        let chosen = objects.iter().find(|object| {
            object
                .get("properties")
                .and_then(Value::as_object)
                .is_some_and(|properties| properties.contains_key(name))
        });
        match chosen {
            Some(object) => self.mapping(key.at, entries, object, entry),
            None if constants(alternatives).contains(&name) => self.push(
                key.at,
                Code::UnknownValue,
                format!("`{name}` is a value of its own, not a field"),
                format!("write `{name}` alone after the colon, without `{{ }}` or content"),
            ),
            None => self.unknown(key.at, "value", name, alternatives),
        }
    }

    /// An enum's value it does not have, with the one meant or the list.
    fn unknown(&mut self, at: Position, what: &str, name: &str, alternatives: &[&Value]) {
        let mut expected = constants(alternatives);
        expected.extend(variant_names(alternatives));
        self.push(
            at,
            Code::UnknownValue,
            format!("unknown {what} `{name}`"),
            super::suggestion(name, &expected),
        );
    }

    /// Whether a mapping's key is one the schema's `propertyNames` allows,
    /// reporting it otherwise.
    fn key_name(&mut self, key: &Node, name: &str, names: &'s Value, languages: bool) -> bool {
        // A text's languages are the corpus's.
        let corpus = crate::lang::corpus_languages();
        if languages && !corpus.is_empty() {
            if corpus.iter().any(|lang| lang.to_string() == name) {
                return true;
            }
            let codes: Vec<String> = corpus.iter().map(Lang::to_string).collect();
            let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
            self.push(
                key.at,
                Code::UnknownValue,
                format!("unknown language `{name}`"),
                super::suggestion(name, &codes),
            );
            return false;
        }
        let alternatives = self.alternatives(names);
        let allowed = constants(&alternatives);
        if allowed.is_empty() || allowed.contains(&name) {
            return true;
        }
        let what = if languages { "language" } else { "key" };
        self.unknown(key.at, what, name, &alternatives);
        false
    }

    /// Every field an entry lacks, in one problem at the entry.
    fn missing(&mut self, entry: Position, fields: &[&str]) {
        let names: Vec<String> = fields.iter().map(|field| format!("`{field}`")).collect();
        let additions: Vec<String> = fields.iter().map(|field| format!("`{field}: …`")).collect();
        let message = match fields {
            [_] => "missing field",
            _ => "missing fields",
        };
        self.push(
            entry,
            Code::MissingField,
            format!("{message} {}", in_words(&names, "and")),
            format!("add {} to this entry", in_words(&additions, "and")),
        );
    }

    /// A node of another kind than the schema wants.
    fn mismatch(&mut self, node: &Node, alternatives: &[&Value]) {
        let wanted = alternatives.iter().find_map(|schema| {
            KINDS
                .into_iter()
                .find(|(kind, ..)| accepts(schema, kind))
                .map(|(_, noun, help)| (noun, help))
        });
        if let Some((wanted, help)) = wanted {
            self.push(
                node.at,
                Code::WrongKind,
                format!("expected {wanted} here, not {}", written(node)),
                help.into(),
            );
        }
    }

    fn push(&mut self, at: Position, code: Code, message: String, help: String) {
        self.add(Problem {
            at,
            code,
            message,
            help,
            first: None,
        });
    }

    fn add(&mut self, problem: Problem) {
        match self.problems.len() < MAX_PROBLEMS {
            true => self.problems.push(problem),
            false => self.unshown += 1,
        }
    }
}

/// How a reader names what a node is, in the words of [`KINDS`].
fn written(node: &Node) -> &'static str {
    let kind = match &node.kind {
        Kind::Scalar { .. } if node.kind.is_null() => return "an empty value",
        Kind::Scalar { .. } => return "a single value",
        Kind::Alias => return "an alias",
        Kind::Mapping(_) => "object",
        Kind::Sequence(_) => "array",
    };
    KINDS
        .iter()
        .find(|(name, ..)| *name == kind)
        .map_or("a value", |(_, noun, _)| noun)
}

/// Where a list item's missing fields are reported: its first key.
fn first_key(item: &Node) -> Position {
    match &item.kind {
        Kind::Mapping(entries) => entries.first().map_or(item.at, |(key, _)| key.at),
        _ => item.at,
    }
}

fn scalar_text<'n>(node: &'n Node) -> Option<&'n str> {
    match &node.kind {
        Kind::Scalar { value, .. } => Some(value),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
