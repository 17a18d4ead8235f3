//! `clausier serve`: owns the live preview (its private folder, the watcher, the rebuilds, the HTTP server, live reload).
//! It writes nowhere but its own preview folder, never `out/`, and builds only through [`crate::publish::build::build`].
//!
//! Legal staff edit the corpus; the preview builds it (unreleased changes
//! as drafts), serves the result, rebuilds what each burst of edits
//! touches, and tells open pages to reload. A content error replaces the
//! pages with the located messages until it is fixed; the server keeps
//! running.

mod http;
mod preview;
mod rebuild;
mod reload;
mod watch;

use std::io;
use std::net::{SocketAddr, TcpListener};
use std::path::Path;

use preview::Preview;
use rebuild::Builder;

/// Builds the corpus at `root` into a private preview folder, serves it on
/// `address`, and rebuilds on every change until the process is told to
/// stop (Ctrl-C, SIGTERM, SIGHUP); the preview folder is then removed.
/// `ready` is told the address listened on once the first build is
/// served.
pub fn serve(root: &Path, address: SocketAddr, ready: impl FnOnce(SocketAddr)) -> io::Result<()> {
    let root = std::path::absolute(root)?;
    // Bound before the first build, which takes a while: a port in use is
    // said at once.
    let listener = TcpListener::bind(address).map_err(|error| {
        io::Error::new(error.kind(), format!("cannot listen on {address}: {error}"))
    })?;
    let local = listener.local_addr()?;
    let preview = Preview::create()?;
    // Watching starts before the first build, so that an edit made while
    // it runs is not missed.
    let mut watcher = watch::Watcher::start(&root)?;
    let (status, served) = tokio::sync::watch::channel(rebuild::Status::default());
    let mut builder = Builder::new(root, preview.site(), status);
    builder.rebuild(rebuild::Scope::Everything);
    std::thread::Builder::new()
        .name("clausier rebuilds".into())
        .spawn(move || {
            while let Some(burst) = watcher.next_burst() {
                builder.rebuild(rebuild::Scope::of(&burst));
            }
        })?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    runtime.block_on(async {
        let server = http::Server::new(listener, preview.site(), served)?;
        ready(local);
        tokio::select! {
            result = server.run() => result,
            result = stopped() => result,
        }
    })?;
    // The rebuild thread may be writing: it ends with the process, and
    // the folder goes with `preview`, dropped here.
    drop(preview);
    Ok(())
}

/// Waits for Ctrl-C, or for the terminal or the system to end the process.
async fn stopped() -> io::Result<()> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut terminate = signal(SignalKind::terminate())?;
    let mut hang_up = signal(SignalKind::hangup())?;
    tokio::select! {
        result = tokio::signal::ctrl_c() => result,
        _ = terminate.recv() => Ok(()),
        _ = hang_up.recv() => Ok(()),
    }
}
