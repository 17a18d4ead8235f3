use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use clausier::BuildOptions;

/// Previews the documents in a browser while you edit them: builds them
/// (unreleased changes as drafts), serves the output on 127.0.0.1, and
/// watches annexes/, contracts/, locales/ and releases/.
///
/// After an edit it rebuilds the documents the edit touches (all of them
/// for shared facts and labels), and open pages reload by themselves. A
/// content error is shown in the page and in the terminal, with its file,
/// line and column, instead of the documents; fixing it brings them back.
/// Stop it with Ctrl-C.
#[derive(Args)]
pub struct ServeArgs {
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// The corpus folder, holding annexes/, contracts/, locales/ and
    /// releases/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The output folder [default: <root>/out].
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn run(args: ServeArgs) -> ExitCode {
    if !args.root.is_dir() {
        super::error(&format!(
            "{} is not a folder: pass the corpus folder with --root",
            args.root.display()
        ));
        return ExitCode::from(2);
    }
    let options = BuildOptions {
        out: args.out.unwrap_or_else(|| args.root.join("out")),
        root: args.root,
        documents: Vec::new(),
        langs: Vec::new(),
        formats: Vec::new(),
        keep_sources: false,
        deny_warnings: false,
        draft: true,
    };
    let served = clausier::serve::serve(options, args.port, |address| {
        println!("serving {address} (Ctrl-C to stop)");
        let _ = std::io::stdout().flush();
    });
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            super::error(&format!("cannot serve on port {}: {error}", args.port));
            ExitCode::from(2)
        }
    }
}
