//! The privacy policy's generated content: a table per processing, with its
//! recipients and transfers taken from the sub-processor and third-party
//! records, and the authority's contact details.

use std::collections::BTreeMap;

use crate::compose::quantities::QuantityText;
use crate::compose::{Kind, Texts};
use crate::corpus::Corpus;
use crate::corpus::SourceFile;
use crate::corpus::facts::{Facts, PrivacyFacts, Transfer};
use crate::corpus::locale::Labels;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, did_you_mean_help};
use crate::lang::Lang;
use crate::model::{Block, Inline, ListStyle, Table};

/// The privacy policy: `{{ privacy.* }}`, `{{ authority.* }}` and
/// `{{ table.processing }}`.
pub struct PrivacyPolicy;

impl Kind for PrivacyPolicy {
    fn values(&self, corpus: &Corpus, lang: Lang) -> BTreeMap<String, String> {
        corpus
            .facts
            .privacy
            .as_ref()
            .map(|facts| placeholder_values(facts, &corpus.labels, lang))
            .unwrap_or_default()
    }

    fn blocks(&self, corpus: &Corpus, texts: &mut Texts) -> BTreeMap<String, Vec<Block>> {
        let Some(facts) = &corpus.facts.privacy else {
            return BTreeMap::new();
        };
        let tables = tables(&corpus.facts, facts, &corpus.labels, texts);
        BTreeMap::from([("table.processing".to_string(), tables)])
    }
}

/// `{{ privacy.<figure> }}` and `{{ authority.* }}`.
pub fn placeholder_values(
    privacy: &PrivacyFacts,
    labels: &Labels,
    lang: Lang,
) -> BTreeMap<String, String> {
    let mut values: BTreeMap<String, String> = privacy
        .figures
        .iter()
        .map(|(name, quantity)| (format!("privacy.{name}"), quantity.short(lang, labels)))
        .collect();
    let authority = &privacy.authority;
    values.insert("authority.name".into(), authority.name.clone());
    values.insert("authority.address".into(), authority.address.clone());
    values.insert("authority.website".into(), authority.website.to_string());
    values.insert(
        "authority.complaints".into(),
        authority.complaints.to_string(),
    );
    values
}

/// A recipient's name as an organisation (GDPR art. 13(1)(e)), what it
/// does, and whether data leave the EU.
fn recipient<'a>(
    facts: &'a Facts,
    id: &str,
) -> Option<(String, &'a crate::lang::Localized, &'a Transfer)> {
    if let Some(subprocessor) = facts.subprocessor(id) {
        return Some((
            organisation(&subprocessor.name, Some(&subprocessor.legal_name)),
            &subprocessor.activity,
            &subprocessor.transfer,
        ));
    }
    let third = facts.third_parties.iter().find(|third| third.id == id)?;
    // A third party without them is reported by `lint`.
    let name = organisation(&third.name, third.legal_name.as_deref());
    Some((name, third.role.as_ref()?, third.transfer.as_ref()?))
}

/// The company behind a trade name: its registered name where that says
/// the trade name ("OVH SAS"), else both ("Brevo – SENDINBLUE SAS").
fn organisation(name: &str, legal_name: Option<&str>) -> String {
    match legal_name {
        Some(legal) if legal.to_lowercase().contains(&name.to_lowercase()) => legal.to_string(),
        Some(legal) => format!("{name} – {legal}"),
        None => name.to_string(),
    }
}

