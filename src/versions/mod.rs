//! The versions stage: compares documents and their releases. What the
//! working text changed since its release, redlines between releases, and
//! client notices of new sub-processors with their deadlines. It reads
//! records and models; it writes nothing and renders nothing.

pub mod diff;
pub mod notice;
pub mod redline;
pub mod register;
pub mod standing;
