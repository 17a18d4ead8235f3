use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::corpus::quantity::Quantity;
use crate::corpus::values::WebUrl;
use crate::lang::Localized;

/// `annexes/cookies.yaml`: the cookies and other trackers of the
/// publisher's sites and applications (the cookie policy).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CookieFacts {
    /// The sites and applications that set cookies.
    pub sites: Vec<Site>,
    /// The tool through which visitors give, refuse and change consent.
    pub consent_tool: ConsentTool,
    /// How the policy's table of trackers is laid out; by default one
    /// table per category with the columns name, purpose, data, provider,
    /// lifetime and consent.
    #[serde(default)]
    pub table: TrackerTable,
    /// Every cookie or tracker.
    pub cookies: Vec<Cookie>,
}

/// The layout of the table of trackers (`{{ table.cookies }}`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrackerTable {
    /// The columns, in their order, e.g. `[name, provider, purpose,
    /// lifetime]`; their headings are labels (`cookie-column-<column>`),
    /// which `locales/` may reword.
    #[serde(default = "TrackerColumn::defaults")]
    pub columns: Vec<TrackerColumn>,
    /// One table per category (`true`, the default), or a single table of
    /// every tracker (`false`), in the order of this file.
    #[serde(default = "per_category")]
    pub per_category: bool,
}

fn per_category() -> bool {
    true
}

impl Default for TrackerTable {
    fn default() -> TrackerTable {
        TrackerTable {
            columns: TrackerColumn::defaults(),
            per_category: per_category(),
        }
    }
}

/// A column of the table of trackers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TrackerColumn {
    /// Its name or pattern.
    Name,
    /// What kind of tracker it is (cookie, local storage, pixel, SDK).
    Kind,
    /// Its category (strictly necessary, audience measurement…).
    Category,
    /// What it is for.
    Purpose,
    /// What it collects or stores (`data`).
    Data,
    /// Who sets it, first or third party.
    Provider,
    /// The sites that set it.
    Sites,
    /// How long it lives.
    Lifetime,
    /// Whether it needs consent, or the ground of its exemption.
    Consent,
}

impl TrackerColumn {
    /// The columns of a table that does not choose its own.
    pub fn defaults() -> Vec<TrackerColumn> {
        use TrackerColumn::*;
        vec![Name, Purpose, Data, Provider, Lifetime, Consent]
    }

    /// Its name as written in cookies.yaml and in its label's id.
    pub fn name(self) -> &'static str {
        match self {
            TrackerColumn::Name => "name",
            TrackerColumn::Kind => "kind",
            TrackerColumn::Category => "category",
            TrackerColumn::Purpose => "purpose",
            TrackerColumn::Data => "data",
            TrackerColumn::Provider => "provider",
            TrackerColumn::Sites => "sites",
            TrackerColumn::Lifetime => "lifetime",
            TrackerColumn::Consent => "consent",
        }
    }

    /// Its share of the table's width.
    pub fn width(self) -> u32 {
        match self {
            TrackerColumn::Name | TrackerColumn::Purpose => 6,
            TrackerColumn::Data => 5,
            TrackerColumn::Provider
            | TrackerColumn::Consent
            | TrackerColumn::Category
            | TrackerColumn::Sites => 4,
            TrackerColumn::Kind | TrackerColumn::Lifetime => 3,
        }
    }
}

/// What kind of tracker it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TrackerKind {
    /// An HTTP cookie (the default).
    #[default]
    Cookie,
    /// Data kept in the browser's local or session storage.
    LocalStorage,
    /// A pixel or web beacon.
    Pixel,
    /// A software development kit in a mobile application.
    Sdk,
    /// Identifying the device by its characteristics: refused, since
    /// visitors can neither see nor delete it.
    Fingerprinting,
}

impl TrackerKind {
    /// The Fluent message naming the kind.
    pub fn message_id(self) -> &'static str {
        match self {
            TrackerKind::Cookie => "cookie-kind-cookie",
            TrackerKind::LocalStorage => "cookie-kind-local-storage",
            TrackerKind::Pixel => "cookie-kind-pixel",
            TrackerKind::Sdk => "cookie-kind-sdk",
            TrackerKind::Fingerprinting => "cookie-kind-fingerprinting",
        }
    }
}

/// A website or web application.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Stable identifier, e.g. `website`.
    pub id: String,
    /// How the policy names it, e.g. "the Kaligo web application".
    pub name: Localized,
    /// Its address, when it has a public one.
    #[serde(default)]
    pub url: Option<WebUrl>,
}

/// The consent management tool.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentTool {
    /// Its name, e.g. "Cookie&Compliance".
    pub name: String,
    /// Where visitors find it to change their choice.
    pub location: Localized,
    /// How long a choice (consent or refusal) is kept before asking again.
    #[schemars(with = "Quantity")]
    pub choice_kept: Spanned<Quantity>,
}

