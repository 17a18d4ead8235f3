use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use clausier::diagnostic::stderr_styled;

/// Tracks which binding text each translated clause was reviewed against.
///
/// When a clause of the binding text (corpus.yaml's `binding` language)
/// changes, `clausier check` warns about its translations and shows what
/// changed, until a reviewer confirms them.
#[derive(Args)]
pub struct TranslationsArgs {
    #[command(subcommand)]
    command: TranslationsCommand,
}

#[derive(Subcommand)]
enum TranslationsCommand {
    Confirm(ConfirmArgs),
}

/// Records that the translations of CLAUSE (every clause when none is
/// given) were reviewed against the current binding text, in
/// contracts/<document>/translations.lock.
#[derive(Args)]
struct ConfirmArgs {
    /// Clause ids, as in `# Title {#id}`.
    clauses: Vec<String>,
    /// The corpus folder, holding corpus.yaml, annexes/ and contracts/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Only this document, e.g. `dpa`.
    #[arg(long = "doc", value_name = "ID")]
    document: Option<String>,
}

pub fn run(args: TranslationsArgs) -> ExitCode {
    let TranslationsCommand::Confirm(args) = args.command;
    match clausier::record::reviews::confirm_reviews(
        &args.root,
        args.document.as_deref(),
        &args.clauses,
    ) {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.render(stderr_styled()));
            error.exit_code()
        }
    }
}
