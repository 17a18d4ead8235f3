//! `out/feed.xml`: an Atom feed (RFC 4287) with one entry per release and
//! one per client notice, newest first, so that clients can subscribe.
//! Links are relative to the feed, so that the site works under any base
//! path, or in full under corpus.yaml's `site.base_url`; entry ids are
//! `tag:` URIs (RFC 4151) that never change.

use atom_syndication::{Content, Feed, FixedDateTime, Generator, Link, Person, Text, WriteConfig};

use crate::check::Checked;
use crate::corpus::DocumentSource;
use crate::corpus::released::Head;
use crate::lang::Lang;
use crate::publish::notices;
use crate::publish::output::{Artifact, ArtifactKind, ManifestEntry};
use crate::render::{Format, Slot, artifact_path};
use crate::text::typography::typeset;
use crate::versions::notice::client_notice;

/// Where the feed is published, under the output.
pub const FEED: &str = "feed.xml";

/// One entry, before it is written.
struct Entry {
    id: String,
    title: String,
    /// `YYYY-MM-DD`.
    date: String,
    summary: String,
    /// (language or none, media type, relation, href).
    links: Vec<(Option<Lang>, &'static str, &'static str, String)>,
    /// Paragraphs of the content, each with its language.
    content: Vec<(Lang, String)>,
}

/// The feed of every release and notice of the corpus, as an artifact.
pub fn artifact(checked: &Checked) -> Artifact {
    let corpus = &checked.corpus;
    let processor = &corpus.facts.parties.processor;
    let authority = tag_authority(checked);
    let binding = corpus.languages[0];
    let mut entries = Vec::new();
    for source in &corpus.documents {
        entries.extend(release_entries(source, &authority));
        entries.extend(notice_entries(checked, source, &authority));
    }
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    let updated = entries
        .iter()
        .map(|e| e.date.as_str())
        .max()
        .unwrap_or("2000-01-01");
    let title = match &corpus.site.title {
        Some(title) => title.get(binding).to_string(),
        None => corpus.labels.get_with(
            binding,
            "feed-title",
            &[("publisher", corpus.short_name(binding))],
        ),
    };
    let title = typeset(&title, &binding.to_string());
    let base = corpus.site.base_url.as_ref().map(|url| url.as_str());
    let feed = Feed {
        id: format!("tag:{authority}:clausier"),
        title: Text::plain(title.clone()),
        updated: timestamp(updated),
        authors: vec![Person {
            name: processor.legal_name.clone(),
            ..Person::default()
        }],
        links: vec![Link {
            rel: "self".into(),
            href: absolute(base, FEED),
            ..Link::default()
        }],
        generator: Some(Generator {
            value: "clausier".into(),
            ..Generator::default()
        }),
        lang: Some(binding.to_string()),
        entries: entries
            .iter()
            .map(|entry| atom_entry(entry, base))
            .collect(),
        ..Feed::default()
    };
    let config = WriteConfig {
        write_document_declaration: true,
        indent_size: Some(2),
    };
    let mut xml = feed
        .write_with_config(Vec::new(), config)
        .expect("writing into memory cannot fail");
    xml.push(b'\n');
    let entry = ManifestEntry {
        date: Some(updated.to_string()),
        ..ManifestEntry::new(
            FEED.to_string(),
            ArtifactKind::Feed,
            title,
            "application/atom+xml",
        )
    };
    Artifact::file(entry, xml)
}

/// `href`, relative to the feed, in full under `base` if there is one.
fn absolute(base: Option<&str>, href: &str) -> String {
    match base {
        Some(base) => format!("{}/{href}", base.trim_end_matches('/')),
        None => href.to_string(),
    }
}

/// An entry as the Atom writer takes it, its links under `base`.
fn atom_entry(entry: &Entry, base: Option<&str>) -> atom_syndication::Entry {
    let links = entry
        .links
        .iter()
        .map(|(lang, media_type, rel, href)| Link {
            href: absolute(base, href),
            rel: (*rel).into(),
            hreflang: lang.map(|l| l.to_string()),
            mime_type: Some((*media_type).into()),
            ..Link::default()
        });
    // The content is HTML: its text is escaped here, the whole again by
    // the writer, as Atom's `type="html"` wants.
    let content: String = entry
        .content
        .iter()
        .map(|(lang, text)| format!("<p lang=\"{lang}\">{}</p>", escape(text)))
        .collect();
    atom_syndication::Entry {
        id: entry.id.clone(),
        title: Text::plain(entry.title.clone()),
        published: Some(timestamp(&entry.date)),
        updated: timestamp(&entry.date),
        links: links.collect(),
        summary: Some(Text::plain(entry.summary.clone())),
        content: Some(Content {
            content_type: Some("html".into()),
            value: Some(content),
            ..Content::default()
        }),
        ..atom_syndication::Entry::default()
    }
}

