use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::lang::Localized;

/// A product whose processing annex B describes.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Stable identifier, e.g. `kaligo`.
    pub id: String,
    /// Brand name, e.g. "Kaligo Ecole".
    pub name: String,
    /// What the processing is for, numbered, with lettered sub-items.
    pub purposes: Vec<Purpose>,
    /// Legal basis of the processing (GDPR art. 6).
    pub legal_basis: Localized,
    /// Categories of data subjects: every kind of user of
    /// `data_categories` among them (`clausier check` says which it lacks).
    #[schemars(with = "Localized")]
    pub data_subjects: Spanned<Localized>,
    /// Data categories, grouped by kind of user and access channel.
    pub data_categories: Vec<UserDataCategories>,
    /// Retention rules, one paragraph each.
    pub retention: Vec<Localized>,
    /// Operations performed on the data (GDPR art. 4(2)).
    pub operations: Vec<Operation>,
    /// Who receives the data.
    pub recipients: Localized,
    /// Ids of the sub-processors (see `subprocessors.yaml`) this product uses.
    #[schemars(with = "Vec<String>")]
    pub subprocessors: Vec<Spanned<String>>,
    /// Who handles data subjects' requests.
    pub rights_handling: Localized,
}

/// One numbered purpose, optionally detailed by lettered sub-items.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    /// The purpose.
    pub text: Localized,
    /// Its sub-items, lettered a., b., c.
    #[serde(default)]
    pub items: Vec<Localized>,
}

/// The data collected about one kind of user through one access channel.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UserDataCategories {
    /// How the user reaches the product; omitted when the product does not
    /// distinguish channels.
    #[serde(default)]
    pub channel: Option<AccessChannel>,
    /// The kind of user, e.g. "Enseignant" / "Teacher".
    #[schemars(with = "Localized")]
    pub user: Spanned<Localized>,
    /// The data categories, e.g. "Données d'identification : Nom et prénom".
    pub categories: Vec<Localized>,
}

/// How a user reaches a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccessChannel {
    /// Through the education ministry's access manager (GAR).
    Gar,
    /// Directly, outside the GAR.
    OutsideGar,
}

impl AccessChannel {
    /// The Fluent message naming the channel.
    pub fn message_id(self) -> &'static str {
        match self {
            AccessChannel::Gar => "channel-gar",
            AccessChannel::OutsideGar => "channel-outside-gar",
        }
    }
}

/// An operation performed on personal data, as GDPR art. 4(2) lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    Collection,
    Recording,
    Storage,
    Consultation,
    Alteration,
    Erasure,
}

impl Operation {
    /// The Fluent message naming the operation.
    pub fn message_id(self) -> &'static str {
        match self {
            Operation::Collection => "operation-collection",
            Operation::Recording => "operation-recording",
            Operation::Storage => "operation-storage",
            Operation::Consultation => "operation-consultation",
            Operation::Alteration => "operation-alteration",
            Operation::Erasure => "operation-erasure",
        }
    }
}
