//! Checklists of legal requirements (`checklists/<name>.yaml`), e.g.
//! GDPR art. 28(3): what each requirement is and how it is met.

use schemars::JsonSchema;
use serde::Deserialize;

/// `checklists/<name>.yaml`: the requirements a kind of document must meet.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// What the checklist is for, e.g. "Data processing agreement (GDPR art. 28)".
    pub title: String,
    /// The requirements, each with the legal source that imposes it.
    pub items: Vec<Requirement>,
}

/// One requirement of a checklist.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Stable identifier that documents cite, e.g. `art28-3h`.
    pub id: String,
    /// What the document must say.
    pub requirement: String,
    /// The legal source, e.g. "GDPR art. 28(3)(h)".
    pub source: String,
    /// Whether a document must cover it; `false` for requirements that
    /// apply only in some cases.
    #[serde(default = "mandatory")]
    pub mandatory: bool,
}

fn mandatory() -> bool {
    true
}
