use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use clausier::corpus::files::write_new_synced;
use clausier::corpus::locale::builtin;
use clausier::corpus::schemas;
use clausier::lang::{Family, Lang, summary_option};

/// Writes a new corpus that `clausier check --draft` accepts at once (plain
/// `check` then asks for its first release): corpus.yaml
/// (its languages and the binding one), the facts in annexes/ with a
/// comment on every field, the documents' text in contracts/, and the
/// JSON Schemas its YAML files name for editors. Every fact is an example
/// to replace with your own.
///
/// The folder must be new or empty (a `.git` alone is fine): nothing is
/// ever overwritten, and a failed run leaves nothing behind.
#[derive(Args)]
pub struct NewArgs {
    /// The folder of the new corpus.
    dir: PathBuf,
    /// The documents, comma-separated: `cookies` (the cookie policy),
    /// `privacy` (the privacy policy, GDPR arts. 12 to 14), `dpa` (the
    /// data processing agreement with each client, GDPR art. 28).
    #[arg(long, value_delimiter = ',', default_value = "cookies")]
    documents: Vec<String>,
    /// The languages, comma-separated, e.g. `en,fr`.
    #[arg(long, value_delimiter = ',', default_value = "en", value_parser = super::LangParser)]
    languages: Vec<Lang>,
    /// The binding language, one of --languages [default: the first].
    #[arg(long, value_parser = super::LangParser)]
    binding: Option<Lang>,
}

/// A file of the scaffold: its path in the corpus, and its text with a
/// line per language wherever a text is written in every language.
type Scaffold = (&'static str, &'static str);

/// The files of scaffold/ at these paths, compiled in; `PATH from SOURCE`
/// writes scaffold/SOURCE at PATH.
macro_rules! scaffold {
    ($($path:literal $(from $source:literal)?),+ $(,)?) => {
        &[$(($path, include_str!(concat!("../../scaffold/", scaffold!(@source $path $($source)?))))),+]
    };
    (@source $path:literal) => { $path };
    (@source $path:literal $source:literal) => { $source };
}

/// The files every corpus has.
const COMMON: &[Scaffold] = scaffold!["annexes/parties.yaml"];

/// The documents `new` can write, with their files. A document's file at
/// a path COMMON also has (the DPA's parties.yaml, with the parties to the
/// contract) takes its place.
const DOCUMENTS: [(&str, &[Scaffold]); 3] = [
    (
        "cookies",
        scaffold![
            "annexes/cookies.yaml",
            "contracts/cookies/document.yaml",
            "contracts/cookies/en.md",
            "contracts/cookies/fr.md",
        ],
    ),
    (
        "privacy",
        scaffold![
            "annexes/privacy.yaml",
            "annexes/third-parties.yaml",
            "checklists/gdpr-art13.yaml",
            "contracts/privacy/document.yaml",
            "contracts/privacy/en.md",
            "contracts/privacy/fr.md",
        ],
    ),
    (
        "dpa",
        scaffold![
            "annexes/parties.yaml" from "annexes/parties-contract.yaml",
            "annexes/commitments.yaml",
            "annexes/products.yaml",
            "annexes/subprocessors.yaml",
            "annexes/security.yaml",
            "checklists/gdpr-art28.yaml" from "../checklists/gdpr-art28.yaml",
            "contracts/dpa/document.yaml",
            "contracts/dpa/en.md",
            "contracts/dpa/fr.md",
        ],
    ),
];

pub fn run(args: NewArgs) -> ExitCode {
    match write(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            super::error(&message);
            ExitCode::from(2)
        }
    }
}

