//! "did you mean `…`?": the known name closest to a name that names
//! nothing, measured by `strsim`.

/// The known name closest to `name`, if it is close enough to be a typo of
/// it: at most a third of the known name's letters changed, or two for a
/// name shorter than nine (corpus names are long and varied: a loose match
/// still finds the one meant).
pub fn did_you_mean<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|candidate| (strsim::levenshtein(name, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(2))
        .min()
        .map(|(_, candidate)| candidate)
}

/// The hint for a name that names nothing: "did you mean `…`?" when a
/// known name is close to it, `otherwise()` when none is.
pub fn did_you_mean_help<'a>(
    name: &str,
    known: impl IntoIterator<Item = &'a str>,
    otherwise: impl FnOnce() -> String,
) -> String {
    match did_you_mean(name, known) {
        Some(close) => format!("did you mean `{close}`?"),
        None => otherwise(),
    }
}

/// The known id closest to an id typed on the command line, if it is
/// surely a slip: a third of its letters changed at most (one for short
/// ids), two letters swapped counting as one change. Command-line ids are
/// few and short (`dpa`, `en`): any two are a couple of letters apart, so
/// a looser match would name an id the user did not mean, where the list
/// of ids serves better.
pub fn typed_id<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let most = typed.chars().count().max(3) / 3;
    known
        .into_iter()
        .map(|candidate| (strsim::osa_distance(typed, candidate), candidate))
        .filter(|(distance, _)| *distance <= most)
        .min()
        .map(|(_, candidate)| candidate)
}

/// What to say of an id typed on the command line that names nothing,
/// e.g. "unknown document `dap`; did you mean `dpa`?", or, when no known
/// id is close, "unknown document `nda`: the documents are cookies, dpa,
/// privacy". `what` names one (`document`), `whats` several.
pub fn unknown_typed_id(what: &str, whats: &str, typed: &str, known: &[&str]) -> String {
    match typed_id(typed, known.iter().copied()) {
        Some(close) => format!("unknown {what} `{typed}`; did you mean `{close}`?"),
        None => format!(
            "unknown {what} `{typed}`: the {whats} are {}",
            known.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("crsip", ["ovh", "crisp", "brevo"]),
            Some("crisp")
        );
        assert_eq!(did_you_mean("zzzzzz", ["ovh", "crisp", "brevo"]), None);
        assert_eq!(did_you_mean("de", ["fr", "en"]), Some("en"));
        assert_eq!(
            did_you_mean("subprocessor.ovhcloud", ["subprocessor.ovh", "processor"]),
            Some("subprocessor.ovh")
        );
    }

    #[test]
    fn suggests_typed_ids_only_for_slips() {
        let documents = ["cookies", "dpa", "privacy"];
        assert_eq!(typed_id("dap", documents), Some("dpa"));
        assert_eq!(typed_id("privcy", documents), Some("privacy"));
        assert_eq!(typed_id("cookie", documents), Some("cookies"));
        assert_eq!(typed_id("nda", documents), None);
        assert_eq!(typed_id("fe", ["fr", "en"]), Some("fr"));
        assert_eq!(
            unknown_typed_id("document", "documents", "dap", &documents),
            "unknown document `dap`; did you mean `dpa`?"
        );
        assert_eq!(
            unknown_typed_id("document", "documents", "nda", &documents),
            "unknown document `nda`: the documents are cookies, dpa, privacy"
        );
    }
}
