use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use clausier::diagnostic::stderr_styled;
use clausier::lang::Lang;
use clausier::publish::redlines::{DiffRequest, write_redlines};
use clausier::render::Format;

/// Compares two released versions of a document: a redline in each
/// language, clause by clause and word by word, with annex tables compared
/// row by row and cell by cell.
///
/// Writes <out>/<document>-<from>-<to>.<lang>.html (added words in <ins>,
/// deleted words in <del>, with a legend) and, with --format pdf, the same
/// as an A4 PDF (added words coloured and underlined, deleted words
/// coloured and struck through, so that it reads in black and white).
#[derive(Args)]
pub struct DiffArgs {
    /// The document, e.g. `dpa`.
    document: String,
    /// The earlier version, e.g. `1.0`.
    from: String,
    /// The later version, e.g. `1.1`.
    to: String,
    /// Write this format (repeatable) [default: html].
    #[arg(long = "format", value_enum)]
    formats: Vec<Format>,
    /// Compare only this language (repeatable) [default: every language].
    #[arg(long = "lang", value_parser = super::LangParser)]
    langs: Vec<Lang>,
    /// The corpus folder, holding corpus.yaml, annexes/, contracts/ and
    /// releases/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the redlines [default: <root>/redlines].
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn run(args: DiffArgs) -> ExitCode {
    let out = args.out.unwrap_or_else(|| args.root.join("redlines"));
    let formats = match args.formats.is_empty() {
        true => vec![Format::Html],
        false => args.formats,
    };
    let request = DiffRequest {
        root: &args.root,
        document: &args.document,
        from: &args.from,
        to: &args.to,
        langs: args.langs,
        formats,
        out: &out,
    };
    match write_redlines(&request) {
        Ok(written) => {
            for path in written {
                println!("{}", super::shown(&path));
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.render(stderr_styled()));
            error.exit_code()
        }
    }
}
