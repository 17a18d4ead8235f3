use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use clausier::BuildOptions;
use clausier::diagnostic::stderr_styled;
use clausier::lang::Lang;
use clausier::publish::output::{ArtifactKind, Manifest, ManifestEntry};
use clausier::render::Format;

/// Checks the corpus, then writes every document in every language as PDF,
/// HTML and Word into the output folder: the latest release at
/// <lang>/<document>.<ext>, every release at
/// <lang>/<document>/<version>.<ext>, each contract's binding text beside
/// each translation at parallel/<document>.<binding>-<translation>.<ext>,
/// the redlines, the client notices under notices/, the Atom feed
/// feed.xml, and manifest.json.
///
/// Everything is written to a staging folder beside the output and swapped
/// into place only when everything succeeded: a failed build leaves the
/// previous output as it was. Exit status: 0 on success, 1 when the corpus
/// has errors, 2 on a usage or file-system error.
#[derive(Args)]
pub struct BuildArgs {
    /// The corpus folder, holding corpus.yaml, annexes/ and contracts/.
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
    /// Render every file again, even when the output is up to date (its
    /// last build, recorded in .<out>.cache/ beside it, consulted the same
    /// corpus) or a file's inputs are those of a file of the previous
    /// output (which a build otherwise copies).
    #[arg(long)]
    fresh: bool,
    /// Print nothing but errors.
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// Also list every file written, with its size.
    #[arg(short, long)]
    verbose: bool,
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
        reuse: !args.fresh,
    };
    match clausier::build(&options) {
        Ok(clausier::Built {
            manifest,
            warnings,
            drafts,
            reused,
            up_to_date,
        }) => {
            if args.quiet {
                return ExitCode::SUCCESS;
            }
            if !warnings.is_empty() {
                eprintln!("{}", warnings.render(stderr_styled()));
            }
            for draft in &drafts {
                eprintln!("{}", super::check::describe_draft(draft));
            }
            // Written, not printed: a closed pipe (`| head`) ends the
            // listing instead of panicking.
            let mut stdout = std::io::stdout().lock();
            if args.verbose {
                for entry in &manifest.artifacts {
                    let _ = writeln!(
                        stdout,
                        "{:>9} bytes  {}",
                        entry.bytes,
                        super::shown(&out.join(&entry.path))
                    );
                }
            }
            let how = match (up_to_date, reused) {
                (true, _) => {
                    " (up to date: the corpus is unchanged since the last build)".to_string()
                }
                (false, 0) => String::new(),
                (false, n) => format!(" ({n} unchanged, copied)"),
            };
            let _ = writeln!(
                stdout,
                "{} in {:.2} s{how}: {}",
                count(manifest.artifacts.len(), "file", "files"),
                started.elapsed().as_secs_f64(),
                summary(&manifest, &out)
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

/// What a build published, in one line: "3 documents in 2 languages
/// (6 versions), 1 redline, 1 notice, the site and the feed in out/".
fn summary(manifest: &Manifest, out: &Path) -> String {
    let distinct = |kind: ArtifactKind, key: fn(&ManifestEntry) -> String| {
        let keys: BTreeSet<String> = manifest
            .artifacts
            .iter()
            .filter(|entry| entry.kind == kind)
            .map(key)
            .collect();
        keys.len()
    };
    let document = |entry: &ManifestEntry| entry.document.clone().unwrap_or_default();
    let version: fn(&ManifestEntry) -> String =
        |entry| format!("{:?} {:?}", entry.document, entry.version);
    let lang = |entry: &ManifestEntry| format!("{:?}", entry.lang);
    let mut parts = vec![format!(
        "{} in {} ({})",
        count(
            distinct(ArtifactKind::Document, document),
            "document",
            "documents"
        ),
        count(
            distinct(ArtifactKind::Document, lang),
            "language",
            "languages"
        ),
        count(
            distinct(ArtifactKind::Document, version),
            "version",
            "versions"
        ),
    )];
    // A parallel edition is one per translation, in PDF and Word.
    let edition = |entry: &ManifestEntry| {
        entry
            .path
            .rsplit_once('.')
            .unwrap_or_default()
            .0
            .to_string()
    };
    for (kind, key, one, many) in [
        (
            ArtifactKind::Parallel,
            edition as fn(&ManifestEntry) -> String,
            "parallel edition",
            "parallel editions",
        ),
        (ArtifactKind::Redline, version, "redline", "redlines"),
        (
            ArtifactKind::Notice,
            version,
            "client notice",
            "client notices",
        ),
    ] {
        let found = distinct(kind, key);
        if found > 0 {
            parts.push(count(found, one, many));
        }
    }
    if manifest
        .artifacts
        .iter()
        .any(|e| e.kind == ArtifactKind::Site)
    {
        parts.push("the site and the feed".to_string());
    }
    format!("{} in {}", parts.join(", "), super::shown(out))
}

/// "1 file", "45 files".
fn count(number: usize, one: &str, many: &str) -> String {
    format!("{number} {}", if number == 1 { one } else { many })
}
