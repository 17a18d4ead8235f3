//! `clausier explain CODE`: the guide's page about a kind of problem, as
//! the binary carries it; without a code, the list of them all.

use std::process::ExitCode;

use clausier::diagnostic::{Code, typed_id};
use clausier::text::visible;

/// Explains a kind of problem: what it means, an example, and how to fix
/// it. The code is the one shown with each problem, e.g.
/// `error[E0105]: unknown field`. Without a code, lists every code.
#[derive(clap::Args)]
pub struct ExplainArgs {
    /// The code, e.g. E0105.
    code: Option<String>,
}

pub fn run(args: ExplainArgs) -> ExitCode {
    let Some(typed) = args.code else {
        let list: String = Code::ALL
            .iter()
            .map(|code| format!("{}  {}\n", code.id(), code.title()))
            .collect();
        return print(&list);
    };
    match Code::find(&typed) {
        Some(code) => print(code.page()),
        None => {
            let codes = Code::ALL.iter().map(|code| code.id());
            let typed = visible(&typed);
            super::error(&match typed_id(&typed, codes) {
                Some(close) => format!("unknown code `{typed}`; did you mean `{close}`?"),
                None => format!("unknown code `{typed}`: `clausier explain` lists them all"),
            });
            ExitCode::from(2)
        }
    }
}

/// Prints `text`; a reader that stops early (`| head`) is not an error.
fn print(text: &str) -> ExitCode {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}
