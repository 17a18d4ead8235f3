use std::ffi::OsString;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use clausier::diagnostic::ColorChoice;

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
    /// When to colour errors and warnings.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    color: ColorChoice,
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
    Clients(cli::clients::ClientsArgs),
    Serve(cli::serve::ServeArgs),
    Schema(cli::schema::SchemaArgs),
    New(cli::new::NewArgs),
    Explain(cli::explain::ExplainArgs),
    Translations(cli::translations::TranslationsArgs),
}

fn main() -> ExitCode {
    limit_malloc_arenas();
    // clap prints its own messages (usage errors, help) before `--color`
    // is parsed: it is told the choice first, read from the raw arguments.
    let matches = Cli::command()
        .color(clap_color(std::env::args_os()))
        .get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
    clausier::diagnostic::set_color(cli.color);
    match cli.command {
        Command::Build(args) => cli::build::run(args),
        Command::Check(args) => cli::check::run(args),
        Command::Release(args) => cli::release::run(args),
        Command::Diff(args) => cli::diff::run(args),
        Command::Notice(args) => cli::notice::run(args),
        Command::Clients(args) => cli::clients::run(args),
        Command::Serve(args) => cli::serve::run(args),
        Command::Schema(args) => cli::schema::run(args),
        Command::New(args) => cli::new::run(args),
        Command::Explain(args) => cli::explain::run(args),
        Command::Translations(args) => cli::translations::run(args),
    }
}

/// One malloc arena per core, instead of glibc's eight per core: typst allocates on
/// every thread of a build and frees on others, and each arena keeps its
/// free memory, scattered. 50 DPA releases peak at 122 MiB instead of 142,
/// the shipped corpus at 84 MiB instead of 97, in the same time (2 cores;
/// jemalloc and mimalloc were tried: no lower, mimalloc higher).
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let arenas = libc::c_int::try_from(cores).unwrap_or(libc::c_int::MAX);
        // SAFETY: called first, before any other thread exists; mallopt
        // only tunes the allocator, and refuses values it does not take.
        unsafe { libc::mallopt(libc::M_ARENA_MAX, arenas) };
    }
}

/// The `--color` choice among raw arguments, for clap's own messages; clap
/// itself heeds NO_COLOR and the terminal when it is `auto`.
fn clap_color(arguments: impl Iterator<Item = OsString>) -> clap::ColorChoice {
    let mut choice = clap::ColorChoice::Auto;
    let mut arguments = arguments.skip(1);
    while let Some(argument) = arguments.next() {
        let value = match argument.to_str() {
            Some("--") => break,
            Some("--color") => arguments.next(),
            Some(other) => other.strip_prefix("--color=").map(OsString::from),
            None => None,
        };
        choice = match value.as_ref().and_then(|value| value.to_str()) {
            Some("always") => clap::ColorChoice::Always,
            Some("never") => clap::ColorChoice::Never,
            Some("auto") => clap::ColorChoice::Auto,
            _ => choice,
        };
    }
    choice
}
