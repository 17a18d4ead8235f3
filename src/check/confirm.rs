//! Facts still to confirm: an entry of `annexes/` (a sub-processor, a third party, a cookie, a processing of
//! the privacy policy) names in `to_confirm:`
//! the fields its organisation has not confirmed yet (facts not found in
//! its source documents). `clausier check` lists each as a note, never as a
//! warning, so that legal staff can work through them without failing CI;
//! a name that is not one of the entry's fields is an error.

use schemars::JsonSchema;

use crate::corpus::facts::{ControllerProcessing, Cookie, Subprocessor, ThirdParty, ToConfirm};
use crate::corpus::{Corpus, SourceFile};
use crate::diagnostic::{Code, Diagnostic, Diagnostics, did_you_mean_help};

/// One entry that may have facts to confirm.
struct Entry<'a> {
    /// The file it is in, under `annexes/`.
    file: &'static str,
    /// How a reader names it, e.g. "sub-processor `crisp`".
    name: String,
    /// Its fields, from its schema: made only to check a `to_confirm:`.
    fields: fn() -> Vec<String>,
    to_confirm: &'a ToConfirm,
}

/// The names of the fields of `T`, as its YAML writes them.
fn fields<T: JsonSchema>() -> Vec<String> {
    let schema = schemars::schema_for!(T);
    (schema.get("properties").and_then(|p| p.as_object()))
        .map(|properties| properties.keys().cloned().collect())
        .unwrap_or_default()
}

fn entries(corpus: &Corpus) -> Vec<Entry<'_>> {
    let facts = &corpus.facts;
    let subprocessors = facts.subprocessors.iter().map(|s| Entry {
        file: "subprocessors.yaml",
        name: format!("sub-processor `{}`", s.id),
        fields: fields::<Subprocessor>,
        to_confirm: &s.to_confirm,
    });
    let third_parties = facts.third_parties.iter().map(|t| Entry {
        file: "third-parties.yaml",
        name: format!("third party `{}`", t.id),
        fields: fields::<ThirdParty>,
        to_confirm: &t.to_confirm,
    });
    let cookies = (facts.cookies.iter().flat_map(|c| &c.cookies)).map(|c| Entry {
        file: "cookies.yaml",
        name: format!("cookie `{}`", c.name.value),
        fields: fields::<Cookie>,
        to_confirm: &c.to_confirm,
    });
    let processing = (facts.privacy.iter().flat_map(|p| &p.processing)).map(|p| Entry {
        file: "privacy.yaml",
        name: format!("processing `{}`", p.id),
        fields: fields::<ControllerProcessing>,
        to_confirm: &p.to_confirm,
    });
    (subprocessors
        .chain(third_parties)
        .chain(cookies)
        .chain(processing))
    .collect()
}

/// Reports a name in `to_confirm:` that is not a field of its entry.
pub fn check(corpus: &Corpus, diagnostics: &mut Diagnostics) {
    for entry in entries(corpus) {
        let Some(file) = file_of(corpus, &entry) else {
            continue;
        };
        if entry.to_confirm.is_empty() {
            continue;
        }
        let all = (entry.fields)();
        let fields = || all.iter().filter(|f| *f != "to_confirm");
        for (index, name) in entry.to_confirm.iter().enumerate() {
            if entry.to_confirm[..index]
                .iter()
                .any(|n| n.value == name.value)
            {
                diagnostics.push(
                    Diagnostic::error(
                        Code::DuplicateId,
                        format!(
                            "`{}` is named twice in the facts to confirm of {}",
                            name.value, entry.name
                        ),
                    )
                    .at(file.yaml_location(&name.referenced), &file.text)
                    .with_help("name each field once"),
                );
                continue;
            }
            if fields().any(|field| *field == name.value) {
                continue;
            }
            let help = did_you_mean_help(&name.value, fields().map(String::as_str), || {
                let fields: Vec<&str> = fields().map(String::as_str).collect();
                format!("name fields of this entry: {}", fields.join(", "))
            });
            diagnostics.push(
                Diagnostic::error(
                    Code::UnknownValue,
                    format!("`{}` is not a field of {}", name.value, entry.name),
                )
                .at(file.yaml_location(&name.referenced), &file.text)
                .with_help(help),
            );
        }
    }
}

/// A note for each entry with facts still to confirm, where its
/// `to_confirm:` names them.
pub fn notes(corpus: &Corpus) -> Diagnostics {
    let organisation = corpus.short_name(corpus.binding());
    let mut notes = Diagnostics::default();
    for entry in entries(corpus) {
        let (Some(first), Some(file)) = (entry.to_confirm.first(), file_of(corpus, &entry)) else {
            continue;
        };
        let names: Vec<String> = (entry.to_confirm.iter())
            .map(|name| format!("`{}`", name.value))
            .collect();
        notes.push(
            Diagnostic::note(
                Code::ToConfirm,
                format!(
                    "to confirm by {organisation}: the {} of {}",
                    crate::text::in_words(&names, "and"),
                    entry.name
                ),
            )
            .at(file.yaml_location(&first.referenced), &file.text)
            .with_help("once confirmed (or corrected), remove them from `to_confirm:`"),
        );
    }
    notes
}

/// The file of `entry`, as read.
fn file_of<'a>(corpus: &'a Corpus, entry: &Entry<'_>) -> Option<&'a SourceFile> {
    let path = std::path::Path::new("annexes").join(entry.file);
    corpus.yaml_files.iter().find(|f| f.path == path)
}