/// One cookie or tracker.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cookie {
    /// Its name or pattern, e.g. `_ga` or `_pk_*`.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// What kind of tracker it is: `cookie` (the default), `local_storage`,
    /// `pixel` or `sdk`.
    #[serde(default)]
    pub kind: TrackerKind,
    /// What category of tracker it is.
    pub category: CookieCategory,
    /// What it is for: one purpose per cookie.
    pub purpose: Localized,
    /// What it collects or stores: needed when the table has a `data`
    /// column (it has by default).
    #[serde(default)]
    pub data: Option<Localized>,
    /// Who sets it: `publisher`, a sub-processor id (subprocessors.yaml) or
    /// a third-party id (third-parties.yaml).
    #[schemars(with = "String")]
    pub provider: Spanned<String>,
    /// Ids of the sites that set it.
    #[schemars(with = "Vec<String>")]
    pub sites: Vec<Spanned<String>>,
    /// How long it lives: a duration such as `13 months`, `session`, or
    /// `not stated` where the provider does not say.
    #[schemars(with = "Lifetime")]
    pub lifetime: Spanned<Lifetime>,
    /// `required`, or `{ exempt: { ground: …, … } }` with the ground of the
    /// exemption from consent.
    #[schemars(with = "Consent")]
    pub consent: Spanned<Consent>,
    /// Fields of this entry that the organisation has still to confirm
    /// (facts not found in its source documents), e.g. `[address]`:
    /// `clausier check` lists them as notes until they are removed.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub to_confirm: crate::corpus::facts::ToConfirm,
}

/// The kinds of cookies, in the order the policy lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CookieCategory {
    /// Needed for the service the visitor asks for.
    StrictlyNecessary,
    /// Support and other functions the visitor uses.
    Functional,
    /// Stores the visitor's consent choice.
    ConsentRecord,
    /// Audience measurement.
    AudienceMeasurement,
    /// Advertising and profiling.
    Advertising,
}

impl CookieCategory {
    pub const ALL: [CookieCategory; 5] = [
        CookieCategory::StrictlyNecessary,
        CookieCategory::Functional,
        CookieCategory::ConsentRecord,
        CookieCategory::AudienceMeasurement,
        CookieCategory::Advertising,
    ];

    /// The category as cookies.yaml writes it.
    pub fn name(self) -> &'static str {
        match self {
            CookieCategory::StrictlyNecessary => "strictly_necessary",
            CookieCategory::Functional => "functional",
            CookieCategory::ConsentRecord => "consent_record",
            CookieCategory::AudienceMeasurement => "audience_measurement",
            CookieCategory::Advertising => "advertising",
        }
    }

    /// The Fluent message naming the category.
    pub fn message_id(self) -> &'static str {
        match self {
            CookieCategory::StrictlyNecessary => "cookie-category-strictly-necessary",
            CookieCategory::Functional => "cookie-category-functional",
            CookieCategory::ConsentRecord => "cookie-category-consent-record",
            CookieCategory::AudienceMeasurement => "cookie-category-audience-measurement",
            CookieCategory::Advertising => "cookie-category-advertising",
        }
    }
}

/// How long a cookie lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifetime {
    /// Until the browser is closed.
    Session,
    /// The provider does not say: the policy says so, rather than invent
    /// a duration.
    NotStated,
    /// A fixed duration.
    For(Quantity),
}

impl Lifetime {
    pub fn parse(text: &str) -> Result<Lifetime, String> {
        match text.trim() {
            "session" => Ok(Lifetime::Session),
            "not stated" => Ok(Lifetime::NotStated),
            // A lifetime is a length of time, longer than nothing.
            other => match Quantity::parse(other) {
                Ok(quantity) if quantity.is_duration() => Ok(Lifetime::For(quantity)),
                _ => Err(format!(
                    "`{other}` is not a lifetime\nwrite `session`, `not stated`, or a number and a unit of time such as `13 months`"
                )),
            },
        }
    }
}

impl fmt::Display for Lifetime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lifetime::Session => f.write_str("session"),
            Lifetime::NotStated => f.write_str("not stated"),
            Lifetime::For(quantity) => write!(f, "{quantity}"),
        }
    }
}

crate::serde_as_text!(Lifetime);

/// Whether a cookie needs the visitor's consent.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Consent {
    /// Set only with the visitor's consent.
    Required,
    /// Exempt from consent, on a ground the CNIL recognises.
    Exempt(Exemption),
}

/// Why a cookie is exempt from consent (CNIL guidelines 2020-091).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exemption {
    /// The ground of the exemption.
    pub ground: ExemptionGround,
    /// For audience measurement: how long the collected data are kept.
    #[serde(default)]
    #[schemars(with = "Option<Quantity>")]
    pub data_kept: Option<Spanned<Quantity>>,
    /// For audience measurement: the conditions the exemption requires,
    /// as the policy states them.
    #[serde(default)]
    pub conditions: Vec<Localized>,
}

/// The grounds of exemption from consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExemptionGround {
    /// Strictly necessary for the service the visitor asks for.
    StrictlyNecessary,
    /// Stores the visitor's consent choice.
    ConsentRecord,
    /// Audience measurement that meets every condition of the exemption.
    AudienceMeasurement,
}

impl ExemptionGround {
    /// The ground as cookies.yaml writes it.
    pub fn name(self) -> &'static str {
        match self {
            ExemptionGround::StrictlyNecessary => "strictly_necessary",
            ExemptionGround::ConsentRecord => "consent_record",
            ExemptionGround::AudienceMeasurement => "audience_measurement",
        }
    }

    /// The Fluent message stating the ground.
    pub fn message_id(self) -> &'static str {
        match self {
            ExemptionGround::StrictlyNecessary => "cookie-exempt-strictly-necessary",
            ExemptionGround::ConsentRecord => "cookie-exempt-consent-record",
            ExemptionGround::AudienceMeasurement => "cookie-exempt-audience-measurement",
        }
    }
}
