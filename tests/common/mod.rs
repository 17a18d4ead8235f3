//! Helpers shared by the integration tests: building a corpus into a fresh
//! folder under cargo's test scratch space, and reading outputs as text.
#![allow(dead_code)] // each test binary uses its own subset

pub mod docx;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clausier::BuildOptions;
use clausier::publish::output::Manifest;

/// The corpus shipped in this repository.
pub fn shipped_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh, empty folder named after the test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("clausier-tests")
        .join(name);
    if dir.exists() {
        fs::remove_dir_all(&dir).unwrap();
    }
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Builds every artifact of the corpus at `root` into `out`.
pub fn build(root: &Path, out: &Path) -> Manifest {
    build_with(root, out, false)
}

/// Builds an edited copy of the corpus, whose unreleased changes are
/// published as drafts.
pub fn build_draft(root: &Path, out: &Path) -> Manifest {
    build_with(root, out, true)
}

/// What to build: every artifact of `root` into `out`.
pub fn build_options(root: &Path, out: &Path, draft: bool, reuse: bool) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        out: out.to_path_buf(),
        documents: Vec::new(),
        langs: Vec::new(),
        formats: Vec::new(),
        keep_sources: false,
        deny_warnings: false,
        draft,
        reuse,
    }
}

fn build_with(root: &Path, out: &Path, draft: bool) -> Manifest {
    let options = build_options(root, out, draft, true);
    match clausier::build(&options) {
        Ok(built) => built.manifest,
        Err(error) => panic!("build failed:\n{error}"),
    }
}

/// The shipped corpus, built once per test binary.
pub fn shipped_out() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = scratch(&format!("shipped-{}", std::process::id())).join("out");
        build(&shipped_root(), &out);
        out
    })
}

/// The artifact cache beside the output `out` (`.<out>.cache/artifacts`).
pub fn artifact_cache(out: &Path) -> PathBuf {
    let name = out.file_name().unwrap().to_string_lossy();
    out.with_file_name(format!(".{name}.cache"))
        .join("artifacts")
}

/// Copies the shipped corpus (its settings and its folders) into `to`.
pub fn copy_corpus(to: &Path) {
    for folder in clausier::corpus::SOURCE_FOLDERS {
        copy_tree(&shipped_root().join(folder), &to.join(folder));
    }
    let settings = clausier::corpus::settings::SETTINGS_FILE;
    fs::copy(shipped_root().join(settings), to.join(settings)).unwrap();
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Replaces `from` by `to` in a corpus file, failing if `from` is absent.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(
        text.contains(from),
        "{} does not contain {from:?}",
        path.display()
    );
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// What a command printed, on either stream.
pub fn shown(output: &std::process::Output) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout);
    format!("{stdout}{}", String::from_utf8_lossy(&output.stderr))
}

/// The summary line `check` printed on standard output ("0 error(s),
/// 0 warning(s), 11 note(s)"), after the notes of a clean check.
pub fn summary(output: &std::process::Output) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().find(|line| line.contains(" error(s), "));
    line.unwrap_or_default().to_string()
}

/// The shipped corpus's notes: the entries with facts still to confirm.
pub const SHIPPED_NOTES: usize = 11;

/// Runs `clausier new DIR ARGS…`, as a user starts a corpus.
pub fn clausier_new(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_clausier"))
        .arg("new")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

/// Runs the `clausier` binary with `args` on the corpus at `root`.
pub fn clausier(root: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap()
}

/// The text of each page of a PDF.
pub fn pdf_pages(path: &Path) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(&fs::read(path).unwrap()).unwrap()
}

/// The text of a whole PDF.
pub fn pdf_text(path: &Path) -> String {
    pdf_pages(path).concat()
}

/// The visible text of an HTML page: tags removed, entities decoded.
pub fn html_text(path: &Path) -> String {
    let html = fs::read_to_string(path).unwrap();
    let body = &html[html.find("<body>").unwrap()..];
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

/// Lower-case letters and digits only: compares texts whatever their line
/// breaks, hyphenation, spacing and punctuation.
pub fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Validates `yaml` against the committed schema `name`
/// (`schemas/<name>.schema.json`) with boon, an independent validator: its
/// errors, if any.
pub fn schema_errors(yaml: &str, name: &str) -> Result<(), String> {
    let path = shipped_root().join(format!("schemas/{name}.schema.json"));
    let schema: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let instance: serde_json::Value =
        serde_saphyr::from_str(yaml).map_err(|error| format!("not YAML: {error}"))?;
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let location = format!("file:///schemas/{name}.schema.json");
    compiler.add_resource(&location, schema).unwrap();
    let index = compiler.compile(&location, &mut schemas).unwrap();
    schemas
        .validate(&instance, index)
        .map_err(|error| format!("{error:#}"))
}

/// Every file under `folder`, by its path relative to it, with its bytes:
/// two folders with equal trees hold the same files, byte for byte.
pub fn relative_tree(folder: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(path) = pending.pop() {
        for entry in fs::read_dir(&path).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let name = path.strip_prefix(folder).unwrap().display().to_string();
                files.insert(name, fs::read(&path).unwrap());
            }
        }
    }
    files
}
