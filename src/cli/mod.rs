//! One file per subcommand.

pub mod build;
pub mod check;
pub mod clients;
pub mod diff;
pub mod explain;
pub mod new;
pub mod notice;
pub mod release;
pub mod schema;
pub mod serve;
pub mod translations;

/// The error `message` on standard error, as clausier prints errors
/// (coloured on a terminal).
pub fn error(message: &str) {
    use clausier::diagnostic::{Severity, render_message, stderr_styled};
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        render_message(Severity::Error, message, stderr_styled())
    );
}

/// `--lang`: a language code, or an error that names the code meant
/// ("did you mean `fr`?") or the codes there are.
#[derive(Clone)]
pub struct LangParser;

impl clap::builder::TypedValueParser for LangParser {
    type Value = clausier::lang::Lang;

    fn parse_ref(
        &self,
        command: &clap::Command,
        _: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        use clausier::lang::Lang;
        let typed = value.to_string_lossy();
        Lang::parse(&typed).map_err(|why| {
            // clap prints this as it is: what the user typed is escaped.
            let why = clausier::lang::in_one_line(&why);
            let message = format!("{}\n", clausier::text::visible(&why));
            clap::Error::raw(clap::error::ErrorKind::InvalidValue, message).with_cmd(command)
        })
    }
}

/// A path as the terminal may print it: what the user typed (`--out`,
/// `--root`) can hold escape sequences.
pub fn shown(path: &std::path::Path) -> String {
    clausier::text::visible(&path.display().to_string()).into_owned()
}
