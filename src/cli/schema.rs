use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use clausier::corpus::files::write_atomically;
use clausier::corpus::schemas::{self, SchemaFile, WRITTEN_BY};

/// Writes the JSON Schema of every kind of YAML file (parties.schema.json,
/// cookies.schema.json, document.schema.json…), for editors: with the
/// YAML extension of VS Code or any editor speaking the YAML language
/// server, a first line `# yaml-language-server: $schema=../schemas/parties.schema.json`
/// gives completion, the meaning of each field on hover, and errors as one
/// types.
///
/// Replaces only the schema files it wrote before; exit status 2 when
/// another file is in the way, 1 with --check when a schema is out of date.
#[derive(Args)]
pub struct SchemaArgs {
    /// The corpus folder.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the schemas [default: <root>/schemas].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write nothing: fail if a schema is missing or out of date (for CI).
    #[arg(long)]
    check: bool,
}

pub fn run(args: SchemaArgs) -> ExitCode {
    let out = args.out.unwrap_or_else(|| args.root.join("schemas"));
    let schemas = schemas::all();
    let mut stale = Vec::new();
    for schema in &schemas {
        let path = out.join(schema.file_name());
        match current(&path, schema) {
            Ok(true) => {}
            Ok(false) => stale.push((path, schema)),
            Err(refusal) => {
                super::error(&refusal);
                return ExitCode::from(2);
            }
        }
    }
    if args.check {
        for (path, _) in &stale {
            super::error(&format!(
                "{} is missing or out of date: run `clausier schema`",
                super::shown(path)
            ));
        }
        return ExitCode::from(u8::from(!stale.is_empty()));
    }
    for (path, schema) in &stale {
        if let Err(error) = write_atomically(path, schema.text().as_bytes()) {
            super::error(&format!("cannot write {}: {error}", super::shown(path)));
            return ExitCode::from(2);
        }
    }
    println!(
        "{} schemas in {} ({} written, {} already up to date)",
        schemas.len(),
        super::shown(&out),
        stale.len(),
        schemas.len() - stale.len()
    );
    ExitCode::SUCCESS
}

/// Whether the file at `path` is this schema as written; an error when a
/// file that clausier did not write is there.
fn current(path: &Path, schema: &SchemaFile) -> Result<bool, String> {
    let metadata = match fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(format!("cannot read {}: {error}", super::shown(path))),
    };
    let text = match metadata.is_file() {
        true => fs::read_to_string(path).ok(),
        false => None,
    };
    match text {
        Some(text) if text == schema.text() => Ok(true),
        Some(text) if text.contains(WRITTEN_BY) => Ok(false),
        _ => Err(format!(
            "{} was not written by `clausier schema`: move it away, or pass --out DIR",
            super::shown(path)
        )),
    }
}
