//! Rendering jobs, and running them on every core: each job is taken by
//! the next free thread, run once, and dropped with what it holds.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

use crate::diagnostic::{Diagnostic, Diagnostics, Failed};
use crate::error::BuildError;
use crate::publish::output::{Artifact, Publication, Written};

/// One piece of rendering: a document in one format (published in one or
/// more places), a redline, a notice. Run once, then dropped.
pub(crate) type Job<'a> = Box<dyn FnOnce() -> Outcome + Send + 'a>;

/// What rendering one job gave.
pub(crate) type Outcome = Result<Vec<Artifact>, Box<Diagnostic>>;

/// Renders every job, one per core at a time, taken in the order given
/// and dropped once run, and writes each file into `publication` as soon
/// as it is rendered; returns what was written, in job order. What typst
/// memoised for a job goes once `keep_layouts` jobs have not used it.
pub(crate) fn render_all(
    jobs: Vec<Job>,
    publication: &Publication,
    keep_layouts: usize,
) -> Result<Vec<Written>, BuildError> {
    // One thread of our own per core, each taking the next job when it is
    // done; typst lays out in parallel on rayon's pool. Jobs are not rayon
    // tasks: a rayon worker waiting inside typst would take up pending jobs,
    // nested on its stack and all in memory at once (50 DPA releases
    // overflowed a worker's stack; in batches of 16 jobs, their 200 PDFs
    // peaked at 424 MiB). Here one job per core is in progress, whatever
    // the history.
    let queue = Mutex::new(jobs.into_iter().enumerate());
    let stop = AtomicBool::new(false);
    let work = || {
        let mut done = Vec::new();
        while !stop.load(Ordering::Relaxed) {
            let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some((index, job)) = next else {
                break;
            };
            let outcome = job();
            crate::render::pdf::forget_layouts(keep_layouts);
            let outcome = outcome.map_err(Failure::Render).and_then(|artifacts| {
                (artifacts.into_iter())
                    .map(|artifact| publication.write(artifact).map_err(Failure::Write))
                    .collect::<Result<Vec<Written>, Failure>>()
            });
            // The output cannot be written: nothing more to render.
            if let Err(Failure::Write(_)) = outcome {
                stop.store(true, Ordering::Relaxed);
            }
            done.push((index, outcome));
        }
        done
    };
    let mut outcomes = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..rayon::current_num_threads())
            .map(|_| {
                std::thread::Builder::new()
                    .name("clausier render".into())
                    .stack_size(JOB_STACK_BYTES)
                    .spawn_scoped(scope, work)
            })
            .collect::<Result<_, _>>()?;
        let mut outcomes = Vec::new();
        for thread in threads {
            match thread.join() {
                Ok(done) => outcomes.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok::<_, std::io::Error>(outcomes)
    })
    .map_err(BuildError::Io)?;
    outcomes.sort_by_key(|(index, _)| *index);
    let mut written = Vec::new();
    let mut diagnostics = Diagnostics::default();
    for (_, outcome) in outcomes {
        match outcome {
            Ok(files) => written.extend(files),
            Err(Failure::Render(diagnostic)) => diagnostics.push(*diagnostic),
            Err(Failure::Write(error)) => return Err(error),
        }
    }
    if diagnostics.is_empty() {
        Ok(written)
    } else {
        Err(BuildError::Content(Failed(diagnostics)))
    }
}

/// The stack of a rendering thread: as the main thread's (typst lays out
/// nested content recursively).
const JOB_STACK_BYTES: usize = 8 * 1024 * 1024;

/// Why a job gave no files.
enum Failure {
    /// Rendering failed, as this says.
    Render(Box<Diagnostic>),
    /// The files could not be written.
    Write(BuildError),
}
