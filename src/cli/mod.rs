//! One file per subcommand.

pub mod build;
pub mod check;
pub mod diff;
pub mod notice;
pub mod release;
pub mod serve;
pub mod translations;

/// The error `message` on standard error, as clausier prints errors
/// (coloured on a terminal).
pub fn error(message: &str) {
    use clausier::diagnostic::{Severity, render_message, stderr_styled};
    eprintln!(
        "{}",
        render_message(Severity::Error, message, stderr_styled())
    );
}

/// A path as the terminal may print it: what the user typed (`--out`,
/// `--root`) can hold escape sequences.
pub fn shown(path: &std::path::Path) -> String {
    clausier::text::visible(&path.display().to_string()).into_owned()
}
