use schemars::JsonSchema;
use serde::Deserialize;

use crate::corpus::values::{Email, WebUrl};
use crate::lang::Localized;

/// `annexes/parties.yaml`: the publisher, and the parties to its contracts
/// (DPA annex A).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parties {
    /// The company that publishes the documents and processes data on its
    /// clients' behalf.
    pub processor: Processor,
    /// The client, who acts as controller, for corpora with a contract.
    #[serde(default)]
    pub controller: Option<Controller>,
}

/// The processor's identity as it appears in annex A and on cover pages.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Processor {
    /// Registered name, e.g. "LEARN & GO SAS".
    pub legal_name: String,
    /// The name the clauses use, e.g. "Learn&Go".
    pub short_name: String,
    /// Registered office, one line.
    pub address: String,
    /// Trade register entry, e.g. "RCS Rennes 824 814 982". Needed by
    /// contracts (their cover and annex A) and by
    /// `{{ processor.registration }}`.
    #[serde(default)]
    pub registration: Option<String>,
    /// Who signs for the company. Needed by the parties annex (DPA annex A).
    #[serde(default)]
    pub representative: Option<Person>,
    /// The data protection officer, or the privacy contact. Needed by the
    /// parties annex and by `{{ processor.dpo }}`, `{{ processor.dpo.email }}`.
    #[serde(default)]
    pub dpo: Option<Person>,
    /// The website the documents are published on: its domain names the
    /// entries of the Atom feed (`tag:` ids), which must never change.
    #[serde(default)]
    pub website: Option<WebUrl>,
}

/// A named person acting for a party.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Form of address, e.g. "Madame" / "Ms".
    pub civility: Localized,
    /// First name and surname.
    pub name: String,
    /// Position, e.g. "Président" / "President".
    #[serde(default)]
    pub title: Option<Localized>,
    /// Contact e-mail address.
    #[serde(default)]
    pub email: Option<Email>,
}

/// The controller, named generically because each client signs its own copy.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    /// How the clauses name the controller, e.g. "le Client" / "the Client".
    pub name: Localized,
}