fn write(args: &NewArgs) -> Result<(), String> {
    let mut languages: Vec<Lang> = Vec::new();
    for &lang in &args.languages {
        if !languages.contains(&lang) {
            languages.push(lang);
        }
    }
    let binding = args.binding.unwrap_or(languages[0]);
    if !languages.contains(&binding) {
        return Err(format!(
            "--binding {binding} is not one of --languages: add it there"
        ));
    }
    let mut documents: Vec<&String> = Vec::new();
    for document in &args.documents {
        if !documents.contains(&document) {
            documents.push(document);
        }
    }
    let mut files: Vec<(String, String)> = COMMON
        .iter()
        .map(|(path, text)| (path.to_string(), for_languages(text, &languages)))
        .collect();
    for document in &documents {
        let Some((_, scaffold)) = DOCUMENTS.iter().find(|(id, _)| id == document) else {
            let known: Vec<&str> = DOCUMENTS.iter().map(|(id, _)| *id).collect();
            return Err(clausier::diagnostic::unknown_typed_id(
                "document",
                "documents",
                document,
                &known,
            ));
        };
        for (path, text) in scaffold.iter() {
            let Some(written_in) = path.strip_suffix(".md").and_then(|p| p.rsplit_once('/')) else {
                // Only COMMON's files share paths with a document's.
                files.retain(|(written, _)| written != path);
                files.push((path.to_string(), for_languages(text, &languages)));
                continue;
            };
            // A text file per language of the corpus, from the scaffold's
            // French or English one.
            let (folder, source) = written_in;
            for &lang in languages
                .iter()
                .filter(|&&lang| scaffold_language(lang) == source)
            {
                files.push((format!("{folder}/{lang}.md"), text.to_string()));
            }
        }
    }
    files.push(("corpus.yaml".into(), settings(&languages, binding)));
    for schema in schemas::all() {
        files.push((format!("schemas/{}", schema.file_name()), schema.text()));
    }
    let dir = &args.dir;
    if dir.is_file() {
        return Err(format!(
            "{} is a file: name a new folder",
            super::shown(dir)
        ));
    }
    let in_use = fs::read_dir(dir)
        .is_ok_and(|entries| entries.flatten().any(|entry| entry.file_name() != ".git"));
    if in_use {
        return Err(format!(
            "{} already holds files: `clausier new` writes only into a new or empty folder",
            super::shown(dir)
        ));
    }
    // Written into a staging folder beside it, moved into place at the
    // end: a run that fails (a full disk) leaves nothing half-written.
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    let staging = dir.with_file_name(format!(".{name}.{}.new", std::process::id()));
    let written = stage(&staging, &files, &languages)
        .and_then(|()| move_into_place(&staging, dir).map_err(|error| error.to_string()));
    if let Err(error) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(format!("cannot write {}: {error}", super::shown(dir)));
    }
    let codes: Vec<String> = languages.iter().map(Lang::to_string).collect();
    println!(
        "a new corpus in {}: {} in {} ({} binding), {} files",
        super::shown(dir),
        documents
            .iter()
            .map(|id| id.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        codes.join(", "),
        binding,
        files.len()
    );
    let summaries: Vec<String> = languages
        .iter()
        .map(|&lang| summary_option(lang, &format!("\"{}\"", first_version(lang))))
        .collect();
    let untranslated: Vec<String> = languages
        .iter()
        .filter(|lang| !matches!(lang.family(), Some(Family::French | Family::English)))
        .map(|lang| format!("`{lang}`"))
        .collect();
    if !untranslated.is_empty() {
        println!(
            "the {} texts are in English (their contracts/*/<language>.md and the lines marked `# translate`): translate them, then record the review with `clausier translations confirm`",
            untranslated.join(", ")
        );
    }
    println!(
        "next: replace the example facts in annexes/ and the text in contracts/, then\n  cd {}\n  clausier check --draft      (or clausier serve, to preview)\n{}  clausier build",
        super::shown(dir),
        documents
            .iter()
            .map(|id| format!(
                "  clausier release {id} 1.0 --effective YYYY-MM-DD {}\n",
                summaries.join(" ")
            ))
            .collect::<String>()
    );
    Ok(())
}

/// Writes the corpus's files into `staging`, and records its translations
/// as reviewed where the scaffold's texts are translations of each other
/// (French and English): an English text written for German is not.
fn stage(staging: &Path, files: &[(String, String)], languages: &[Lang]) -> Result<(), String> {
    for (path, text) in files {
        write_new_synced(&staging.join(path), text.as_bytes())
            .map_err(|error| error.to_string())?;
    }
    write_missing_labels(staging, languages)?;
    let translated = |lang: &Lang| matches!(lang.family(), Some(Family::French | Family::English));
    if languages.len() > 1 && languages.iter().all(translated) {
        clausier::record::reviews::confirm_reviews(staging, None, &[])
            .map_err(|error| error.to_string())?;
    }
    Ok(())
}

/// Writes, for each language clausier lacks labels of, the English text
/// of every label its documents show, in locales/<lang>/labels.ftl, to
/// translate: the corpus then passes `check` at once.
fn write_missing_labels(staging: &Path, languages: &[Lang]) -> Result<(), String> {
    let mut diagnostics = clausier::diagnostic::Diagnostics::default();
    let Some(corpus) = clausier::corpus::load(staging, &mut diagnostics) else {
        return Err(format!("the new corpus does not load:\n{diagnostics}"));
    };
    let used = clausier::check::labels::used_messages(&corpus);
    for &lang in languages {
        let built_in = builtin::message_ids(lang);
        let missing: Vec<&String> = used.iter().filter(|id| !built_in.contains(id)).collect();
        if missing.is_empty() {
            continue;
        }
        let mut text = format!(
            "# The labels clausier has no {} text for, in English: translate each\n\
             # (the text after `=`; keep the ids, and the `{{ $… }}` variables).\n",
            lang.name()
        );
        for id in missing {
            let message = english_message(id);
            // The messages that name their own language, as this one.
            match NAMING_THEIR_LANGUAGE.contains(&id.as_str()) {
                true => text.push_str(&message.replace("English", &lang.name())),
                false => text.push_str(&message),
            }
        }
        let path = staging.join(format!("locales/{lang}/labels.ftl"));
        write_new_synced(&path, text.as_bytes()).map_err(|error| error.to_string())?;
    }
    Ok(())
}

