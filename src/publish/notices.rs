//! Publishes each recorded client notice, bilingual, as
//! `notices/<document>-<from>-<to>.pdf` and `.html`.

use crate::check::Checked;
use crate::corpus::notices::NoticeFile;
use crate::corpus::releases;
use crate::corpus::version::Version;
use crate::error::BuildError;
use crate::publish::build::selected;
use crate::publish::jobs::Job;
use crate::publish::output::{ArtifactKind, ManifestEntry};
use crate::publish::reuse::Reuse;
use crate::render::html::HtmlRenderer;
use crate::render::{Format, notice};
use crate::versions::notice::{ClientNotice, client_notice};

/// Where the notice of `from` → `to` is published, under the output.
pub fn artifact_path(document: &str, from: &Version, to: &Version, extension: &str) -> String {
    format!("notices/{document}-{from}-{to}.{extension}")
}

/// The notices of the selected documents, in the selected formats,
/// composed now: the jobs hold nothing of `checked`.
pub fn jobs<'a>(
    checked: &Checked,
    documents: &[String],
    formats: &[Format],
    html: &'a HtmlRenderer,
    reuse: &'a Reuse,
) -> Result<Vec<Job<'a>>, BuildError> {
    let mut jobs: Vec<Job> = Vec::new();
    let wanted = checked
        .corpus
        .documents
        .iter()
        .filter(|d| selected(documents, &d.id));
    for source in wanted {
        for NoticeFile { record, .. } in &source.notices {
            let from = releases::find_release(source, record.from.as_str())?;
            let to = releases::find_release(source, record.to.as_str())?;
            let Some(notice) = client_notice(&checked.corpus, from, to, record) else {
                continue;
            };
            for format in notice::FORMATS.into_iter().filter(|f| selected(formats, f)) {
                let path = artifact_path(&source.id, &record.from, &record.to, format.extension());
                let notice = std::sync::Arc::new(with_redlines(
                    &notice,
                    checked,
                    (&source.id, &record.from, &record.to),
                    Some(&path),
                ));
                let entry = ManifestEntry {
                    document: Some(source.id.clone()),
                    version: Some(record.to.to_string()),
                    date: Some(notice.date.clone()),
                    ..ManifestEntry::new(
                        path,
                        ArtifactKind::Notice,
                        notice.title.clone(),
                        format.media_type(),
                    )
                };
                jobs.push(Box::new(move || {
                    reuse.file("notice", format, &*notice, &entry, || {
                        crate::render::notice::render(&notice, format, html)
                    })
                }));
            }
        }
    }
    Ok(jobs)
}

/// `notice` linking each language to the release's redline in it: from the
/// public notice at `here`, by a relative link in HTML; from a PDF or a
/// client's private notice, by the site's address (`site.base_url` in
/// corpus.yaml), or not at all without one.
pub fn with_redlines(
    notice: &ClientNotice,
    checked: &Checked,
    (document, from, to): (&str, &Version, &Version),
    here: Option<&str>,
) -> ClientNotice {
    let base = checked
        .corpus
        .site
        .base_url
        .as_ref()
        .map(|url| url.as_str());
    // Redlines are published from each release to the next only.
    let source = checked.corpus.documents.iter().find(|d| d.id == document);
    let versions: Vec<&Version> = (source.iter().flat_map(|s| &s.releases))
        .map(|release| &release.record.version)
        .collect();
    let consecutive = versions.windows(2).any(|pair| pair == [from, to]);
    let href = |lang| {
        if !consecutive {
            return None;
        }
        let target =
            crate::publish::redlines::artifact_path(document, lang, from, to, Format::Html);
        match (here.filter(|here| here.ends_with(".html")), base) {
            (Some(here), _) => Some(crate::render::relative_href(here, &target)),
            (None, Some(base)) => Some(format!("{}/{target}", base.trim_end_matches('/'))),
            (None, None) => None,
        }
    };
    notice.with_redlines(href, &checked.corpus.labels)
}
