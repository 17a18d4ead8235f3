//! Headless Chromium over the built site (`tests/browser/check.mjs`): every
//! link resolves, axe-core reports no serious or critical violation, and a
//! screenshot of each page is saved under `target/screenshots/`.
//!
//! Needs Debian's `chromium`, Node.js and `npm ci --prefix tests/browser`,
//! which `.ci/run` installs. Elsewhere, the test says it is skipped; in CI
//! (`CI` set) a missing program is a failure, so that it always runs there.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Command;

use common::*;

/// Why the browser test cannot run here, if it cannot.
fn missing(chromium: &Path, scripts: &Path) -> Option<String> {
    if !chromium.is_file() {
        return Some(format!("{} is not installed", chromium.display()));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node is not installed".to_string());
    }
    if !scripts.join("node_modules/axe-core").is_dir() {
        return Some(format!("run `npm ci --prefix {}` first", scripts.display()));
    }
    None
}

#[test]
fn chromium_finds_every_link_and_no_serious_accessibility_violation() {
    let chromium = std::env::var_os("CHROMIUM")
        .map_or_else(|| Path::new("/usr/bin/chromium").to_path_buf(), Into::into);
    let scripts = shipped_root().join("tests/browser");
    if let Some(reason) = missing(&chromium, &scripts) {
        assert!(
            std::env::var_os("CI").is_none(),
            "the browser test must run in CI: {reason}"
        );
        // Written to stderr directly: the test harness would swallow an
        // `eprintln!`, and the skip must be seen.
        let _ = writeln!(
            std::io::stderr(),
            "browser test skipped: {reason} (.ci/run installs what it needs)"
        );
        return;
    }
    let out = shipped_out();
    let screenshots = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder")
        .join("screenshots");
    let output = Command::new("node")
        .arg(scripts.join("check.mjs"))
        .arg(out)
        .arg(&screenshots)
        .arg(&chromium)
        .output()
        .expect("node runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert!(report["pages"].as_u64().unwrap() > 15, "{report}");
    assert!(report["links"].as_u64().unwrap() > 500, "{report}");
    assert!(screenshots.join("fr/dpa.png").is_file());
    assert!(screenshots.join("index.png").is_file());
}
