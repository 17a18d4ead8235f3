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
use std::sync::{Arc, Mutex, PoisonError};

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
    let (status, mut served) = tokio::sync::watch::channel(rebuild::Status::default());
    let mut builder = Builder::new(root, preview.site(), status);
    // Held through each rebuild; true once the preview is stopping, when no
    // rebuild may start: the folder is removed with nothing writing in it.
    let stopping = Arc::new(Mutex::new(false));
    let rebuilds = Arc::clone(&stopping);
    let mut rebuild = move |scope| {
        let stopping = rebuilds.lock().unwrap_or_else(PoisonError::into_inner);
        if !*stopping {
            builder.rebuild(scope);
        }
        !*stopping
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    let outcome = runtime.block_on(async {
        // Listened for before the first build, which takes a while: a
        // Ctrl-C meanwhile stops the preview as cleanly as later.
        let stopped = stopped()?;
        tokio::pin!(stopped);
        std::thread::Builder::new()
            .name("clausier rebuilds".into())
            .spawn(move || {
                let mut scope = rebuild::Scope::Everything;
                while rebuild(scope) {
                    let Some(burst) = watcher.next_burst() else {
                        break;
                    };
                    scope = rebuild::Scope::of(&burst);
                }
            })?;
        // Served once the first build has ended, PDF and Word files too.
        tokio::select! {
            first = served.wait_for(|now| now.generation > 0 && !now.files_pending) => {
                first.map_err(io::Error::other)?;
            }
            result = &mut stopped => return result,
        }
        let server = http::Server::new(listener, preview.site(), served)?;
        ready(local);
        tokio::select! {
            result = server.run() => result,
            result = stopped => result,
        }
    });
    runtime.block_on(close(preview, stopping))?;
    outcome
}

/// Removes the preview folder once the rebuild under way, if any, has
/// ended (none starts after: `stopping`), so that nothing writes in it
/// meanwhile. A second Ctrl-C stops at once, leaving the folder.
async fn close(preview: Preview, stopping: Arc<Mutex<bool>>) -> io::Result<()> {
    let again = stopped()?;
    if stopping.try_lock().is_err() {
        eprintln!("stopping once the rebuild under way ends (Ctrl-C again to stop now)");
    }
    let closing = tokio::task::spawn_blocking(move || {
        *stopping.lock().unwrap_or_else(PoisonError::into_inner) = true;
        drop(preview);
    });
    tokio::select! {
        closed = closing => closed.map_err(io::Error::other),
        _ = again => std::process::exit(130),
    }
}

/// Listens for Ctrl-C, and for the terminal or the system ending the
/// process, from now on: the future ends when one comes.
fn stopped() -> io::Result<impl Future<Output = io::Result<()>>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    let mut hang_up = signal(SignalKind::hangup())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
            _ = hang_up.recv() => {}
        }
        Ok(())
    })
}
