use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use clausier::diagnostic::{Diagnostics, stderr_styled, stdout_styled};

/// Checks the corpus without writing anything.
///
/// Every problem is printed as rustc prints its errors: `error|warning:
/// message`, `--> path:line:col`, the offending source line with a marker
/// (and related places, e.g. where a duplicate id is first defined), a
/// `note:` and a `help:` hint; then a summary line. Exit status: 0 when
/// clean (warnings allowed), 1 on errors (and on warnings with
/// --deny-warnings), 2 on a usage or I/O error.
#[derive(Args)]
pub struct CheckArgs {
    /// The corpus folder, holding corpus.yaml, annexes/ and contracts/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// How to print problems: `human`, or `json` (one object per line and
    /// per problem, for CI annotations).
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Fail on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// Accept unreleased changes (a draft) instead of refusing them.
    #[arg(long)]
    draft: bool,
    /// The folder of client records [default: <root>/clients, checked
    /// when it exists].
    #[arg(long, value_name = "DIR")]
    clients: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
}

pub fn run(args: CheckArgs) -> ExitCode {
    if !args.root.is_dir() {
        super::error(&format!(
            "{} is not a folder: pass the corpus folder with --root",
            args.root.display()
        ));
        return ExitCode::from(2);
    }
    let (diagnostics, failed) = match clausier::check(&args.root, args.draft) {
        Ok(checked) => {
            for draft in &checked.drafts {
                eprintln!("{}", describe_draft(draft));
            }
            let clients = args.clients.as_deref();
            match clausier::check::clients::load_checked(&checked.corpus, &args.root, clients) {
                Ok(_) => {
                    let failed = args.deny_warnings && checked.warnings.has_warnings();
                    // Once clean: what remains to confirm, as notes.
                    let mut diagnostics = checked.warnings;
                    for note in clausier::check::confirm::notes(&checked.corpus).sorted() {
                        diagnostics.push(note.clone());
                    }
                    (diagnostics, failed)
                }
                Err(failed) => {
                    let mut diagnostics = checked.warnings;
                    for diagnostic in failed.0.sorted() {
                        diagnostics.push(diagnostic.clone());
                    }
                    (diagnostics, true)
                }
            }
        }
        Err(failed) => (failed.0, true),
    };
    print(&diagnostics, args.format, failed);
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints problems on stderr when the run fails, on stdout otherwise.
pub fn print(diagnostics: &Diagnostics, format: OutputFormat, failed: bool) {
    let styled = match failed {
        true => stderr_styled(),
        false => stdout_styled(),
    };
    let text = match format {
        OutputFormat::Human => format!("{}\n", diagnostics.render(styled)),
        OutputFormat::Json => diagnostics.to_json_lines(),
    };
    if failed {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
}

/// One line saying that a document is an unreleased draft, and what
/// changed.
pub fn describe_draft(draft: &clausier::check::Draft) -> String {
    let mut line = match &draft.since {
        Some(since) => format!("draft: `{}` changed since release {since}", draft.document),
        None => format!("draft: `{}` has no release yet", draft.document),
    };
    if !draft.sections.is_empty() {
        line.push_str(&format!(" ({})", draft.sections.join("; ")));
    }
    line
}
