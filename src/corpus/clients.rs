//! Client records: `clients/<id>.yaml`, one per client that signs the DPA
//! (or a folder outside the corpus, `--clients DIR`, since client data is
//! confidential). Read strictly like every corpus file; `check` then
//! cross-checks them against the products and the releases.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::corpus::SourceFile;
use crate::corpus::date::Date;
use crate::corpus::facts::AccessChannel;
use crate::corpus::files::CorpusRoot;
use crate::corpus::values::{Email, Siret, Uai};
use crate::corpus::version::Version;
use crate::corpus::yaml::parse_yaml;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::lang::{self, Lang, Localized};
use crate::text;

/// The folder of client records, at the corpus root, unless `--clients`
/// names another.
pub const CLIENTS: &str = "clients";

/// The id no client may have: the private folder's `notices/` holds the
/// mail merges.
const RESERVED_ID: &str = "notices";

/// `clients/<id>.yaml`: a client, the controller of the DPA it signs.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClientRecord {
    /// Registered name, as it signs, e.g. "Commune de Saint-Exemple".
    #[schemars(with = "String")]
    pub legal_name: Spanned<String>,
    /// What kind of organisation it is.
    pub kind: ClientKind,
    /// Postal address, one line.
    pub address: String,
    /// A French school's UAI: 7 digits and a check letter, e.g. `0750654D`.
    /// A client has a UAI, a SIRET or both.
    #[serde(default)]
    pub uai: Option<Uai>,
    /// A French establishment number: 14 digits, in quotes.
    #[serde(default)]
    pub siret: Option<Siret>,
    /// Its intra-community VAT number, where it has one, e.g.
    /// `FR32123456789`.
    #[serde(default)]
    pub vat: Option<String>,
    /// Who signs the DPA for the client.
    pub signatory: Signatory,
    /// The client's data protection officer or privacy contact: whom
    /// notices of a change of sub-processors are sent to.
    pub privacy_contact: Contact,
    /// The products it subscribes to: ids of `annexes/products.yaml`.
    /// Annex B of its DPA describes these only.
    #[schemars(with = "Vec<String>", length(min = 1))]
    pub products: Vec<Spanned<String>>,
    /// How its users reach the products, where it matters: through the
    /// GAR (`gar`, the ministry's access manager) or not (`outside_gar`).
    #[serde(default)]
    pub channel: Option<AccessChannel>,
    /// The version of the DPA it signs or signed: a release, e.g. `1.1`.
    #[schemars(with = "Version")]
    pub dpa: Spanned<Version>,
    /// Once signed: when and where. Until then, the signature page is
    /// left blank for the parties to fill in.
    #[serde(default)]
    pub signed: Option<Signed>,
    /// The languages of its edition: the binding one, or the binding one
    /// and a translation alongside, e.g. `[fr, en]`. Without it, the
    /// binding language only.
    #[serde(default)]
    #[schemars(with = "Option<Vec<Lang>>")]
    pub languages: Option<Spanned<Vec<Lang>>>,
    /// `true` for a parallel edition as well: the binding text and each
    /// translation of `languages` side by side, clause by clause (PDF and
    /// Word), for a client that signs both languages at once.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub parallel: Option<Spanned<bool>>,
}

/// What kind of organisation a client is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClientKind {
    /// A school, college or other educational establishment.
    School,
    /// A town or another local authority.
    Town,
    /// A company.
    Company,
    /// An association.
    Association,
    /// Any other public body.
    PublicBody,
}

impl ClientKind {
    /// The name the YAML gives it, as the register prints it.
    pub fn name(self) -> &'static str {
        match self {
            ClientKind::School => "school",
            ClientKind::Town => "town",
            ClientKind::Company => "company",
            ClientKind::Association => "association",
            ClientKind::PublicBody => "public_body",
        }
    }
}

/// Who signs for the client.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// First name and surname.
    pub name: String,
    /// Position, in every language, e.g. `{ fr: Maire, en: Mayor }`.
    pub title: Localized,
}

/// A person to write to.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// First name and surname.
    pub name: String,
    /// E-mail address.
    pub email: Email,
}

/// When and where a DPA was signed.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signed {
    /// The date of the signature, YYYY-MM-DD: on or after the effective
    /// date of the version signed.
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// The town it was signed in, e.g. "Rennes".
    pub place: String,
}

