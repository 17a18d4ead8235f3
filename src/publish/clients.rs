//! `clients build`: each client's own copy of the contract it signs, from
//! the release it signs, in the languages of its edition, published in a
//! private folder (never the public output) atomically, like a build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check::clients::{contract, load_checked, signed_release};
use crate::check::{Checked, check};
use crate::compose::client::client_copy;
use crate::corpus::DocumentSource;
use crate::corpus::clients::{self, Client};
use crate::corpus::notices::NoticeFile;
use crate::corpus::released::{DocumentRef, Head};
use crate::corpus::releases;
use crate::diagnostic::{Diagnostics, unknown_typed_id};
use crate::error::BuildError;
use crate::lang::Lang;
use crate::model::Document;
use crate::publish::build::selected;
use crate::publish::jobs::{Job, Outcome, render_all};
use crate::publish::notices::artifact_path as notice_path;
use crate::publish::output::{
    self, Artifact, ArtifactKind, Manifest, ManifestEntry, Publication, Publishing,
};
use crate::publish::reuse::Reuse;
use crate::render::{self, Format, Rendered, Renderer, Slot, artifact_path};
use crate::versions::notice::client_notice;

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
    /// Only the notices and mail merges, keeping the copies there (what
    /// `clausier notice` needs once it has recorded one).
    pub notices_only: bool,
    /// Copy the files of the previous private output whose inputs have not
    /// changed instead of rendering them again (off: a fresh build).
    pub reuse: bool,
}

/// What `clients build` published.
pub struct ClientsBuilt {
    pub manifest: Manifest,
    pub warnings: Diagnostics,
    /// The paths written, relative to the private folder, by folder: each
    /// client's, and `notices` for the mail merges.
    pub written: BTreeMap<String, Vec<String>>,
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
    let clients = load_checked(&checked.corpus, root, folder).map_err(BuildError::Content)?;
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
            return Err(BuildError::Usage(unknown_typed_id(
                "client", "clients", id, &known,
            )));
        }
    }
    // `check` refuses client records when there is no contract.
    let contract = contract(corpus).expect("client records are checked against a contract");
    let binding = corpus.binding();
    let reuse = match options.reuse {
        true => Reuse::previous(&options.out),
        false => Reuse::none(),
    };
    let reuse = &reuse;
    let pdf = render::pdf::PdfRenderer;
    let html = render::html::HtmlRenderer::new();
    let docx = render::docx::DocxRenderer;
    let renderers: [&dyn Renderer; 3] = [&pdf, &html, &docx];
    let copied = |client: &&Client| !options.notices_only && selected(&options.ids, &client.id);
    let mut copies: Vec<(&Client, DocumentRef)> = Vec::new();
    for client in clients.iter().filter(copied) {
        let (index, _) =
            signed_release(contract, client).expect("checked: the version is released");
        let languages = client.languages(binding);
        copies.extend(
            (contract.release_documents(index).into_iter())
                .filter(|d| languages.contains(&d.lang()))
                .map(|released| (client, released)),
        );
    }
    // Copies of one release in one language, for the same products, share
    // most of their layout: rendered one after the other, they find it in
    // typst's memo before `forget_layouts` drops what is not used lately.
    copies.sort_by_cached_key(|(client, released)| {
        let mut products: Vec<&str> = client
            .record
            .products
            .iter()
            .map(|p| p.value.as_str())
            .collect();
        products.sort_unstable();
        let head = released.head();
        (head.version, head.lang, products, client.id.clone())
    });
    let mut jobs: Vec<Job> = Vec::new();
    for (client, released) in copies {
        let languages = client.languages(binding);
        // Each copy is made, rendered and dropped in its job: one copy per
        // core is in memory, not one per client.
        jobs.push(Box::new(move || {
            let document = client_copy(&released.load(), client, &languages, corpus);
            client_files(
                &document,
                client,
                &renderers,
                Slot::Alone,
                (&options.formats, reuse),
            )
        }));
    }
    // The parallel editions its record asks for: the binding copy with
    // each translated copy beside it, PDF and Word.
    let parallel_renderers: [&dyn Renderer; 2] = [&pdf, &docx];
    for client in clients.iter().filter(copied) {
        let (index, _) =
            signed_release(contract, client).expect("checked: the version is released");
        let copy = move |lang: Lang| {
            let released = contract.release_document(index, lang)?;
            Some(client_copy(
                &released.load(),
                client,
                &client.languages(binding),
                corpus,
            ))
        };
        for translation in client.parallel_translations(binding) {
            jobs.push(Box::new(move || {
                let (Some(text), Some(translated)) = (copy(binding), copy(translation)) else {
                    return Ok(Vec::new());
                };
                let document = crate::compose::parallel::parallel(&text, &translated);
                let slot = Slot::Parallel(translation);
                client_files(
                    &document,
                    client,
                    &parallel_renderers,
                    slot,
                    (&options.formats, reuse),
                )
            }));
        }
    }
    let (notice_jobs, mail_merges) =
        notices(&checked, contract, &clients, options, (&html, reuse))?;
    jobs.extend(notice_jobs);
    // A build of every client replaces the folder: a client removed, or
    // moved to another version or edition, leaves nothing behind. A build
    // of some, or of the notices alone, keeps the rest.
    let partial = options.notices_only || !(options.ids.is_empty() && options.formats.is_empty());
    let how = Publishing {
        keep_sources: false,
        keep: partial,
        cache: None,
    };
    let publication = Publication::begin(&options.out, &options.root, how)?;
    // `render_all` renders one job per core, so that a few hundred copies
    // never start at once. Measured on 200 copies and 100 notices (`cargo bench
    // --bench clients`, 2 cores): keeping layouts for 3 jobs drops the
    // layout shared by the copies of one group (4.2 → 8.9 s), 8 keeps it
    // and peaks near 185 MiB, and keeping everything takes 1 GiB.
    let mut files = render_all(jobs, &publication, 8)?;
    for artifact in mail_merges {
        files.push(publication.write(artifact)?);
    }
    let mut warnings = checked.warnings;
    for warning in files.iter().flat_map(|file| &file.warnings) {
        warnings.push(warning.clone());
    }
    let mut written: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in &files {
        let path = &file.entry.path;
        let folder = path.split('/').next().unwrap_or_default();
        written
            .entry(folder.to_string())
            .or_default()
            .push(path.clone());
    }
    let manifest = publication.finish(None)?;

    Ok(ClientsBuilt {
        manifest,
        warnings,
        written,
    })
}

