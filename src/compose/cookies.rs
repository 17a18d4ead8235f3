//! The cookie policy's generated content (a table per category of cookies,
//! the sites, the consent tool) and the CNIL's rules on cookies, applied by
//! `check`.

use std::collections::BTreeMap;

use crate::compose::quantities::QuantityText;
use crate::compose::{Kind, Texts};
use crate::corpus::Corpus;
use crate::corpus::SourceFile;
use crate::corpus::facts::{
    Consent, CookieCategory, CookieFacts, ExemptionGround, Facts, Lifetime, PUBLISHER,
};
use crate::corpus::locale::Labels;
use crate::corpus::quantity::{Quantity, Unit};
use crate::diagnostic::{Code, Diagnostic, Diagnostics, did_you_mean_help};
use crate::lang::Lang;
use crate::model::{Block, Inline, ListStyle, Table};
use crate::text::in_words;

/// The cookie policy: `{{ cookies.* }}` and `{{ table.cookies }}`.
pub struct CookiePolicy;

impl Kind for CookiePolicy {
    fn values(&self, corpus: &Corpus, lang: Lang) -> BTreeMap<String, String> {
        corpus
            .facts
            .cookies
            .as_ref()
            .map(|facts| placeholder_values(facts, &corpus.labels, lang))
            .unwrap_or_default()
    }

    fn blocks(&self, corpus: &Corpus, texts: &mut Texts) -> BTreeMap<String, Vec<Block>> {
        let Some(facts) = &corpus.facts.cookies else {
            return BTreeMap::new();
        };
        let tables = tables(&corpus.facts, facts, &corpus.labels, texts);
        BTreeMap::from([("table.cookies".to_string(), tables)])
    }
}

/// CNIL: trackers that need consent, and audience measurement, live 13
/// months at most; exempt audience measurement keeps its data 25 months at
/// most; a consent choice is kept about 6 months.
const TRACKER_LIFETIME: Quantity = Quantity {
    value: 13,
    unit: Unit::Months,
};
const MEASUREMENT_DATA: Quantity = Quantity {
    value: 25,
    unit: Unit::Months,
};
const CHOICE_KEPT: Quantity = Quantity {
    value: 6,
    unit: Unit::Months,
};

/// Placeholders for the cookie policy: `{{ cookies.sites }}`,
/// `{{ cookies.consent_tool }}`, `{{ cookies.consent_location }}`,
/// `{{ cookies.choice_kept }}`.
pub fn placeholder_values(
    cookies: &CookieFacts,
    labels: &Labels,
    lang: Lang,
) -> BTreeMap<String, String> {
    let sites: Vec<&str> = cookies
        .sites
        .iter()
        .map(|site| site.name.get(lang))
        .collect();
    let tool = &cookies.consent_tool;
    BTreeMap::from([
        (
            "cookies.sites".to_string(),
            in_words(&sites, &labels.get(lang, "list-and")),
        ),
        ("cookies.consent_tool".to_string(), tool.name.clone()),
        (
            "cookies.consent_location".to_string(),
            tool.location.get(lang).to_string(),
        ),
        (
            "cookies.choice_kept".to_string(),
            tool.choice_kept.value.short(lang, labels),
        ),
    ])
}

/// `{{ table.cookies }}`: one table per category of cookies.
pub fn tables(
    facts: &Facts,
    cookies: &CookieFacts,
    labels: &Labels,
    texts: &mut Texts,
) -> Vec<Block> {
    let lang = texts.lang;
    let label = |id: &str| labels.get(lang, id);
    let header = ["name", "purpose", "data", "provider", "lifetime", "consent"]
        .map(|column| label(&format!("cookie-column-{column}")))
        .to_vec();
    CookieCategory::ALL
        .into_iter()
        .filter_map(|category| {
            let rows: Vec<Vec<Vec<Block>>> = cookies
                .cookies
                .iter()
                .filter(|cookie| cookie.category == category)
                .map(|cookie| {
                    let provider = facts
                        .provider_name(&cookie.provider.value)
                        .unwrap_or(&cookie.provider.value);
                    let party = if cookie.provider.value == PUBLISHER {
                        "cookie-first-party"
                    } else {
                        "cookie-third-party"
                    };
                    let lifetime = match cookie.lifetime.value {
                        Lifetime::Session => label("cookie-lifetime-session"),
                        Lifetime::For(quantity) => quantity.short(lang, labels),
                    };
                    let consent = match &cookie.consent.value {
                        Consent::Required => label("cookie-consent-required"),
                        Consent::Exempt(exemption) => label(exemption.ground.message_id()),
                    };
                    vec![
                        vec![Block::paragraph(&cookie.name)],
                        vec![Block::paragraph(texts.get(&cookie.purpose))],
                        vec![Block::paragraph(texts.get(&cookie.data))],
                        vec![Block::paragraph(provider), Block::paragraph(label(party))],
                        vec![Block::paragraph(lifetime)],
                        vec![Block::paragraph(consent)],
                    ]
                })
                .collect();
            if rows.is_empty() {
                return None;
            }
            let mut blocks = vec![Block::Table(Table {
                caption: label(category.message_id()),
                header: header.clone(),
                rows,
                widths: vec![6, 6, 5, 4, 3, 4],
            })];
            // Conditions of an exemption are stated once, under the table.
            let mut conditions: Vec<String> = Vec::new();
            for cookie in cookies
                .cookies
                .iter()
                .filter(|cookie| cookie.category == category)
            {
                if let Consent::Exempt(exemption) = &cookie.consent.value {
                    for condition in &exemption.conditions {
                        let text = texts.get(condition);
                        if !conditions.contains(&text) {
                            conditions.push(text);
                        }
                    }
                }
            }
            if !conditions.is_empty() {
                blocks.push(Block::Label {
                    inlines: vec![Inline::text(label("cookie-exemption-conditions"))],
                });
                blocks.push(Block::list(ListStyle::Bullet, conditions));
            }
            Some(blocks)
        })
        .flatten()
        .collect()
}

