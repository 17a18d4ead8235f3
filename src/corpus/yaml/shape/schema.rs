//! What a JSON Schema written by schemars says of a value: the kinds it
//! takes, the names it allows.

use serde_json::Value;

/// The JSON kinds a schema may want, as a reader names them, with how to
/// write one.
pub const KINDS: [(&str, &str, &str); 6] = [
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
pub fn accepts(schema: &Value, kind: &str) -> bool {
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
pub fn constants<'s>(alternatives: &[&'s Value]) -> Vec<&'s str> {
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
pub fn variant_names<'s>(alternatives: &[&'s Value]) -> Vec<&'s str> {
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
