//! Who a sub-processor is to the visitor on each site that sets its
//! tracker, from the facts (the cookie policy's "Set by" column).

use crate::compose::Texts;
use crate::corpus::Corpus;
use crate::corpus::facts::{Cookie, CookieFacts, Site, Subprocessor};
use crate::model::Block;
use crate::text::in_words;

/// A sub-processor's role on each site that sets its tracker, from the
/// facts: the publisher's processor on its own sites; a sub-processor for
/// the clients on a product's site whose annex B lists it (on the access
/// channels annex C limits it to), so that the table never contradicts the
/// DPA.
pub(super) fn roles(
    subprocessor: &Subprocessor,
    cookie: &Cookie,
    cookies: &CookieFacts,
    corpus: &Corpus,
    texts: &mut Texts,
) -> Vec<Block> {
    let (lang, labels) = (texts.lang, &corpus.labels);
    let for_clients = |site: &str| {
        (corpus.facts.product_of_site(site))
            .is_some_and(|p| p.subprocessors.iter().any(|s| s.value == subprocessor.id))
    };
    let (client_sites, own_sites): (Vec<&Site>, Vec<&Site>) = (cookie.sites.iter())
        .filter_map(|id| cookies.sites.iter().find(|site| site.id == id.value))
        .partition(|site| for_clients(&site.id));
    let and = labels.get(lang, "list-and");
    let mut names = |sites: &[&Site]| {
        let names: Vec<String> = sites.iter().map(|site| texts.get(&site.name)).collect();
        in_words(&names, &and)
    };
    let mut lines = Vec::new();
    if !own_sites.is_empty() {
        let sites = names(&own_sites);
        let publisher = corpus.short_name(lang);
        let args = [("publisher", publisher), ("sites", sites.as_str())];
        lines.push(labels.get_with(lang, "cookie-provider-processor", &args));
    }
    if !client_sites.is_empty() {
        let sites = names(&client_sites);
        let args = [("sites", sites.as_str())];
        lines.push(labels.get_with(lang, "cookie-provider-subprocessor", &args));
        if let Some(channels) = subprocessor.channels.as_ref().filter(|c| !c.is_empty()) {
            let channels: Vec<String> = (channels.iter())
                .map(|channel| labels.get(lang, channel.message_id()))
                .collect();
            let channels = in_words(&channels, &and);
            let args = [("channels", channels.as_str())];
            lines.push(labels.get_with(lang, "cookie-provider-channels", &args));
        }
    }
    lines.into_iter().map(Block::paragraph).collect()
}
