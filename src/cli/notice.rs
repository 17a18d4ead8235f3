use std::path::{Path, PathBuf};
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
/// and announced in out/feed.xml. Where the corpus has client records,
/// each client on an older version than TO also gets its own notice,
/// addressed to it, in the private folder (<client>/notices/), with a CSV
/// for a mail merge (notices/<document>-<from>-<to>.csv): client, contact
/// e-mail, notice file, deadline.
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
    /// The folder of client records [default: <root>/clients].
    #[arg(long, value_name = "DIR")]
    clients: Option<PathBuf>,
    /// The private folder of clients' files [default: <root>/private].
    #[arg(long, value_name = "DIR")]
    private: Option<PathBuf>,
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
        root: args.root.clone(),
        out: out.clone(),
        documents: vec![notice.document.clone()],
        langs: Vec::new(),
        formats: Vec::new(),
        keep_sources: false,
        deny_warnings: false,
        draft: false,
        reuse: true,
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
            notify_clients(&args.root, args.clients, args.private)
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

/// Addresses the notices to the clients concerned, in the private folder,
/// where the corpus has client records; their copies stay as they are.
fn notify_clients(root: &Path, clients: Option<PathBuf>, private: Option<PathBuf>) -> ExitCode {
    use clausier::publish::clients::{ClientBuildOptions, PRIVATE, build_clients};
    if clients.is_none() && !clausier::corpus::clients::folder(root, None).is_dir() {
        return ExitCode::SUCCESS;
    }
    let out = private.unwrap_or_else(|| root.join(PRIVATE));
    let options = ClientBuildOptions {
        root: root.to_path_buf(),
        clients,
        out: out.clone(),
        ids: Vec::new(),
        formats: Vec::new(),
        notices_only: true,
        reuse: true,
    };
    match build_clients(&options) {
        Ok(built) => {
            for path in built.written.values().flatten() {
                println!("{}", super::shown(&out.join(path)));
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.render(stderr_styled()));
            eprintln!(
                "the notice is recorded; `clausier clients build` will address it to each client once this is fixed"
            );
            error.exit_code()
        }
    }
}