/// The CNIL's rules, each finding at the YAML value it concerns.
pub fn lint(facts: &Facts, file: &SourceFile, diagnostics: &mut Diagnostics) {
    let Some(cookies) = &facts.cookies else {
        return;
    };
    let mut report =
        |location: &serde_saphyr::Location, message: String, note: &str, help: String| {
            diagnostics.push(
                Diagnostic::error(Code::CnilRule, message)
                    .at(file.yaml_location(location), &file.text)
                    .with_note(note.to_string())
                    .with_help(help),
            );
        };
    let choice = &cookies.consent_tool.choice_kept;
    if choice.value.exceeds(CHOICE_KEPT) {
        report(
            &choice.referenced,
            format!("a consent choice kept {} is kept too long", choice.value),
            "the CNIL recommends asking again after about 6 months (recommendation 2020-092, art. 2)",
            "set `choice_kept` to 6 months or less".into(),
        );
    }
    let providers = facts.provider_ids();
    let sites: Vec<&str> = cookies.sites.iter().map(|site| site.id.as_str()).collect();
    for cookie in &cookies.cookies {
        let name = &cookie.name;
        let needs_limit = matches!(cookie.consent.value, Consent::Required)
            || cookie.category == CookieCategory::AudienceMeasurement;
        if let Lifetime::For(lifetime) = cookie.lifetime.value
            && needs_limit
            && lifetime.exceeds(TRACKER_LIFETIME)
        {
            report(
                &cookie.lifetime.referenced,
                format!(
                    "`{name}` lives {lifetime}: a tracker that needs consent or measures audience may live 13 months at most"
                ),
                "CNIL guidelines 2020-091, art. 5, and recommendation 2020-092, art. 2",
                "set `lifetime` to 13 months or less".into(),
            );
        }
        if let Consent::Exempt(exemption) = &cookie.consent.value
            && exemption.ground == ExemptionGround::AudienceMeasurement
        {
            let note = "exempt audience measurement: publisher only, anonymous statistics, no cross-site tracking, data kept 25 months at most (CNIL guidelines 2020-091, art. 5)";
            match &exemption.data_kept {
                Some(kept) if kept.value.exceeds(MEASUREMENT_DATA) => report(
                    &kept.referenced,
                    format!(
                        "`{name}` keeps its data {}: exempt audience measurement keeps it 25 months at most",
                        kept.value
                    ),
                    note,
                    "set `data_kept` to 25 months or less, or make the cookie need consent".into(),
                ),
                None => report(
                    &cookie.consent.referenced,
                    format!(
                        "`{name}` is exempt as audience measurement but does not say how long its data are kept"
                    ),
                    note,
                    "add `data_kept:` (25 months at most) to its `exempt:`".into(),
                ),
                Some(_) => {}
            }
            if exemption.conditions.is_empty() {
                report(
                    &cookie.consent.referenced,
                    format!("`{name}` is exempt as audience measurement but states none of the exemption's conditions"),
                    note,
                    "list them under `conditions:` in its `exempt:`, so that the policy states them".into(),
                );
            }
        }
        if !providers.contains(&cookie.provider.value.as_str()) {
            let help = did_you_mean_help(&cookie.provider.value, providers.iter().copied(), || {
                "declare it in annexes/subprocessors.yaml or annexes/third-parties.yaml, or write `publisher`".into()
            });
            report(
                &cookie.provider.referenced,
                format!(
                    "`{name}` is set by `{}`, which is neither the publisher nor a declared sub-processor or third party",
                    cookie.provider.value
                ),
                "every party that sets a cookie must be named (CNIL guidelines 2020-091, art. 3)",
                help,
            );
        }
        for site in cookie
            .sites
            .iter()
            .filter(|site| !sites.contains(&site.value.as_str()))
        {
            let help = did_you_mean_help(&site.value, sites.iter().copied(), || {
                format!("the sites are: {}", sites.join(", "))
            });
            report(
                &site.referenced,
                format!("`{name}` names unknown site `{}`", site.value),
                "sites are listed under `sites:`",
                help,
            );
        }
    }
}