fn release_entries(source: &DocumentSource, authority: &str) -> Vec<Entry> {
    source
        .releases
        .iter()
        .enumerate()
        .filter_map(|(index, file)| {
            let release = &file.record;
            let previous = index.checked_sub(1).map(|i| &source.releases[i].record);
            let slot = Slot::Version(release.version.as_str());
            let documents: Vec<Head> = release.documents.iter().map(|d| d.head()).collect();
            let binding = documents.first()?;
            let mut links = Vec::new();
            for document in &documents {
                let formats = [
                    (Format::Html, "alternate"),
                    (Format::Pdf, "related"),
                    (Format::Docx, "related"),
                ];
                for (format, rel) in formats {
                    let href = artifact_path(document.id, document.lang, format, slot);
                    links.push((Some(document.lang), format.media_type(), rel, href));
                }
                if let Some(previous) = previous {
                    let changes = crate::publish::redlines::artifact_path(
                        document.id,
                        document.lang,
                        &previous.version,
                        &release.version,
                        Format::Html,
                    );
                    links.push((
                        Some(document.lang),
                        Format::Html.media_type(),
                        "related",
                        changes,
                    ));
                }
            }
            Some(Entry {
                id: format!("tag:{authority}:{}/{}", source.id, release.version),
                title: format!(
                    "{} – {} {}",
                    typeset(binding.title, &binding.lang.to_string()),
                    binding.labels.version,
                    release.version
                ),
                date: release.effective_date.to_string(),
                summary: (release.summary.get(&binding.lang))
                    .map(|summary| typeset(summary, &binding.lang.to_string()))
                    .unwrap_or_default(),
                links,
                // The binding text first, as the release lists its editions.
                content: (documents.iter())
                    .filter_map(|d| {
                        let summary = release.summary.get(&d.lang)?;
                        Some((d.lang, typeset(summary, &d.lang.to_string())))
                    })
                    .collect(),
            })
        })
        .collect()
}

fn notice_entries(checked: &Checked, source: &DocumentSource, authority: &str) -> Vec<Entry> {
    source
        .notices
        .iter()
        .filter_map(|file| {
            let record = &file.record;
            let (from, to) = (
                crate::corpus::releases::find_release(source, record.from.as_str()).ok()?,
                crate::corpus::releases::find_release(source, record.to.as_str()).ok()?,
            );
            let notice = client_notice(&checked.corpus, from, to, record)?.typeset();
            let links = [(Format::Html, "alternate"), (Format::Pdf, "related")]
                .map(|(format, rel)| {
                    let href = notices::artifact_path(
                        &source.id,
                        &record.from,
                        &record.to,
                        format.extension(),
                    );
                    (None, format.media_type(), rel, href)
                })
                .to_vec();
            let binding = &notice.parts[0];
            Some(Entry {
                id: format!(
                    "tag:{authority}:{}/notice/{}-{}",
                    source.id, record.from, record.to
                ),
                title: format!("{} – {} → {}", binding.title, record.from, record.to),
                date: record.date.to_string(),
                summary: binding.deadline_line.clone(),
                links,
                content: notice
                    .parts
                    .iter()
                    .map(|part| {
                        (
                            part.lang,
                            format!("{} {}", part.intro, part.closing.join(" ")),
                        )
                    })
                    .collect(),
            })
        })
        .collect()
}

/// `<domain>,<year>`: the publisher's website domain (or its e-mail
/// domain) and the year of the first release, which never change. Not
/// the site's `base_url`: adding one later would rename every entry.
fn tag_authority(checked: &Checked) -> String {
    let processor = &checked.corpus.facts.parties.processor;
    let from_website = processor.website.as_ref().and_then(|url| {
        let rest = url.as_str().split_once("://")?.1;
        Some(
            rest.split(['/', ':'])
                .next()?
                .trim_start_matches("www.")
                .to_string(),
        )
    });
    let from_email = processor
        .dpo
        .as_ref()
        .and_then(|dpo| dpo.email.as_ref())
        .and_then(|email| Some(email.as_str().split_once('@')?.1.to_string()));
    let domain = from_website
        .or(from_email)
        .unwrap_or_else(|| "clausier.invalid".to_string());
    let year = checked
        .corpus
        .documents
        .iter()
        .flat_map(|d| d.releases.iter().map(|r| r.record.effective_date.year))
        .min()
        .unwrap_or(2000);
    format!("{domain},{year}")
}

/// Midnight UTC of a `YYYY-MM-DD` date: dates come from the records,
/// never from the clock.
fn timestamp(date: &str) -> FixedDateTime {
    FixedDateTime::parse_from_rfc3339(&format!("{date}T00:00:00Z"))
        .expect("record dates are valid YYYY-MM-DD dates")
}

fn escape(text: &str) -> String {
    crate::render::html::escape(text)
}
