use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::corpus::quantity::Quantity;
use crate::corpus::values::WebUrl;
use crate::lang::Localized;

/// `annexes/privacy.yaml`: the publisher's own processing, as controller
/// (the privacy policy).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrivacyFacts {
    /// Each processing the publisher carries out as controller.
    pub processing: Vec<ControllerProcessing>,
    /// Durations the texts use as `{{ privacy.<name> }}`.
    #[serde(default)]
    pub figures: BTreeMap<String, Quantity>,
    /// The supervisory authority data subjects may complain to.
    pub authority: Authority,
}

/// One processing, as GDPR art. 13 requires it to be described.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ControllerProcessing {
    /// Stable identifier, e.g. `support`.
    pub id: String,
    /// Its name, the caption of its table.
    pub name: Localized,
    /// What it is for.
    pub purposes: Vec<Localized>,
    /// Its legal basis (GDPR art. 6), with the legitimate interest where
    /// that is the basis.
    pub legal_basis: Localized,
    /// The data processed.
    pub data: Vec<Localized>,
    /// Who receives the data: sub-processor or third-party ids.
    #[schemars(with = "Vec<String>")]
    pub recipients: Vec<Spanned<String>>,
    /// How long the data are kept, or the criteria that set it.
    pub retention: Vec<Localized>,
    /// The sites (ids of cookies.yaml's `sites:`) where the publisher
    /// carries it out as controller; omitted, every site. A site whose id
    /// is a product's is that product's application, where annex B of the
    /// DPA makes the publisher its clients' processor: a sub-processor that
    /// serves both roles is scoped here to the publisher's own sites.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub sites: Option<Vec<Spanned<String>>>,
    /// Fields still to confirm by the organisation, e.g. `[sites]`
    /// (`clausier check` lists them as notes).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub to_confirm: crate::corpus::facts::ToConfirm,
}

/// A supervisory authority.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// Its name, e.g. "Commission nationale de l'informatique et des libertés (CNIL)".
    pub name: String,
    /// Its postal address.
    pub address: String,
    /// Its website.
    pub website: WebUrl,
    /// Where to lodge a complaint online.
    pub complaints: WebUrl,
}
