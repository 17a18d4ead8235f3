//! Which folders a build may replace: a missing or empty one, or one that
//! clausier wrote, as its marker file says, holding nothing else (not even
//! an empty folder someone made). Anything else — the corpus, a source folder,
//! a home folder, a file, a link — is refused before anything moves.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{MANIFEST, Manifest};

/// The file every output holds, listing every file clausier wrote there.
pub const MARKER: &str = ".clausier-output";

/// The corpus folders an output may never be inside.
use crate::corpus::SOURCE_FOLDERS;

/// `.clausier-output`: proof that clausier wrote this folder, and what.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Marker {
    /// Always "clausier".
    pub generator: String,
    /// Every file of the folder, relative, with `/` separators, sorted.
    pub files: Vec<String>,
}

/// What an output folder holds before a build replaces it.
pub enum Previous {
    /// Nothing: the folder is missing or empty.
    Nothing,
    /// The files an earlier build wrote (each a regular file it lists),
    /// and its manifest.
    Output {
        files: Vec<String>,
        manifest: Manifest,
    },
}

/// Refuses an output folder that is the corpus, holds it, or lies in one
/// of its source folders.
pub fn placement(out: &Path, root: &Path) -> Result<(), String> {
    let shown = out.display();
    let placed =
        resolved(out).map_err(|error| format!("cannot use {shown} as the output: {error}"))?;
    let corpus = fs::canonicalize(root)
        .map_err(|error| format!("cannot read {}: {error}", root.display()))?;
    if corpus.starts_with(&placed) {
        return Err(format!(
            "{shown} is the corpus folder or holds it: the output must be a folder of its own, e.g. --out {}",
            root.join("out").display()
        ));
    }
    if let Some(source) = SOURCE_FOLDERS
        .iter()
        .find(|folder| placed.starts_with(corpus.join(folder)))
    {
        return Err(format!(
            "{shown} is inside the corpus's {source}/ folder: the output must be outside annexes/, checklists/, clients/, contracts/, locales/ and releases/"
        ));
    }
    Ok(())
}

/// Checks that `out` may be replaced by a build of the corpus at `root`,
/// and says what it holds.
pub fn check(out: &Path, root: &Path) -> Result<Previous, String> {
    placement(out, root)?;
    let shown = out.display();
    let metadata = match fs::symlink_metadata(out) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Previous::Nothing),
        Err(error) => return Err(format!("cannot use {shown} as the output: {error}")),
    };
    if !metadata.is_dir() {
        return Err(format!(
            "{shown} is a file or a link, not a folder that clausier wrote: refusing to replace it; choose another --out"
        ));
    }
    let found = contents(out).map_err(|error| format!("cannot read {shown}: {error}"))?;
    if let Some(first) = found.odd.first() {
        return Err(format!(
            "{shown} holds {first}, a link or special file that clausier never writes: refusing to replace it or copy from it; move it out of the output folder"
        ));
    }
    let not_ours = || {
        let why = match out.join(MARKER).exists() {
            true => format!("its {MARKER} file is not one clausier wrote"),
            false => format!("it has no {MARKER} file"),
        };
        let held = match found.files.is_empty() {
            true => "folders",
            false => "files",
        };
        format!(
            "{shown} is not empty and was not written by clausier ({why}): refusing to replace it; choose a new or empty folder with --out, or move its {held} away"
        )
    };
    let Some(listed) = written_files(out) else {
        return match found.files.is_empty() && found.folders.is_empty() {
            true => Ok(Previous::Nothing),
            false => Err(not_ours()),
        };
    };
    // A folder is clausier's if it wrote a file in it: any other, even
    // empty, is someone's, and goes with the output if it is replaced.
    let ours: HashSet<&str> = listed.iter().flat_map(|file| parents(file)).collect();
    let listed: HashSet<&str> = listed.iter().map(String::as_str).collect();
    let strays: Vec<String> = (found.files.iter())
        .filter(|file| !listed.contains(file.as_str()))
        .cloned()
        .chain(
            (found.folders.iter())
                .filter(|folder| !ours.contains(folder.as_str()))
                .map(|folder| format!("{folder}/")),
        )
        .collect();
    if let Some(what) = strays_named(&strays) {
        return Err(format!(
            "{shown} holds {what} that clausier did not write ({}{}): refusing to replace it; move {} out of the output folder",
            strays[..strays.len().min(3)].join(", "),
            if strays.len() > 3 { ", …" } else { "" },
            if strays.len() == 1 { "it" } else { "them" }
        ));
    }
    // Only a marker and clausier's folders left (files deleted by hand):
    // nothing to keep.
    if found.files.is_empty() {
        return Ok(Previous::Nothing);
    }
    let manifest = fs::read(out.join(MANIFEST))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(not_ours)?;
    Ok(Previous::Output {
        files: found.files,
        manifest,
    })
}

