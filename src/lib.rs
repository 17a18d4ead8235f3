//! clausier compiles GDPR legal documents from one source of truth: YAML
//! facts (`annexes/`), Markdown clauses (`contracts/`) and Fluent labels
//! (`locales/`), into versioned bilingual PDF and HTML.
//!
//! The pipeline flows one way, one folder per stage; a stage may use the
//! stages before it, never one after it (`tests/architecture.rs` checks it):
//!
//! 1. [`corpus`]: reads the files, confined to the corpus root, into typed
//!    facts, clauses, labels and records.
//! 2. [`compose`]: turns them into the [`model`] of one document in one
//!    language (sections, clauses, tables).
//! 3. [`versions`]: compares documents and releases: what changed, redlines,
//!    client notices and their deadlines.
//! 4. [`check`]: every rule, every problem collected and located.
//! 5. [`record`]: writes the records a legal team keeps (releases, notices,
//!    translation reviews), each once and sealed.
//! 6. [`render`]: a model to PDF (typst) or HTML (tera, pulldown-cmark).
//! 7. [`publish`]: the build: renders every artifact and publishes the
//!    output folder atomically, with its manifest, site and feed.
//! 8. [`serve`]: the live preview.
//!
//! Every stage shares the vocabulary below them all: [`lang`], [`text`]
//! (the one gate every input text passes), [`diagnostic`], [`error`] and
//! [`model`].

// The shared vocabulary (the order in which they may use each other is
// `ORDER` in tests/architecture.rs; rustfmt sorts the lines).
pub mod diagnostic;
pub mod error;
pub mod lang;
pub mod model;
pub mod text;

// The stages (their pipeline order, listed above, is checked by
// tests/architecture.rs).
pub mod check;
pub mod compose;
pub mod corpus;
pub mod publish;
pub mod record;
pub mod render;
pub mod serve;
pub mod versions;

pub use check::{Checked, check};
pub use error::BuildError;
pub use publish::build::{BuildOptions, Built, build};
