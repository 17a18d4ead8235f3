//! Publishes each recorded client notice, bilingual, as
//! `notices/<document>-<from>-<to>.pdf` and `.html`.

use crate::check::Checked;
use crate::corpus::notices::NoticeFile;
use crate::corpus::releases;
use crate::corpus::version::Version;
use crate::error::BuildError;
use crate::publish::build::{Job, selected};
use crate::publish::output::{ArtifactKind, ManifestEntry};
use crate::publish::reuse::Reuse;
use crate::render::html::HtmlRenderer;
use crate::render::{Format, notice};
use crate::versions::notice::client_notice;

/// Where the notice of `from` → `to` is published, under the output.
pub fn artifact_path(document: &str, from: &Version, to: &Version, extension: &str) -> String {
    format!("notices/{document}-{from}-{to}.{extension}")
}

/// The notices of the selected documents, in the selected formats.
pub fn jobs<'a>(
    checked: &'a Checked,
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
            let notice = std::sync::Arc::new(notice);
            for format in notice::FORMATS.into_iter().filter(|f| selected(formats, f)) {
                let path = artifact_path(&source.id, &record.from, &record.to, format.extension());
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
                let notice = std::sync::Arc::clone(&notice);
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
