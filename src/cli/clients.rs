use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use clausier::check::clients::contract;
use clausier::diagnostic::stderr_styled;
use clausier::publish::clients::{ClientBuildOptions, PRIVATE, build_clients, checked_clients};
use clausier::render::Format;
use clausier::versions::register::{RegisterEntry, register};

/// Each client's own copy of the DPA, and the register of who signed
/// which version.
///
/// Client records are YAML files, one per client, in clients/ under the
/// corpus (or the folder --clients names, to keep client data outside
/// the corpus): the client's name, identifier (UAI or SIRET), signatory,
/// privacy contact, products, the DPA version it signs and, once signed,
/// where and when. `clausier check` checks them too.
#[derive(Args)]
pub struct ClientsArgs {
    #[command(subcommand)]
    command: ClientsCommand,
}

#[derive(Subcommand)]
enum ClientsCommand {
    Build(BuildArgs),
    List(ListArgs),
}

/// Where the corpus and the client records are.
#[derive(Args)]
struct Folders {
    /// The corpus folder, holding corpus.yaml, annexes/, contracts/ and
    /// releases/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The folder of client records [default: <root>/clients].
    #[arg(long, value_name = "DIR")]
    clients: Option<PathBuf>,
}

/// Builds each client's DPA, from the release it signs, into a private
/// folder: <out>/<client>/<lang>/dpa.pdf and .html, in the languages of
/// its edition, with a manifest. The cover and annex A name the client,
/// annex B describes only its products, the footers name it, and a
/// signature page closes the clauses (blank until `signed:` is given).
/// Each recorded notice of a change of sub-processors is addressed to
/// every client on an older version: <out>/<client>/notices/, and a CSV
/// for a mail merge in <out>/notices/. Never written into the public out/.
#[derive(Args)]
struct BuildArgs {
    /// Client ids (file names without .yaml); every client when none.
    ids: Vec<String>,
    #[command(flatten)]
    folders: Folders,
    /// The private output folder [default: <root>/private].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Only these formats (repeatable).
    #[arg(long, value_enum)]
    format: Vec<Format>,
    /// Render every copy again, even those whose inputs are those of a
    /// file of the previous private output (which a build otherwise
    /// copies).
    #[arg(long)]
    fresh: bool,
}

/// Prints the register: each client, the version it signs, the date it
/// signed, and whether a newer release exists.
#[derive(Args)]
struct ListArgs {
    #[command(flatten)]
    folders: Folders,
    /// Only the clients on an older version than the latest release.
    #[arg(long)]
    behind: bool,
    /// `table` for people, `json` or `csv` for other tools.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Table,
    Json,
    Csv,
}

pub fn run(args: ClientsArgs) -> ExitCode {
    let result = match args.command {
        ClientsCommand::Build(args) => build(args),
        ClientsCommand::List(args) => list(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", error.render(stderr_styled()));
            error.exit_code()
        }
    }
}

fn build(args: BuildArgs) -> Result<(), clausier::BuildError> {
    let root = args.folders.root;
    let out = args.out.unwrap_or_else(|| root.join(PRIVATE));
    let options = ClientBuildOptions {
        root,
        clients: args.folders.clients,
        out: out.clone(),
        ids: args.ids,
        formats: args.format,
        notices_only: false,
        reuse: !args.fresh,
    };
    let built = build_clients(&options)?;
    if built.warnings.has_warnings() {
        eprintln!("{}", built.warnings.render(stderr_styled()));
    }
    for (client, paths) in &built.written {
        println!("{client}:");
        for path in paths {
            println!("  {}", super::shown(&out.join(path)));
        }
    }
    Ok(())
}

fn list(args: ListArgs) -> Result<(), clausier::BuildError> {
    let (checked, clients) = checked_clients(&args.folders.root, args.folders.clients.as_deref())?;
    let Some(contract) = contract(&checked.corpus) else {
        return Ok(());
    };
    let mut entries = register(contract, &clients);
    entries.retain(|entry| !args.behind || entry.behind);
    let text = match args.format {
        ListFormat::Table => table(&entries),
        ListFormat::Json => {
            let mut json = serde_json::to_string_pretty(&entries).expect("entries serialize");
            json.push('\n');
            json
        }
        ListFormat::Csv => csv(&entries),
    };
    // Client records are text the terminal must not obey.
    print!("{}", clausier::text::visible(&text));
    Ok(())
}

/// The register as aligned columns, with a header.
fn table(entries: &[RegisterEntry]) -> String {
    let header = ["client", "name", "identifier", "signs", "signed", "latest"];
    let rows: Vec<[String; 6]> = entries
        .iter()
        .map(|e| {
            [
                e.client.clone(),
                e.legal_name.clone(),
                e.identifier.clone(),
                e.version.clone(),
                e.signed.clone().unwrap_or_else(|| "unsigned".into()),
                match e.behind {
                    true => format!("{} (newer)", e.latest),
                    false => e.latest.clone(),
                },
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|column| {
            rows.iter()
                .map(|row| row[column].chars().count())
                .chain([header[column].len()])
                .max()
                .unwrap_or_default()
        })
        .collect();
    let mut text = String::new();
    let header = header.map(String::from);
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        text.push_str(cells.join("  ").trim_end());
        text.push('\n');
    }
    text
}

/// The register as CSV, with its header even when empty.
fn csv(entries: &[RegisterEntry]) -> String {
    let rows: Vec<Vec<String>> = entries.iter().map(RegisterEntry::row).collect();
    let bytes = clausier::publish::clients::csv_table(&RegisterEntry::FIELDS, &rows);
    String::from_utf8(bytes).expect("UTF-8 in, UTF-8 out")
}