/// The labels that name the language they are written in: "English
/// version", "This document is written in English".
const NAMING_THEIR_LANGUAGE: [&str; 4] = [
    "page-edition",
    "notice-binding-short",
    "notice-binding-long",
    "notice-translation-long",
];

/// The Fluent source of the built-in English message `id`: its line and
/// the indented lines that continue it (variants, attributes).
fn english_message(id: &str) -> String {
    let mut found = String::new();
    for (_, text) in builtin::files(Lang::ENGLISH) {
        let mut lines = text.split_inclusive('\n').skip_while(|line| {
            line.split_once('=')
                .is_none_or(|(name, _)| name.trim_end() != id)
        });
        if let Some(first) = lines.next() {
            found.push_str(first);
            found.extend(lines.take_while(|line| line.starts_with(' ')));
        }
    }
    found
}

/// Puts the staged corpus at `dir`: in place of an empty folder, or
/// around a `.git` it holds.
fn move_into_place(staging: &Path, dir: &Path) -> std::io::Result<()> {
    if !dir.exists() {
        return fs::rename(staging, dir);
    }
    for entry in fs::read_dir(staging)? {
        let entry = entry?;
        fs::rename(entry.path(), dir.join(entry.file_name()))?;
    }
    fs::remove_dir(staging)
}

/// "First version", in `lang` (in English where clausier has no words).
fn first_version(lang: Lang) -> &'static str {
    match lang.family() {
        Some(Family::French) => "Première version",
        Some(Family::German) => "Erste Fassung",
        Some(Family::Spanish) => "Primera versión",
        Some(Family::Italian) => "Prima versione",
        Some(Family::Dutch) => "Eerste versie",
        Some(Family::English) | None => "First version",
    }
}

/// The scaffold's language `lang` takes its texts from: French for French
/// of any region, English for every other language (to translate).
fn scaffold_language(lang: Lang) -> &'static str {
    match lang.family() {
        Some(Family::French) => "fr",
        _ => "en",
    }
}

/// The scaffold's text for these languages: a line that gives one of its
/// texts (`en: …`, `fr: …`) becomes a line for each language of the
/// corpus that takes its text from it, marked `# translate` where it is
/// another language's.
fn for_languages(text: &str, languages: &[Lang]) -> String {
    let mut kept = String::new();
    // The indent of a list item whose dash line (`- en: …`) was left out:
    // the next text kept takes its dash.
    let mut dash_owed: Option<String> = None;
    for line in text.split_inclusive('\n') {
        let indent = &line[..line.len() - line.trim_start().len()];
        let (dashed, rest) = match line.trim_start().strip_prefix("- ") {
            Some(rest) => (true, rest),
            None => (false, line.trim_start()),
        };
        let Some((source @ ("en" | "fr"), value)) = rest.split_once(": ") else {
            dash_owed = None;
            kept.push_str(line);
            continue;
        };
        let key_indent = match dashed {
            true => format!("{indent}  "),
            false => indent.to_string(),
        };
        let mut dash = match dashed {
            true => Some(indent.to_string()),
            false => dash_owed.take(),
        };
        let takers = languages
            .iter()
            .filter(|&&lang| scaffold_language(lang) == source);
        for &lang in takers {
            let value = value.trim_end();
            let foreign = !matches!(lang.family(), Some(Family::French | Family::English));
            let mark = if foreign { "  # translate" } else { "" };
            let start = dash
                .take()
                .map_or(key_indent.clone(), |at| format!("{at}- "));
            kept.push_str(&format!("{start}{lang}: {value}{mark}\n"));
        }
        dash_owed = dash;
    }
    kept
}

/// corpus.yaml for these languages.
fn settings(languages: &[Lang], binding: Lang) -> String {
    let codes: Vec<String> = languages.iter().map(Lang::to_string).collect();
    format!(
        "# yaml-language-server: $schema=schemas/corpus.schema.json\n\
         # The languages each document is written in, and the binding one: the\n\
         # original, which prevails; every other edition is a translation of it.\n\
         languages: [{}]\n\
         binding: {binding}\n",
        codes.join(", ")
    )
}
