//! The record stage: writes the records a legal team keeps in the corpus
//! (releases, client notices, translation reviews), each after a full
//! check, sealed, and never over an existing one. It renders nothing.

pub mod notice;
pub mod release;
pub mod reviews;
