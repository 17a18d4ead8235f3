//! `{{ name }}` placeholders in clause text and YAML strings, replaced by
//! facts resolved for one language. A placeholder that names nothing is an
//! error, never an empty string.

use std::collections::BTreeMap;

use crate::diagnostic::{Code, did_you_mean};
use crate::lang::{Family, Lang};
use crate::model::Block;

/// Every placeholder there is, as the guide lists it: its name (`<…>`
/// stands for an id or a name the corpus gives), what it is replaced by,
/// and the facts it comes from. A test proves that every placeholder a
/// document can use is in this list.
pub const PLACEHOLDERS: &[(&str, &str, &str)] = &[
    (
        "processor",
        "the processor's (the publisher's) short name",
        "`short_name` in `corpus.yaml` (by language), else in `annexes/parties.yaml`",
    ),
    (
        "processor.legal_name",
        "its legal name",
        "`legal_name` in `annexes/parties.yaml`",
    ),
    (
        "processor.address",
        "its address",
        "`address` in `annexes/parties.yaml`",
    ),
    (
        "processor.registration",
        "its registration (e.g. the RCS number)",
        "`registration` in `annexes/parties.yaml`",
    ),
    (
        "processor.dpo",
        "its data protection officer's name",
        "`dpo:` in `annexes/parties.yaml`",
    ),
    (
        "processor.dpo.email",
        "its data protection officer's e-mail address",
        "`dpo:` → `email` in `annexes/parties.yaml`",
    ),
    (
        "controller",
        "how the DPA names the controller (e.g. \"the Client\")",
        "`controller:` in `annexes/parties.yaml`",
    ),
    (
        "document.title",
        "the document's title",
        "`title` in `contracts/<document>/document.yaml`",
    ),
    (
        "document.version",
        "the version being built (\"draft\" in a draft)",
        "the release",
    ),
    (
        "document.effective_date",
        "its effective date, written out",
        "the release",
    ),
    (
        "commitment.<name>",
        "a commitment in legal style: \"seven (7) working days\"",
        "`annexes/commitments.yaml`",
    ),
    (
        "annex.<kind>",
        "an annex's heading: \"Annex C – List of sub-processors\"",
        "`annexes:` in document.yaml",
    ),
    (
        "annex.<kind>.number",
        "an annex's number: \"Annex C\"",
        "`annexes:` in document.yaml",
    ),
    (
        "subprocessor.<id>",
        "a sub-processor's name",
        "`annexes/subprocessors.yaml`",
    ),
    (
        "cookies.sites",
        "the sites the cookie policy covers, as a list in words",
        "`sites:` in `annexes/cookies.yaml`",
    ),
    (
        "cookies.consent_tool",
        "the consent tool's name",
        "`consent_tool:` in `annexes/cookies.yaml`",
    ),
    (
        "cookies.consent_location",
        "where the consent tool is found",
        "`consent_tool:` → `location` in `annexes/cookies.yaml`",
    ),
    (
        "cookies.choice_kept",
        "how long a consent choice is kept",
        "`consent_tool:` → `choice_kept` in `annexes/cookies.yaml`",
    ),
    (
        "privacy.<figure>",
        "a figure of the privacy policy: \"3 years\"",
        "`figures:` in `annexes/privacy.yaml`",
    ),
    (
        "authority.name",
        "the supervisory authority's name",
        "`authority:` in `annexes/privacy.yaml`",
    ),
    (
        "authority.address",
        "its postal address",
        "`authority:` in `annexes/privacy.yaml`",
    ),
    (
        "authority.website",
        "its website",
        "`authority:` in `annexes/privacy.yaml`",
    ),
    (
        "authority.complaints",
        "where to lodge a complaint with it",
        "`authority:` in `annexes/privacy.yaml`",
    ),
    (
        "table.cookies",
        "alone in its paragraph: the tables of cookies, one per category",
        "`annexes/cookies.yaml`",
    ),
    (
        "table.processing",
        "alone in its paragraph: the table of processing",
        "`annexes/privacy.yaml`",
    ),
];

/// Whether `name` is one of [`PLACEHOLDERS`]: `<…>` stands for any one
/// segment.
pub fn is_listed(name: &str) -> bool {
    PLACEHOLDERS.iter().any(|(pattern, ..)| {
        let (mut names, mut patterns) = (name.split('.'), pattern.split('.'));
        loop {
            match (names.next(), patterns.next()) {
                (None, None) => return true,
                (Some(segment), Some(pattern))
                    if pattern.starts_with('<') || pattern == segment => {}
                _ => return false,
            }
        }
    })
}

/// The value of every placeholder in one language.
pub struct Placeholders {
    lang: Lang,
    values: BTreeMap<String, String>,
    /// Generated content (tables, lists) that a paragraph holding only
    /// `{{ table.<name> }}` stands for.
    blocks: BTreeMap<String, Vec<Block>>,
    /// Placeholders of facts this corpus leaves out, with where the fact
    /// would be written: naming one is an error that says so.
    missing: BTreeMap<String, String>,
}

/// A placeholder that could not be replaced, at a byte offset of the text.
#[derive(Debug, PartialEq, Eq)]
pub struct PlaceholderError {
    pub offset: usize,
    /// What kind of problem it is.
    pub code: Code,
    pub message: String,
    pub help: String,
}

impl Placeholders {
    pub fn new(lang: Lang, values: BTreeMap<String, String>) -> Placeholders {
        Placeholders {
            lang,
            values,
            blocks: BTreeMap::new(),
            missing: BTreeMap::new(),
        }
    }

