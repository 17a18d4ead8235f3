//! The cookie policy's generated content (a table per category of cookies,
//! the sites, the consent tool) and the CNIL's rules on cookies, applied by
//! `check`.

use std::collections::BTreeMap;

use crate::compose::quantities::QuantityText;
use crate::compose::{Kind, Texts};
use crate::corpus::Corpus;
use crate::corpus::SourceFile;
use crate::corpus::facts::{
    Consent, Cookie, CookieCategory, CookieFacts, ExemptionGround, Facts, Lifetime, PUBLISHER,
    TrackerColumn, TrackerKind,
};
use crate::corpus::locale::Labels;
use crate::corpus::quantity::{Quantity, Unit};
use crate::diagnostic::{Code, Diagnostic, Diagnostics, did_you_mean_help};
use crate::lang::Lang;
use crate::model::{Block, Inline, ListStyle, Table};
use crate::text::in_words;

mod roles;

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
        let tables = tables(corpus, facts, texts);
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

/// `{{ table.cookies }}`: one table per category of trackers, or one of
/// them all, with the columns `cookies.yaml` chooses; the conditions of an
/// exemption are stated once, under the table.
pub fn tables(corpus: &Corpus, cookies: &CookieFacts, texts: &mut Texts) -> Vec<Block> {
    let labels = &corpus.labels;
    let lang = texts.lang;
    let label = |id: &str| labels.get(lang, id);
    let columns = &cookies.table.columns;
    let header: Vec<String> = columns
        .iter()
        .map(|column| label(&format!("cookie-column-{}", column.name())))
        .collect();
    let groups: Vec<(String, Vec<&Cookie>)> = match cookies.table.per_category {
        true => CookieCategory::ALL
            .into_iter()
            .map(|category| {
                let members = cookies.cookies.iter().filter(|c| c.category == category);
                (label(category.message_id()), members.collect())
            })
            .collect(),
        false => vec![(label("cookie-table-all"), cookies.cookies.iter().collect())],
    };
    let mut blocks = Vec::new();
    for (caption, members) in groups
        .into_iter()
        .filter(|(_, members)| !members.is_empty())
    {
        let mut rows = Vec::new();
        let mut conditions: Vec<String> = Vec::new();
        for cookie in members {
            let row = columns
                .iter()
                .map(|&column| cell(column, cookie, cookies, corpus, texts));
            rows.push(row.collect());
            if let Consent::Exempt(exemption) = &cookie.consent.value {
                for condition in &exemption.conditions {
                    let text = texts.get(condition);
                    if !conditions.contains(&text) {
                        conditions.push(text);
                    }
                }
            }
        }
        blocks.push(Block::Table(Table {
            caption,
            header: header.clone(),
            rows,
            widths: columns.iter().map(|column| column.width()).collect(),
        }));
        if !conditions.is_empty() {
            blocks.push(Block::Label {
                inlines: vec![Inline::text(label("cookie-exemption-conditions"))],
            });
            blocks.push(Block::list(ListStyle::Bullet, conditions));
        }
    }
    blocks
}

/// What a tracker's row shows in `column`.
fn cell(
    column: TrackerColumn,
    cookie: &Cookie,
    cookies: &CookieFacts,
    corpus: &Corpus,
    texts: &mut Texts,
) -> Vec<Block> {
    let (facts, labels) = (&corpus.facts, &corpus.labels);
    let lang = texts.lang;
    let label = |id: &str| labels.get(lang, id);
    let text = match column {
        TrackerColumn::Name => cookie.name.value.clone(),
        TrackerColumn::Kind => label(cookie.kind.message_id()),
        TrackerColumn::Category => label(cookie.category.message_id()),
        TrackerColumn::Purpose => texts.get(&cookie.purpose),
        // A missing text is reported by `lint`, which fails the build.
        TrackerColumn::Data => cookie
            .data
            .as_ref()
            .map(|data| texts.get(data))
            .unwrap_or_default(),
        TrackerColumn::Provider => {
            let provider = &cookie.provider.value;
            // A cookie is first- or third-party; so is another tracker,
            // which its own label does not call a cookie.
            let party = match (provider == PUBLISHER, cookie.kind == TrackerKind::Cookie) {
                (true, true) => "cookie-first-party",
                (false, true) => "cookie-third-party",
                (true, false) => "tracker-first-party",
                (false, false) => "tracker-third-party",
            };
            let name = match provider == PUBLISHER {
                true => corpus.short_name(lang),
                false => facts.provider_name(provider).unwrap_or(provider),
            };
            let mut lines = vec![Block::paragraph(name), Block::paragraph(label(party))];
            if let Some(subprocessor) = facts.subprocessor(provider) {
                lines.extend(roles::roles(subprocessor, cookie, cookies, corpus, texts));
            }
            return lines;
        }
        TrackerColumn::Sites => {
            let names: Vec<String> = cookie
                .sites
                .iter()
                .filter_map(|id| cookies.sites.iter().find(|site| site.id == id.value))
                .map(|site| texts.get(&site.name))
                .collect();
            in_words(&names, &label("list-and"))
        }
        TrackerColumn::Lifetime => match cookie.lifetime.value {
            Lifetime::Session => label("cookie-lifetime-session"),
            Lifetime::NotStated => label("cookie-lifetime-not-stated"),
            Lifetime::For(quantity) => quantity.short(lang, labels),
        },
        TrackerColumn::Consent => match &cookie.consent.value {
            Consent::Required => label("cookie-consent-required"),
            Consent::Exempt(exemption) => label(exemption.ground.message_id()),
        },
    };
    vec![Block::paragraph(text)]
}

