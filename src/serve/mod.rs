//! `clausier serve`: owns the live preview (its private folder, the watcher, the rebuilds, the HTTP server, live reload, stopping).
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
mod stop;
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
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    // Listened for from the start: a stop at any moment removes the
    // preview folder.
    let mut signals = {
        let _entered = runtime.enter();
        stop::Signals::listen()?
    };
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
    let (status, mut served) = tokio::sync::watch::channel(rebuild::Status::default());
    let mut builder = Builder::new(root, preview.site(), status);
    let gate = stop::Gate::default();
    let rebuilds = gate.clone();
    std::thread::Builder::new()
        .name("clausier rebuilds".into())
        .spawn(move || {
            let mut scope = rebuild::Scope::Everything;
            while rebuilds.pass(|| builder.rebuild(scope)) {
                let Some(burst) = watcher.next_burst() else {
                    break;
                };
                scope = rebuild::Scope::of(&burst);
            }
        })?;
    let outcome = runtime.block_on(async {
        let mut rebuilding = served.clone();
        // Served once the first build has ended, PDF and Word files too.
        tokio::select! {
            first = served.wait_for(|now| now.generation > 0 && !now.files_pending) => {
                first.map_err(|_| stop::rebuilds_ended())?;
            }
            _ = signals.next() => return Ok(()),
        }
        let server = http::Server::new(listener, preview.site(), served)?;
        ready(local);
        tokio::select! {
            result = server.run() => result,
            _ = signals.next() => Ok(()),
            // The rebuilds failed inside: the pages would go stale.
            _ = stop::ended(&mut rebuilding) => Err(stop::rebuilds_ended()),
        }
    });
    runtime.block_on(stop::close(preview, gate, &mut signals))?;
    outcome
}
