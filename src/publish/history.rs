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
