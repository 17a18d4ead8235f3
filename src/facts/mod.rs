//! The facts in `annexes/`: who the parties are, what is processed, by whom
//! and how it is protected. Each file has a strict schema: unknown fields are
//! refused so that a misspelt key never silently drops content.

mod commitments;
mod parties;
mod products;
mod security;
mod subprocessors;

pub use commitments::Commitments;
pub use parties::{Controller, Parties, Person, Processor};
pub use products::{AccessChannel, Operation, Product, Purpose, UserDataCategories};
pub use security::{Backup, BackupFrequency, LogRetention, MeasureGroup, Security, SecurityTopic};
pub use subprocessors::{Subprocessor, Transfer};

/// Every fact of the corpus, one field per file of `annexes/`.
#[derive(Debug)]
pub struct Facts {
    /// `annexes/parties.yaml`.
    pub parties: Parties,
    /// `annexes/commitments.yaml`.
    pub commitments: Commitments,
    /// `annexes/products.yaml`.
    pub products: Vec<Product>,
    /// `annexes/subprocessors.yaml`.
    pub subprocessors: Vec<Subprocessor>,
    /// `annexes/security.yaml`.
    pub security: Security,
}

impl Facts {
    /// The sub-processor with this id.
    pub fn subprocessor(&self, id: &str) -> Option<&Subprocessor> {
        self.subprocessors.iter().find(|s| s.id == id)
    }
}
