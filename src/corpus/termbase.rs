//! The FR/EN termbase (`locales/termbase.csv`): each GDPR term and its
//! official translation, which `check` looks for in both languages.

use crate::corpus::SourceFile;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};

/// One line of the termbase: a French term, its English term and where the
/// GDPR defines or uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub fr: String,
    pub en: String,
    pub article: String,
}

/// The help shown with every termbase error.
const FORMAT_HELP: &str = "write the termbase as comma-separated values: `fr,en,gdpr_article,note`, then one term per line; quote a term that holds a comma";

/// Parses `fr,en,gdpr_article,note` records (RFC 4180, read by the `csv`
/// crate: quoted commas, quotes and newlines), skipping the header; a
/// header or a record that does not have these columns is reported, since a
/// termbase read wrong would silently check nothing.
pub fn parse_termbase(file: &SourceFile, diagnostics: &mut Diagnostics) -> Option<Vec<Term>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(file.text.as_bytes());
    let header = reader.headers().ok().cloned().unwrap_or_default();
    if header.get(0) != Some("fr") || header.get(1) != Some("en") {
        // A wrong header means every line is read wrong: one error.
        diagnostics.push(
            Diagnostic::error(
                Code::Termbase,
                "the termbase does not start with its header `fr,en,gdpr_article,note`",
            )
            .at(file.location(0), &file.text)
            .with_help(FORMAT_HELP),
        );
        return None;
    }
    let mut terms = Vec::new();
    let mut complete = true;
    for record in reader.records() {
        let (record, start) = match record {
            Ok(record) => {
                let start = record.position().map_or(0, |p| p.byte() as usize);
                (record, start)
            }
            Err(error) => {
                complete = false;
                let start = error.position().map_or(0, |p| p.byte() as usize);
                diagnostics.push(
                    Diagnostic::error(
                        Code::Termbase,
                        "this termbase line cannot be read as comma-separated values",
                    )
                    .at(file.location(start), &file.text)
                    .with_help(FORMAT_HELP),
                );
                continue;
            }
        };
        let field = |i: usize| record.get(i).unwrap_or_default().trim().to_string();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() < 2 {
            complete = false;
            diagnostics.push(
                Diagnostic::error(Code::Termbase,
                    "this termbase line does not have a French and an English term separated by a comma",
                )
                .at(file.location(start), &file.text)
                .with_help(FORMAT_HELP),
            );
            continue;
        }
        if !field(0).is_empty() && !field(1).is_empty() {
            terms.push(Term {
                fr: field(0),
                en: field(1),
                article: field(2),
            });
        }
    }
    complete.then_some(terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quoted_csv_fields() {
        let file = |text: &str| SourceFile {
            path: "locales/termbase.csv".into(),
            text: text.into(),
        };
        let mut diagnostics = Diagnostics::default();
        let terms = parse_termbase(
            &file(
                "fr,en,gdpr_article,note\nsous-traitant ultérieur,sub-processor,28(2) 28(4),\"a \"\"quoted\"\", note\"\n",
            ),
            &mut diagnostics,
        );
        assert!(diagnostics.is_empty());
        assert_eq!(
            terms.unwrap(),
            [Term {
                fr: "sous-traitant ultérieur".into(),
                en: "sub-processor".into(),
                article: "28(2) 28(4)".into()
            }]
        );
        let newline = file(
            "fr,en,gdpr_article,note\ntraitement,processing,4(2),\"two\nlines\"\nsous-traitant,processor\n",
        );
        let terms = parse_termbase(&newline, &mut diagnostics).unwrap();
        assert_eq!(terms.len(), 2, "a quoted newline stays inside its field");
        assert_eq!(terms[1].en, "processor");
        let short = file("fr,en,gdpr_article,note\ntraitement,processing\nsous-traitant\n");
        assert!(parse_termbase(&short, &mut diagnostics).is_none());
        let shown = diagnostics.to_string();
        assert!(
            shown.starts_with("error[E0401]: this termbase line does not have")
                && shown.contains(" --> locales/termbase.csv:3:1\n"),
            "{shown}"
        );
        let mut diagnostics = Diagnostics::default();
        let semicolons = file("fr;en;gdpr_article;note\nsous-traitant;processor;28;\n");
        assert!(parse_termbase(&semicolons, &mut diagnostics).is_none());
        let shown = diagnostics.to_string();
        assert!(
            shown.starts_with("error[E0401]: the termbase does not start")
                && shown.contains(" --> locales/termbase.csv:1:1\n"),
            "{shown}"
        );
    }
}
