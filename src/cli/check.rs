use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

/// Checks the corpus without writing anything: every problem is printed as
/// `path:line:col: error: message` with the source line and a hint, then a
/// summary line.
#[derive(Args)]
pub struct CheckArgs {
    /// The corpus folder, holding annexes/, contracts/ and locales/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

pub fn run(args: CheckArgs) -> ExitCode {
    match clausier::check(&args.root) {
        Ok((_, _, diagnostics)) => {
            println!("{diagnostics}");
            ExitCode::SUCCESS
        }
        Err(failed) => {
            eprintln!("{failed}");
            ExitCode::from(1)
        }
    }
}
