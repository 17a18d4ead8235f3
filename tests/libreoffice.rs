//! Proof that Word processors open the Word files: LibreOffice converts
//! every published `.docx` to PDF headlessly, and the PDF's text holds
//! every clause heading and every row of annex C. Needs `soffice`
//! (Debian's `libreoffice-writer-nogui`), which `.ci/run` installs;
//! elsewhere the test says it is skipped, and in CI (`CI` set) it fails.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::docx::{first_cells_after, headings};
use common::{letters, pdf_text, scratch, shipped_out};

fn soffice() -> Option<PathBuf> {
    ["/usr/bin/soffice", "/usr/local/bin/soffice"]
        .into_iter()
        .map(PathBuf::from)
        .find(|path| path.exists())
}

#[test]
fn libreoffice_opens_every_word_file_with_its_headings_and_annex_c() {
    let Some(soffice) = soffice() else {
        let reason =
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui";
        assert!(
            std::env::var_os("CI").is_none(),
            "the LibreOffice test must run in CI: {reason}"
        );
        eprintln!("skipped: {reason}");
        return;
    };
    let out = shipped_out();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let docx: Vec<PathBuf> = manifest["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["path"].as_str())
        .filter(|p| p.ends_with(".docx"))
        .map(|p| out.join(p))
        .collect();
    assert!(docx.len() >= 17, "{} Word files", docx.len());
    let converted = scratch("libreoffice");
    // One LibreOffice for every file: its start-up is most of its time.
    // Each file is copied under a unique name first.
    let mut inputs = Vec::new();
    for (index, path) in docx.iter().enumerate() {
        let copy = converted.join(format!("{index:02}.docx"));
        std::fs::copy(path, &copy).unwrap();
        inputs.push(copy);
    }
    let profile = converted.join("profile");
    let status = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&converted)
        .args(&inputs)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", common::shown(&status));
    for (index, path) in docx.iter().enumerate() {
        let pdf = converted.join(format!("{index:02}.pdf"));
        assert!(
            pdf.exists(),
            "LibreOffice did not convert {}",
            path.display()
        );
        let text = letters(&pdf_text(&pdf));
        let name = path.strip_prefix(out).unwrap().display().to_string();
        let redline = name.contains("changes-");
        let annex_c = if name.starts_with("fr/") {
            "Annexe C"
        } else {
            "Annex C"
        };
        let mut expected = match name.contains("dpa") {
            true => first_cells_after(path, annex_c),
            false => Vec::new(),
        };
        // A redline's headings hold deleted words too: a DPA redline's
        // annex C rows are checked, its headings in the versions' own
        // files; another redline shows its newer version's headings.
        if !redline {
            expected.extend(headings(path));
        } else if expected.is_empty() {
            let to = name.rsplit_once('-').map(|(_, to)| to).unwrap_or_default();
            let newer = path.with_file_name(to);
            expected.extend(headings(&newer));
        }
        assert!(!expected.is_empty(), "{name}: nothing to look for");
        for wanted in expected {
            assert!(
                text.contains(&letters(&wanted)),
                "{name}: LibreOffice's PDF lacks {wanted:?}"
            );
        }
    }
}
