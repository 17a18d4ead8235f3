//! `clausier serve`, end to end: edit a file and the served page changes;
//! break it and the page shows the located error; fix it and the document
//! comes back.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// The server process, stopped when the test ends, even on failure: asked
/// to stop as a terminal or a service manager would (SIGTERM), so that it
/// removes its preview folder; killed if it has not stopped in 10 s.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.0.try_wait() {
            return;
        }
        let asked = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let started = Instant::now();
        while asked.as_ref().is_ok_and(|status| status.success())
            && started.elapsed() < Duration::from_secs(10)
        {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The body of `GET path` on `address` (`127.0.0.1:port`).
fn get(address: &str, path: &str) -> String {
    String::from_utf8_lossy(&get_bytes(address, path)).into_owned()
}

/// The bytes of the body of `GET path` on `address`.
fn get_bytes(address: &str, path: &str) -> Vec<u8> {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let end = response.windows(4).position(|w| w == b"\r\n\r\n");
    end.map(|end| response[end + 4..].to_vec())
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

/// Starts `clausier serve` on a copy of the shipped corpus in `name`: the
/// server, its address and the corpus folder, once the first build is
/// served.
fn start(name: &str) -> (Server, String, PathBuf) {
    let (mut server, dir) = spawn(name);
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
    (server, address, dir)
}

/// Spawns `clausier serve` as [`start`] does, without waiting for it;
/// what it says on stderr goes to `<name>.stderr`, beside the corpus.
fn spawn(name: &str) -> (Server, PathBuf) {
    let dir = scratch(name);
    copy_corpus(&dir);
    // Emptied, like the corpus folder: a preview left by an earlier run
    // must not be taken for this one's.
    scratch(&temporary(&dir).file_name().unwrap().to_string_lossy());
    let child = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["serve", "--port", "0", "--root"])
        .arg(&dir)
        .env("TMPDIR", temporary(&dir))
        .stdout(Stdio::piped())
        .stderr(fs::File::create(dir.with_extension("stderr")).unwrap())
        .spawn()
        .unwrap();
    (Server(child), dir)
}

/// The temporary folder (`TMPDIR`) of the server of the corpus `dir`:
/// `<name>-tmp`, beside it.
fn temporary(dir: &Path) -> PathBuf {
    let name = dir.file_name().unwrap().to_string_lossy();
    dir.with_file_name(format!("{name}-tmp"))
}

/// The preview folders in the server's temporary folder.
fn previews(dir: &Path) -> Vec<PathBuf> {
    let listed = fs::read_dir(temporary(dir)).unwrap();
    listed.map(|entry| entry.unwrap().path()).collect()
}

/// The whole response (status line, headers, body) to `request`.
fn exchange(address: &str, request: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    String::from_utf8_lossy(&response).into_owned()
}

/// The value of header `name` in a response.
fn header<'a>(response: &'a str, name: &str) -> Option<&'a str> {
    let head = response.split("\r\n\r\n").next()?;
    head.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

