//! Checks a YAML tree against the JSON Schema of the type it is read into
//! (schemars, from the same Rust types serde reads), so that a file's
//! problems are all reported in one run: every missing field of an entry
//! together, at the entry; every unknown field, unknown value, and value
//! its type refuses, however many there are. serde stops at the first.
//!
//! Only what is surely an error is reported: a schema construct this walk
//! does not know is accepted, and serde, which reads the file next, has
//! the last word.

use serde_json::Value;

use super::tree::{Kind, Node, Position};
use crate::corpus::date::Date;
use crate::corpus::facts::Lifetime;
use crate::corpus::quantity::Quantity;
use crate::corpus::values::{Email, Siret, WebUrl};
use crate::corpus::version::Version;
use crate::diagnostic::did_you_mean;
use crate::lang::{LOCALIZED, Lang, Localized};

/// The keyword naming a type read from a text by its `parse`
/// (`serde_as_text!`).
pub const CHECKED_TEXT: &str = "x-clausier-text";

/// A value's check: its refusal, "message\nhint", if any.
type TextCheck = fn(&str) -> Result<(), String>;

/// Each type named by [`CHECKED_TEXT`], with the check its `Deserialize`
/// makes.
const CHECKED_TEXTS: &[(&str, TextCheck)] = &[
    ("Date", |text| Date::parse(text).map(drop)),
    ("Email", |text| Email::parse(text).map(drop)),
    ("Lifetime", |text| Lifetime::parse(text).map(drop)),
    ("Quantity", |text| Quantity::parse(text).map(drop)),
    ("Siret", |text| Siret::parse(text).map(drop)),
    ("Version", |text| Version::parse(text).map(drop)),
    ("WebUrl", |text| WebUrl::parse(text).map(drop)),
];

/// A problem of the file's shape, in the project's words.
#[derive(Debug)]
pub struct Problem {
    pub at: Position,
    pub message: String,
    pub help: String,
}

/// Every problem of `tree` read as the type whose schema is `schema`.
pub fn problems(tree: &Node, schema: &Value) -> Vec<Problem> {
    let mut walk = Walk {
        root: schema,
        problems: Vec::new(),
    };
    walk.node(tree, schema, tree.at);
    walk.problems
}

struct Walk<'s> {
    root: &'s Value,
    problems: Vec<Problem>,
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
            Kind::Scalar { value, .. } => self.scalar(node, value, &alternatives),
            Kind::Mapping(entries) => {
                let objects: Vec<&Value> = alternatives
                    .iter()
                    .copied()
                    .filter(|schema| accepts(schema, "object"))
                    .collect();
                match objects.as_slice() {
                    [] => self.mismatch(node, &alternatives),
                    [object] => self.mapping(node.at, entries, object, entry),
                    _ => self.variant(entries, &objects, &alternatives, entry),
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

    fn scalar(&mut self, node: &Node, value: &str, alternatives: &[&'s Value]) {
        if node.kind.is_null() && alternatives.iter().any(|schema| accepts(schema, "null")) {
            return;
        }
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
            None if !names.is_empty() => {
                let mut expected = names;
                expected.extend(variant_names(alternatives));
                self.push(
                    node.at,
                    format!("unknown value `{value}`"),
                    super::suggestion(value, &expected),
                );
            }
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
                self.push(node.at, message, help);
            }
        } else if accepts(schema, "boolean")
            && !accepts(schema, "string")
            && !is_boolean(value)
            && !node.kind.is_null()
        {
            self.push(
                node.at,
                "expected `true` or `false`".into(),
                "write `true` or `false`, without quotes".into(),
            );
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
        let mut keys_known = true;
        for (key, value) in entries {
            let Some(name) = scalar_text(key) else {
                continue;
            };
            if let Some(names) = schema.get("propertyNames")
                && !self.key_name(key, name, names)
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
        if schema.get(LOCALIZED) == Some(&Value::Bool(true)) && keys_known {
            let texts = entries.iter().filter_map(|(key, value)| {
                let lang = Lang::from_code(scalar_text(key)?)?;
                Some((lang, scalar_text(value).unwrap_or_default().to_string()))
            });
            if let Err(refusal) = Localized(texts.collect()).complete() {
                let (message, help) = super::message_and_hint(&refusal);
                self.push(at, message, help);
            }
        }
    }

    /// A mapping where the schema has several: an enum's variants, each a
    /// mapping of its name to its content. The first key names the variant.
    fn variant(
        &mut self,
        entries: &[(Node, Node)],
        objects: &[&'s Value],
        alternatives: &[&'s Value],
        entry: Position,
    ) {
        let Some((key, _)) = entries.first() else {
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
            None => {
                let mut expected = constants(alternatives);
                expected.extend(variant_names(alternatives));
                self.push(
                    key.at,
                    format!("unknown value `{name}`"),
                    super::suggestion(name, &expected),
                );
            }
        }
    }

    /// Whether a mapping's key is one the schema's `propertyNames` allows,
    /// reporting it otherwise.
    fn key_name(&mut self, key: &Node, name: &str, names: &'s Value) -> bool {
        let alternatives = self.alternatives(names);
        let allowed = constants(&alternatives);
        if allowed.is_empty() || allowed.contains(&name) {
            return true;
        }
        self.push(
            key.at,
            format!("unknown value `{name}`"),
            super::suggestion(name, &allowed),
        );
        false
    }

    /// Every field an entry lacks, in one problem at the entry.
    fn missing(&mut self, entry: Position, fields: &[&str]) {
        let names: Vec<String> = fields.iter().map(|field| format!("`{field}`")).collect();
        let additions: Vec<String> = fields.iter().map(|field| format!("`{field}: …`")).collect();
        let (message, help) = match fields {
            [_] => ("missing field", additions.join("")),
            _ => ("missing fields", in_words(&additions)),
        };
        self.push(
            entry,
            format!("{message} {}", in_words(&names)),
            format!("add {help} to this entry"),
        );
    }

    /// A node of another kind than the schema wants.
    fn mismatch(&mut self, node: &Node, alternatives: &[&Value]) {
        if node.kind.is_null() {
            return; // serde decides what no value means (an empty list…)
        }
        let wanted = alternatives.iter().find_map(|schema| {
            KINDS
                .into_iter()
                .find(|(kind, ..)| accepts(schema, kind))
                .map(|(_, noun, help)| (noun, help))
        });
        if let Some((wanted, help)) = wanted {
            self.push(
                node.at,
                format!("expected {wanted} here, not {}", node.kind.noun()),
                help.into(),
            );
        }
    }

    fn push(&mut self, at: Position, message: String, help: String) {
        self.problems.push(Problem { at, message, help });
    }
}

/// The JSON kinds a schema may want, as a reader names them, with how to
/// write one.
const KINDS: [(&str, &str, &str); 6] = [
    (
        "object",
        "fields (`key: value`)",
        "write its fields on the lines below, each `key: value`, indented",
    ),
    (
        "array",
        "a list",
        "write its items on the lines below, each after `- `, or as `[a, b]`",
    ),
    (
        "string",
        "a text",
        "write the text itself; quote it if it starts with `[`, `{`, `-`, `&`, `*` or `!`",
    ),
    ("boolean", "`true` or `false`", "write `true` or `false`"),
    ("integer", "a whole number", "write its digits, e.g. `3`"),
    ("number", "a number", "write its digits, e.g. `3`"),
];

/// Whether a schema takes a value of this JSON kind.
fn accepts(schema: &Value, kind: &str) -> bool {
    match schema.get("type") {
        Some(Value::String(name)) => name == kind,
        Some(Value::Array(names)) => names.iter().any(|name| name == kind),
        _ => match kind {
            "object" => schema.get("properties").is_some(),
            "array" => schema.get("items").is_some(),
            "string" => schema.get("const").or(schema.get("enum")).is_some(),
            _ => false,
        },
    }
}

/// The string values the alternatives allow by name (`const`, `enum`).
fn constants<'s>(alternatives: &[&'s Value]) -> Vec<&'s str> {
    let mut names = Vec::new();
    for schema in alternatives {
        if let Some(name) = schema.get("const").and_then(Value::as_str) {
            names.push(name);
        }
        let listed = schema.get("enum").and_then(Value::as_array);
        names.extend(listed.into_iter().flatten().filter_map(Value::as_str));
    }
    names
}

/// The names of an enum's variants written as a mapping (`exempt: …`).
fn variant_names<'s>(alternatives: &[&'s Value]) -> Vec<&'s str> {
    let required = alternatives
        .iter()
        .filter(|schema| accepts(schema, "object"))
        .filter_map(|schema| schema.get("required").and_then(Value::as_array));
    required
        .filter_map(|names| match names.as_slice() {
            [name] => name.as_str(),
            _ => None,
        })
        .collect()
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

