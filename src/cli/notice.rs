use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use clausier::BuildOptions;
use clausier::diagnostic::stderr_styled;
use clausier::record::notice::{NoticeRequest, record};

/// Records and publishes the notice that tells clients how the
/// sub-processors change between two releases of a document (GDPR art.
/// 28(2)): the sub-processors added, removed or changed, with their
/// details, the date of the notice, and the deadline for objections.
///
/// The deadline is the notice date plus the DPA's objection period
/// (annexes/commitments.yaml), counted from the next day in working days:
/// weekends and French public holidays, Easter Monday, Ascension and Whit
/// Monday included, are skipped. The notice is recorded in
/// releases/<document>/notices/<from>-<to>.json (commit it), then built,
/// in every language, as out/notices/<document>-<from>-<to>.pdf and .html,
/// and announced in out/feed.xml.
#[derive(Args)]
pub struct NoticeArgs {
    /// The document, e.g. `dpa`.
    document: String,
    /// The release the clients signed, e.g. `1.0`.
    from: String,
    /// The release that changes the sub-processors, e.g. `1.1`.
    to: String,
    /// The date of the notice, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: String,
    /// The corpus folder, holding corpus.yaml, annexes/, contracts/ and
    /// releases/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The output folder [default: <root>/out].
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn run(args: NoticeArgs) -> ExitCode {
    let request = NoticeRequest {
        root: &args.root,
        document: &args.document,
        from: &args.from,
        to: &args.to,
        date: &args.date,
    };
    let (path, notice) = match record(&request) {
        Ok(recorded) => recorded,
        Err(error) => {
            eprintln!("{}", error.render(stderr_styled()));
            return error.exit_code();
        }
    };
    println!(
        "recorded the notice of {} {} → {}, dated {}: objections until {} ({})",
        notice.document,
        notice.from,
        notice.to,
        notice.date,
        notice.deadline,
        super::shown(&args.root.join(&path))
    );
    let out = args.out.unwrap_or_else(|| args.root.join("out"));
    let options = BuildOptions {
        root: args.root,
        out: out.clone(),
        documents: vec![notice.document.clone()],
        langs: Vec::new(),
        formats: Vec::new(),
        keep_sources: false,
        deny_warnings: false,
        draft: false,
    };
    match clausier::build(&options) {
        Ok(built) => {
            let notices = built
                .manifest
                .artifacts
                .iter()
                .filter(|a| a.kind == clausier::publish::output::ArtifactKind::Notice);
            for entry in notices {
                println!("{}", super::shown(&out.join(&entry.path)));
            }
            println!("commit {}", super::shown(&path));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.render(stderr_styled()));
            eprintln!(
                "the notice is recorded; `clausier build` will publish it once this is fixed"
            );
            error.exit_code()
        }
    }
}
