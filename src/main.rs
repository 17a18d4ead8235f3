use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli;

/// Compiles GDPR legal documents (data processing agreement, privacy and
/// cookie policies) from YAML facts, Markdown clauses and Fluent labels into
/// versioned, bilingual PDF and HTML.
///
/// Exit status: 0 on success, 1 when the corpus has errors, 2 on a usage or
/// file-system error.
#[derive(Parser)]
#[command(name = "clausier", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Build(cli::build::BuildArgs),
    Check(cli::check::CheckArgs),
    Release(cli::release::ReleaseArgs),
    Diff(cli::diff::DiffArgs),
    Notice(cli::notice::NoticeArgs),
    Serve(cli::serve::ServeArgs),
    Translations(cli::translations::TranslationsArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => cli::build::run(args),
        Command::Check(args) => cli::check::run(args),
        Command::Release(args) => cli::release::run(args),
        Command::Diff(args) => cli::diff::run(args),
        Command::Notice(args) => cli::notice::run(args),
        Command::Serve(args) => cli::serve::run(args),
        Command::Translations(args) => cli::translations::run(args),
    }
}