/// The booleans serde-saphyr reads (YAML 1.1's words, in any case).
fn is_boolean(value: &str) -> bool {
    let words = ["true", "false", "yes", "no", "on", "off", "y", "n"];
    words.iter().any(|word| word.eq_ignore_ascii_case(value))
}

/// `a`, `a and b`, `a, b and c`.
fn in_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use schemars::{JsonSchema, schema_for};

    use super::*;
    use crate::corpus::DocumentMeta;
    use crate::corpus::checklists::Checklist;
    use crate::corpus::facts::*;
    use crate::corpus::reviews::TranslationLock;

    /// Every `x-clausier-text` name the schema of `T` holds.
    fn named_texts<T: JsonSchema>() -> Vec<String> {
        fn collect(value: &Value, names: &mut Vec<String>) {
            match value {
                Value::Object(map) => {
                    if let Some(Value::String(name)) = map.get(CHECKED_TEXT) {
                        names.push(name.clone());
                    }
                    map.values().for_each(|value| collect(value, names));
                }
                Value::Array(items) => items.iter().for_each(|value| collect(value, names)),
                _ => {}
            }
        }
        let mut names = Vec::new();
        collect(schema_for!(T).as_value(), &mut names);
        names
    }

    #[test]
    fn every_text_a_schema_names_has_its_check() {
        let names = [
            named_texts::<Parties>(),
            named_texts::<Commitments>(),
            named_texts::<Vec<Product>>(),
            named_texts::<Vec<Subprocessor>>(),
            named_texts::<Security>(),
            named_texts::<CookieFacts>(),
            named_texts::<PrivacyFacts>(),
            named_texts::<Vec<ThirdParty>>(),
            named_texts::<DocumentMeta>(),
            named_texts::<Checklist>(),
            named_texts::<TranslationLock>(),
        ]
        .concat();
        for expected in ["Quantity", "Lifetime", "Siret", "Email", "WebUrl"] {
            assert!(names.iter().any(|name| name == expected), "{expected}");
        }
        for name in names {
            assert!(
                CHECKED_TEXTS.iter().any(|(known, _)| *known == name),
                "{name} has no check"
            );
        }
    }

    #[test]
    fn a_merge_key_or_an_alias_is_left_to_serde() {
        let schema = schema_for!(Transfer);
        let text = "outside_eu: &flag true\nmechanism: *flag\n";
        let tree = super::super::tree::parse(text).unwrap();
        assert!(problems(&tree, schema.as_value()).is_empty());
        let text = "<<: { outside_eu: true }\nextra: 1\n";
        let tree = super::super::tree::parse(text).unwrap();
        assert!(problems(&tree, schema.as_value()).is_empty());
    }
}