#[test]
fn an_edit_changes_the_served_page_and_an_error_shows_in_it() {
    let (server, address, dir) = start("serve");

    let page = get(&address, "/fr/dpa.html");
    assert!(page.contains("<h1>Accord sur le traitement des données personnelles</h1>"));
    assert!(
        page.contains("new EventSource('/__clausier/events?since="),
        "live reload script"
    );
    let generation = get(&address, "/__clausier/version");

    let clauses = dir.join("contracts/dpa/fr.md");
    edit(
        &clauses,
        "# Durée du DPA {#duration}",
        "# Durée de l'accord {#duration}",
    );
    let page = wait_for(&address, "/fr/dpa.html", |body| {
        body.contains("Durée de l’accord")
    });
    assert!(
        page.contains("projet non publié"),
        "an edit is previewed as a draft"
    );
    // The pages reload before the PDF is laid out again: asked for at
    // once, the PDF comes when it is rebuilt, never the stale one.
    let pdf = scratch("serve-pdf").join("dpa.pdf");
    std::fs::write(&pdf, get_bytes(&address, "/fr/dpa.pdf")).unwrap();
    let text = common::pdf_text(&pdf);
    assert!(text.contains("Durée de l’accord"), "{text}");
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
        error.contains("error[E0606]: unknown placeholder `{{ commitment.audit_notise }}`\n   --&gt; contracts/dpa/fr.md:139:45\n"),
        "{error}"
    );
    // No file of the last good build is served unmarked meanwhile.
    for path in ["/fr/dpa%2ehtml", "/fr/dpa.pdf", "/feed.xml"] {
        assert!(
            get(&address, path).contains("The corpus has errors"),
            "{path}"
        );
    }

    edit(
        &clauses,
        "{{ commitment.audit_notise }}",
        "{{ commitment.audit_notice }}",
    );
    wait_for(&address, "/fr/dpa.html", |body| {
        body.contains("<h1>Accord sur le traitement des données personnelles</h1>")
    });
    assert!(get(&address, "/").contains("documents juridiques"));
    assert_eq!(
        previews(&dir).len(),
        1,
        "the preview builds in its own folder"
    );
    drop(server);
    assert!(
        !dir.join("out").exists(),
        "the preview never writes into the corpus's out/"
    );
    assert_eq!(
        previews(&dir),
        [] as [PathBuf; 0],
        "the preview folder goes when serve stops"
    );
}

#[test]
fn the_server_speaks_http_and_withstands_idle_connections() {
    let (_server, address, dir) = start("serve-http");
    let close = |method: &str, path: &str| {
        format!("{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n")
    };
    let got = exchange(&address, &close("GET", "/fr/dpa.html"));
    assert!(got.starts_with("HTTP/1.1 200"), "{got}");
    let head = exchange(&address, &close("HEAD", "/fr/dpa.html"));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert_eq!(
        header(&head, "content-length"),
        header(&got, "content-length")
    );
    assert!(head.ends_with("\r\n\r\n"), "HEAD has no body: {head}");
    assert_eq!(
        header(
            &exchange(&address, &close("GET", "/fr/dpa.pdf")),
            "content-type"
        ),
        Some("application/pdf")
    );
    let missing = exchange(&address, &close("GET", "/fr/nothing.html"));
    assert!(missing.starts_with("HTTP/1.1 404"), "{missing}");
    let post = exchange(&address, &close("POST", "/fr/dpa.html"));
    assert!(post.starts_with("HTTP/1.1 405"), "{post}");
    assert_eq!(header(&post, "allow"), Some("GET, HEAD"));
    let folder = exchange(&address, &close("GET", "/en"));
    assert!(folder.starts_with("HTTP/1.1 30"), "{folder}");
    assert_eq!(header(&folder, "location"), Some("/en/"));
    let escape = exchange(&address, &close("GET", "/../../etc/passwd"));
    assert!(!escape.contains("root:"), "{escape}");
    // A request addressed to another name (DNS rebinding) is refused.
    let elsewhere = "GET /fr/dpa.html HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n";
    let refused = exchange(&address, elsewhere);
    assert!(refused.starts_with("HTTP/1.1 403"), "{refused}");
    let by_name = close("GET", "/fr/dpa.html").replace(&address, "localhost:1");
    assert!(exchange(&address, &by_name).starts_with("HTTP/1.1 200"));

    // Idle connections do not keep another client from being served.
    let idle: Vec<TcpStream> = (0..500)
        .map(|_| TcpStream::connect(&address).unwrap())
        .collect();
    let started = Instant::now();
    assert!(get(&address, "/en/dpa.html").contains("Data Processing Agreement"));
    assert!(started.elapsed() < Duration::from_secs(10));
    drop(idle);

    // An editor's temporary files are not edits; a real edit is pushed to
    // open pages as a "reload" event.
    let generation = get(&address, "/__clausier/version");
    fs::write(dir.join("contracts/dpa/.fr.md.swp"), "swap").unwrap();
    fs::write(dir.join("contracts/dpa/4913"), "").unwrap();
    fs::write(dir.join("annexes/parties.yaml~"), "backup").unwrap();
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(get(&address, "/__clausier/version"), generation);
    let mut events = TcpStream::connect(&address).unwrap();
    write!(
        events,
        "GET /__clausier/events?since={generation} HTTP/1.1\r\nHost: {address}\r\n\r\n"
    )
    .unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    edit(
        &dir.join("contracts/dpa/fr.md"),
        "# Durée du DPA {#duration}",
        "# Durée de l'accord {#duration}",
    );
    let mut received = String::new();
    let mut buffer = [0; 1024];
    while !received.contains("event: reload") {
        let read = events.read(&mut buffer).expect("a reload event arrives");
        assert!(read > 0, "the event stream ended: {received}");
        received.push_str(&String::from_utf8_lossy(&buffer[..read]));
    }
    assert!(header(&received, "content-type").is_some_and(|t| t.starts_with("text/event-stream")));
}

