//! The FR/EN termbase (`checklists/terms.csv`? see `load`): each GDPR term
//! and its official translation.

use crate::corpus::SourceFile;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// One line of the termbase: a French term, its English term and where the
/// GDPR defines or uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub fr: String,
    pub en: String,
    pub article: String,
}

/// Parses `fr,en,gdpr_article,note` lines (quotes as in RFC 4180), skipping
/// the header; a header or a line that does not have these columns is
/// reported, since a termbase read wrong would silently check nothing.
pub fn parse_termbase(file: &SourceFile, diagnostics: &mut Diagnostics) -> Option<Vec<Term>> {
    let mut terms = Vec::new();
    let mut complete = true;
    let mut offset = 0;
    for (index, line) in file.text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let fields = csv_fields(line.trim_end_matches('\n'));
        let field = |i: usize| fields.get(i).cloned().unwrap_or_default();
        let readable = match index {
            0 => field(0) == "fr" && field(1) == "en",
            _ => line.trim().is_empty() || fields.len() >= 2,
        };
        if !readable {
            complete = false;
            // A wrong header means every line is read wrong: one error.
            let stop = index == 0;
            diagnostics.push(
                Diagnostic::error(match index {
                    0 => "the termbase does not start with its header `fr,en,gdpr_article,note`",
                    _ => "this termbase line does not have a French and an English term separated by a comma",
                })
                .at(file.location(start), &file.text)
                .with_help("write the termbase as comma-separated values: `fr,en,gdpr_article,note`, then one term per line; quote a term that holds a comma"),
            );
            if stop {
                break;
            }
            continue;
        }
        if index > 0 && !field(0).is_empty() && !field(1).is_empty() {
            terms.push(Term {
                fr: field(0),
                en: field(1),
                article: field(2),
            });
        }
    }
    complete.then_some(terms)
}

fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            _ => fields.last_mut().unwrap().push(c),
        }
    }
    fields
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
        let semicolons = file("fr;en;gdpr_article;note\nsous-traitant;processor;28;\n");
        assert!(parse_termbase(&semicolons, &mut diagnostics).is_none());
        assert!(
            diagnostics
                .to_string()
                .starts_with("locales/termbase.csv:1:1: error: the termbase does not start")
        );
    }
}
