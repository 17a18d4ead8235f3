//! `corpus.yaml`, at the corpus root: the languages of the documents and
//! the one whose text is binding. Optional: without it, the languages are
//! the folders of `locales/`, and the binding one is French where there is
//! French, else the only language there is.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::corpus::values::WebUrl;
use crate::lang::{Lang, Localized};

/// The settings file's name, at the corpus root.
pub const SETTINGS_FILE: &str = "corpus.yaml";

/// `corpus.yaml`: what holds for every document of the corpus.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The languages every document is written in, e.g. `[fr, en]`.
    /// clausier has the labels of each (headings, notices, table headers);
    /// `locales/<language>/*.ftl` rewords those a corpus wants otherwise.
    #[schemars(with = "Vec<Lang>", length(min = 1), extend("uniqueItems" = true))]
    pub languages: Vec<Spanned<Lang>>,
    /// The language whose text prevails: the original, from which the
    /// others are translated and reviewed. Every other edition says on its
    /// first page and in every footer that this one is binding.
    #[schemars(with = "Lang")]
    pub binding: Spanned<Lang>,
    /// The organisation's short name in each language, where it differs
    /// between them (`{ fr: Ville de Bruxelles, nl: Stad Brussel }`): what
    /// `{{ processor }}` writes, and the site and the feed show. Without
    /// it, `short_name` of parties.yaml in every language.
    #[serde(default)]
    pub short_name: Option<Localized>,
    /// How the published site (`out/`) presents itself.
    #[serde(default)]
    pub site: SiteSettings,
    /// How clients' copies of the contract are signed.
    #[serde(default)]
    pub signing: SigningSettings,
}

/// `signing:` in corpus.yaml.
#[derive(Debug, Default, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SigningSettings {
    /// The text tag an e-signature platform places the client's signature
    /// field on, e.g. Yousign's `{{s1|signature|180|60}}` or a DocuSign
    /// anchor string: written invisibly in the client's signature area of
    /// each copy. Without it, none.
    #[serde(default)]
    pub controller_anchor: Option<String>,
    /// The same for the processor's signature area, e.g.
    /// `{{s2|signature|180|60}}`.
    #[serde(default)]
    pub processor_anchor: Option<String>,
}

/// `site:` in corpus.yaml.
#[derive(Debug, Default, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteSettings {
    /// The title of the site's home pages and of its Atom feed, in every
    /// language, e.g. `{ en: Harbour Lane Books – legal notices, fr: … }`.
    /// Without it, the short name of parties.yaml, then "– legal documents".
    #[serde(default)]
    pub title: Option<Localized>,
    /// The address `out/` is published at, e.g.
    /// `https://legal.example.com/`: the feed's links are written in full
    /// under it, as feed readers that copy entries out of the feed need;
    /// without it, they are relative to the feed. It has no `?` or `#`.
    #[serde(default)]
    pub base_url: Option<WebUrl>,
}