/// What is wrong with the columns of the table of trackers, if anything:
/// each once, and the three a visitor must be told.
fn table_problem(columns: &[TrackerColumn]) -> Option<String> {
    if let Some((_, twice)) = columns
        .iter()
        .enumerate()
        .find(|(i, column)| columns[..*i].contains(column))
    {
        return Some(format!(
            "the table of trackers has the column `{}` twice",
            twice.name()
        ));
    }
    let needed = [
        TrackerColumn::Name,
        TrackerColumn::Purpose,
        TrackerColumn::Lifetime,
    ];
    let missing: Vec<String> = needed
        .iter()
        .filter(|column| !columns.contains(column))
        .map(|column| format!("`{}`", column.name()))
        .collect();
    let noun = if missing.len() == 1 {
        "column"
    } else {
        "columns"
    };
    (!missing.is_empty()).then(|| {
        format!(
            "the table of trackers lacks the {noun} {}",
            in_words(&missing, "and")
        )
    })
}

/// Why a tracker's exemption from consent does not fit its category, if
/// it does not: each ground of exemption covers its own kind of tracker,
/// and advertising is never exempt.
fn exemption_mismatch(cookie: &Cookie) -> Option<String> {
    let Consent::Exempt(exemption) = &cookie.consent.value else {
        return None;
    };
    let (ground, category) = (exemption.ground, cookie.category);
    let fits = match ground {
        ExemptionGround::StrictlyNecessary => matches!(
            category,
            CookieCategory::StrictlyNecessary | CookieCategory::Functional
        ),
        ExemptionGround::ConsentRecord => category == CookieCategory::ConsentRecord,
        ExemptionGround::AudienceMeasurement => category == CookieCategory::AudienceMeasurement,
    };
    match (fits, category) {
        (true, _) => None,
        (false, CookieCategory::Advertising) => {
            Some("is advertising, which is never exempt from consent".into())
        }
        (false, _) => Some(format!(
            "is exempt as `{}`, a ground that does not cover a tracker of the category `{}`",
            ground.name(),
            category.name()
        )),
    }
}

