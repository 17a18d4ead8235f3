use schemars::{JsonSchema, schema_for};

use super::*;
use crate::corpus::facts::{ConsentTool, Cookie, Person, Transfer};
use crate::corpus::schemas;

/// Every `x-clausier-text` name a schema holds.
fn named_texts(value: &Value, names: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(name)) = map.get(CHECKED_TEXT) {
                names.push(name.clone());
            }
            map.values().for_each(|value| named_texts(value, names));
        }
        Value::Array(items) => items.iter().for_each(|value| named_texts(value, names)),
        _ => {}
    }
}

#[test]
fn every_text_a_schema_names_has_its_check_and_every_check_is_used() {
    let mut names = Vec::new();
    for file in schemas::all() {
        named_texts(file.schema.as_value(), &mut names);
    }
    for name in &names {
        let known = CHECKED_TEXTS.iter().any(|(known, _)| known == name);
        assert!(known, "{name} has no check");
    }
    for (known, _) in CHECKED_TEXTS {
        assert!(names.iter().any(|name| name == known), "{known} is unused");
    }
}

/// The problems of `yaml` read as `T`, in a corpus in French and
/// English: "line:column message".
fn problems_of<T: JsonSchema>(yaml: &str) -> Vec<String> {
    let tree = super::super::tree::parse(yaml).expect("valid YAML");
    let schema = schema_for!(T);
    let languages = [crate::lang::Lang::FRENCH, crate::lang::Lang::ENGLISH];
    let found = crate::lang::with_languages(&languages, || problems(&tree, schema.as_value()));
    let shown = |problem: &Problem| {
        let at = problem.at;
        let first = problem
            .first
            .map(|first| format!(" (first {}:{})", first.line, first.column));
        format!(
            "{}:{} {}{}",
            at.line,
            at.column,
            problem.message,
            first.unwrap_or_default()
        )
    };
    found.iter().map(shown).collect()
}

const TOOL: &str = "name: Tool\nchoice_kept: 6 months\n";

#[test]
fn aliases_and_merge_keys_are_left_to_serde() {
    assert!(problems_of::<Transfer>("outside_eu: &flag true\nmechanism: *flag\n").is_empty());
    assert!(problems_of::<Transfer>("<<: { outside_eu: true }\nextra: 1\n").is_empty());
    let aliased = format!("{TOOL}location: {{ fr: &here Ici, en: *here }}\n");
    assert_eq!(problems_of::<ConsentTool>(&aliased), Vec::<String>::new());
    let merged = format!("{TOOL}base: 1\nlocation: {{ <<: {{ fr: Ici }}, en: Here }}\n");
    assert_eq!(
        problems_of::<ConsentTool>(&merged),
        ["3:1 unknown field `base`"]
    );
}

#[test]
fn a_text_of_the_wrong_kind_is_one_problem() {
    let yaml = format!("{TOOL}location: {{ fr: Ici, en: [a] }}\n");
    assert_eq!(
        problems_of::<ConsentTool>(&yaml),
        ["3:26 expected a text here, not a list"]
    );
    let yaml = format!("{TOOL}location: {{ fr: Ici, en: ~ }}\n");
    assert_eq!(
        problems_of::<ConsentTool>(&yaml),
        ["3:26 expected a text here, not an empty value"]
    );
    let yaml = format!("{TOOL}location: {{ fr: Ici, de: Hier }}\n");
    assert_eq!(
        problems_of::<ConsentTool>(&yaml),
        ["3:22 unknown language `de`"]
    );
}

#[test]
fn no_value_is_refused_where_serde_refuses_it() {
    let yaml = "civility:\nname: ~\ntitle: ~\n";
    assert_eq!(
        problems_of::<Person>(yaml),
        [
            "1:9 expected fields (`key: value`) here, not an empty value",
            "2:7 expected a text here, not an empty value"
        ]
    );
}

const COOKIE: &str = "name: c\ncategory: functional\npurpose: { fr: a, en: b }\n\
    data: { fr: a, en: b }\nprovider: p\nsites: [s]\nlifetime: session\n";

#[test]
fn an_enum_written_wrongly_gets_one_message_that_says_how() {
    let cookie = |consent: &str| problems_of::<Cookie>(&format!("{COOKIE}consent: {consent}\n"));
    assert_eq!(cookie("required"), Vec::<String>::new());
    assert_eq!(
        cookie("{ exempt: { ground: consent_record } }"),
        Vec::<String>::new()
    );
    assert_eq!(cookie("exempt"), ["8:10 `exempt` needs its content"]);
    assert_eq!(
        cookie("{ required: ~ }"),
        ["8:12 `required` is a value of its own, not a field"]
    );
    assert_eq!(
        cookie("{}"),
        ["8:10 expected `required` or `exempt: …` here"]
    );
    assert_eq!(cookie("{ exemt: {} }"), ["8:12 unknown value `exemt`"]);
}

#[test]
fn a_duplicate_key_names_where_it_is_first() {
    let yaml = "outside_eu: true\noutside_eu: false\n";
    assert_eq!(
        problems_of::<Transfer>(yaml),
        ["2:1 duplicate key `outside_eu` (first 1:1)"]
    );
}

#[test]
fn problems_past_the_limit_are_counted_not_listed() {
    let yaml: String = (0..150).map(|n| format!("extra_{n}: 1\n")).collect();
    let found = problems_of::<Transfer>(&format!("outside_eu: true\n{yaml}"));
    assert_eq!(found.len(), MAX_PROBLEMS + 1);
    assert_eq!(
        found[MAX_PROBLEMS],
        "1:1 50 more problems in this file are not shown"
    );
}

#[test]
fn a_refusal_quoting_a_line_break_is_split_at_its_hint() {
    let (message, help) =
        super::super::message_and_hint("`13 mo\\nths` is not a lifetime\nwrite it");
    assert_eq!(
        (message.as_str(), help.as_str()),
        ("`13 mo\\nths` is not a lifetime", "write it")
    );
}
