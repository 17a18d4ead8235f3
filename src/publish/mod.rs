//! The publish stage: the build itself. Renders every document, redline
//! and notice, adds the site, the feed and the manifest, and replaces the
//! output folder atomically. It never writes into the corpus.

pub mod build;
pub mod clients;
pub mod feed;
pub mod jobs;
pub mod notices;
pub mod output;
pub mod redlines;
pub mod reuse;
pub mod site;
