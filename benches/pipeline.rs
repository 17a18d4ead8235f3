//! Times each stage of the pipeline on the shipped corpus:
//! `cargo bench --bench pipeline`. Prints the first run (cold: typst
//! memoizes layout across compilations in one process, and fonts load
//! once) and the best and median of the following runs (warm, as in a
//! watch mode). Nothing here asserts a duration.

use std::path::Path;
use std::time::{Duration, Instant};

use clausier::BuildOptions;
use clausier::render::html::HtmlRenderer;
use clausier::render::pdf::PdfRenderer;
use clausier::render::{Renderer, Slot};

fn measure(name: &str, runs: usize, mut work: impl FnMut()) {
    let start = Instant::now();
    work();
    let first = start.elapsed();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{name:<28} first {:>8.2} ms   best {:>8.2} ms   median {:>8.2} ms   ({runs} runs)",
        first.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[runs / 2].as_secs_f64() * 1e3
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    measure("load + validate + model", 50, || {
        clausier::check(root, false).unwrap();
    });
    let checked = clausier::check(root, false).unwrap();
    let documents = checked.documents;

    let html = HtmlRenderer::new();
    for document in &documents {
        measure(
            &format!("html {} {}", document.id, document.lang),
            50,
            || {
                html.render(document, Slot::Latest).unwrap();
            },
        );
        measure(
            &format!("pdf  {} {}", document.id, document.lang),
            10,
            || {
                PdfRenderer.render(document, Slot::Latest).unwrap();
            },
        );
    }
    let out = std::env::temp_dir().join(format!("clausier-bench-{}", std::process::id()));
    let options = BuildOptions {
        root: root.to_path_buf(),
        out: out.clone(),
        documents: Vec::new(),
        langs: Vec::new(),
        formats: Vec::new(),
        keep_sources: false,
        deny_warnings: false,
        draft: false,
        reuse: false,
    };
    measure("full build (all artifacts)", 10, || {
        clausier::build(&options).unwrap();
    });
    std::fs::remove_dir_all(out).ok();
}
