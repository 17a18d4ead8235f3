//! Why a command failed: the corpus (exit 1), or the command line and the
//! file system (exit 2).

use crate::diagnostic::{Diagnostic, Diagnostics, Failed};
use crate::text;

/// Why a build failed: the corpus (exit 1) or the command and the file
/// system (exit 2).
#[derive(Debug)]
pub enum BuildError {
    Content(Failed),
    Usage(String),
    Io(std::io::Error),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Content(failed) => write!(f, "{failed}"),
            BuildError::Usage(message) => write!(f, "error: {}", text::visible(message)),
            BuildError::Io(error) => write!(f, "error: cannot write the output: {error}"),
        }
    }
}

impl std::error::Error for BuildError {}

impl From<Box<Diagnostic>> for BuildError {
    fn from(diagnostic: Box<Diagnostic>) -> BuildError {
        let mut diagnostics = Diagnostics::default();
        diagnostics.push(*diagnostic);
        BuildError::Content(Failed(diagnostics))
    }
}

impl BuildError {
    /// A value error about a command-line argument ("message\nhint", as
    /// values say it), as one line.
    pub fn argument(error: &str) -> BuildError {
        BuildError::Usage(error.lines().collect::<Vec<_>>().join(": "))
    }

    /// 1 for a corpus problem, 2 for a usage or file-system problem.
    pub fn exit_code(&self) -> std::process::ExitCode {
        match self {
            BuildError::Content(_) => std::process::ExitCode::from(1),
            BuildError::Usage(_) | BuildError::Io(_) => std::process::ExitCode::from(2),
        }
    }
}
