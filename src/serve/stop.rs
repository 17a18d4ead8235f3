//! Stopping the preview: the signals that stop it, and its folder removed
//! with nothing writing in it.

use std::io::{self, Write};
use std::sync::{Arc, Mutex, PoisonError, TryLockError};

use tokio::signal::unix::{Signal, SignalKind, signal};

use super::preview::Preview;
use super::rebuild::Status;

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP, each counted from when it is
/// listened for, even while nothing waits for it.
pub struct Signals {
    interrupt: Signal,
    terminate: Signal,
    hang_up: Signal,
}

impl Signals {
    /// Listens from now on; called within the runtime.
    pub fn listen() -> io::Result<Signals> {
        Ok(Signals {
            interrupt: signal(SignalKind::interrupt())?,
            terminate: signal(SignalKind::terminate())?,
            hang_up: signal(SignalKind::hangup())?,
        })
    }

    /// Waits for the next signal, whichever.
    pub async fn next(&mut self) {
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
            _ = self.hang_up.recv() => {}
        }
    }

    /// Waits for the next Ctrl-C: the one that stops at once. Not any
    /// signal: a service manager may send SIGTERM and SIGHUP together.
    pub async fn interrupt(&mut self) {
        self.interrupt.recv().await;
    }
}

/// Whether a rebuild may start: held through each one, and closed for
/// good once the preview stops.
#[derive(Clone, Default)]
pub struct Gate(Arc<Mutex<bool>>);

impl Gate {
    /// Runs `rebuild` unless the preview is stopping; whether it ran.
    pub fn pass(&self, rebuild: impl FnOnce()) -> bool {
        let closed = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if !*closed {
            rebuild();
        }
        !*closed
    }
}

/// Removes the preview folder once the rebuild under way, if any, has
/// ended (none starts after), so that nothing writes in it meanwhile. A
/// Ctrl-C meanwhile stops at once (status 130, as for Ctrl-C), leaving
/// the folder.
pub async fn close(preview: Preview, gate: Gate, signals: &mut Signals) -> io::Result<()> {
    if let Err(TryLockError::WouldBlock) = gate.0.try_lock() {
        // Not `eprintln!`: the terminal may be gone (SIGHUP).
        let _ = writeln!(
            io::stderr(),
            "stopping once the rebuild under way ends (Ctrl-C again to stop now)"
        );
    }
    let closing = tokio::task::spawn_blocking(move || {
        *gate.0.lock().unwrap_or_else(PoisonError::into_inner) = true;
        drop(preview);
    });
    tokio::select! {
        closed = closing => closed.map_err(io::Error::other),
        _ = signals.interrupt() => std::process::exit(130),
    }
}

/// Waits until the rebuilds end, which they do only when the watcher or a
/// rebuild failed inside.
pub async fn ended(status: &mut tokio::sync::watch::Receiver<Status>) {
    while status.changed().await.is_ok() {}
}

/// Said when the rebuilds ended.
pub fn rebuilds_ended() -> io::Error {
    io::Error::other(
        "the preview can no longer rebuild (the watcher or a rebuild failed): restart it",
    )
}
