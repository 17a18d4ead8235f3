use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::corpus::facts::AccessChannel;
use crate::corpus::values::{Siret, WebUrl};
use crate::lang::Localized;

/// A sub-processor (DPA annex C), defined once and referred to by its id.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subprocessor {
    /// Stable identifier, e.g. `ovh`.
    pub id: String,
    /// Trade name, e.g. "Brevo".
    pub name: String,
    /// A former trade name readers may still know, e.g. "Sendinblue".
    #[serde(default)]
    pub former_name: Option<String>,
    /// Registered company name, e.g. "OVH SAS".
    pub legal_name: String,
    /// French establishment number: 14 digits. A company registered
    /// elsewhere gives `registration:` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siret: Option<Siret>,
    /// Its entry in a company register, for a company without a SIRET,
    /// e.g. "Companies House 01234567".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<String>,
    /// What it does for the processor, e.g. "Hébergement" / "Hosting".
    pub activity: Localized,
    /// The access channels whose data it processes; omitted for all.
    #[serde(default)]
    pub channels: Option<Vec<AccessChannel>>,
    /// Whether personal data leave the EU, and under which mechanism.
    pub transfer: Transfer,
    /// The contract that binds it, e.g. "DPA".
    pub contract: Localized,
    /// Registered office (EDPB opinion 22/2024).
    pub address: String,
    /// Where the processing takes place (EDPB opinion 22/2024).
    pub processing_location: Localized,
    /// Public website.
    #[serde(default)]
    pub website: Option<WebUrl>,
    /// Company register details shown where annex D presents the host.
    #[serde(default)]
    pub registry: Vec<Localized>,
    /// Fields of this entry that the organisation has still to confirm
    /// (facts not found in its source documents), e.g. `[address]`:
    /// `clausier check` lists them as notes until they are removed.
    #[serde(default, skip_serializing)]
    #[schemars(with = "Vec<String>")]
    pub to_confirm: crate::corpus::facts::ToConfirm,
}

/// Whether personal data are transferred outside the European Union.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// `true` when data leave the EU.
    pub outside_eu: bool,
    /// The GDPR chapter V mechanism, required when `outside_eu` is true.
    #[serde(default)]
    pub mechanism: Option<Localized>,
}
