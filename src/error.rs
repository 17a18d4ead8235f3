//! Why a command failed: the corpus (exit 1), or the command line and the
//! file system (exit 2).

use crate::diagnostic::{Diagnostic, Diagnostics, Failed};

/// Why a build failed: the corpus (exit 1) or the command and the file
/// system (exit 2).
#[derive(Debug)]
pub enum BuildError {
    Content(Failed),
    Usage(String),
    Io(std::io::Error),
}

impl std::fmt::Display for BuildError {
    /// Plain text, for files and pipes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(false))
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
    /// The error as the user reads it, coloured when `styled` (on a
    /// terminal); every text passes `text::visible`.
    pub fn render(&self, styled: bool) -> String {
        use crate::diagnostic::{Severity, render_message};
        match self {
            BuildError::Content(failed) => failed.0.render(styled),
            BuildError::Usage(message) => render_message(Severity::Error, message, styled),
            BuildError::Io(error) => render_message(
                Severity::Error,
                &format!("cannot write the output: {error}"),
                styled,
            ),
        }
    }

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