/// A client record and the file it was read from.
#[derive(Debug)]
pub struct Client {
    /// The file name without `.yaml`: what `clausier clients build` and
    /// the private folder's file names call it.
    pub id: String,
    pub record: ClientRecord,
    pub file: SourceFile,
}

impl Client {
    /// The languages of its edition, binding language first.
    pub fn languages(&self, binding: Lang) -> Vec<Lang> {
        let mut languages = vec![binding];
        if let Some(asked) = &self.record.languages {
            languages.extend(asked.value.iter().filter(|lang| **lang != binding));
        }
        languages
    }

    /// The translations its parallel editions set beside the binding
    /// text (none unless its record asks for them).
    pub fn parallel_translations(&self, binding: Lang) -> Vec<Lang> {
        match self.record.parallel.as_ref().is_some_and(|p| p.value) {
            true => self.languages(binding).split_off(1),
            false => Vec::new(),
        }
    }
}

/// Where client records are: `--clients DIR` as given, or else
/// `clients/` under the corpus root.
pub fn folder(root: &Path, given: Option<&Path>) -> PathBuf {
    given.map_or_else(|| root.join(CLIENTS), Path::to_path_buf)
}

/// Every client record (none when the corpus has no `clients/`), sorted by
/// id, read as a corpus in `languages` reads its YAML; none if any cannot
/// be read. Messages name them as `clients/<id>.yaml`, like every corpus
/// file, or under `--clients DIR` as given.
pub fn load(
    root: &Path,
    given: Option<&Path>,
    languages: &[Lang],
    diagnostics: &mut Diagnostics,
) -> Option<Vec<Client>> {
    let folder = folder(root, given);
    if given.is_none() && !folder.exists() {
        return Some(Vec::new());
    }
    let shown = given.unwrap_or(Path::new(CLIENTS));
    let folder = folder.as_path();
    let records = match CorpusRoot::new(folder) {
        Ok(records) => records,
        Err(error) => {
            diagnostics.push(
                Diagnostic::error(
                    Code::Unreadable,
                    format!("cannot read the clients folder {}: {error}", shown.display()),
                )
                .with_help("pass the folder of client records with --clients, or write them in clients/ under the corpus"),
            );
            return None;
        }
    };
    // clients/ under the corpus is read as part of it: a link to a folder
    // elsewhere is refused like any link out of the corpus (--clients is
    // the way to read records kept elsewhere).
    if given.is_none() && CorpusRoot::new(root).is_ok_and(|corpus| !corpus.contains(folder)) {
        diagnostics.push(
            Diagnostic::error(
                Code::OutsideCorpus,
                "clients/ is a link to a folder outside the corpus folder: clausier reads only the corpus",
            )
            .with_help("pass that folder with --clients instead of linking to it"),
        );
        return None;
    }
    // `.yml` or `.YAML` are reported, not skipped: that client would get
    // no DPA and no notice.
    let yaml = |path: &Path| {
        path.extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"))
    };
    let names = match records.entries(Path::new(""), yaml) {
        Ok(names) => names,
        Err(diagnostic) => {
            diagnostics.push(*diagnostic);
            return None;
        }
    };
    let mut clients = Vec::new();
    let mut complete = true;
    lang::with_languages(languages, || {
        for name in names {
            match read(&records, shown, &name, diagnostics) {
                Some(client) => clients.push(client),
                None => complete = false,
            }
        }
    });
    complete.then_some(clients)
}

fn read(
    records: &CorpusRoot,
    shown: &Path,
    name: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Client> {
    let mut file = match records.read(Path::new(name)) {
        Ok(file) => file,
        Err(diagnostic) => {
            diagnostics.push(*diagnostic);
            return None;
        }
    };
    file.path = shown.join(name);
    let id = name.strip_suffix(".yaml").unwrap_or_default().to_string();
    let problem = if id.is_empty() {
        "client records are read from files named `<id>.yaml`: rename it"
    } else if !text::is_slug(&id) {
        "a client's file name names its private files: use lower-case letters, digits and single hyphens, e.g. `ecole-des-tilleuls.yaml`"
    } else if id == RESERVED_ID {
        "`notices` is the private folder's own folder of mail merges: name the file after the client"
    } else {
        let record = parse_yaml(&file, diagnostics)?;
        return Some(Client { id, record, file });
    };
    diagnostics.push(
        Diagnostic::error(
            Code::ClientRecord,
            format!("{} cannot be a client record", file.path.display()),
        )
        .with_help(problem),
    );
    None
}
