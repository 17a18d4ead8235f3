//! The documents of the earlier releases, handed by `build` to the jobs
//! that render them, so that each one is dropped when its last job is
//! done instead of staying for the whole build: 0.28 MiB of heap per
//! release (README, Speed).

use std::ops::Deref;
use std::sync::Arc;

use crate::check::Checked;
use crate::corpus::DocumentSource;
use crate::lang::Lang;
use crate::model::Document;

/// A document to render, as a job holds it: the latest release's or a
/// draft stays in `Checked` (the site and the parallel editions read it
/// too); an earlier release's is shared by the jobs that render it.
#[derive(Clone)]
pub(crate) enum DocumentRef<'a> {
    /// A document `Checked` still holds.
    Borrowed(&'a Document),
    /// A document of an earlier release.
    Shared(Arc<Document>),
}

impl Deref for DocumentRef<'_> {
    type Target = Document;

    fn deref(&self) -> &Document {
        match self {
            DocumentRef::Borrowed(document) => document,
            DocumentRef::Shared(document) => document,
        }
    }
}

/// The documents of every release but the latest of each document, taken
/// out of the corpus: by document (its place in the corpus), release
/// (oldest first) and language.
pub(crate) struct History {
    earlier: Vec<Vec<Vec<Arc<Document>>>>,
}

impl History {
    /// Takes the documents of every release but the latest out of
    /// `checked`, where those releases are left with none: what reads them
    /// there (the feed, the notices) must be made first, and what runs
    /// after reads only the latest release or the draft
    /// ([`Checked::latest`]).
    pub fn take(checked: &mut Checked) -> History {
        let earlier = (checked.corpus.documents.iter_mut())
            .map(|source| {
                let count = source.releases.len().saturating_sub(1);
                (source.releases[..count].iter_mut())
                    .map(|file| {
                        let documents = std::mem::take(&mut file.record.documents);
                        documents.into_iter().map(Arc::new).collect()
                    })
                    .collect()
            })
            .collect();
        History { earlier }
    }

    /// The documents of the corpus's document `source` (at `index` among
    /// them) in its release `release` (its place, oldest first).
    pub fn documents<'a>(
        &self,
        (index, source): (usize, &'a DocumentSource),
        release: usize,
    ) -> Vec<DocumentRef<'a>> {
        match self.earlier[index].get(release) {
            Some(documents) => documents.iter().cloned().map(DocumentRef::Shared).collect(),
            None => (source.releases[release].record.documents.iter())
                .map(DocumentRef::Borrowed)
                .collect(),
        }
    }

    /// That release's document in `lang`, if it has one (as
    /// `versions::redline::edition` finds it in a release).
    pub fn document<'a>(
        &self,
        source: (usize, &'a DocumentSource),
        release: usize,
        lang: Lang,
    ) -> Option<DocumentRef<'a>> {
        (self.documents(source, release).into_iter()).find(|document| document.lang == lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the jobs get is what the releases held, and the latest
    /// release (read by the site and the parallel editions) keeps its own.
    #[test]
    fn the_earlier_releases_are_handed_over_as_they_were_and_the_latest_stays() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut checked = crate::check::check(root, false).expect("the shipped corpus checks");
        let held = |checked: &Checked| -> Vec<Vec<Vec<Document>>> {
            (checked.corpus.documents.iter())
                .map(|source| {
                    (source.releases.iter())
                        .map(|file| file.record.documents.clone())
                        .collect()
                })
                .collect()
        };
        let before = held(&checked);
        let history = History::take(&mut checked);
        let after = held(&checked);
        let mut handed = 0;
        for (index, source) in checked.corpus.documents.iter().enumerate() {
            let latest = source.releases.len() - 1;
            for release in 0..source.releases.len() {
                let documents: Vec<Document> = (history.documents((index, source), release))
                    .iter()
                    .map(|document| Document::clone(document))
                    .collect();
                assert_eq!(documents, before[index][release]);
                let shared = (history.documents((index, source), release).iter())
                    .all(|document| matches!(document, DocumentRef::Shared(_)));
                assert_eq!(shared, release < latest, "{} {release}", source.id);
                if release < latest {
                    assert!(after[index][release].is_empty());
                    handed += 1;
                }
            }
            assert_eq!(after[index][latest], before[index][latest]);
            let latest_documents = checked.latest(source);
            let borrowed = &source.releases[latest].record.documents;
            assert!(
                latest_documents
                    .iter()
                    .zip(borrowed)
                    .all(|(a, b)| std::ptr::eq(*a, b))
            );
        }
        // The shipped corpus has earlier releases: the test tests something.
        assert!(handed >= 2, "{handed}");
    }
}
