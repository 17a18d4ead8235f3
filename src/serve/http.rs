//! The preview's HTTP server: axum routes for live reload, tower-http's
//! `ServeDir` for the files (MIME types, HEAD, directory redirects, no
//! `..`), behind a layer that injects the reload script into pages and
//! shows the error page; connections are hyper's HTTP/1, with bounds on
//! their number, their header size and how long they may stay idle.

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use percent_encoding::percent_decode_str;
use tokio::sync::{Semaphore, watch};
use tower_http::services::ServeDir;

use super::rebuild::Status;
use super::reload::{self, EVENTS_PATH, VERSION_PATH};

/// The longest a request for a PDF or Word file waits for the files being
/// rebuilt (a whole site's take a few seconds).
const FILES_WAIT: std::time::Duration = std::time::Duration::from_secs(60);
/// The most connections served at once. Past it, new clients wait in the
/// system's queue until one closes; idle ones close after [`IDLE`]. Below
/// the usual limit of 1024 open files, so that the limit reached is ours.
const MAX_CONNECTIONS: usize = 900;

/// How long a connection may take to send a request's headers, and stay
/// idle between requests, before it is closed.
const IDLE: Duration = Duration::from_secs(10);

/// The largest request head (request line and headers) read: browsers
/// send a few kilobytes.
const MAX_HEADER_BYTES: usize = 16 * 1024;

/// The most header fields a request may have.
const MAX_HEADERS: usize = 64;

/// The largest page the reload script is injected into; the preview's
/// pages are a few hundred kilobytes.
const MAX_PAGE_BYTES: usize = 64 * 1024 * 1024;

/// How long to wait before accepting again after a failure (out of file
/// descriptors or memory): the condition passes as connections close.
const RETRY: Duration = Duration::from_millis(100);

/// The server, listening.
pub struct Server {
    /// The socket bound by [`super::serve`].
    listener: tokio::net::TcpListener,
    /// Every route, with the preview layer.
    router: Router,
    /// One permit per open connection.
    connections: Arc<Semaphore>,
}

/// What the preview layer needs.
#[derive(Clone)]
struct Pages {
    /// The folder served.
    site: PathBuf,
    /// The outcome of the last build.
    status: watch::Receiver<Status>,
    /// Whether the server listens on a loopback address only: it then
    /// answers only requests addressed to this machine by name (`Host`),
    /// so that a web page elsewhere cannot read the drafts through a name
    /// of its own pointed at 127.0.0.1 (DNS rebinding).
    local: bool,
}

impl Server {
    /// A server of the files of `site` and of live reload, on `listener`.
    /// Called within the runtime.
    pub fn new(
        listener: std::net::TcpListener,
        site: PathBuf,
        status: watch::Receiver<Status>,
    ) -> io::Result<Server> {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let pages = Pages {
            site: site.clone(),
            status: status.clone(),
            local: listener.local_addr()?.ip().is_loopback(),
        };
        let router = Router::new()
            .route(EVENTS_PATH, get(reload::events))
            .route(VERSION_PATH, get(reload::version))
            .with_state(status)
            .fallback_service(ServeDir::new(site))
            .layer(middleware::from_fn_with_state(pages, preview));
        Ok(Server {
            listener,
            router,
            connections: Arc::new(Semaphore::new(MAX_CONNECTIONS)),
        })
    }

    /// Serves until the process stops; each connection on a task of its
    /// own, so that a slow or idle client never holds up another.
    pub async fn run(self) -> io::Result<()> {
        let mut failing = false;
        loop {
            // A place first, then the connection: clients beyond the
            // limit wait in the system's queue, costing nothing here.
            let permit = Arc::clone(&self.connections)
                .acquire_owned()
                .await
                .map_err(io::Error::other)?;
            let stream = match self.listener.accept().await {
                Ok((stream, _)) => {
                    failing = false;
                    stream
                }
                Err(error) => {
                    // A client that left before being accepted is no
                    // failure; anything else is said once, then retried.
                    let left = matches!(
                        error.kind(),
                        io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset
                    );
                    if !left && !failing {
                        let warning =
                            format!("warning: cannot accept a connection: {error}; retrying");
                        // Not `eprintln!`, which panics once the terminal is gone.
                        let _ = writeln!(io::stderr(), "{warning}");
                        failing = true;
                    }
                    tokio::time::sleep(RETRY).await;
                    continue;
                }
            };
            let _ = stream.set_nodelay(true);
            let service = TowerToHyperService::new(self.router.clone());
            tokio::spawn(async move {
                let _permit = permit;
                let mut http = http1::Builder::new();
                http.timer(TokioTimer::new())
                    .header_read_timeout(IDLE)
                    .max_header_size(MAX_HEADER_BYTES)
                    .max_headers(MAX_HEADERS)
                    .keep_alive(true);
                // A client that breaks off, sends garbage or times out
                // concerns no one else.
                let _ = http.serve_connection(TokioIo::new(stream), service).await;
            });
        }
    }
}