/// A client's copy in each selected format, in its own folder: private;
/// copied from the previous private output where its inputs are the same.
fn client_files(
    document: &Document,
    client: &Client,
    renderers: &[&dyn Renderer],
    slot: Slot,
    (formats, reuse): (&[Format], &Reuse),
) -> Outcome {
    let mut artifacts = Vec::new();
    let model = Reuse::model(document.into());
    for renderer in renderers.iter().filter(|r| selected(formats, &r.format())) {
        let format = renderer.format();
        let inputs = Reuse::document_inputs(&model, format, &[slot]);
        let path = artifact_path(&document.id, document.lang, format, slot);
        let paths = [format!("{}/{path}", client.id)];
        artifacts.extend(reuse.render(inputs, &paths, |previous| {
            let mut rendered = match previous {
                Some(bytes) => Rendered::copied(bytes),
                None => renderer.render(document, slot)?,
            };
            rendered.sources.clear();
            let mut artifact = Artifact::document(Head::of(document), format, slot, rendered);
            artifact.entry.path.clone_from(&paths[0]);
            artifact.entry.kind = ArtifactKind::Client;
            Ok(vec![artifact])
        })?);
    }
    Ok(artifacts)
}

/// Each recorded notice of `contract`, addressed to every client that
/// signed a version from the one it starts from to (not including) the one
/// it announces, as
/// `<client>/notices/<document>-<from>-<to>.pdf` and `.html`; and per
/// notice, `notices/<document>-<from>-<to>.csv`, the mail merge: client,
/// contact e-mail, notice file (its PDF) and deadline.
fn notices<'a>(
    checked: &'a Checked,
    contract: &'a DocumentSource,
    clients: &'a [Client],
    options: &ClientBuildOptions,
    (html, reuse): (&'a render::html::HtmlRenderer, &'a Reuse),
) -> Result<(Vec<Job<'a>>, Vec<Artifact>), BuildError> {
    let corpus = &checked.corpus;
    let mut jobs: Vec<Job> = Vec::new();
    let mut mail_merges = Vec::new();
    for NoticeFile { record, .. } in &contract.notices {
        let from = releases::find_release(contract, record.from.as_str())?;
        let to = releases::find_release(contract, record.to.as_str())?;
        let Some(notice) = client_notice(corpus, from, to, record) else {
            continue;
        };
        // A private copy links to the public redline by the site's address.
        let versions = (contract.id.as_str(), &record.from, &record.to);
        let notice = crate::publish::notices::with_redlines(&notice, checked, versions, None);
        let name = notice_path(&contract.id, &record.from, &record.to, "");
        let mut rows = Vec::new();
        // Every client that signed a version the notice changes: all of
        // them, whichever are built, so that the mail merge lists them all.
        let addressed = clients.iter().filter(|c| {
            let signs = &c.record.dpa.value;
            c.record.signed.is_some() && record.from <= *signs && *signs < record.to
        });
        let formats: Vec<Format> = render::notice::FORMATS
            .into_iter()
            .filter(|f| selected(&options.formats, f))
            .collect();
        // Notices are letters (PDF, HTML): a build of Word files alone
        // writes none.
        let Some(&listed) = formats.first() else {
            continue;
        };
        for client in addressed {
            let languages = client.languages(corpus.binding());
            let notice = Arc::new(notice.addressed_to(&client.record, &languages, &corpus.labels));
            let path = |format: Format| format!("{}/{name}{}", client.id, format.extension());
            rows.push(
                [
                    client.record.legal_name.value.clone(),
                    client.record.privacy_contact.email.to_string(),
                    path(listed),
                    record.deadline.to_string(),
                ]
                .to_vec(),
            );
            for &format in &formats {
                let entry = ManifestEntry {
                    document: Some(contract.id.clone()),
                    version: Some(record.to.to_string()),
                    date: Some(notice.date.clone()),
                    ..ManifestEntry::new(
                        path(format),
                        ArtifactKind::Client,
                        notice.title.clone(),
                        format.media_type(),
                    )
                };
                let notice = Arc::clone(&notice);
                jobs.push(Box::new(move || {
                    reuse.file("notice", format, &*notice, &entry, || {
                        render::notice::render(&notice, format, html)
                    })
                }));
            }
        }
        if !rows.is_empty() {
            let entry = ManifestEntry::new(
                format!("{name}csv"),
                ArtifactKind::Client,
                notice.title.clone(),
                "text/csv; charset=utf-8",
            );
            let header = ["client", "contact_email", "notice_file", "deadline"];
            mail_merges.push(Artifact::file(entry, csv_table(&header, &rows)));
        }
    }
    Ok((jobs, mail_merges))
}

/// A CSV table: its header, then its rows.
pub fn csv_table(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(header)
        .expect("a vector takes every byte");
    for row in rows {
        writer.write_record(row).expect("a vector takes every byte");
    }
    writer.into_inner().expect("a vector takes every byte")
}

/// Refuses the public output as the private folder, by its place or by
/// what it holds: clients' copies must never be published with the site.
fn refuse_public(out: &Path, root: &Path) -> Result<(), BuildError> {
    // Inside a folder that holds a public site is inside the site.
    let public = output::is_within(out, &root.join("out"))
        || (std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf()))
            .ancestors()
            .any(output::holds_public_files);
    match public {
        true => Err(BuildError::Usage(format!(
            "{} is the public output that `clausier build` publishes: clients' copies go to a private folder, e.g. --out {}",
            out.display(),
            root.join(PRIVATE).display()
        ))),
        false => Ok(()),
    }
}