    /// Adds the placeholders of facts the corpus leaves out (name, where
    /// the fact is written).
    pub fn with_missing(mut self, missing: BTreeMap<String, String>) -> Placeholders {
        self.missing = missing;
        self
    }

    /// Adds generated content that `{{ name }}` stands for when it is alone
    /// in its paragraph.
    pub fn with_blocks(mut self, blocks: BTreeMap<String, Vec<Block>>) -> Placeholders {
        self.blocks = blocks;
        self
    }

    /// The generated content `text` stands for, if it is only a block
    /// placeholder.
    pub fn blocks(&self, text: &str) -> Option<&[Block]> {
        let name = text.trim().strip_prefix("{{")?.strip_suffix("}}")?.trim();
        self.blocks.get(name).map(Vec::as_slice)
    }

    /// `text` with every placeholder replaced, or every placeholder that
    /// could not be.
    pub fn resolve(&self, text: &str) -> Result<String, Vec<PlaceholderError>> {
        let mut out = String::with_capacity(text.len());
        let mut errors = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let offset = text.len() - rest.len() + start;
            let after = &rest[start + 2..];
            let Some(end) = after.find("}}") else {
                errors.push(PlaceholderError {
                    offset,
                    code: Code::Placeholder,
                    message: "unclosed placeholder: `{{` without `}}`".to_string(),
                    help: "write a placeholder as `{{ name }}`".to_string(),
                });
                rest = "";
                break;
            };
            let name = after[..end].trim();
            match (self.values.get(name), self.missing.get(name)) {
                (Some(value), _) => self.append(&mut out, value),
                (None, Some(fact)) => errors.push(PlaceholderError {
                    offset,
                    code: Code::MissingFact,
                    message: format!("`{{{{ {name} }}}}` names a fact the corpus does not give"),
                    help: format!("add {fact} in annexes/parties.yaml, or remove the placeholder"),
                }),
                (None, None) => errors.push(self.unknown(name, offset)),
            }
            rest = &after[end + 2..];
        }
        out.push_str(rest);
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }

    /// Appends a value, eliding French "de" before "un"/"une": "d'un (1) audit".
    fn append(&self, out: &mut String, value: &str) {
        let elides = self.lang.family() == Some(Family::French)
            && (value.starts_with("un ") || value.starts_with("une "));
        if elides {
            for de in ["de ", "De "] {
                let word_start = out.len() >= de.len()
                    && (out.len() == de.len() || out[..out.len() - de.len()].ends_with(' '));
                if out.ends_with(de) && word_start {
                    out.truncate(out.len() - 2);
                    out.push('\'');
                    break;
                }
            }
        }
        out.push_str(value);
    }

    fn unknown(&self, name: &str, offset: usize) -> PlaceholderError {
        if self.blocks.contains_key(name) {
            return PlaceholderError {
                offset,
                code: Code::Placeholder,
                message: format!("`{{{{ {name} }}}}` stands for a table or a list"),
                help: "put it alone in its own paragraph, with a blank line before and after"
                    .to_string(),
            };
        }
        let suggestion = did_you_mean(
            name,
            self.values
                .keys()
                .chain(self.blocks.keys())
                .map(String::as_str),
        );
        let help = match suggestion {
            Some(known) => format!("did you mean `{{{{ {known} }}}}`?"),
            None => {
                let prefix = name.split('.').next().unwrap_or_default();
                let siblings: Vec<&str> = self
                    .values
                    .keys()
                    .filter(|key| key.split('.').next() == Some(prefix))
                    .map(String::as_str)
                    .collect();
                if siblings.is_empty() {
                    let groups: std::collections::BTreeSet<&str> = self
                        .values
                        .keys()
                        .filter_map(|key| key.split('.').next())
                        .collect();
                    format!(
                        "placeholders start with one of: {}",
                        groups.into_iter().collect::<Vec<_>>().join(", ")
                    )
                } else {
                    format!("known placeholders here: {}", siblings.join(", "))
                }
            }
        };
        PlaceholderError {
            offset,
            code: Code::Placeholder,
            message: format!("unknown placeholder `{{{{ {name} }}}}`"),
            help,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(lang: Lang) -> Placeholders {
        let values = [
            ("processor", "Learn&Go"),
            ("commitment.audit_limit", "un (1) audit par an"),
            ("commitment.objection_period", "sept (7) jours ouvrés"),
        ];
        Placeholders::new(
            lang,
            values.map(|(k, v)| (k.to_string(), v.to_string())).into(),
        )
    }

    #[test]
    fn replaces_placeholders_with_their_values() {
        let text = "{{ processor }} dispose de {{commitment.objection_period}}.";
        assert_eq!(
            placeholders(Lang::FRENCH).resolve(text).unwrap(),
            "Learn&Go dispose de sept (7) jours ouvrés."
        );
    }

    #[test]
    fn elides_french_de_before_un() {
        let text = "dans la limite de {{ commitment.audit_limit }}";
        assert_eq!(
            placeholders(Lang::FRENCH).resolve(text).unwrap(),
            "dans la limite d'un (1) audit par an"
        );
        assert_eq!(
            placeholders(Lang::FRENCH)
                .resolve("la mode {{ commitment.audit_limit }}")
                .unwrap(),
            "la mode un (1) audit par an"
        );
    }

    #[test]
    fn reports_unknown_and_unclosed_placeholders_with_their_offset() {
        let errors = placeholders(Lang::FRENCH)
            .resolve("a {{ procesor }} b {{ x")
            .unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].offset, 2);
        assert_eq!(errors[0].help, "did you mean `{{ processor }}`?");
        assert_eq!(errors[1].offset, 19);
        assert!(errors[1].message.contains("unclosed"));
    }
}
