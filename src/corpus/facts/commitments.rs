use schemars::JsonSchema;
use serde::Deserialize;

use crate::corpus::quantity::Quantity;

/// `annexes/commitments.yaml`: every figure the DPA commits to, as a number
/// and a unit, so that the French and English texts can never disagree.
/// Clauses refer to them as `{{ commitment.<name> }}`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commitments {
    /// Time the client has to object to a new sub-processor or transfer.
    pub objection_period: Quantity,
    /// Deadline for forwarding a data subject's request to the client.
    pub rights_request_forwarding: Quantity,
    /// Deadline for the client to notify a breach to the supervisory authority.
    pub breach_notification_to_authority: Quantity,
    /// Notice the client gives before an audit.
    pub audit_notice: Quantity,
    /// How many audits the client may run.
    pub audit_limit: Quantity,
    /// Delay between deleting an account and deleting its data.
    pub account_data_deletion: Quantity,
    /// Delay after which backups of deleted data are purged.
    pub backup_purge: Quantity,
    /// Longest retention when no deletion is requested, e.g. after expiry.
    pub retention_after_expiry: Quantity,
}

impl Commitments {
    /// Each commitment with the name placeholders use.
    pub fn entries(&self) -> [(&'static str, Quantity); 8] {
        [
            ("objection_period", self.objection_period),
            ("rights_request_forwarding", self.rights_request_forwarding),
            (
                "breach_notification_to_authority",
                self.breach_notification_to_authority,
            ),
            ("audit_notice", self.audit_notice),
            ("audit_limit", self.audit_limit),
            ("account_data_deletion", self.account_data_deletion),
            ("backup_purge", self.backup_purge),
            ("retention_after_expiry", self.retention_after_expiry),
        ]
    }
}
