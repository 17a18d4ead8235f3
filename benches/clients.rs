//! Times `clients build` on batches of invented clients (a French PDF
//! each): `cargo bench --bench clients`. Each batch runs in a process of
//! its own, so that its peak memory (VmHWM) is its own; the figures show
//! whether the cost grows linearly with the number of clients. Nothing
//! here asserts a duration.

use std::fmt::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use clausier::corpus::values::{Siret, Uai};
use clausier::publish::clients::{ClientBuildOptions, build_clients};
use clausier::render::Format;

/// The batch sizes measured.
const BATCHES: [usize; 3] = [50, 100, 200];

fn main() {
    match std::env::args().nth(1).and_then(|n| n.parse().ok()) {
        Some(count) => batch(count),
        None => {
            println!("clients build, a French PDF per client (each batch in its own process):");
            for count in BATCHES {
                let status = Command::new(std::env::current_exe().unwrap())
                    .arg(count.to_string())
                    .status()
                    .unwrap();
                assert!(status.success());
            }
        }
    }
}

/// Builds `count` invented clients and prints the time, the peak memory
/// and the PDF size per client.
fn batch(count: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scratch =
        std::env::temp_dir().join(format!("clausier-bench-clients-{}", std::process::id()));
    let records = scratch.join("clients");
    std::fs::create_dir_all(&records).unwrap();
    for index in 0..count {
        std::fs::write(
            records.join(format!("client-{index:04}.yaml")),
            invented(index),
        )
        .unwrap();
    }
    let out = scratch.join("private");
    let options = ClientBuildOptions {
        root: root.to_path_buf(),
        clients: Some(records),
        out: out.clone(),
        ids: Vec::new(),
        formats: vec![Format::Pdf],
        notices_only: false,
        reuse: false,
    };
    let start = Instant::now();
    let built = build_clients(&options).unwrap();
    let elapsed = start.elapsed().as_secs_f64();
    let pdfs: Vec<u64> = built
        .manifest
        .artifacts
        .iter()
        .filter(|entry| entry.path.ends_with("/fr/dpa.pdf"))
        .map(|entry| entry.bytes)
        .collect();
    assert_eq!(pdfs.len(), count);
    let average = pdfs.iter().sum::<u64>() as f64 / count as f64;
    println!(
        "{count:>4} clients  {elapsed:>6.2} s  {:>6.1} ms/client  peak {:>5} MiB  PDF {:>4.0} KiB/client",
        elapsed * 1e3 / count as f64,
        peak_mib(),
        average / 1024.0
    );
    std::fs::remove_dir_all(scratch).ok();
}

/// An invented client: a school, a town or a company, in turn, on either
/// product or both, on 1.0 or 1.1, signed or not.
fn invented(index: usize) -> String {
    let products = ["[kaligo]", "[kidoo]", "[kaligo, kidoo]"][index % 3];
    let version = ["1.0", "1.1"][index % 2];
    let mut yaml = String::new();
    let (kind, name, identifier) = match index % 3 {
        0 => (
            "school",
            "École fictive",
            format!("uai: \"{}\"", uai(index)),
        ),
        1 => (
            "town",
            "Commune fictive",
            format!("siret: \"{}\"", siret(index)),
        ),
        _ => (
            "company",
            "Société fictive SAS",
            format!("siret: \"{}\"", siret(index)),
        ),
    };
    let _ = write!(
        yaml,
        "legal_name: {name} n° {index}\nkind: {kind}\naddress: {index} rue de l'Exemple – 35000 RENNES\n{identifier}\n\
         signatory:\n  name: Personne {index}\n  title: {{ fr: Représentant, en: Representative }}\n\
         privacy_contact:\n  name: Contact {index}\n  email: dpo{index}@client.example\n\
         products: {products}\ndpa: \"{version}\"\n"
    );
    if index.is_multiple_of(2) {
        yaml.push_str("signed:\n  date: 2027-02-01\n  place: Rennes\n");
    }
    yaml
}

/// A SIRET whose check digit passes, unique per index.
fn siret(index: usize) -> String {
    (0..10)
        .map(|digit| format!("9990{index:09}{digit}"))
        .find(|candidate| Siret::parse(candidate).is_ok())
        .unwrap()
}

/// A UAI with its check letter, unique per index.
fn uai(index: usize) -> String {
    let number = 3_500_000 + index;
    (b'A'..=b'Z')
        .map(|letter| format!("{number:07}{}", char::from(letter)))
        .find(|candidate| Uai::parse(candidate).is_ok())
        .unwrap()
}

/// This process's peak resident memory, from /proc (Linux).
fn peak_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_default();
    kib / 1024
}
