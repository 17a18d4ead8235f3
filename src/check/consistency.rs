//! Facts that two documents describe must be the same facts: `check`
//! reports each contradiction with both places.
//!
//! - A processing of the privacy policy (the publisher as controller) and
//!   a product of DPA annex B (the publisher as its clients' processor)
//!   must not both describe what one sub-processor does on one site: the
//!   privacy policy's processing is scoped to the publisher's own sites
//!   (`sites:`), so that each document names the role that applies.
//! - A tracker another party sets on a product's site is set by a
//!   sub-processor annex B lists for that product.
//! - Annex B's data subjects name every kind of user whose data its
//!   categories list.

use crate::corpus::facts::{ControllerProcessing, Facts, Product};
use crate::corpus::{Corpus, SourceFile};
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Related, did_you_mean_help};
use crate::lang::Lang;

use super::checklist::says;

/// Reports every contradiction between the facts the documents share.
pub fn check(corpus: &Corpus, diagnostics: &mut Diagnostics) {
    let file = |name: &str| {
        let path = std::path::Path::new("annexes").join(name);
        corpus.yaml_files.iter().find(|f| f.path == path)
    };
    if let Some(privacy) = file("privacy.yaml") {
        sites(&corpus.facts, privacy, diagnostics);
        if let Some(products) = file("products.yaml") {
            roles(
                &corpus.facts,
                privacy,
                products,
                corpus.binding(),
                diagnostics,
            );
        }
    }
    if let Some(products) = file("products.yaml") {
        data_subjects(corpus, products, diagnostics);
        if let Some(cookies) = file("cookies.yaml") {
            trackers(&corpus.facts, cookies, products, diagnostics);
        }
    }
}

/// Reports a processing scoped to no site, or to a site nobody declared.
fn sites(facts: &Facts, file: &SourceFile, diagnostics: &mut Diagnostics) {
    let known = facts.site_ids();
    for processing in facts.privacy.iter().flat_map(|p| &p.processing) {
        let Some(sites) = &processing.sites else {
            continue;
        };
        if sites.is_empty() {
            let at = file
                .text
                .find(&format!("id: {}", processing.id))
                .unwrap_or(0);
            diagnostics.push(
                Diagnostic::error(
                    Code::MissingFact,
                    format!("processing `{}` takes place on no site", processing.id),
                )
                .at(file.location(at), &file.text)
                .with_help("name the sites where the publisher carries it out, e.g. `sites: [website]`, or remove `sites:` for every site"),
            );
        }
        for site in sites
            .iter()
            .filter(|site| !known.contains(&site.value.as_str()))
        {
            let help = did_you_mean_help(&site.value, known.iter().copied(), || {
                "name a site of `sites:` in annexes/cookies.yaml or a product of annexes/products.yaml".into()
            });
            diagnostics.push(
                Diagnostic::error(
                    Code::UnknownReference,
                    format!("unknown site `{}`", site.value),
                )
                .at(file.yaml_location(&site.referenced), &file.text)
                .with_help(help),
            );
        }
    }
}

/// A processing of the privacy policy whose recipient also serves, on a
/// product's site, the processing annex B describes for clients.
fn roles(
    facts: &Facts,
    privacy_file: &SourceFile,
    products_file: &SourceFile,
    binding: Lang,
    diagnostics: &mut Diagnostics,
) {
    for processing in facts.privacy.iter().flat_map(|p| &p.processing) {
        // Without `sites:`, every site.
        let sites: Vec<&str> = match &processing.sites {
            Some(sites) => sites.iter().map(|site| site.value.as_str()).collect(),
            None => facts.site_ids(),
        };
        let products = sites.iter().filter_map(|site| facts.product_of_site(site));
        for product in products {
            for recipient in &processing.recipients {
                let Some(used) =
                    (product.subprocessors.iter()).find(|s| s.value == recipient.value)
                else {
                    continue;
                };
                diagnostics.push(described_twice(
                    processing,
                    product,
                    &recipient.value,
                    binding,
                    (privacy_file, &recipient.referenced),
                    (products_file, &used.referenced),
                ));
            }
        }
    }
}