/// The CNIL's rules, each finding at the YAML value it concerns.
pub fn lint(facts: &Facts, file: &SourceFile, diagnostics: &mut Diagnostics) {
    let Some(cookies) = &facts.cookies else {
        return;
    };
    if let Some(problem) = table_problem(&cookies.table.columns) {
        let offset = file.text.find("\ntable:").map_or(0, |at| at + 1);
        diagnostics.push(
            Diagnostic::error(Code::CnilRule, problem)
                .at(file.location(offset), &file.text)
                .with_note("the policy tells visitors each tracker's name, purpose and lifetime (CNIL guidelines 2020-091, art. 3)")
                .with_help("list each column once under `table: columns:`, name, purpose and lifetime among them"),
        );
    }
    if cookies.sites.is_empty() {
        diagnostics.push(
            Diagnostic::error(
                Code::MissingField,
                "the policy names no site: `sites:` is empty",
            )
            .at(
                file.location(file.text.find("sites:").unwrap_or(0)),
                &file.text,
            )
            .with_help("list the sites and applications that set the trackers under `sites:`"),
        );
    }
    let mut report = |code: Code,
                      location: &serde_saphyr::Location,
                      message: String,
                      note: &str,
                      help: String| {
        diagnostics.push(
            Diagnostic::error(code, message)
                .at(file.yaml_location(location), &file.text)
                .with_note(note.to_string())
                .with_help(help),
        );
    };
    let choice = &cookies.consent_tool.choice_kept;
    if choice.value.exceeds(CHOICE_KEPT) {
        report(
            Code::CnilRule,
            &choice.referenced,
            format!("a consent choice kept {} is kept too long", choice.value),
            "the CNIL recommends asking again after about 6 months (recommendation 2020-092, art. 2)",
            "set `choice_kept` to 6 months or less".into(),
        );
    }
    let providers = facts.provider_ids();
    let sites: Vec<&str> = cookies.sites.iter().map(|site| site.id.as_str()).collect();
    let shows_data = cookies.table.columns.contains(&TrackerColumn::Data);
    if !choice.value.is_duration() {
        report(
            Code::CnilRule,
            &choice.referenced,
            format!("`{}` is not a length of time", choice.value),
            "visitors are told how long their choice is kept",
            "write a length of time, e.g. `6 months`".into(),
        );
    }
    // Found while `report` holds the diagnostics; added after the loop.
    let mut found = Vec::new();
    for cookie in &cookies.cookies {
        let name = &cookie.name.value;
        if let Some(problem) = exemption_mismatch(cookie) {
            report(
                Code::CnilRule,
                &cookie.consent.referenced,
                format!("`{name}` {problem}"),
                "CNIL guidelines 2020-091, art. 5: only trackers strictly necessary to the service, consent records and audience measurement meeting its conditions are exempt from consent",
                "write `consent: required`, or the ground that matches its category".into(),
            );
        }
        if cookie.lifetime.value == Lifetime::NotStated
            && cookie.category == CookieCategory::AudienceMeasurement
            && matches!(cookie.consent.value, Consent::Exempt(_))
        {
            report(
                Code::CnilRule,
                &cookie.lifetime.referenced,
                format!("`{name}` is exempt audience measurement, whose lifetime must be stated"),
                "exempt audience measurement lives 13 months at most (CNIL guidelines 2020-091, art. 5)",
                "write its lifetime, 13 months at most".into(),
            );
        }
        if cookie.kind == TrackerKind::Fingerprinting {
            report(
                Code::CnilRule,
                &cookie.name.referenced,
                format!(
                    "`{name}` identifies visitors by fingerprinting, which they can neither see nor delete"
                ),
                "fingerprinting is a tracker under the CNIL's guidelines 2020-091 (art. 2), yet leaves visitors no means to refuse or remove it",
                "remove this tracker, or replace it by a cookie set with the visitor's consent"
                    .into(),
            );
        }
        if shows_data && cookie.data.is_none() {
            found.push(
                Diagnostic::error(
                    Code::MissingField,
                    format!("`{name}` does not say what it collects, which the table's `data` column shows"),
                )
                .at(file.yaml_location(&cookie.name.referenced), &file.text)
                .with_help("add `data:` to this tracker, or leave `data` out of `table: columns:`"),
            );
        }
        let own = cookie.provider.value == PUBLISHER;
        if cookie.lifetime.value == Lifetime::NotStated
            && (own || matches!(cookie.consent.value, Consent::Required))
        {
            found.push(
                Diagnostic::warning(
                    Code::LifetimeNotStated,
                    match own {
                        true => format!("`{name}` is the publisher's own, but how long it lives is not stated"),
                        false => format!("`{name}` needs consent, but how long it lives is not stated"),
                    },
                )
                .at(file.yaml_location(&cookie.lifetime.referenced), &file.text)
                .with_note("visitors must be told how long a tracker they consent to lives (CNIL guidelines 2020-091, art. 5; 13 months at most)")
                .with_help("ask the provider, and write the duration, e.g. `13 months`"),
            );
        }
        let needs_limit = matches!(cookie.consent.value, Consent::Required)
            || cookie.category == CookieCategory::AudienceMeasurement;
        if let Lifetime::For(lifetime) = cookie.lifetime.value
            && needs_limit
            && lifetime.exceeds(TRACKER_LIFETIME)
        {
            report(
                Code::CnilRule,
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
                    Code::CnilRule,
                    &kept.referenced,
                    format!(
                        "`{name}` keeps its data {}: exempt audience measurement keeps it 25 months at most",
                        kept.value
                    ),
                    note,
                    "set `data_kept` to 25 months or less, or make the cookie need consent".into(),
                ),
                None => report(
                    Code::CnilRule,
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
                    Code::CnilRule,
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
                Code::UnknownReference,
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
                Code::UnknownReference,
                &site.referenced,
                format!("`{name}` names unknown site `{}`", site.value),
                "sites are listed under `sites:`",
                help,
            );
        }
    }
    for diagnostic in found {
        diagnostics.push(diagnostic);
    }
}