/// `path` with every link resolved; for a path that does not exist yet,
/// its nearest existing folder resolved and the rest appended.
pub fn resolved(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        match fs::canonicalize(existing) {
            Ok(found) => return Ok(rest.iter().rev().fold(found, |path, part| path.join(part))),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                rest.push(existing.file_name().ok_or(error)?.to_os_string());
                existing = existing
                    .parent()
                    .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))?;
            }
            Err(error) => return Err(error),
        }
    }
}

/// The files an earlier build says it wrote: its marker's list; for an
/// output of a clausier from before markers, its manifest's artifacts,
/// the manifest and the typst sources kept beside PDFs.
fn written_files(out: &Path) -> Option<Vec<String>> {
    if let Ok(bytes) = fs::read(out.join(MARKER)) {
        let marker: Marker = serde_json::from_slice(&bytes).ok()?;
        return (marker.generator == super::GENERATOR).then_some(marker.files);
    }
    let manifest: Manifest = serde_json::from_slice(&fs::read(out.join(MANIFEST)).ok()?).ok()?;
    if manifest.generator != super::GENERATOR {
        return None;
    }
    let mut files = vec![MANIFEST.to_string()];
    for entry in &manifest.artifacts {
        if let Some(stem) = entry.path.strip_suffix(".pdf") {
            files.extend([format!("{stem}.typ"), format!("{stem}.data.json")]);
        }
        files.push(entry.path.clone());
    }
    Some(files)
}

/// The folders `file` is in (`a/b/c`: `a` and `a/b`).
fn parents(file: &str) -> impl Iterator<Item = &str> {
    file.match_indices('/').map(|(end, _)| &file[..end])
}

/// What `strays` (folders ending in `/`) are, said in a message; none if
/// there are none.
fn strays_named(strays: &[String]) -> Option<&'static str> {
    let folders = strays.iter().filter(|stray| stray.ends_with('/')).count();
    Some(match (strays.len(), folders) {
        (0, _) => return None,
        (1, 1) => "a folder",
        (1, _) => "a file",
        (_, 0) => "files",
        (all, folders) if folders == all => "folders",
        _ => "files and folders",
    })
}

/// What a folder holds, relative with `/` separators, sorted.
struct Contents {
    /// The regular files, the marker left out.
    files: Vec<String>,
    /// The folders.
    folders: Vec<String>,
    /// Anything else (links, pipes, devices), which clausier never writes
    /// nor follows.
    odd: Vec<String>,
}

/// What `folder` holds, everything under it.
fn contents(folder: &Path) -> io::Result<Contents> {
    let (mut files, mut folders, mut odd) = (Vec::new(), Vec::new(), Vec::new());
    walk(folder, |relative, metadata| {
        if metadata.is_dir() {
            folders.push(relative);
        } else if !metadata.is_file() {
            odd.push(relative);
        } else if relative != MARKER {
            files.push(relative);
        }
    })?;
    for list in [&mut files, &mut folders, &mut odd] {
        list.sort();
    }
    Ok(Contents {
        files,
        folders,
        odd,
    })
}

/// Calls `visit` with everything under `folder`, folders too (not following
/// links), relative with `/` separators, and what it is.
pub(super) fn walk(folder: &Path, mut visit: impl FnMut(String, fs::Metadata)) -> io::Result<()> {
    let mut pending = vec![(folder.to_path_buf(), String::new())];
    while let Some((path, prefix)) = pending.pop() {
        for entry in fs::read_dir(&path)? {
            let entry = entry?;
            let relative = format!("{prefix}{}", entry.file_name().to_string_lossy());
            let metadata = fs::symlink_metadata(entry.path())?;
            if metadata.is_dir() {
                pending.push((entry.path(), format!("{relative}/")));
            }
            visit(relative, metadata);
        }
    }
    Ok(())
}
