//! Which labels (Fluent messages) a corpus uses: those its documents,
//! annexes and pages ask for, so that a label none asks for is reported.

use crate::corpus::facts::{
    AccessChannel, BackupFrequency, CookieCategory, ExemptionGround, Operation,
};
use crate::corpus::quantity::Unit;
use crate::corpus::{AnnexKind, Corpus};

/// Every Fluent message clausier asks for.
pub fn used_messages(corpus: &Corpus) -> Vec<String> {
    let mut ids: Vec<String> = PAGE_MESSAGES.iter().map(|id| id.to_string()).collect();
    if corpus
        .documents
        .iter()
        .any(|d| d.meta.contract || !d.meta.annexes.is_empty())
    {
        ids.extend(CONTRACT_MESSAGES.iter().map(|id| id.to_string()));
        ids.extend(
            [AccessChannel::Gar, AccessChannel::OutsideGar].map(|c| c.message_id().to_string()),
        );
        let operations = [
            Operation::Collection,
            Operation::Recording,
            Operation::Storage,
            Operation::Consultation,
            Operation::Alteration,
            Operation::Erasure,
        ];
        ids.extend(operations.map(|op| op.message_id().to_string()));
        let frequencies = [
            BackupFrequency::Daily,
            BackupFrequency::Weekly,
            BackupFrequency::Monthly,
        ];
        ids.extend(frequencies.map(|f| f.message_id().to_string()));
    }
    let kinds = corpus
        .documents
        .iter()
        .flat_map(|d| d.meta.annexes.iter().copied());
    ids.extend(kinds.map(|kind: AnnexKind| format!("annex-{}", kind.name())));
    ids.extend(Unit::ALL.map(|unit| unit.message_id().to_string()));
    if corpus.facts.cookies.is_some() {
        ids.extend(COOKIE_MESSAGES.iter().map(|id| id.to_string()));
        ids.extend(CookieCategory::ALL.map(|category| category.message_id().to_string()));
        let grounds = [
            ExemptionGround::StrictlyNecessary,
            ExemptionGround::ConsentRecord,
            ExemptionGround::AudienceMeasurement,
        ];
        ids.extend(grounds.map(|ground| ground.message_id().to_string()));
    }
    if corpus.facts.privacy.is_some() {
        ids.extend(PRIVACY_MESSAGES.iter().map(|id| id.to_string()));
    }
    ids.sort();
    ids.dedup();
    ids
}

/// The documents that show the message `id`, by their ids: those with
/// the table it heads, the annexes or contract pages it names, or all.
pub fn needed_by<'c>(corpus: &'c Corpus, id: &str) -> Vec<&'c str> {
    // The site's home pages and the feed, not a document.
    if id.starts_with("site-") || id.starts_with("feed-") {
        return Vec::new();
    }
    let shows = |document: &crate::corpus::DocumentSource, placeholder: &str| {
        document
            .texts
            .values()
            .any(|file| file.text.contains(placeholder))
    };
    let cookie =
        COOKIE_MESSAGES.contains(&id) || id.starts_with("cookie-") || id.starts_with("tracker-");
    // `annex-security` and the like name one annex; `annex-heading` any.
    let annex = id.strip_prefix("annex-").and_then(|name| {
        let kinds = corpus.documents.iter().flat_map(|d| d.meta.annexes.iter());
        kinds.copied().find(|kind| kind.name() == name)
    });
    let needs = |document: &crate::corpus::DocumentSource| {
        if cookie {
            shows(document, "table.cookies")
        } else if id.starts_with("privacy-") {
            shows(document, "table.processing")
        } else if PAGE_MESSAGES.contains(&id) || id.starts_with("unit-") {
            true
        } else if let Some(kind) = annex {
            document.meta.annexes.contains(&kind)
        } else {
            document.meta.contract || !document.meta.annexes.is_empty()
        }
    };
    (corpus.documents.iter())
        .filter(|document| needs(document))
        .map(|document| document.id.as_str())
        .collect()
}

const PRIVACY_MESSAGES: &[&str] = &[
    "privacy-row-purposes",
    "privacy-row-legal-basis",
    "privacy-row-data",
    "privacy-row-recipients",
    "privacy-row-transfers",
    "privacy-row-retention",
    "privacy-recipient",
    "privacy-transfer",
    "privacy-no-transfer",
];

