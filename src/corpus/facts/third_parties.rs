use schemars::JsonSchema;
use serde::Deserialize;

use crate::corpus::facts::Transfer;
use crate::corpus::values::WebUrl;
use crate::lang::Localized;

/// A third party that receives data or sets cookies without being a
/// sub-processor (e.g. an audience measurement provider acting as a
/// controller). Defined once, referred to by its id.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThirdParty {
    /// Stable identifier, e.g. `google`.
    pub id: String,
    /// Trade name, e.g. "Google Analytics".
    pub name: String,
    /// Registered company name.
    #[serde(default)]
    pub legal_name: Option<String>,
    /// Registered office.
    #[serde(default)]
    pub address: Option<String>,
    /// Whether personal data leave the EU, and under which mechanism:
    /// needed for a recipient of the privacy policy.
    #[serde(default)]
    pub transfer: Option<Transfer>,
    /// Its privacy policy.
    #[serde(default)]
    pub privacy_policy: Option<WebUrl>,
    /// What it does with the data, in a few words: needed for a recipient
    /// of the privacy policy.
    #[serde(default)]
    pub role: Option<Localized>,
    /// Fields of this entry that the organisation has still to confirm
    /// (facts not found in its source documents), e.g. `[address]`:
    /// `clausier check` lists them as notes until they are removed.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub to_confirm: crate::corpus::facts::ToConfirm,
}
