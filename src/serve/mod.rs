//! `clausier serve`: a live preview for legal staff. It builds the corpus
//! (unreleased changes as drafts), serves the output on 127.0.0.1, watches
//! the corpus folders, rebuilds what an edit touches, and makes open pages
//! reload by themselves. A content error replaces the pages with the
//! located messages until it is fixed; the server keeps running.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use crate::diagnostic::{stderr_styled, stdout_styled};
use crate::error::BuildError;
use crate::publish::build::BuildOptions;
use crate::render::html::escape;

/// The folders whose edits trigger a rebuild.
const WATCHED: [&str; 4] = ["annexes", "contracts", "locales", "releases"];

/// Where pages ask whether they should reload.
const VERSION_PATH: &str = "/__clausier/version";

/// Injected into every HTML page served: polls the build generation and
/// reloads when it changes.
const RELOAD_SCRIPT: &str = "<script>(function(){var seen=null;setInterval(function(){fetch('/__clausier/version',{cache:'no-store'}).then(function(r){return r.text();}).then(function(v){if(seen!==null&&v!==seen){location.reload();}seen=v;}).catch(function(){});},500);})();</script>";

/// What the server shows: the generation of the last build, and its
/// error, if it failed.
#[derive(Default)]
struct State {
    generation: u64,
    error: Option<String>,
}

/// Builds, then serves `options.out` on 127.0.0.1:`port` and rebuilds on
/// every change, forever. `ready` is told the address once it listens.
pub fn serve(
    mut options: BuildOptions,
    port: u16,
    ready: impl FnOnce(&str),
) -> std::io::Result<()> {
    options.draft = true;
    let state = Arc::new(Mutex::new(State::default()));
    rebuild(&options, &[], &state);
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    ready(&format!("http://{}/", listener.local_addr()?));
    let out = options.out.clone();
    let shared = Arc::clone(&state);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (out, state) = (out.clone(), Arc::clone(&shared));
            std::thread::spawn(move || {
                let _ = respond(stream, &out, &state);
            });
        }
    });
    let mut seen = snapshot(&options.root);
    loop {
        std::thread::sleep(Duration::from_millis(300));
        let now = snapshot(&options.root);
        if now != seen {
            let documents = touched_documents(&seen, &now);
            seen = now;
            rebuild(&options, &documents, &state);
        }
    }
}

/// Every file of the watched folders with its modification time.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, SystemTime> {
    let mut files = BTreeMap::new();
    let mut folders: Vec<PathBuf> = WATCHED.iter().map(|f| root.join(f)).collect();
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.metadata() {
                Ok(meta) if meta.is_dir() => folders.push(path),
                Ok(meta) => {
                    let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                    let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                    files.insert(relative, modified);
                }
                Err(_) => {}
            }
        }
    }
    files
}

/// The documents an edit touched: those whose own folder of `contracts/`
/// or `releases/` changed; none (meaning all) when shared facts or labels
/// changed.
fn touched_documents(
    before: &BTreeMap<PathBuf, SystemTime>,
    after: &BTreeMap<PathBuf, SystemTime>,
) -> Vec<String> {
    let changed = before
        .iter()
        .filter(|(path, time)| after.get(*path) != Some(time))
        .chain(after.iter().filter(|(path, _)| !before.contains_key(*path)))
        .map(|(path, _)| path);
    let mut documents = Vec::new();
    for path in changed {
        let mut parts = path.components().map(|c| c.as_os_str().to_string_lossy());
        match (parts.next().as_deref(), parts.next()) {
            (Some("contracts" | "releases"), Some(id)) if parts.next().is_some() => {
                if !documents.contains(&id.to_string()) {
                    documents.push(id.to_string());
                }
            }
            _ => return Vec::new(),
        }
    }
    documents
}