const COOKIE_MESSAGES: &[&str] = &[
    "list-and",
    "cookie-column-name",
    "cookie-column-purpose",
    "cookie-column-data",
    "cookie-column-provider",
    "cookie-column-lifetime",
    "cookie-column-consent",
    "cookie-first-party",
    "cookie-third-party",
    "cookie-provider-processor",
    "cookie-provider-subprocessor",
    "cookie-provider-channels",
    "cookie-lifetime-session",
    "cookie-consent-required",
    "cookie-exemption-conditions",
];

/// Messages every document uses.
const PAGE_MESSAGES: &[&str] = &[
    "notice-binding-language",
    "notice-binding-long",
    "notice-binding-short",
    "notice-translation-long",
    "notice-translation-short",
    "draft-date",
    "draft-version",
    "feed-title",
    "history-caption",
    "history-changes",
    "history-title",
    "page-between",
    "page-contents",
    "page-download-pdf",
    "page-effective-date",
    "page-language",
    "page-edition",
    "page-preamble",
    "page-page",
    "page-version",
    "redline-added-section",
    "redline-changed",
    "redline-deleted",
    "redline-from",
    "redline-heading",
    "redline-inserted",
    "redline-legend",
    "redline-nothing-changed",
    "redline-removed-section",
    "redline-summary",
    "redline-to",
    "site-changes",
    "site-feed",
    "site-languages",
    "site-notices",
    "site-read",
    "site-title",
];

/// Messages of contracts and their generated annexes.
const CONTRACT_MESSAGES: &[&str] = &[
    "annex-heading",
    "annex-number",
    "backup-retention",
    "notice-added",
    "notice-after",
    "notice-before",
    "notice-changed",
    "notice-date",
    "notice-deadline",
    "notice-consequence",
    "notice-field",
    "notice-how-to-object",
    "notice-how-to-object-by-post",
    "notice-intro",
    "notice-objection",
    "notice-redline",
    "notice-release-summary",
    "notice-removed",
    "notice-subprocessor",
    "notice-title",
    "party-dpo",
    "party-represented-by",
    "processing-caption",
    "processing-data",
    "processing-data-subjects",
    "processing-description",
    "processing-item",
    "processing-legal-basis",
    "processing-operations",
    "processing-product",
    "processing-purposes",
    "processing-purposes-intro",
    "processing-recipients",
    "processing-retention",
    "processing-rights",
    "processing-subprocessors",
    "processing-user",
    "processing-user-channel",
    "role-controller",
    "role-controllers",
    "role-processor",
    "security-applications",
    "security-general",
    "security-log-retention",
    "subprocessor-caption",
    "subprocessor-channels-only",
    "subprocessor-column-activity",
    "subprocessor-column-address",
    "subprocessor-column-contract",
    "subprocessor-column-name",
    "subprocessor-column-registration",
    "subprocessor-column-siret",
    "subprocessor-column-transfer",
    "subprocessor-formerly",
    "subprocessor-head-office",
    "subprocessor-location",
    "subprocessor-transfer-no",
    "subprocessor-transfer-yes",
    "subprocessor-transfer-yes-unspecified",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::locale::builtin;
    use crate::lang::Lang;

    /// German, Spanish, Italian and Dutch have every label a cookie or
    /// privacy policy uses, in every corpus: only a DPA's are missing.
    #[test]
    fn every_language_clausier_knows_has_the_labels_of_the_policies() {
        let mut needed: Vec<String> = [PAGE_MESSAGES, COOKIE_MESSAGES, PRIVACY_MESSAGES]
            .concat()
            .iter()
            .map(|id| id.to_string())
            .collect();
        needed.extend(CookieCategory::ALL.map(|category| category.message_id().to_string()));
        needed.extend(Unit::ALL.map(|unit| unit.message_id().to_string()));
        for code in ["de", "es", "it", "nl", "fr", "en"] {
            let known = builtin::message_ids(Lang::parse(code).unwrap());
            let missing: Vec<&String> = needed.iter().filter(|id| !known.contains(id)).collect();
            assert!(missing.is_empty(), "{code} lacks {missing:?}");
        }
    }
}
