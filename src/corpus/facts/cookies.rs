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
    /// Every cookie or tracker.
    pub cookies: Vec<Cookie>,
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
    pub name: String,
    /// What kind of cookie it is.
    pub category: CookieCategory,
    /// What it is for: one purpose per cookie.
    pub purpose: Localized,
    /// What it collects or stores.
    pub data: Localized,
    /// Who sets it: `publisher`, a sub-processor id (subprocessors.yaml) or
    /// a third-party id (third-parties.yaml).
    #[schemars(with = "String")]
    pub provider: Spanned<String>,
    /// Ids of the sites that set it.
    #[schemars(with = "Vec<String>")]
    pub sites: Vec<Spanned<String>>,
    /// How long it lives: a duration such as `13 months`, or `session`.
    #[schemars(with = "Lifetime")]
    pub lifetime: Spanned<Lifetime>,
    /// `required`, or `{ exempt: { ground: …, … } }` with the ground of the
    /// exemption from consent.
    #[schemars(with = "Consent")]
    pub consent: Spanned<Consent>,
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
    /// A fixed duration.
    For(Quantity),
}

impl Lifetime {
    pub fn parse(text: &str) -> Result<Lifetime, String> {
        match text.trim() {
            "session" => Ok(Lifetime::Session),
            other => Quantity::parse(other).map(Lifetime::For).map_err(|_| {
                format!("`{other}` is not a lifetime\nwrite `session`, or a number and a unit such as `13 months`")
            }),
        }
    }
}

impl fmt::Display for Lifetime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lifetime::Session => f.write_str("session"),
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
    /// The Fluent message stating the ground.
    pub fn message_id(self) -> &'static str {
        match self {
            ExemptionGround::StrictlyNecessary => "cookie-exempt-strictly-necessary",
            ExemptionGround::ConsentRecord => "cookie-exempt-consent-record",
            ExemptionGround::AudienceMeasurement => "cookie-exempt-audience-measurement",
        }
    }
}