/// Waits until the first build has written the pages: the PDF and Word
/// files are being built.
fn wait_for_the_pages(dir: &Path) {
    let started = Instant::now();
    while !previews(dir)
        .iter()
        .any(|preview| preview.join("site").exists())
    {
        assert!(started.elapsed() < Duration::from_secs(60), "no pages");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// How the server ended, once it has, and all it said on stdout.
fn ended(server: &mut Server) -> (std::process::ExitStatus, String) {
    let status = server.0.wait().unwrap();
    let mut said = String::new();
    let stdout = server.0.stdout.take().unwrap();
    BufReader::new(stdout).read_to_string(&mut said).unwrap();
    (status, said)
}

/// Sends `signal` (`INT`: Ctrl-C) to the server.
fn signal(server: &Server, signal: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &server.0.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

#[test]
fn stopped_during_a_build_the_preview_ends_it_then_leaves_nothing_behind() {
    let (mut server, dir) = spawn("serve-stop");
    wait_for_the_pages(&dir);
    signal(&server, "INT");
    let (status, said) = ended(&mut server);
    assert!(status.success(), "{status}");
    assert!(said.starts_with("rebuilt every document: "), "{said}");
    let stderr = fs::read_to_string(dir.with_extension("stderr")).unwrap();
    assert!(
        stderr.contains("stopping once the rebuild under way ends (Ctrl-C again to stop now)\n"),
        "{stderr}"
    );
    assert_eq!(previews(&dir), [] as [PathBuf; 0]);

    // Stopped as soon as it starts, before any build.
    let (mut server, dir) = spawn("serve-stop-at-once");
    let started = Instant::now();
    while previews(&dir).is_empty() {
        assert!(started.elapsed() < Duration::from_secs(60), "no preview");
        std::thread::sleep(Duration::from_millis(1));
    }
    signal(&server, "TERM");
    assert!(server.0.wait().unwrap().success());
    assert_eq!(previews(&dir), [] as [PathBuf; 0]);
}

#[test]
fn a_second_ctrl_c_stops_the_preview_at_once() {
    let (mut server, dir) = spawn("serve-stop-twice");
    wait_for_the_pages(&dir);
    signal(&server, "INT");
    let stderr = dir.with_extension("stderr");
    let started = Instant::now();
    while fs::read_to_string(&stderr).unwrap().is_empty() {
        assert!(started.elapsed() < Duration::from_secs(60), "not stopping");
        std::thread::sleep(Duration::from_millis(5));
    }
    signal(&server, "INT");
    let (status, said) = ended(&mut server);
    assert_eq!(status.code(), Some(130));
    assert_eq!(said, "", "the build under way was not waited for");
    // Left as it was, as the guide says.
    let left = previews(&dir);
    assert_eq!(left.len(), 1);
    fs::remove_dir_all(&left[0]).unwrap();
}
