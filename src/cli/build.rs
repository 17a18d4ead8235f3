use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use clausier::BuildOptions;
use clausier::diagnostic::stderr_styled;
use clausier::lang::Lang;
use clausier::render::Format;

/// Checks the corpus, then writes every document in every language as PDF
/// and HTML into the output folder: the latest release at
/// <lang>/<document>.<ext>, every release at
/// <lang>/<document>/<version>.<ext>, the client notices under notices/,
/// the Atom feed feed.xml, and manifest.json.
///
/// Everything is written to a staging folder beside the output and swapped
/// into place only when everything succeeded: a failed build leaves the
/// previous output as it was. Exit status: 0 on success, 1 when the corpus
/// has errors, 2 on a usage or file-system error.
#[derive(Args)]
pub struct BuildArgs {
    /// The corpus folder, holding annexes/, contracts/ and locales/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The output folder [default: <root>/out].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Build only this document (repeatable), e.g. `dpa`.
    #[arg(long = "doc", value_name = "ID")]
    documents: Vec<String>,
    /// Build only this language (repeatable).
    #[arg(long = "lang", value_parser = super::LangParser)]
    langs: Vec<Lang>,
    /// Build only this format (repeatable).
    #[arg(long = "format", value_enum)]
    formats: Vec<Format>,
    /// Also write the typst source and its JSON data beside each PDF, for
    /// whoever edits the templates.
    #[arg(long)]
    keep_sources: bool,
    /// Fail, writing nothing, when there is any warning.
    #[arg(long)]
    deny_warnings: bool,
    /// Publish unreleased changes as a draft at the documents' fixed paths
    /// (marked "unreleased draft"), to preview them before a release.
    /// Without it, unreleased changes are an error.
    #[arg(long)]
    draft: bool,
}

pub fn run(args: BuildArgs) -> ExitCode {
    let started = Instant::now();
    let out = args.out.unwrap_or_else(|| args.root.join("out"));
    let options = BuildOptions {
        langs: args.langs,
        root: args.root,
        out: out.clone(),
        documents: args.documents,
        formats: args.formats,
        keep_sources: args.keep_sources,
        deny_warnings: args.deny_warnings,
        draft: args.draft,
    };
    match clausier::build(&options) {
        Ok(clausier::Built {
            manifest,
            warnings,
            drafts,
        }) => {
            if !warnings.is_empty() {
                eprintln!("{}", warnings.render(stderr_styled()));
            }
            for draft in &drafts {
                eprintln!("{}", super::check::describe_draft(draft));
            }
            for entry in &manifest.artifacts {
                println!(
                    "{:>9} bytes  {}",
                    entry.bytes,
                    super::shown(&out.join(&entry.path))
                );
            }
            println!(
                "built {} artifact(s) in {:.2} s; manifest: {}",
                manifest.artifacts.len(),
                started.elapsed().as_secs_f64(),
                super::shown(&out.join(clausier::output::MANIFEST))
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.render(stderr_styled()));
            eprintln!("nothing was written: {} is unchanged", super::shown(&out));
            error.exit_code()
        }
    }
}
