//! The website around the documents: an index page per language, the
//! stylesheet for embedded fragments, and `subprocessors.json` for
//! integrators. Every link is relative, so that the site works under any
//! base path and from `file://`.

use serde::Serialize;
use tera::Context;

use crate::check::Checked;
use crate::error::BuildError;
use crate::lang::Lang;
use crate::publish::feed::FEED;
use crate::publish::notices;
use crate::publish::output::{Artifact, ArtifactKind, ManifestEntry};
use crate::render::html::{HtmlRenderer, STYLESHEET};
use crate::render::{Format, Slot, artifact_path, relative_href};
use crate::text::typography::typeset;

const FRAGMENT_STYLESHEET: &str = include_str!("../../templates/fragment.css");

/// Where the index of `lang` is published: the binding language at the
/// root, the others in their folder.
pub fn index_path(lang: Lang, binding: Lang) -> String {
    match lang == binding {
        true => "index.html".to_string(),
        false => format!("{lang}/index.html"),
    }
}

/// A document as the index lists it.
#[derive(Serialize)]
struct Listed {
    title: String,
    version: String,
    effective_date: String,
    effective_date_text: String,
    html: String,
    pdf: String,
    docx: String,
    history: String,
    /// What the latest release changed, when there is an earlier one.
    changes: Option<Link>,
    /// A contract's parallel editions: the binding text beside each
    /// translation.
    parallel: Vec<Parallel>,
}

/// A parallel edition as the index links it.
#[derive(Serialize)]
struct Parallel {
    /// "fr–en".
    langs: String,
    pdf: String,
    docx: String,
}

/// A link and its text.
#[derive(Serialize)]
struct Link {
    href: String,
    label: String,
    /// The same as a Word file (a redline with tracked changes).
    docx: String,
}

/// A notice as the index lists it.
#[derive(Serialize)]
struct ListedNotice {
    title: String,
    date: String,
    date_text: String,
    html: String,
    pdf: String,
}

/// A link to the index in another language.
#[derive(Serialize)]
struct Alternate {
    lang: Lang,
    href: String,
    label: String,
}

/// Every page and file of the site around the documents.
pub fn artifacts(checked: &Checked, html: &HtmlRenderer) -> Result<Vec<Artifact>, BuildError> {
    let mut artifacts = Vec::new();
    for &lang in &checked.corpus.languages {
        let bytes = index(checked, lang, html)?;
        let title = index_title(checked, lang);
        artifacts.push(site_file(
            index_path(lang, checked.corpus.binding()),
            title,
            Some(lang),
            "text/html; charset=utf-8",
            bytes,
        ));
    }
    artifacts.push(site_file(
        "fragments/clausier.css".to_string(),
        "clausier fragments".to_string(),
        None,
        "text/css; charset=utf-8",
        FRAGMENT_STYLESHEET.as_bytes().to_vec(),
    ));
    let subprocessors = &checked.corpus.facts.subprocessors;
    if !subprocessors.is_empty() {
        let mut json = serde_json::to_string_pretty(subprocessors).expect("facts serialize");
        json.push('\n');
        artifacts.push(site_file(
            "subprocessors.json".to_string(),
            "sub-processors".to_string(),
            None,
            "application/json",
            json.into_bytes(),
        ));
    }
    Ok(artifacts)
}

fn site_file(
    path: String,
    title: String,
    lang: Option<Lang>,
    media_type: &str,
    bytes: Vec<u8>,
) -> Artifact {
    let entry = ManifestEntry {
        lang,
        ..ManifestEntry::new(path, ArtifactKind::Site, title, media_type)
    };
    Artifact::file(entry, bytes)
}

/// corpus.yaml's `site.title`, or the label `site-title`.
fn index_title(checked: &Checked, lang: Lang) -> String {
    let corpus = &checked.corpus;
    if let Some(title) = &corpus.site.title {
        return title.get(lang).to_string();
    }
    let publisher = corpus.short_name(lang);
    (corpus.labels).get_with(lang, "site-title", &[("publisher", publisher)])
}

