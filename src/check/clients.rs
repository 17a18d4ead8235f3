//! Cross-checks client records against the corpus: the products they
//! subscribe to exist, the DPA version they sign was released, a
//! signature is not dated before that version applies, and their edition
//! is in languages the release has.

use std::path::Path;

use crate::compose::client::{controller_name, released_products};
use crate::corpus::clients::{self, Client};
use crate::corpus::releases::Release;
use crate::corpus::{Corpus, DocumentSource};
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Failed, did_you_mean_help};
use crate::lang::Lang;
use crate::model::Document;

/// The client records of the corpus at `root` (or of `--clients`, given),
/// read and checked against `corpus`, or every problem found in them.
pub fn load_checked(
    corpus: &Corpus,
    root: &Path,
    given: Option<&Path>,
) -> Result<Vec<Client>, Failed> {
    let mut diagnostics = Diagnostics::default();
    let clients = clients::load(root, given, &corpus.languages, &mut diagnostics);
    if let Some(clients) = &clients {
        let described: Vec<Described> = contract(corpus).map_or_else(Vec::new, |contract| {
            (contract.releases.iter())
                .map(|file| Described::of(&file.record))
                .collect()
        });
        let known = known_products(corpus, &described);
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        for client in clients {
            check(corpus, client, (&known, &described), &mut diagnostics);
        }
    }
    match clients {
        Some(clients) if !diagnostics.has_errors() => Ok(clients),
        _ => Err(Failed(diagnostics)),
    }
}

/// The contract clients sign: the corpus's document with a parties annex
/// (the DPA).
pub fn contract(corpus: &Corpus) -> Option<&DocumentSource> {
    corpus.documents.iter().find(|document| {
        document.meta.contract
            && document
                .meta
                .annexes
                .contains(&crate::corpus::AnnexKind::Parties)
    })
}

/// The release of the contract a client signs, if it was released, and
/// its place among the contract's releases (oldest first).
pub fn signed_release<'a>(
    contract: &'a DocumentSource,
    client: &Client,
) -> Option<(usize, &'a Release)> {
    (contract.releases.iter())
        .map(|file| &file.record)
        .enumerate()
        .find(|(_, release)| release.version == client.record.dpa.value)
}

/// What a release of the contract says that client records are checked
/// against: read once per release, not once per client, since a release's
/// documents are parsed again to read it (`corpus::released`).
struct Described {
    /// The products its annex B describes, sorted.
    products: Vec<String>,
    /// The language of its binding text, if one is marked binding.
    binding: Option<Lang>,
    /// Whether its annex A names the controller generically.
    names_controller: bool,
}

impl Described {
    fn of(release: &Release) -> Described {
        let documents: Vec<Document> = release.documents.to_parsed();
        let mut products: Vec<String> = (documents.iter())
            .flat_map(|document| released_products(document).map(str::to_string))
            .collect();
        products.sort();
        products.dedup();
        let binding = documents.iter().find(|d| d.language_notice.binding);
        Described {
            products,
            binding: binding.map(|document| document.lang),
            names_controller: binding.and_then(controller_name).is_some(),
        }
    }
}

/// The products of the working text, and those a release still
/// describes (`described`, the contract's releases).
fn known_products(corpus: &Corpus, described: &[Described]) -> Vec<String> {
    let mut known: Vec<String> = (corpus.facts.products.iter())
        .map(|p| p.id.clone())
        .chain(
            described
                .iter()
                .flat_map(|release| release.products.iter().cloned()),
        )
        .collect();
    known.sort();
    known.dedup();
    known
}

