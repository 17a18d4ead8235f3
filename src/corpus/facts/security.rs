use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::corpus::quantity::Quantity;
use crate::lang::Localized;

/// `annexes/security.yaml`: the technical and organisational measures
/// (DPA annex D, GDPR art. 32).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Security {
    /// Opening paragraph of the annex.
    pub intro: Localized,
    /// The company-wide measures: physical, organisational, technical.
    pub general: Vec<MeasureGroup>,
    /// Paragraph introducing the application-specific measures.
    pub applications_intro: Localized,
    /// The application-specific measures, one topic each.
    pub applications: Vec<SecurityTopic>,
}

/// A group of company-wide measures.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureGroup {
    /// Stable identifier, e.g. `physical`.
    pub id: String,
    /// Heading, e.g. "Mesures physiques" / "Physical measures".
    pub title: Localized,
    /// The measures, one list item each.
    pub measures: Vec<Localized>,
}

/// One application-specific topic, e.g. hosting or traceability.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityTopic {
    /// Stable identifier, e.g. `hosting`.
    pub id: String,
    /// Heading.
    pub title: Localized,
    /// Paragraphs before the list.
    #[serde(default)]
    pub paragraphs: Vec<Localized>,
    /// The sub-processor hosting the data, whose company details are shown.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub host: Option<Spanned<String>>,
    /// Backup retention, one row per backup frequency.
    #[serde(default)]
    pub backups: Vec<Backup>,
    /// The measures, one list item each.
    #[serde(default)]
    pub measures: Vec<Localized>,
    /// How long activity logs are kept, added to the list of measures.
    #[serde(default)]
    pub logs: Option<LogRetention>,
    /// Paragraphs after the list.
    #[serde(default)]
    pub closing: Vec<Localized>,
}

/// How long activity logs are kept online, then in a secure archive.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LogRetention {
    /// Time logs stay available, e.g. `6 months`.
    pub kept: Quantity,
    /// Time they are then archived, e.g. `1 year`.
    pub archived: Quantity,
}

/// How long backups of one frequency are kept.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// How often the backup runs.
    pub frequency: BackupFrequency,
    /// How long each backup is kept, e.g. `7 days`.
    pub kept: Quantity,
}

/// How often a backup runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BackupFrequency {
    Daily,
    Weekly,
    Monthly,
}

impl BackupFrequency {
    /// The Fluent message naming the frequency.
    pub fn message_id(self) -> &'static str {
        match self {
            BackupFrequency::Daily => "backup-daily",
            BackupFrequency::Weekly => "backup-weekly",
            BackupFrequency::Monthly => "backup-monthly",
        }
    }
}
