use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

/// Previews the documents in a browser while you edit them: builds them
/// (unreleased changes as drafts) into a private temporary folder, never
/// into out/, serves it, and watches corpus.yaml, annexes/, checklists/,
/// clients/, contracts/, locales/ and releases/.
///
/// After a burst of edits it rebuilds the documents they touch (all of
/// them for shared facts and labels), and open pages reload by
/// themselves. A content error is shown in the page and in the terminal,
/// with its file, line and column, instead of the documents; fixing it
/// brings them back. Stop it with Ctrl-C: the preview folder goes with it,
/// once the rebuild under way, if any, has ended (a second Ctrl-C stops at
/// once and leaves the folder in the system's temporary folder).
#[derive(Args)]
pub struct ServeArgs {
    /// The corpus folder, holding corpus.yaml, annexes/, contracts/ and
    /// releases/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// The address to listen on: 0.0.0.0 to be reached from outside a
    /// container or from other machines.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    /// Open the preview in the default browser once it is served.
    #[arg(long)]
    open: bool,
}

pub fn run(args: ServeArgs) -> ExitCode {
    if !args.root.is_dir() {
        super::error(&format!(
            "{} is not a folder: pass the corpus folder with --root",
            args.root.display()
        ));
        return ExitCode::from(2);
    }
    let address = SocketAddr::new(args.bind, args.port);
    let served = clausier::serve::serve(&args.root, address, |local| {
        // Not `println!`, which panics when stdout is gone (`| true`).
        let mut stdout = std::io::stdout();
        let _ = writeln!(stdout, "serving http://{local}/ (Ctrl-C to stop)");
        let _ = stdout.flush();
        if args.open {
            open(local);
        }
    });
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            super::error(&format!("cannot serve the preview: {error}"));
            ExitCode::from(2)
        }
    }
}

/// Opens the preview at `local` in the default browser; a server
/// listening on every address is opened on this machine's.
fn open(local: SocketAddr) {
    let url = match local.ip().is_unspecified() {
        true => format!("http://localhost:{}/", local.port()),
        false => format!("http://{local}/"),
    };
    if let Err(error) = opener::open_browser(&url) {
        let note = format!("note: cannot open a browser ({error}): open {url} yourself");
        let _ = writeln!(std::io::stderr(), "{note}");
    }
}
