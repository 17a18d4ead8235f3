//! The facts in `annexes/`: who the parties are, what is processed, by whom
//! and how it is protected. Each file has a strict schema: unknown fields are
//! refused so that a misspelt key never silently drops content.

mod commitments;
mod cookies;
mod parties;
mod privacy;
mod products;
mod security;
mod subprocessors;
mod third_parties;

pub use commitments::Commitments;
pub use cookies::{
    Consent, ConsentTool, Cookie, CookieCategory, CookieFacts, Exemption, ExemptionGround,
    Lifetime, Site, TrackerColumn, TrackerKind, TrackerTable,
};
pub use parties::{Controller, Parties, Person, Processor};
pub use privacy::{Authority, ControllerProcessing, PrivacyFacts};
pub use products::{AccessChannel, Operation, Product, Purpose, UserDataCategories};
pub use security::{Backup, BackupFrequency, LogRetention, MeasureGroup, Security, SecurityTopic};
pub use subprocessors::{Subprocessor, Transfer};
pub use third_parties::ThirdParty;

/// `to_confirm:` of an entry: the names of its fields still to confirm,
/// each where it is written.
pub type ToConfirm = Vec<serde_saphyr::Spanned<String>>;

/// The provider id of what the publisher itself sets.
pub const PUBLISHER: &str = "publisher";

/// Every fact of the corpus, one field per file of `annexes/`.
#[derive(Debug)]
pub struct Facts {
    /// `annexes/parties.yaml`.
    pub parties: Parties,
    /// `annexes/commitments.yaml`, for corpora with a DPA.
    pub commitments: Option<Commitments>,
    /// `annexes/products.yaml`.
    pub products: Vec<Product>,
    /// `annexes/subprocessors.yaml`.
    pub subprocessors: Vec<Subprocessor>,
    /// `annexes/security.yaml`, for corpora with a DPA.
    pub security: Option<Security>,
    /// `annexes/cookies.yaml`, for corpora with a cookie policy.
    pub cookies: Option<CookieFacts>,
    /// `annexes/privacy.yaml`, for corpora with a privacy policy.
    pub privacy: Option<PrivacyFacts>,
    /// `annexes/third-parties.yaml`: recipients that are not sub-processors.
    pub third_parties: Vec<ThirdParty>,
}

impl Facts {
    /// The sub-processor with this id.
    pub fn subprocessor(&self, id: &str) -> Option<&Subprocessor> {
        self.subprocessors.iter().find(|s| s.id == id)
    }

    /// The name of a cookie provider: `publisher`, a sub-processor or a
    /// third party, each defined once.
    pub fn provider_name(&self, id: &str) -> Option<&str> {
        if id == PUBLISHER {
            return Some(&self.parties.processor.short_name);
        }
        let subprocessor = self.subprocessor(id).map(|s| s.name.as_str());
        subprocessor.or_else(|| {
            self.third_parties
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.name.as_str())
        })
    }

    /// The sites a processing or a tracker may name: those of
    /// cookies.yaml, and each product's application, named by the
    /// product's id.
    pub fn site_ids(&self) -> Vec<&str> {
        let sites = self
            .cookies
            .iter()
            .flat_map(|c| &c.sites)
            .map(|s| s.id.as_str());
        let mut ids: Vec<&str> = sites
            .chain(self.products.iter().map(|p| p.id.as_str()))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The product whose application `site` is: a site named by a
    /// product's id, where annex B of the DPA makes the publisher its
    /// clients' processor.
    pub fn product_of_site(&self, site: &str) -> Option<&Product> {
        self.products.iter().find(|product| product.id == site)
    }

    /// Every id a provider may be given.
    pub fn provider_ids(&self) -> Vec<&str> {
        let subprocessors = self.subprocessors.iter().map(|s| s.id.as_str());
        let third_parties = self.third_parties.iter().map(|t| t.id.as_str());
        std::iter::once(PUBLISHER)
            .chain(subprocessors)
            .chain(third_parties)
            .collect()
    }
}
