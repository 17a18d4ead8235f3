//! The client register: which version of the contract each client signed,
//! when, and whether a newer release exists, for legal staff and for the
//! notices that follow a change of sub-processors.

use serde::Serialize;

use crate::corpus::DocumentSource;
use crate::corpus::clients::Client;
use crate::corpus::version::Version;

/// One client's line of the register.
#[derive(Debug, Serialize)]
pub struct RegisterEntry {
    /// The record's id (its file name).
    pub client: String,
    pub legal_name: String,
    /// `school`, `town`, `company`…
    pub kind: &'static str,
    /// Its UAI or SIRET.
    pub identifier: String,
    /// The contract's version it signs.
    pub version: String,
    /// The date it signed, `YYYY-MM-DD`; none while unsigned.
    pub signed: Option<String>,
    /// The contract's latest release.
    pub latest: String,
    /// Whether a release newer than the one it signs exists.
    pub behind: bool,
    /// Its privacy contact's e-mail address.
    pub contact_email: String,
}

impl RegisterEntry {
    /// The names of its fields, in order: the CSV header.
    pub const FIELDS: [&str; 9] = [
        "client",
        "legal_name",
        "kind",
        "identifier",
        "version",
        "signed",
        "latest",
        "behind",
        "contact_email",
    ];

    /// Its fields as text, in the order of [`RegisterEntry::FIELDS`].
    pub fn row(&self) -> Vec<String> {
        vec![
            self.client.clone(),
            self.legal_name.clone(),
            self.kind.to_string(),
            self.identifier.clone(),
            self.version.clone(),
            self.signed.clone().unwrap_or_default(),
            self.latest.clone(),
            self.behind.to_string(),
            self.contact_email.clone(),
        ]
    }
}

/// The register of `clients` of `contract`, in id order.
pub fn register(contract: &DocumentSource, clients: &[Client]) -> Vec<RegisterEntry> {
    let latest: Option<&Version> = contract.releases.last().map(|file| &file.record.version);
    clients
        .iter()
        .map(|client| {
            let record = &client.record;
            let identifier = record
                .uai
                .as_ref()
                .map(|uai| format!("UAI {uai}"))
                .or_else(|| record.siret.as_ref().map(|siret| format!("SIRET {siret}")))
                .unwrap_or_default();
            RegisterEntry {
                client: client.id.clone(),
                legal_name: record.legal_name.value.clone(),
                kind: record.kind.name(),
                identifier,
                version: record.dpa.value.to_string(),
                signed: record.signed.as_ref().map(|s| s.date.value.to_string()),
                latest: latest.map(ToString::to_string).unwrap_or_default(),
                behind: latest.is_some_and(|latest| *latest > record.dpa.value),
                contact_email: record.privacy_contact.email.to_string(),
            }
        })
        .collect()
}
