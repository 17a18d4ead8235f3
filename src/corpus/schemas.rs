//! The JSON Schema of every kind of YAML file a corpus holds, generated
//! from the types the files are read into (and their doc comments), for
//! editors: completion, hover help and checks as one types.

use schemars::{JsonSchema, Schema, schema_for};

use super::DocumentMeta;
use super::checklists::Checklist;
use super::clients::ClientRecord;
use super::facts::{Commitments, CookieFacts, Parties, PrivacyFacts, Security};
use super::load::{ProductsFile, SubprocessorsFile, ThirdPartiesFile};
use super::settings::Settings;

/// Marks a schema file as clausier's, so that `clausier schema` replaces
/// it, and only it, when run again.
pub const WRITTEN_BY: &str = "Written by `clausier schema` from clausier's own types: run it again after upgrading clausier rather than editing this file.";

/// One kind of YAML file.
pub struct SchemaFile {
    /// The schema's file name without `.schema.json`, e.g. `parties`.
    pub name: &'static str,
    /// The corpus files it describes, e.g. `contracts/*/document.yaml`.
    pub describes: &'static str,
    /// The schema.
    pub schema: Schema,
}

/// Every kind of YAML file of a corpus, in the order of the guide.
pub fn all() -> Vec<SchemaFile> {
    vec![
        schema::<Settings>("corpus", "corpus.yaml"),
        schema::<Parties>("parties", "annexes/parties.yaml"),
        schema::<Commitments>("commitments", "annexes/commitments.yaml"),
        schema::<ProductsFile>("products", "annexes/products.yaml"),
        schema::<SubprocessorsFile>("subprocessors", "annexes/subprocessors.yaml"),
        schema::<ThirdPartiesFile>("third-parties", "annexes/third-parties.yaml"),
        schema::<Security>("security", "annexes/security.yaml"),
        schema::<CookieFacts>("cookies", "annexes/cookies.yaml"),
        schema::<PrivacyFacts>("privacy", "annexes/privacy.yaml"),
        schema::<DocumentMeta>("document", "contracts/*/document.yaml"),
        schema::<Checklist>("checklist", "checklists/*.yaml"),
        schema::<ClientRecord>("client", "clients/*.yaml"),
    ]
}

fn schema<T: JsonSchema>(name: &'static str, describes: &'static str) -> SchemaFile {
    let mut schema = schema_for!(T);
    schema.insert("title".into(), describes.into());
    schema.insert("$comment".into(), WRITTEN_BY.into());
    SchemaFile {
        name,
        describes,
        schema,
    }
}

impl SchemaFile {
    /// The file name under the schemas folder.
    pub fn file_name(&self) -> String {
        format!("{}.schema.json", self.name)
    }

    /// The schema as written: pretty JSON with a final newline.
    pub fn text(&self) -> String {
        let mut text = serde_json::to_string_pretty(&self.schema).expect("a schema serializes");
        text.push('\n');
        text
    }
}
