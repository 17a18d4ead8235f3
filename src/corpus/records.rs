//! Sealed records — releases and notices, the JSON files that clausier
//! writes once and never edits: how they are sealed (a fingerprint over the
//! whole record), read (typed, every text through the gate, every link
//! through the policy, since what a record holds is published), and
//! written (atomically, never over an existing record).

use std::fs;
use std::io;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::corpus::SourceFile;
use crate::corpus::files::write_new_synced;
use crate::corpus::links;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Location};
use crate::text;

/// The fingerprint of a record (a release, a notice): the SHA-256 of its
/// JSON without the `fingerprint` field, so that it covers everything the
/// record publishes.
pub fn seal<T: Serialize>(record: &T) -> String {
    stored_seal(serde_json::to_value(record).expect("records serialize to JSON"))
}

/// The fingerprint of a record as stored, compact JSON with sorted keys:
/// computed on the JSON as written, so that it does not depend on how a
/// later clausier reads it.
fn stored_seal(mut record: Value) -> String {
    if let Some(fields) = record.as_object_mut() {
        fields.remove("fingerprint");
    }
    let json = serde_json::to_vec(&record).expect("JSON values serialize");
    format!("sha256:{}", sha256_hex(&json))
}

/// A record and the file it was read from.
#[derive(Debug)]
pub struct RecordFile<T> {
    pub file: SourceFile,
    pub record: T,
    /// The fingerprint of the record as stored in the file.
    pub stored_fingerprint: String,
}

impl<T> RecordFile<T> {
    /// Whether the record is as it was sealed.
    pub fn is_intact(&self, fingerprint: &str) -> bool {
        self.stored_fingerprint == fingerprint
    }

    /// Where the record's field `name` is written (the first of that name).
    pub fn field_location(&self, name: &str) -> Location {
        self.nth_field_location(name, 0)
    }

    /// Where the `nth` field named `name` is written (from 0; the first if
    /// there are fewer): e.g. the `"lang"` of each document of a release.
    pub fn nth_field_location(&self, name: &str, nth: usize) -> Location {
        let key = format!("\"{name}\"");
        let mut offsets = self.file.text.match_indices(&key).map(|(offset, _)| offset);
        let first = offsets.next().unwrap_or(0);
        let offset = match nth {
            0 => first,
            _ => offsets.nth(nth - 1).unwrap_or(first),
        };
        self.file.location(offset)
    }

    /// `diagnostic` placed at the record's field `name`, with the help that
    /// says what to do with an edited record.
    pub fn at_field(&self, diagnostic: Diagnostic, name: &str, help: &str) -> Diagnostic {
        self.at(diagnostic, self.field_location(name), help)
    }

    /// `diagnostic` placed at `location` in the record, with the help that
    /// says what to do with an edited record.
    pub fn at(&self, diagnostic: Diagnostic, location: Location, help: &str) -> Diagnostic {
        diagnostic.at(location, &self.file.text).with_help(format!(
            "restore {} from version control: {help}",
            self.file.path.display()
        ))
    }
}

/// Reads a record file sealed by `command`: its typed content and the
/// fingerprint of what it stores, or an error at its line.
pub fn read_sealed<T: DeserializeOwned>(
    file: SourceFile,
    kind: &str,
    command: &str,
    diagnostics: &mut Diagnostics,
) -> Option<RecordFile<T>> {
    let record = read_record(&file, kind, command, diagnostics)?;
    let stored: Value = serde_json::from_str(&file.text).ok()?;
    check_texts(&file, &stored, diagnostics);
    Some(RecordFile {
        stored_fingerprint: stored_seal(stored),
        file,
        record,
    })
}

/// Reads a JSON record (a `kind` written by `command`), reporting a JSON
/// or schema error at its line.
pub fn read_record<T: DeserializeOwned>(
    file: &SourceFile,
    kind: &str,
    command: &str,
    diagnostics: &mut Diagnostics,
) -> Option<T> {
    match serde_json::from_str::<T>(&file.text) {
        Ok(record) => Some(record),
        Err(error) => {
            // The location is shown apart, as for every other problem.
            let text = error.to_string();
            let message = text.split(" at line ").next().unwrap_or_default();
            let location = Location {
                path: file.path.clone(),
                line: error.line().max(1),
                column: error.column().max(1),
            };
            diagnostics.push(
                Diagnostic::error(Code::UnreadableRecord, format!("this {kind} record cannot be read: {message}"))
                    .at(location, &file.text)
                    .with_help(format!(
                        "{kind} records are written by `{command}`: restore this file from version control"
                    )),
            );
            None
        }
    }
}

/// Passes every text a record holds through the gate, and every link
/// through the policy: a record is published as it is, so what a hand
/// edit (resealed or not) or an older clausier put there is refused at
/// the place it is written.
fn check_texts(file: &SourceFile, stored: &Value, diagnostics: &mut Diagnostics) {
    let mut pending = vec![(None, stored)];
    while let Some((key, value)) = pending.pop() {
        match value {
            Value::Object(fields) => {
                pending.extend(fields.iter().map(|(k, v)| (Some(k.as_str()), v)))
            }
            Value::Array(items) => pending.extend(items.iter().map(|item| (key, item))),
            Value::String(string) => {
                let problem = match key {
                    Some("url") => links::target(string).err().map(|(m, h)| (Code::Link, m, h)),
                    _ => text::check(string)
                        .err()
                        .map(|p| (Code::UnsafeText, p.message, p.help)),
                };
                if let Some((code, message, help)) = problem {
                    let written = serde_json::to_string(string).unwrap_or_default();
                    let offset = file.text.find(&written).unwrap_or(0);
                    diagnostics.push(
                        Diagnostic::error(code, message)
                            .at(file.location(offset), &file.text)
                            .with_help(format!("{help}; records are written by clausier: restore this file from version control")),
                    );
                }
            }
            _ => {}
        }
    }
}

/// Writes a new record at `path` atomically, never over an existing one:
/// of two runs recording the same record at once, one wins and the other
/// is told. Returns false when the record already exists.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    // Never through what is already at the temporary name (a planted link).
    write_new_synced(&temporary, bytes)?;
    let written = fs::hard_link(&temporary, path);
    let _ = fs::remove_file(&temporary);
    match written {
        Ok(()) => Ok(true),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(error) => Err(error),
    }
}

/// The lower-case hex SHA-256 of `bytes`, as fingerprints and the manifest record it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Bytes as lower-case hexadecimal: how digests are written.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