fn index(checked: &Checked, lang: Lang, html: &HtmlRenderer) -> Result<Vec<u8>, BuildError> {
    let corpus = &checked.corpus;
    let here = index_path(lang, corpus.binding());
    let href = |target: &str| relative_href(&here, target);
    // Every text of the page as readers see it, in the page's language.
    let text = |text: &str| typeset(text, &lang.to_string());
    let label = |id: &str| text(&corpus.labels.get(lang, id));
    let documents: Vec<Listed> = corpus
        .documents
        .iter()
        .filter_map(|source| {
            let latest = checked
                .latest(source)
                .into_iter()
                .find(|d| d.lang == lang)?;
            Some((source, latest))
        })
        .map(|(source, document)| {
            let translations = crate::publish::build::translations_beside(checked, source)
                .map_or_else(Vec::new, |(_, translations)| translations);
            let parallel = (translations.into_iter())
                .map(|t| {
                    let path = |format| {
                        href(&artifact_path(
                            &document.id,
                            source.binding,
                            format,
                            Slot::Parallel(t.lang),
                        ))
                    };
                    Parallel {
                        langs: format!("{}–{}", source.binding, t.lang),
                        pdf: path(Format::Pdf),
                        docx: path(Format::Docx),
                    }
                })
                .collect();
            let last_two = source
                .releases
                .len()
                .checked_sub(2)
                .map(|i| &source.releases[i..]);
            let changes = last_two.map(|pair| {
                let (from, to) = (&pair[0].record.version, &pair[1].record.version);
                let redline = |format| {
                    href(&crate::publish::redlines::artifact_path(
                        &document.id,
                        lang,
                        from,
                        to,
                        format,
                    ))
                };
                Link {
                    href: redline(Format::Html),
                    docx: redline(Format::Docx),
                    label: text(&corpus.labels.get_with(
                        lang,
                        "site-changes",
                        &[("from", from.as_str()), ("to", to.as_str())],
                    )),
                }
            });
            let page = href(&artifact_path(
                &document.id,
                lang,
                Format::Html,
                Slot::Latest,
            ));
            Listed {
                title: text(&document.title),
                version: document.version.clone(),
                effective_date: document.effective_date.clone(),
                effective_date_text: text(&document.effective_date_text),
                history: format!("{page}#{}", crate::model::HISTORY_ID),
                html: page,
                pdf: href(&artifact_path(
                    &document.id,
                    lang,
                    Format::Pdf,
                    Slot::Latest,
                )),
                docx: href(&artifact_path(
                    &document.id,
                    lang,
                    Format::Docx,
                    Slot::Latest,
                )),
                changes,
                parallel,
            }
        })
        .collect();
    let notices: Vec<ListedNotice> = corpus
        .documents
        .iter()
        .flat_map(|source| source.notices.iter().map(move |n| (source, &n.record)))
        .map(|(source, record)| {
            let path = |format: Format| {
                href(&notices::artifact_path(
                    &source.id,
                    &record.from,
                    &record.to,
                    format.extension(),
                ))
            };
            ListedNotice {
                title: format!(
                    "{} – {} → {}",
                    label("notice-title"),
                    record.from,
                    record.to
                ),
                date: record.date.to_string(),
                date_text: text(&record.date.long(lang)),
                html: path(Format::Html),
                pdf: path(Format::Pdf),
            }
        })
        .collect();
    let alternates: Vec<Alternate> = corpus
        .languages
        .iter()
        .filter(|&&other| other != lang)
        .map(|&other| Alternate {
            lang: other,
            href: href(&index_path(other, corpus.binding())),
            label: typeset(
                &corpus.labels.get(other, "page-edition"),
                &other.to_string(),
            ),
        })
        .collect();
    let mut context = Context::new();
    context.insert("lang", &lang);
    context.insert("title", &text(&index_title(checked, lang)));
    context.insert("self_href", &href(&here));
    context.insert("alternates", &alternates);
    context.insert("feed_href", &href(FEED));
    context.insert("documents", &documents);
    context.insert("notices", &notices);
    let binding = corpus.binding();
    let notice = (lang != binding).then(|| {
        let args = [("binding", binding.language())];
        text(
            &corpus
                .labels
                .get_with(lang, "notice-translation-long", &args),
        )
    });
    context.insert("notice", &notice);
    let labels = serde_json::json!({
        "version": label("page-version"),
        "effective_date": label("page-effective-date"),
        "colon": label("page-colon"),
        "pdf": label("page-download-pdf"),
        "read": label("site-read"),
        "history": label("history-title"),
        "feed": label("site-feed"),
        "notices": label("site-notices"),
        "parallel": label("site-parallel"),
        "languages": label("site-languages"),
    });
    context.insert("labels", &labels);
    context.insert("stylesheet", STYLESHEET);
    Ok(html.page("index.html", &context, &here)?.into_bytes())
}