/// Rebuilds `documents` (all when empty) and records the outcome; prints
/// it in the terminal too.
fn rebuild(options: &BuildOptions, documents: &[String], state: &Mutex<State>) {
    let started = Instant::now();
    let options = BuildOptions {
        documents: documents.to_vec(),
        ..options.clone()
    };
    let error = match crate::publish::build::build(&options) {
        Ok(built) => {
            let what = match documents.is_empty() {
                true => "every document".to_string(),
                false => documents.join(", "),
            };
            println!(
                "rebuilt {what}: {} artifact(s) in {:.2} s",
                built.manifest.artifacts.len(),
                started.elapsed().as_secs_f64()
            );
            if !built.warnings.is_empty() {
                println!("{}", built.warnings.render(stdout_styled()));
            }
            None
        }
        // The terminal may get colours; the preview page gets plain text.
        Err(error @ BuildError::Content(_)) => {
            let text = error.render(stderr_styled());
            eprintln!("{text}\nthe preview shows this until it is fixed");
            Some(error.to_string())
        }
        Err(other) => {
            eprintln!("{}", other.render(stderr_styled()));
            Some(other.to_string())
        }
    };
    let mut state = state.lock().expect("the server state is never poisoned");
    state.generation += 1;
    state.error = error;
}

fn respond(stream: TcpStream, out: &Path, state: &Mutex<State>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // Read the headers too: closing with unread input would reset the
    // connection before the browser reads the response.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (generation, error) = {
        let state = state.lock().expect("the server state is never poisoned");
        (state.generation, state.error.clone())
    };
    if path == VERSION_PATH {
        return send(
            stream,
            "200 OK",
            "text/plain",
            generation.to_string().into_bytes(),
        );
    }
    let Some(file) = local_file(out, path) else {
        return send(stream, "404 Not Found", "text/plain", b"not found".to_vec());
    };
    let is_html = file.extension().is_some_and(|e| e == "html");
    if let (true, Some(error)) = (is_html, &error) {
        return send(
            stream,
            "200 OK",
            "text/html; charset=utf-8",
            error_page(error).into_bytes(),
        );
    }
    match std::fs::read(&file) {
        Ok(bytes) if is_html => {
            let html = String::from_utf8_lossy(&bytes);
            let page = match html.rfind("</body>") {
                Some(end) => format!("{}{RELOAD_SCRIPT}{}", &html[..end], &html[end..]),
                None => format!("{html}{RELOAD_SCRIPT}"),
            };
            send(
                stream,
                "200 OK",
                "text/html; charset=utf-8",
                page.into_bytes(),
            )
        }
        Ok(bytes) => send(stream, "200 OK", media_type(&file), bytes),
        Err(_) => send(stream, "404 Not Found", "text/plain", b"not found".to_vec()),
    }
}

/// The file under `out` that a URL path names, refusing to leave `out`.
fn local_file(out: &Path, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = out.join(relative);
    Some(if path.ends_with('/') || file.is_dir() {
        file.join("index.html")
    } else {
        file
    })
}

fn media_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("pdf") => "application/pdf",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/atom+xml",
        _ => "application/octet-stream",
    }
}

/// The page shown instead of the documents while the corpus has errors.
fn error_page(error: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>clausier: the corpus has errors</title></head>\n<body style=\"font-family: sans-serif; margin: 2rem;\">\n<h1>The corpus has errors</h1>\n<p>Fix them in your editor: this page reloads by itself.</p>\n<pre style=\"white-space: pre-wrap; background: #fdecea; padding: 1rem;\">{}</pre>\n{RELOAD_SCRIPT}\n</body>\n</html>\n",
        escape(error)
    )
}

fn send(
    mut stream: TcpStream,
    status: &str,
    media_type: &str,
    body: Vec<u8>,
) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {media_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)?;
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(paths: &[&str]) -> BTreeMap<PathBuf, SystemTime> {
        paths
            .iter()
            .map(|p| (PathBuf::from(p), SystemTime::UNIX_EPOCH))
            .collect()
    }

    #[test]
    fn an_edit_rebuilds_only_the_documents_it_touches() {
        let before = files(&["contracts/dpa/fr.md", "annexes/parties.yaml"]);
        let mut after = before.clone();
        after.insert("contracts/dpa/fr.md".into(), SystemTime::now());
        assert_eq!(touched_documents(&before, &after), ["dpa"]);
        after.insert("annexes/parties.yaml".into(), SystemTime::now());
        assert!(touched_documents(&before, &after).is_empty(), "all");
    }

    #[test]
    fn urls_cannot_leave_the_output_folder() {
        let out = Path::new("/site/out");
        assert_eq!(
            local_file(out, "/fr/dpa.html"),
            Some(PathBuf::from("/site/out/fr/dpa.html"))
        );
        assert_eq!(local_file(out, "/../secret"), None);
        assert_eq!(local_file(out, "/fr/../../x"), None);
    }
}
