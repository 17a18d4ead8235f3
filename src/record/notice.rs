//! `clausier notice`: records the notice of a change of sub-processors
//! between two releases, with its deadline.

use std::path::{Path, PathBuf};

use crate::corpus::date::Date;
use crate::corpus::notices::{NoticeRecord, folder};
use crate::corpus::records;
use crate::corpus::releases;
use crate::error::BuildError;
use crate::versions::notice::{client_notice, deadline};

/// What `clausier notice` records.
pub struct NoticeRequest<'a> {
    pub root: &'a Path,
    pub document: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    pub date: &'a str,
}

/// Records the notice of a change of sub-processors between two releases,
/// with its deadline. Refused when the sub-processors did not change, when
/// the releases do not exist, and when the notice is already recorded.
pub fn record(request: &NoticeRequest) -> Result<(PathBuf, NoticeRecord), BuildError> {
    let usage = |message: String| Err(BuildError::Usage(message));
    let date = Date::parse(request.date).map_err(|e| BuildError::argument(&e))?;
    let checked = crate::check::check(request.root, true).map_err(BuildError::Content)?;
    let corpus = &checked.corpus;
    let source = releases::find_document(corpus, request.document)?;
    let from = releases::find_release(source, request.from)?;
    let to = releases::find_release(source, request.to)?;
    if from.version >= to.version {
        return usage(format!(
            "a notice goes from an earlier release to a later one: {} is not before {}",
            from.version, to.version
        ));
    }
    let Some(period) = corpus
        .facts
        .commitments
        .as_ref()
        .map(|c| c.objection_period)
    else {
        return usage("annexes/commitments.yaml has no `objection_period`: the notice cannot say until when clients may object".to_string());
    };
    let deadline = deadline(date, period).map_err(BuildError::Usage)?;
    let mut record = NoticeRecord {
        document: source.id.clone(),
        from: from.version.clone(),
        to: to.version.clone(),
        date,
        objection_period: period,
        deadline,
        fingerprint: String::new(),
    };
    record.fingerprint = records::seal(&record);
    if client_notice(corpus, from, to, &record).is_none() {
        return usage(format!(
            "the sub-processors of `{}` are the same in releases {} and {}: there is nothing to notify",
            source.id, from.version, to.version
        ));
    }
    let path = folder(&source.id).join(format!("{}-{}.json", from.version, to.version));
    let mut json = serde_json::to_string_pretty(&record).expect("notices serialize to JSON");
    json.push('\n');
    if !records::write_new(&request.root.join(&path), json.as_bytes()).map_err(BuildError::Io)? {
        return usage(format!(
            "{} already records this notice: a notice sent cannot change",
            path.display()
        ));
    }
    Ok((path, record))
}