fn described_twice(
    processing: &ControllerProcessing,
    product: &Product,
    subprocessor: &str,
    binding: Lang,
    (privacy_file, here): (&SourceFile, &serde_saphyr::Location),
    (products_file, there): (&SourceFile, &serde_saphyr::Location),
) -> Diagnostic {
    let first = |texts: &[crate::lang::Localized]| {
        texts
            .first()
            .map_or(String::new(), |t| t.get(binding).to_string())
    };
    Diagnostic::error(
        Code::Contradiction,
        format!(
            "what `{subprocessor}` does on `{}` is described twice: as the publisher's own processing `{}` (privacy policy) and as processing for the client (DPA annex B)",
            product.id, processing.id
        ),
    )
    .at(privacy_file.yaml_location(here), &privacy_file.text)
    .with_related(Related::at(
        products_file.yaml_location(there),
        &products_file.text,
        format!("annex B: `{}` processes `{}`'s data for the client", subprocessor, product.id),
    ))
    .with_note(format!(
        "each gives its own retention: the privacy policy \"{}\"; annex B \"{}\"",
        first(&processing.retention),
        first(&product.retention)
    ))
    .with_help(format!(
        "scope `{}` to the publisher's own sites, e.g. `sites: [{}]`, so that each document names the role that applies",
        processing.id,
        product_free_sites(processing, product)
    ))
}

/// The sites of a processing other than `product`'s, as a suggestion.
fn product_free_sites(processing: &ControllerProcessing, product: &Product) -> String {
    match &processing.sites {
        Some(sites) => (sites.iter())
            .map(|s| s.value.as_str())
            .filter(|s| *s != product.id)
            .collect::<Vec<_>>()
            .join(", "),
        None => "website".into(),
    }
}

/// A tracker another party sets on a product's site although annex B does
/// not list it among the product's sub-processors: the cookie policy would
/// name a recipient of the clients' data that the DPA does not.
fn trackers(
    facts: &Facts,
    cookies_file: &SourceFile,
    products_file: &SourceFile,
    diagnostics: &mut Diagnostics,
) {
    for cookie in facts.cookies.iter().flat_map(|c| &c.cookies) {
        let provider = &cookie.provider.value;
        if provider == crate::corpus::facts::PUBLISHER {
            continue;
        }
        for site in &cookie.sites {
            let Some(product) = facts.product_of_site(&site.value) else {
                continue;
            };
            if product.subprocessors.iter().any(|s| &s.value == provider) {
                continue;
            }
            let mut diagnostic = Diagnostic::error(
                Code::Contradiction,
                format!(
                    "`{}` is set by `{provider}` on `{}`, but DPA annex B does not list `{provider}` among `{}`'s sub-processors",
                    cookie.name.value, site.value, product.id
                ),
            )
            .at(cookies_file.yaml_location(&site.referenced), &cookies_file.text)
            .with_help(format!(
                "remove `{}` from the tracker's sites, or, if `{provider}` processes the clients' data there, declare it a sub-processor and add it to the `subprocessors:` of `{}` in annexes/products.yaml",
                site.value, product.id
            ));
            if let Some(listed) = product.subprocessors.first() {
                diagnostic = diagnostic.with_related(Related::at(
                    products_file.yaml_location(&listed.referenced),
                    &products_file.text,
                    format!("the sub-processors annex B lists for `{}`", product.id),
                ));
            }
            diagnostics.push(diagnostic);
        }
    }
}

/// Annex B's data subjects that do not name a kind of user whose data the
/// product's categories list: one problem per user, at every group of data
/// that names it.
fn data_subjects(corpus: &Corpus, file: &SourceFile, diagnostics: &mut Diagnostics) {
    for product in &corpus.facts.products {
        for &lang in &corpus.languages {
            let subjects = product.data_subjects.value.get(lang);
            let mut missing: Vec<(&str, Vec<&serde_saphyr::Location>)> = Vec::new();
            for group in &product.data_categories {
                let user = group.user.value.get(lang);
                if user.is_empty() || says(subjects, user, lang) {
                    continue;
                }
                match missing.iter_mut().find(|(named, _)| *named == user) {
                    Some((_, places)) => places.push(&group.user.referenced),
                    None => missing.push((user, vec![&group.user.referenced])),
                }
            }
            for (user, places) in missing {
                let mut diagnostic = Diagnostic::error(
                    Code::Contradiction,
                    format!(
                        "the data subjects of `{}` do not name \"{user}\" ({lang}), whose data annex B lists",
                        product.id
                    ),
                )
                .at(file.yaml_location(&product.data_subjects.referenced), &file.text)
                .with_help(format!("name \"{user}\" among the data subjects of `{}`", product.id));
                for place in places {
                    diagnostic = diagnostic.with_related(Related::at(
                        file.yaml_location(place),
                        &file.text,
                        "a kind of user whose data are processed",
                    ));
                }
                diagnostics.push(diagnostic);
            }
        }
    }
}