fn check(
    corpus: &Corpus,
    client: &Client,
    (known, described): (&[&str], &[Described]),
    diagnostics: &mut Diagnostics,
) {
    let file = &client.file;
    let record = &client.record;
    let at = |diagnostic: Diagnostic, location: &serde_saphyr::Location| {
        diagnostic.at(file.yaml_location(location), &file.text)
    };
    for product in &record.products {
        if !known.contains(&product.value.as_str()) {
            let help = did_you_mean_help(&product.value, known.iter().copied(), || {
                format!(
                    "products are defined in annexes/products.yaml: {}",
                    known.join(", ")
                )
            });
            diagnostics.push(at(
                Diagnostic::error(
                    Code::UnknownReference,
                    format!(
                        "client `{}` subscribes to unknown product `{}`",
                        client.id, product.value
                    ),
                )
                .with_help(help),
                &product.referenced,
            ));
        }
    }
    let blank = [
        ("legal_name", &record.legal_name.value),
        ("address", &record.address),
    ]
    .into_iter()
    .filter(|(_, text)| text.trim().is_empty())
    .map(|(field, _)| format!("`{field}`"));
    let blank: Vec<String> = blank
        .chain(record.products.is_empty().then(|| "`products`".to_string()))
        .collect();
    if !blank.is_empty() {
        diagnostics.push(at(
            Diagnostic::error(
                Code::ClientRecord,
                format!("client `{}` leaves {} empty", client.id, blank.join(" and ")),
            )
            .with_help("the DPA names the client by its name and address, and describes the products it subscribes to: fill them in"),
            &record.legal_name.referenced,
        ));
    }
    if record.uai.is_none() && record.siret.is_none() {
        diagnostics.push(at(
            Diagnostic::error(
                Code::ClientRecord,
                format!("client `{}` has neither a UAI nor a SIRET", client.id),
            )
            .with_help("add `uai: \"…\"` (a school's 7 digits and check letter) or `siret: \"…\"` (14 digits): the DPA names the client by it"),
            &record.legal_name.referenced,
        ));
    }
    let binding = corpus.binding();
    if let Some(languages) = &record.languages {
        let unknown: Vec<String> = languages
            .value
            .iter()
            .filter(|lang| !corpus.languages.contains(lang))
            .map(ToString::to_string)
            .collect();
        let problem = if !unknown.is_empty() {
            Some(format!(
                "client `{}` asks for an edition in {}, which the documents are not written in",
                client.id,
                unknown.join(", ")
            ))
        } else if !languages.value.contains(&binding) {
            Some(format!(
                "client `{}` asks for an edition without {}, the binding language",
                client.id,
                binding.name()
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            let codes: Vec<String> = corpus.languages.iter().map(ToString::to_string).collect();
            diagnostics.push(at(
                Diagnostic::error(Code::ClientRecord, message).with_help(format!(
                    "list {binding} first, then any translation alongside it: the languages are {}",
                    codes.join(", ")
                )),
                &languages.referenced,
            ));
        }
    }
    if let Some(parallel) = record.parallel.as_ref().filter(|p| p.value)
        && client.languages(binding).len() < 2
    {
        diagnostics.push(at(
            Diagnostic::error(
                Code::ClientRecord,
                format!(
                    "client `{}` asks for a parallel edition, but its edition has no translation to set beside the {} text",
                    client.id,
                    binding.name()
                ),
            )
            .with_help(format!(
                "add the translation to its languages, e.g. `languages: [{binding}, en]`, or remove `parallel`"
            )),
            &parallel.referenced,
        ));
    }
    let Some(contract) = contract(corpus) else {
        diagnostics.push(
            Diagnostic::error(
                Code::ClientRecord,
                format!("client `{}` signs a DPA, but the corpus has no contract with a parties annex", client.id),
            )
            .at(file.location(0), &file.text)
            .with_help("client records belong to a corpus whose contract (document.yaml: `contract: true`, `annexes: [parties, …]`) each client signs"),
        );
        return;
    };
    let Some((index, release)) = signed_release(contract, client) else {
        let released: Vec<String> = contract
            .releases
            .iter()
            .map(|file| file.record.version.to_string())
            .collect();
        diagnostics.push(at(
            Diagnostic::error(
                Code::ClientRecord,
                format!(
                    "client `{}` signs `{}` {}, which was never released",
                    client.id, contract.id, record.dpa.value
                ),
            )
            .with_help(match released.is_empty() {
                true => format!(
                    "release `{}` first: a client signs a frozen version",
                    contract.id
                ),
                false => format!("the released versions are {}", released.join(", ")),
            }),
            &record.dpa.referenced,
        ));
        return;
    };
    if let Some(signed) = &record.signed
        && signed.date.value < release.effective_date
    {
        diagnostics.push(at(
            Diagnostic::error(
                Code::ClientRecord,
                format!(
                    "client `{}` signed on {}, before `{}` {} applies ({})",
                    client.id, signed.date.value, contract.id, release.version, release.effective_date
                ),
            )
            .with_help("correct the date, or the version: a version cannot be signed before its effective date"),
            &signed.date.referenced,
        ));
    }
    check_release(
        contract,
        (release, &described[index]),
        client,
        known,
        diagnostics,
    );
}

/// What the copy is made from is in the release the client signs: each of
/// its products in annex B, each of its languages, and the controller in
/// annex A; `known` are the products the working text or any release
/// describes.
fn check_release(
    contract: &DocumentSource,
    (release, described): (&Release, &Described),
    client: &Client,
    known: &[&str],
    diagnostics: &mut Diagnostics,
) {
    let file = &client.file;
    let record = &client.record;
    let at = |diagnostic: Diagnostic, location: &serde_saphyr::Location| {
        diagnostic.at(file.yaml_location(location), &file.text)
    };
    let version = format!("`{}` {}", contract.id, release.version);
    let described_products: Vec<&str> = described.products.iter().map(String::as_str).collect();
    // A product known nowhere is reported above, as unknown.
    let known_elsewhere = |id: &str| known.contains(&id) && !described_products.contains(&id);
    for product in &record.products {
        if known_elsewhere(&product.value) {
            diagnostics.push(at(
                Diagnostic::error(
                    Code::ClientRecord,
                    format!("client `{}` subscribes to `{}`, which {version} does not describe", client.id, product.value),
                )
                .with_help(format!("{version} describes {} in annex B: sign a version that describes the product, or release one", described_products.join(", "))),
                &product.referenced,
            ));
        }
    }
    let Some(binding) = described.binding else {
        return;
    };
    let languages = client.languages(binding);
    let missing: Vec<String> = languages
        .iter()
        .filter(|lang| !release.documents.has(**lang))
        .map(ToString::to_string)
        .collect();
    if let (false, Some(asked)) = (missing.is_empty(), &record.languages) {
        diagnostics.push(at(
            Diagnostic::error(
                Code::ClientRecord,
                format!("client `{}` asks for {version} in {}, which that release does not have", client.id, missing.join(", ")),
            )
            .with_help("leave that language out: a release holds the languages the document had when it was released"),
            &asked.referenced,
        ));
    }
    if !described.names_controller {
        diagnostics.push(at(
            Diagnostic::error(
                Code::ClientRecord,
                format!("{version} names no controller in annex A that the client's name could replace"),
            )
            .with_help("sign a version whose annex A names the controller generically (`controller:` in annexes/parties.yaml)"),
            &record.dpa.referenced,
        ));
    }
}
