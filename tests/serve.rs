//! `clausier serve`, end to end: edit a file and the served page changes;
//! break it and the page shows the located error; fix it and the document
//! comes back.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// The server process, stopped when the test ends, even on failure.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The body of `GET path` on `address` (`127.0.0.1:port`).
fn get(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_string())
        .unwrap_or_default()
}

/// Waits until `GET path` satisfies `ready`, and returns that body.
fn wait_for(address: &str, path: &str, ready: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let body = get(address, path);
        if ready(&body) {
            return body;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{path} never changed; last body:\n{body}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn an_edit_changes_the_served_page_and_an_error_shows_in_it() {
    let dir = scratch("serve");
    copy_corpus(&dir);
    let child = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["serve", "--port", "0", "--root"])
        .arg(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let mut lines = BufReader::new(server.0.stdout.take().unwrap()).lines();
    let address = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            let rest = line.strip_prefix("serving http://")?;
            Some(rest.split('/').next()?.to_string())
        })
        .expect("the server says where it listens");
    // Keep reading its output so that it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));

    let page = get(&address, "/fr/dpa.html");
    assert!(page.contains("<h1>Accord sur le traitement des données personnelles</h1>"));
    assert!(page.contains("/__clausier/version"), "live reload script");
    let generation = get(&address, "/__clausier/version");

    let clauses = dir.join("contracts/dpa/fr.md");
    edit(
        &clauses,
        "# Durée du DPA {#duration}",
        "# Durée de l'accord {#duration}",
    );
    let page = wait_for(&address, "/fr/dpa.html", |body| {
        body.contains("Durée de l&#39;accord")
    });
    assert!(
        page.contains("projet non publié"),
        "an edit is previewed as a draft"
    );
    // The page is swapped in a moment before the generation is counted.
    wait_for(&address, "/__clausier/version", |version| {
        version != generation
    });

    edit(
        &clauses,
        "{{ commitment.audit_notice }}",
        "{{ commitment.audit_notise }}",
    );
    let error = wait_for(&address, "/fr/dpa.html", |body| {
        body.contains("The corpus has errors")
    });
    assert!(
        error.contains("error: unknown placeholder `{{ commitment.audit_notise }}`\n   --&gt; contracts/dpa/fr.md:137:44\n"),
        "{error}"
    );

    edit(
        &clauses,
        "{{ commitment.audit_notise }}",
        "{{ commitment.audit_notice }}",
    );
    wait_for(&address, "/fr/dpa.html", |body| {
        body.contains("<h1>Accord sur le traitement des données personnelles</h1>")
    });
    assert!(get(&address, "/").contains("documents juridiques"));
}
