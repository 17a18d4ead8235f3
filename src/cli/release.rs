use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use clausier::diagnostic::stderr_styled;
use clausier::lang::Lang;
use clausier::record::release::{ReleaseRequest, release};

/// Releases a new version of a document: freezes its current text, in
/// every language, in releases/<document>/<version>.json, with a
/// fingerprint.
///
/// Every released version is rebuilt from that file by `clausier build`,
/// offline and byte for byte; `clausier check` refuses the corpus when a
/// released text changes. Commit the file. Refused when the corpus has
/// errors or warnings, when the version is not greater than the latest
/// release, when the effective date is earlier than the latest release's,
/// and when nothing changed.
#[derive(Args)]
pub struct ReleaseArgs {
    /// The document, e.g. `dpa`.
    document: String,
    /// The new version, e.g. `1.1`: greater than the latest release.
    version: String,
    /// The date from which the version applies, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    effective: String,
    /// What the version changes, in French (one sentence or two: it is
    /// shown in the version history and the feed).
    #[arg(long, value_name = "TEXT")]
    summary_fr: Option<String>,
    /// What the version changes, in English.
    #[arg(long, value_name = "TEXT")]
    summary_en: Option<String>,
    /// What the version changes in a language, as LANG=TEXT (repeatable),
    /// e.g. `--summary nl-BE="Eerste versie"`: for any language.
    #[arg(long = "summary", value_name = "LANG=TEXT", value_parser = summary_in)]
    summaries: Vec<(Lang, String)>,
    /// The corpus folder, holding corpus.yaml, annexes/ and contracts/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

/// `--summary LANG=TEXT`.
fn summary_in(value: &str) -> Result<(Lang, String), String> {
    let (lang, text) = value
        .split_once('=')
        .ok_or("write the language, `=`, then the text: `--summary de=\"Erste Fassung\"`")?;
    let lang = Lang::parse(lang)
        .map_err(|why| clausier::text::visible(&clausier::lang::in_one_line(&why)).into_owned())?;
    Ok((lang, text.to_string()))
}

pub fn run(args: ReleaseArgs) -> ExitCode {
    let shorthands = [
        (Lang::FRENCH, args.summary_fr),
        (Lang::ENGLISH, args.summary_en),
    ];
    let given = shorthands
        .into_iter()
        .filter_map(|(lang, text)| Some((lang, text?)))
        .chain(args.summaries);
    let mut summary: BTreeMap<Lang, String> = BTreeMap::new();
    for (lang, text) in given {
        // Read like corpus text: one Unicode form, `\n` line ends.
        let text = clausier::text::normalize_source(&text);
        if summary.insert(lang, text).is_some() {
            super::error(&format!(
                "the summary in `{lang}` is given twice: give it once"
            ));
            return ExitCode::from(2);
        }
    }
    let request = ReleaseRequest {
        root: &args.root,
        document: &args.document,
        version: &args.version,
        effective_date: &args.effective,
        summary,
    };
    match release(&request) {
        Ok(recorded) => {
            let release = &recorded.release;
            println!(
                "released {} {}, effective {}: {} ({})",
                release.document,
                release.version,
                release.effective_date,
                super::shown(&args.root.join(&recorded.path)),
                release.fingerprint
            );
            println!(
                "next: `clausier build` publishes it; commit {}",
                super::shown(&recorded.path)
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.render(stderr_styled()));
            if matches!(error, clausier::BuildError::Content(_)) {
                eprintln!(
                    "nothing was released: fix these first, as a release cannot change afterwards"
                );
            }
            error.exit_code()
        }
    }
}