/// The preview layer, around every route; marks every response as never
/// to be cached (the files change under the same names).
async fn preview(State(pages): State<Pages>, request: Request, next: Next) -> Response {
    let mut response = respond(&pages, request, next).await;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Only reading is allowed; a page gets the reload script, or the error
/// page while the corpus has errors; nothing is served through a link.
async fn respond(pages: &Pages, mut request: Request, next: Next) -> Response {
    let method = request.method();
    if method != Method::GET && method != Method::HEAD {
        let allow = [(header::ALLOW, "GET, HEAD")];
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            allow,
            "method not allowed\n",
        )
            .into_response();
    }
    let host = request.headers().get(header::HOST);
    if pages.local && host.is_some_and(|host| !is_local_host(host.as_bytes())) {
        let message = "this preview answers only at localhost or 127.0.0.1\n";
        return (StatusCode::FORBIDDEN, message).into_response();
    }
    let path = request.uri().path().to_string();
    if path.starts_with("/__clausier/") {
        return next.run(request).await;
    }
    // Pages are rewritten and files replaced under their names: every
    // response is the whole current file, never a part, never "unchanged".
    for name in [
        header::RANGE,
        header::IF_RANGE,
        header::IF_MATCH,
        header::IF_NONE_MATCH,
        header::IF_MODIFIED_SINCE,
        header::IF_UNMODIFIED_SINCE,
    ] {
        request.headers_mut().remove(name);
    }
    if through_link(&pages.site, &path) {
        return (StatusCode::NOT_FOUND, "not found\n").into_response();
    }
    // Pages are rebuilt before the PDF and Word files: a file asked for
    // meanwhile is served once it is rebuilt, never the stale one.
    let document_file = [".pdf", ".docx"]
        .iter()
        .any(|extension| path.to_ascii_lowercase().ends_with(extension));
    if document_file {
        let mut status = pages.status.clone();
        let rebuilt = status.wait_for(|status| !status.files_pending);
        let _ = tokio::time::timeout(FILES_WAIT, rebuilt).await;
    }
    // While the corpus has errors, every file is the error page: a PDF or
    // a page of the last good build would be a stale document unmarked.
    let status = pages.status.borrow().clone();
    if let Some(error) = &status.error {
        return page(reload::error_page(error, status.generation).into_bytes());
    }
    // HEAD is answered as GET, and axum drops the body: a page's length is
    // only known once the script is in, and it must be the same for both.
    *request.method_mut() = Method::GET;
    let response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if response.status() != StatusCode::OK || !html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE_BYTES).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "cannot read the page\n").into_response();
    };
    // Set again by axum from the new body.
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = Body::from(reload::inject(&bytes, status.generation));
    Response::from_parts(parts, body)
}

/// An HTML response of `bytes`.
fn page(bytes: Vec<u8>) -> Response {
    let html = [(header::CONTENT_TYPE, "text/html; charset=utf-8")];
    (StatusCode::OK, html, bytes).into_response()
}

/// Whether a `Host` header names this machine: `localhost`, a loopback
/// address, with any port.
fn is_local_host(host: &[u8]) -> bool {
    let Ok(host) = std::str::from_utf8(host) else {
        return false;
    };
    let name = match host.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host.split(':').next().unwrap_or_default(),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|address| address.is_loopback())
}

/// Whether serving the URL `path` from `site` would go through a link.
/// The build never writes one and refuses to replace a folder holding
/// one, and the preview folder is private; this keeps a link put there
/// by hand from serving a file outside it. A few `lstat`s on the runtime's
/// thread: cheaper than handing them to another.
fn through_link(site: &Path, path: &str) -> bool {
    let is_link = |path: &Path| fs::symlink_metadata(path).map(|m| m.file_type().is_symlink());
    // Decoded as ServeDir decodes it; what it refuses, it refuses.
    let Ok(decoded) = percent_decode_str(path.trim_start_matches('/')).decode_utf8() else {
        return false;
    };
    let mut at = site.to_path_buf();
    let mut parts: Vec<&std::ffi::OsStr> = Path::new(&*decoded)
        .components()
        .filter_map(|component| match component {
            Component::Normal(part) => Some(part),
            _ => None,
        })
        .collect();
    if path.ends_with('/') {
        parts.push("index.html".as_ref());
    }
    if is_link(&at).unwrap_or(false) {
        return true;
    }
    for part in parts {
        at.push(part);
        match is_link(&at) {
            Ok(true) => return true,
            Ok(false) => {}
            // Nothing there: ServeDir answers 404.
            Err(_) => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_served_through_a_link() {
        let dir = std::env::temp_dir().join(format!("clausier-link-test-{}", std::process::id()));
        let site = dir.join("site");
        fs::create_dir_all(site.join("fr")).unwrap();
        fs::write(site.join("fr/index.html"), "ok").unwrap();
        fs::write(dir.join("secret"), "secret").unwrap();
        std::os::unix::fs::symlink(dir.join("secret"), site.join("fr/leak.txt")).unwrap();
        std::os::unix::fs::symlink(&dir, site.join("up")).unwrap();
        assert!(!through_link(&site, "/fr/"));
        assert!(!through_link(&site, "/fr/index.html"));
        assert!(!through_link(&site, "/fr/missing.html"));
        assert!(through_link(&site, "/fr/leak.txt"));
        assert!(through_link(&site, "/fr/le%61k.txt"));
        assert!(through_link(&site, "/up/secret"));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn only_this_machine_is_a_local_host() {
        for host in [
            "localhost",
            "localhost:8000",
            "127.0.0.1:3000",
            "127.1.2.3",
            "[::1]:80",
        ] {
            assert!(is_local_host(host.as_bytes()), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:8000",
            "10.0.0.1",
            "localhost.evil",
            "[::2]",
        ] {
            assert!(!is_local_host(host.as_bytes()), "{host}");
        }
    }
}