/// `{{ table.processing }}`: one table per processing.
pub fn tables(
    facts: &Facts,
    privacy: &PrivacyFacts,
    labels: &Labels,
    texts: &mut Texts,
) -> Vec<Block> {
    let lang = texts.lang;
    let label = |id: &str| labels.get(lang, id);
    privacy
        .processing
        .iter()
        .map(|processing| {
            let recipients: Vec<_> = processing
                .recipients
                .iter()
                .filter_map(|id| recipient(facts, &id.value))
                .collect();
            let names = recipients.iter().map(|(name, role, _)| {
                labels.get_with(
                    lang,
                    "privacy-recipient",
                    &[("name", name), ("role", texts.get(role).as_str())],
                )
            });
            let names: Vec<String> = names.collect();
            let transfers: Vec<String> = recipients
                .iter()
                .filter(|(_, _, transfer)| transfer.outside_eu)
                .map(|(name, _, transfer)| {
                    let mechanism = transfer
                        .mechanism
                        .as_ref()
                        .map(|m| texts.get(m))
                        .unwrap_or_default();
                    labels.get_with(
                        lang,
                        "privacy-transfer",
                        &[("recipient", name), ("mechanism", &mechanism)],
                    )
                })
                .collect();
            let transfers = if transfers.is_empty() {
                vec![label("privacy-no-transfer")]
            } else {
                transfers
            };
            let list = |texts: &mut Texts, items: &[crate::lang::Localized]| {
                Block::list(
                    ListStyle::Bullet,
                    items.iter().map(|item| texts.get(item)).collect::<Vec<_>>(),
                )
            };
            let row = |id: &str, cell: Vec<Block>| {
                vec![
                    vec![Block::Label {
                        inlines: vec![Inline::text(label(id))],
                    }],
                    cell,
                ]
            };
            let rows = vec![
                row(
                    "privacy-row-purposes",
                    vec![list(texts, &processing.purposes)],
                ),
                row(
                    "privacy-row-legal-basis",
                    vec![Block::paragraph(texts.get(&processing.legal_basis))],
                ),
                row("privacy-row-data", vec![list(texts, &processing.data)]),
                row(
                    "privacy-row-recipients",
                    vec![Block::list(ListStyle::Bullet, names)],
                ),
                row(
                    "privacy-row-transfers",
                    vec![Block::list(ListStyle::Bullet, transfers)],
                ),
                row(
                    "privacy-row-retention",
                    processing
                        .retention
                        .iter()
                        .map(|p| Block::paragraph(texts.get(p)))
                        .collect(),
                ),
            ];
            Block::Table(Table {
                caption: texts.get(&processing.name),
                header: vec![label("processing-item"), label("processing-description")],
                rows,
                widths: vec![1, 3],
            })
        })
        .collect()
}

/// Every recipient is a declared sub-processor or third party.
pub fn lint(facts: &Facts, file: &SourceFile, diagnostics: &mut Diagnostics) {
    let Some(privacy) = &facts.privacy else {
        return;
    };
    let known: Vec<&str> = facts
        .provider_ids()
        .into_iter()
        .filter(|id| *id != crate::corpus::facts::PUBLISHER)
        .collect();
    for processing in &privacy.processing {
        for id in &processing.recipients {
            let third = facts
                .third_parties
                .iter()
                .find(|third| third.id == id.value);
            let lacking: Vec<&str> = third
                .map(|third| {
                    [
                        ("role", third.role.is_none()),
                        ("transfer", third.transfer.is_none()),
                    ]
                    .into_iter()
                    .filter_map(|(field, missing)| missing.then_some(field))
                    .collect()
                })
                .unwrap_or_default();
            if !lacking.is_empty() {
                diagnostics.push(
                    Diagnostic::error(
                        Code::MissingFact,
                        format!(
                            "recipient `{}` has no `{}` in annexes/third-parties.yaml, which the privacy policy states for each recipient",
                            id.value,
                            lacking.join("` or `")
                        ),
                    )
                    .at(file.yaml_location(&id.referenced), &file.text)
                    .with_help(format!("add `{}: …` to `{}` in annexes/third-parties.yaml", lacking.join(": …` and `"), id.value)),
                );
            }
        }
        for id in processing
            .recipients
            .iter()
            .filter(|id| !known.contains(&id.value.as_str()))
        {
            let help = did_you_mean_help(&id.value, known.iter().copied(), || {
                "declare it in annexes/subprocessors.yaml or annexes/third-parties.yaml".into()
            });
            let location = file.yaml_location(&id.referenced);
            diagnostics.push(
                Diagnostic::error(
                    Code::UnknownReference,
                    format!(
                        "processing `{}` names unknown recipient `{}`",
                        processing.id, id.value
                    ),
                )
                .at(location, &file.text)
                .with_help(help),
            );
        }
    }
}
