//! The guide's pages that clausier's own code writes: every placeholder,
//! every error code, every command's help, and the field reference from
//! the committed schemas.

use std::fs;

use clausier::compose::placeholders::PLACEHOLDERS;
use clausier::diagnostic::Code;
use serde_json::Value;

use super::run;
use crate::common::shipped_root;

/// The table of every placeholder, from `PLACEHOLDERS`.
pub fn placeholder_list() -> String {
    let mut text = String::from("| placeholder | is replaced by | from |\n|---|---|---|\n");
    for (name, what, from) in PLACEHOLDERS {
        text.push_str(&format!("| `{{{{ {name} }}}}` | {what} | {from} |\n"));
    }
    text
}

/// Every command's `--help`, as clap prints it.
pub fn command_reference() -> String {
    let commands = [
        "new",
        "check",
        "build",
        "serve",
        "release",
        "diff",
        "notice",
        "translations confirm",
        "schema",
        "explain",
    ];
    let mut text = String::new();
    for command in commands {
        let mut args: Vec<&str> = command.split(' ').collect();
        args.push("--help");
        let help = String::from_utf8(run(&args).stdout).unwrap();
        text.push_str(&format!(
            "## clausier {command}\n\n```text\n{}\n```\n\n",
            help.trim_end()
        ));
    }
    text
}

/// The index of error codes, from `Code::ALL`.
pub fn error_index() -> String {
    let mut text = String::from("| code | problem |\n|---|---|\n");
    for code in Code::ALL {
        text.push_str(&format!(
            "| [{0}]({0}.md) | {1} |\n",
            code.id(),
            code.title()
        ));
    }
    text
}

/// Each kind of YAML file, in the order a reader meets them: its schema's
/// name and where such a file is.
pub const FILE_KINDS: [(&str, &str); 12] = [
    ("corpus", "corpus.yaml"),
    ("parties", "annexes/parties.yaml"),
    ("products", "annexes/products.yaml"),
    ("subprocessors", "annexes/subprocessors.yaml"),
    ("security", "annexes/security.yaml"),
    ("commitments", "annexes/commitments.yaml"),
    ("third-parties", "annexes/third-parties.yaml"),
    ("cookies", "annexes/cookies.yaml"),
    ("privacy", "annexes/privacy.yaml"),
    ("document", "contracts/<document>/document.yaml"),
    ("checklist", "checklists/<checklist>.yaml"),
    ("client", "clients/<client>.yaml"),
];

/// The field reference, from the committed schemas (which
/// tests/schemas.rs proves are clausier's own).
pub fn field_reference() -> String {
    let mut text = String::new();
    for (name, path) in FILE_KINDS {
        let file = shipped_root().join(format!("schemas/{name}.schema.json"));
        let schema: Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
        let definitions = schema.get("$defs").cloned().unwrap_or(Value::Null);
        text.push_str(&format!(
            "## `{path}` {{#{name}}}\n\n{}\n\n",
            description(&schema)
        ));
        text.push_str(&fields(&schema, name, &definitions));
        let mut names = std::collections::BTreeSet::new();
        reachable(&schema, &definitions, &mut names);
        for def in &names {
            let schema = &definitions[def.as_str()];
            text.push_str(&format!(
                "### {def} {{#{name}-{}}}\n\n{}\n\n",
                def.to_lowercase(),
                description(schema)
            ));
            match schema.get("oneOf").and_then(Value::as_array) {
                Some(variants) => {
                    for variant in variants {
                        text.push_str(&format!(
                            "- {}: {}\n",
                            variant_name(variant),
                            description(variant)
                        ));
                    }
                    text.push('\n');
                }
                None => text.push_str(&fields(schema, name, &definitions)),
            }
        }
    }
    text
}

/// The definitions `schema` uses, at any depth, that are not texts (a
/// text is described where it is used).
fn reachable(schema: &Value, definitions: &Value, found: &mut std::collections::BTreeSet<String>) {
    match schema {
        Value::Object(fields) => {
            for (key, value) in fields {
                match (key.as_str(), value.as_str()) {
                    ("$ref", Some(reference)) => {
                        let name = reference.trim_start_matches("#/$defs/");
                        let definition = &definitions[name];
                        if !is_text(definition) && found.insert(name.to_string()) {
                            reachable(definition, definitions, found);
                        }
                    }
                    ("$defs", _) => {}
                    _ => reachable(value, definitions, found),
                }
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|item| reachable(item, definitions, found)),
        _ => {}
    }
}

/// A schema's description on one line, for a table cell.
fn description(schema: &Value) -> String {
    let text = schema
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or("");
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// Whether a definition is a plain text (checked or not), described where it is used.
fn is_text(schema: &Value) -> bool {
    schema.get("x-clausier-text").is_some()
        || schema.get("x-clausier-localized").is_some()
        || schema.get("type").and_then(Value::as_str) == Some("string")
            && schema.get("oneOf").is_none()
}

/// An enum variant as it is written: `value`, or `name: { … }`.
fn variant_name(variant: &Value) -> String {
    if let Some(value) = variant.get("const").and_then(Value::as_str) {
        return format!("`{value}`");
    }
    let names: Vec<String> = variant
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().map(|key| format!("`{key}: {{ … }}`")).collect())
        .unwrap_or_default();
    names.join(", ")
}

/// The table of an object's fields.
fn fields(schema: &Value, file: &str, definitions: &Value) -> String {
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return String::new();
    };
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut text = String::from("| field | value | required | meaning |\n|---|---|---|---|\n");
    for (field, property) in properties {
        let needed = if required.contains(&field.as_str()) {
            "yes"
        } else {
            ""
        };
        text.push_str(&format!(
            "| `{field}` | {} | {needed} | {} |\n",
            kind(property, file, definitions),
            description(property)
        ));
    }
    text.push('\n');
    text
}

/// What kind of value a field takes, in words, linking to its definition.
fn kind(schema: &Value, file: &str, definitions: &Value) -> String {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        let definition = &definitions[name];
        return match definition.get("x-clausier-text").and_then(Value::as_str) {
            Some(checked) => format!("text ({checked})"),
            None if definition.get("x-clausier-localized").is_some() => {
                "text in each language".into()
            }
            None if is_text(definition) => "text".into(),
            None => format!("[{name}](#{file}-{})", name.to_lowercase()),
        };
    }
    if let Some(alternatives) = schema.get("anyOf").and_then(Value::as_array) {
        let kinds: Vec<String> = alternatives
            .iter()
            .filter(|alternative| alternative.get("type").and_then(Value::as_str) != Some("null"))
            .map(|alternative| kind(alternative, file, definitions))
            .collect();
        return kinds.join(" or ");
    }
    let typed = schema.get("type").and_then(Value::as_str).unwrap_or("");
    match typed {
        "array" => format!("list of {}", kind(&schema["items"], file, definitions)),
        "object" => match schema.get("additionalProperties") {
            Some(values) if values.is_object() => {
                format!("map of names to {}", kind(values, file, definitions))
            }
            _ => "mapping".into(),
        },
        "string" => "text".into(),
        "integer" => "whole number".into(),
        "number" => "number".into(),
        "boolean" => "`true` or `false`".into(),
        _ => "value".into(),
    }
}
