//! `clients build`: each client's own copy of the contract it signs, from
//! the release it signs, in the languages of its edition, published in a
//! private folder (never the public output) atomically, like a build.

use std::path::{Path, PathBuf};

use crate::check::clients::{contract, load_checked, signed_release};
use crate::check::{Checked, check};
use crate::compose::client::client_copy;
use crate::corpus::clients::{self, Client};
use crate::diagnostic::{Diagnostics, unknown_typed_id};
use crate::error::BuildError;
use crate::model::Document;
use crate::publish::build::{Job, render_all, selected};
use crate::publish::output::{self, Artifact, ArtifactKind, Manifest};
use crate::render::{self, Format, Renderer, Slot};

/// The private folder clients' copies go to, under the corpus root,
/// unless `--out` names another.
pub const PRIVATE: &str = "private";

/// Which clients to build, and where.
pub struct ClientBuildOptions {
    /// The corpus folder.
    pub root: PathBuf,
    /// The client records' folder; none for `clients/` under the root.
    pub clients: Option<PathBuf>,
    /// The private output folder.
    pub out: PathBuf,
    /// Client ids to build; empty for all.
    pub ids: Vec<String>,
    /// Formats to build; empty for all.
    pub formats: Vec<Format>,
}

/// What `clients build` published.
pub struct ClientsBuilt {
    pub manifest: Manifest,
    pub warnings: Diagnostics,
    /// The paths written, relative to the private folder, per client id.
    pub written: Vec<(String, Vec<String>)>,
}

/// The corpus, checked, and its client records, checked against it.
pub fn checked_clients(
    root: &Path,
    folder: Option<&Path>,
) -> Result<(Checked, Vec<Client>), BuildError> {
    if !root.is_dir() {
        return Err(BuildError::Usage(format!(
            "{} is not a folder: pass the corpus folder with --root",
            root.display()
        )));
    }
    // A client signs a release: unreleased changes of the working text do
    // not matter here.
    let checked = check(root, true).map_err(BuildError::Content)?;
    let folder = clients::folder(root, folder);
    let clients = load_checked(&checked.corpus, &folder).map_err(BuildError::Content)?;
    Ok((checked, clients))
}

/// Builds the copies of the selected clients and publishes them in the
/// private folder, keeping the other clients' copies there.
pub fn build_clients(options: &ClientBuildOptions) -> Result<ClientsBuilt, BuildError> {
    refuse_public(&options.out, &options.root)?;
    output::check_target(&options.out, &options.root)?;
    let (checked, clients) = checked_clients(&options.root, options.clients.as_deref())?;
    let corpus = &checked.corpus;
    let known: Vec<&str> = clients.iter().map(|client| client.id.as_str()).collect();
    if clients.is_empty() {
        return Err(BuildError::Usage(format!(
            "no client records in {}: write one YAML file per client there (see the README's sales flow)",
            clients::folder(&options.root, options.clients.as_deref()).display()
        )));
    }
    for id in &options.ids {
        if !known.contains(&id.as_str()) {
            return Err(BuildError::Usage(unknown_typed_id("client", "clients", id, &known)));
        }
    }
    // `check` refuses client records when there is no contract.
    let contract = contract(corpus).expect("client records are checked against a contract");
    let binding = corpus.binding();
    let mut copies: Vec<(&Client, Document)> = Vec::new();
    for client in clients.iter().filter(|c| selected(&options.ids, &c.id)) {
        let release = signed_release(contract, client).expect("checked: the version is released");
        let languages = client.languages(binding);
        for &lang in &languages {
            if let Some(released) = release.documents.iter().find(|d| d.lang == lang) {
                copies.push((client, client_copy(released, client, &languages, corpus)));
            }
        }
    }
    let pdf = render::pdf::PdfRenderer;
    let html = render::html::HtmlRenderer::new();
    let renderers: [&dyn Renderer; 2] = [&pdf, &html];
    let mut jobs: Vec<Job> = Vec::new();
    for (client, document) in &copies {
        for renderer in renderers {
            if selected(&options.formats, &renderer.format()) {
                jobs.push(Box::new(move || {
                    let rendered = renderer.render(document, Slot::Alone)?;
                    let mut artifact =
                        Artifact::document(document, renderer.format(), Slot::Alone, rendered);
                    artifact.entry.path = format!("{}/{}", client.id, artifact.entry.path);
                    artifact.entry.kind = ArtifactKind::Client;
                    Ok(vec![artifact])
                }));
            }
        }
    }
    let artifacts = render_all(&jobs).map_err(BuildError::Content)?;
    drop(jobs);
    let mut warnings = checked.warnings;
    for warning in artifacts.iter().flat_map(|a| &a.warnings) {
        warnings.push(warning.clone());
    }
    let mut written: Vec<(String, Vec<String>)> = Vec::new();
    for artifact in &artifacts {
        let id = artifact.entry.path.split('/').next().unwrap_or_default();
        match written.last_mut() {
            Some((last, paths)) if last == id => paths.push(artifact.entry.path.clone()),
            _ => written.push((id.to_string(), vec![artifact.entry.path.clone()])),
        }
    }
    let manifest = output::publish(&options.out, &options.root, &artifacts, false, true)?;
    Ok(ClientsBuilt {
        manifest,
        warnings,
        written,
    })
}

/// Refuses the public output as the private folder: clients' copies must
/// never be published with the site.
fn refuse_public(out: &Path, root: &Path) -> Result<(), BuildError> {
    let public = root.join("out");
    let same = match (std::fs::canonicalize(out), std::fs::canonicalize(&public)) {
        (Ok(out), Ok(public)) => out.starts_with(public),
        _ => out == public,
    };
    match same {
        true => Err(BuildError::Usage(format!(
            "{} is the public output that `clausier build` publishes: clients' copies go to a private folder, e.g. --out {}",
            out.display(),
            root.join(PRIVATE).display()
        ))),
        false => Ok(()),
    }
}
