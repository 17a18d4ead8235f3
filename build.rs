//! Fingerprints clausier's own sources (code, templates, labels, locked
//! dependencies) at compile time: `CLAUSIER_BUILD_ID`, part of every
//! artifact's inputs, so that a build reuses a file only if the very same
//! clausier rendered it (src/publish/reuse.rs).

use std::fs;
use std::path::{Path, PathBuf};

/// FNV-1a, 64 bits: a stable fingerprint without a build dependency.
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &byte in bytes {
        *hash ^= u64::from(byte);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

fn files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, found);
        } else {
            found.push(path);
        }
    }
}

fn main() {
    let mut found = vec![PathBuf::from("Cargo.lock"), PathBuf::from("Cargo.toml")];
    for dir in ["src", "templates", "labels"] {
        println!("cargo:rerun-if-changed={dir}");
        files(Path::new(dir), &mut found);
    }
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=Cargo.toml");
    found.push(PathBuf::from("build.rs"));
    println!("cargo:rerun-if-changed=build.rs");
    found.sort();
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for path in &found {
        fnv(&mut hash, path.to_string_lossy().as_bytes());
        fnv(&mut hash, &fs::read(path).unwrap_or_default());
    }
    // The same sources compiled otherwise (another compiler, profile,
    // target or set of features) are another build.
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = std::process::Command::new(rustc).arg("-vV").output();
    fnv(&mut hash, &version.map(|o| o.stdout).unwrap_or_default());
    let mut settings: Vec<(String, String)> = std::env::vars()
        .filter(|(key, _)| {
            key.starts_with("CARGO_FEATURE_")
                || [
                    "PROFILE",
                    "OPT_LEVEL",
                    "DEBUG",
                    "TARGET",
                    "CARGO_ENCODED_RUSTFLAGS",
                ]
                .contains(&key.as_str())
        })
        .collect();
    settings.sort();
    for (key, value) in settings {
        fnv(&mut hash, key.as_bytes());
        fnv(&mut hash, value.as_bytes());
    }
    println!("cargo:rustc-env=CLAUSIER_BUILD_ID={hash:016x}");
}
