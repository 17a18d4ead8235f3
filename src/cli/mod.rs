//! One file per subcommand.

pub mod build;
pub mod check;
pub mod diff;
pub mod notice;
pub mod release;
pub mod serve;
pub mod translations;
