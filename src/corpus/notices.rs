//! Client notice records: `releases/<document>/notices/<from>-<to>.json`,
//! written once by `clausier notice`, sealed like releases.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::corpus::SourceFile;
use crate::corpus::date::Date;
use crate::corpus::quantity::Quantity;
use crate::corpus::records;
use crate::corpus::releases;
use crate::corpus::version::Version;
use crate::diagnostic::Diagnostics;

/// `releases/<document>/notices/<from>-<to>.json`: a notice sent to the
/// clients. Written by `clausier notice`, never edited by hand.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeRecord {
    pub document: String,
    /// The release the clients signed.
    pub from: Version,
    /// The release that changes the sub-processors.
    pub to: Version,
    /// The date of the notice.
    pub date: Date,
    /// The time clients have to object, as the DPA committed to it then.
    pub objection_period: Quantity,
    /// The last day for objections.
    pub deadline: Date,
    /// `sha256:` and the digest of every other field, see
    /// [`releases::seal`].
    pub fingerprint: String,
}

/// A notice record and the file it was read from.
pub type NoticeFile = records::RecordFile<NoticeRecord>;

/// The notices of a document, relative to the corpus root.
pub fn folder(document: &str) -> PathBuf {
    releases::folder(document).join("notices")
}

/// Reads a notice record, reporting a JSON or schema error at its line.
pub fn parse(file: SourceFile, diagnostics: &mut Diagnostics) -> Option<NoticeFile> {
    records::read_sealed(file, "notice", "clausier notice", diagnostics)
}
