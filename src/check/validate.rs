//! Cross-checks a parsed corpus: references between files, identifiers,
//! values with a checkable form, and text present in one language but not
//! in another. Every problem is collected; none stops the others.

use std::collections::{BTreeMap, BTreeSet};

use crate::compose::markdown;
use crate::corpus::{AnnexKind, Corpus, DocumentSource, SourceFile};
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Related, did_you_mean_help};
use crate::lang::Lang;
use crate::model::PREAMBLE_ID;
use crate::text;

mod messages;

pub fn validate(corpus: &Corpus, diagnostics: &mut Diagnostics) {
    let mut check = Checker {
        corpus,
        diagnostics,
    };
    check.identifiers();
    check.references();
    check.transfer_mechanisms();
    check.clause_languages();
    check.messages();
    check.printable();
    check.annex_facts();
    check.processor_facts();
    check.subprocessor_registrations();
    if let Some(file) = corpus
        .yaml_files
        .iter()
        .find(|f| f.path.ends_with("cookies.yaml"))
    {
        crate::compose::cookies::lint(&corpus.facts, file, diagnostics);
    }
    if let Some(file) = corpus
        .yaml_files
        .iter()
        .find(|f| f.path.ends_with("privacy.yaml"))
    {
        crate::compose::privacy::lint(&corpus.facts, file, diagnostics);
    }
    super::confirm::check(corpus, diagnostics);
    super::consistency::check(corpus, diagnostics);
    for document in &corpus.documents {
        super::translations::check(document, diagnostics);
        super::releases::check_records(document, diagnostics);
        super::notices::check_records(document, diagnostics);
        super::notices::check_notified(corpus, document, diagnostics);
        super::checklist::check(document, diagnostics);
    }
}

/// Whether a document needs a fact.
type NeededBy = fn(&DocumentSource) -> bool;

/// A language, its clause text and the ids of its headings with offsets.
type LanguageHeadings<'a> = (Lang, &'a SourceFile, Vec<(String, usize)>);

struct Checker<'a> {
    corpus: &'a Corpus,
    diagnostics: &'a mut Diagnostics,
}

impl Checker<'_> {
    /// Reports `message` at the first occurrence of `needle` in `path`.
    fn report(&mut self, path: &str, needle: &str, code: Code, message: String, help: String) {
        let mut diagnostic = Diagnostic::error(code, message).with_help(help);
        if let Some(file) = self
            .corpus
            .yaml_files
            .iter()
            .find(|f| f.path.to_string_lossy() == path)
        {
            let offset = file.text.find(needle).unwrap_or(0);
            diagnostic = diagnostic.at(file.location(offset), &file.text);
        }
        self.diagnostics.push(diagnostic);
    }

    fn identifiers(&mut self) {
        let facts = &self.corpus.facts;
        let products: Vec<&str> = facts.products.iter().map(|p| p.id.as_str()).collect();
        let subprocessors: Vec<&str> = facts.subprocessors.iter().map(|s| s.id.as_str()).collect();
        for (path, ids) in [
            ("annexes/products.yaml", products),
            ("annexes/subprocessors.yaml", subprocessors),
        ] {
            let mut seen = BTreeSet::new();
            for id in ids {
                if !seen.insert(id) {
                    let needle = format!("id: {id}");
                    let file_text = self
                        .corpus
                        .yaml_files
                        .iter()
                        .find(|f| f.path.to_string_lossy() == path);
                    let mut diagnostic =
                        Diagnostic::error(Code::DuplicateId, format!("duplicate id `{id}`"))
                            .with_help("ids identify an entry everywhere: give each entry its own");
                    if let Some(file) = file_text {
                        let mut places = file.text.match_indices(&needle).map(|(i, _)| i);
                        if let (Some(first), Some(second)) = (places.next(), places.next()) {
                            diagnostic = diagnostic
                                .at(file.location(second), &file.text)
                                .with_related(Related::at(
                                    file.location(first),
                                    &file.text,
                                    "first defined here",
                                ));
                        }
                    }
                    self.diagnostics.push(diagnostic);
                }
            }
        }
    }

    /// Reports `message` at a position serde-saphyr recorded in `path`.
    fn report_at(
        &mut self,
        path: &str,
        location: &serde_saphyr::Location,
        code: Code,
        message: String,
        help: String,
    ) {
        let mut diagnostic = Diagnostic::error(code, message).with_help(help);
        if let Some(file) = self.yaml_file(path) {
            let location = file.yaml_location(location);
            diagnostic = diagnostic.at(location, &file.text);
        }
        self.diagnostics.push(diagnostic);
    }

    fn yaml_file(&self, path: &str) -> Option<&SourceFile> {
        self.corpus
            .yaml_files
            .iter()
            .find(|f| f.path.to_string_lossy() == path)
    }

    /// Products and security topics name sub-processors that exist.
    fn references(&mut self) {
        let facts = &self.corpus.facts;
        let mut known: Vec<&str> = facts.subprocessors.iter().map(|s| s.id.as_str()).collect();
        known.dedup();
        let product_refs = facts.products.iter().flat_map(|product| {
            product.subprocessors.iter().map(move |id| {
                (
                    "annexes/products.yaml",
                    id,
                    format!(
                        "product `{}` names unknown sub-processor `{}`",
                        product.id, id.value
                    ),
                )
            })
        });
        let topics = facts
            .security
            .iter()
            .flat_map(|security| security.applications.iter());
        let host_refs = topics.filter_map(|topic| {
            let host = topic.host.as_ref()?;
            Some((
                "annexes/security.yaml",
                host,
                format!(
                    "security topic `{}` names unknown host `{}`",
                    topic.id, host.value
                ),
            ))
        });
        let dangling: Vec<_> = product_refs
            .chain(host_refs)
            .filter(|(_, id, _)| !known.contains(&id.value.as_str()))
            .collect();
        for (path, id, message) in dangling {
            let help = did_you_mean_help(&id.value, known.iter().copied(), || {
                format!(
                    "sub-processors are defined in annexes/subprocessors.yaml: {}",
                    known.join(", ")
                )
            });
            self.report_at(path, &id.referenced, Code::UnknownReference, message, help);
        }
    }

    /// A recipient that transfers data outside the EU says under which
    /// mechanism (GDPR art. 44–49): sub-processors and third parties alike.
    fn transfer_mechanisms(&mut self) {
        let facts = &self.corpus.facts;
        let subprocessors = facts.subprocessors.iter().map(|s| {
            let what = "sub-processor";
            ("annexes/subprocessors.yaml", what, &s.id, Some(&s.transfer))
        });
        let third_parties = facts.third_parties.iter().map(|t| {
            (
                "annexes/third-parties.yaml",
                "third party",
                &t.id,
                t.transfer.as_ref(),
            )
        });
        let lacking: Vec<_> = subprocessors
            .chain(third_parties)
            .filter(|(.., transfer)| {
                transfer.is_some_and(|t| t.outside_eu && t.mechanism.is_none())
            })
            .map(|(path, what, id, _)| (path, what, id.clone()))
            .collect();
        for (path, what, id) in lacking {
            self.report(
                path,
                &format!("id: {id}"),
                Code::TransferMechanism,
                format!("{what} `{id}` transfers data outside the EU without a mechanism"),
                "add `mechanism:` under `transfer:`, e.g. the standard contractual clauses (GDPR art. 46)".into(),
            );
        }
    }

    /// Every document has the same clauses, in the same order, in every language.
    fn clause_languages(&mut self) {
        for document in &self.corpus.documents {
            let mut ids: Vec<LanguageHeadings> = document
                .texts
                .iter()
                .map(|(&lang, file)| (lang, file, markdown::heading_ids(&file.text)))
                .collect();
            // The binding text first: the others are compared with it.
            ids.sort_by_key(|(lang, ..)| *lang != document.binding);
            for (_, file, _) in ids.iter().filter(|(.., headings)| headings.is_empty()) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::ClauseStructure,
                        format!("{} has no text", file.path.display()),
                    )
                    .at(file.location(0), &file.text)
                    .with_help("write the document's clauses: `# Title {#id}`, then its text"),
                );
            }
            let mut duplicates = false;
            for (_, file, headings) in &ids {
                // Each id with where it is first defined.
                let mut seen = BTreeMap::new();
                for (id, offset) in headings {
                    let Some(&first) = seen.get(id) else {
                        seen.insert(id, *offset);
                        continue;
                    };
                    duplicates = true;
                    self.diagnostics.push(
                        Diagnostic::error(Code::DuplicateClauseId, format!("duplicate clause id `{id}`"))
                            .at(file.location(*offset), &file.text)
                            .with_related(Related::at(file.location(first), &file.text, "first defined here"))
                            .with_help("ids identify a clause across languages and versions: give each heading its own"),
                    );
                }
            }
            let Some((binding_lang, _, binding_ids)) = ids.first() else {
                continue;
            };
            for (lang, file, lang_ids) in &ids[1..] {
                let names: Vec<&str> = lang_ids.iter().map(|(id, _)| id.as_str()).collect();
                let binding_names: Vec<&str> =
                    binding_ids.iter().map(|(id, _)| id.as_str()).collect();
                for (id, offset) in lang_ids {
                    if !binding_names.contains(&id.as_str()) {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::ClauseTranslation,
                                format!("clause `{id}` has no `{binding_lang}` text"),
                            )
                            .at(file.location(*offset), &file.text)
                            .with_help(match id == PREAMBLE_ID {
                                true => format!(
                                    "start contracts/{}/{binding_lang}.md with the preamble too, or remove it here",
                                    document.id
                                ),
                                false => format!(
                                    "add it to contracts/{}/{binding_lang}.md, or fix the id",
                                    document.id
                                ),
                            }),
                        );
                    }
                }
                let binding_file = &document.texts[binding_lang];
                for (id, offset) in binding_ids.iter() {
                    if !names.contains(&id.as_str()) {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::ClauseTranslation,
                                format!("clause `{id}` has no `{lang}` text"),
                            )
                            .at(binding_file.location(*offset), &binding_file.text)
                            .with_help(match id == PREAMBLE_ID {
                                true => format!(
                                    "translate it at the start of contracts/{}/{lang}.md, before the first heading",
                                    document.id
                                ),
                                false => format!(
                                    "translate it in contracts/{}/{lang}.md with the same id",
                                    document.id
                                ),
                            }),
                        );
                    }
                }
                let common_binding: Vec<&str> = binding_names
                    .iter()
                    .copied()
                    .filter(|id| names.contains(id))
                    .collect();
                let common: Vec<&str> = names
                    .iter()
                    .copied()
                    .filter(|id| binding_names.contains(id))
                    .collect();
                // Duplicates make the order meaningless: they are fixed first.
                if common != common_binding && !duplicates {
                    self.diagnostics.push(
                        Diagnostic::error(Code::ClauseTranslation, format!("the clauses of `{lang}` are not in the order of `{binding_lang}`"))
                            .at(file.location(0), &file.text)
                            .with_help("clause numbers must match across languages: order the clauses as in the binding text"),
                    );
                }
            }
        }
    }
}

impl Checker<'_> {
    /// Every annex a document lists has the facts it is generated from.
    fn annex_facts(&mut self) {
        let facts = &self.corpus.facts;
        for document in &self.corpus.documents {
            for kind in &document.meta.annexes {
                let missing = match kind {
                    AnnexKind::Security if facts.security.is_none() => "annexes/security.yaml",
                    AnnexKind::Processing if facts.products.is_empty() => "annexes/products.yaml",
                    AnnexKind::Subprocessors if facts.subprocessors.is_empty() => {
                        "annexes/subprocessors.yaml"
                    }
                    _ => continue,
                };
                let file = &document.meta_file;
                let offset = file.text.find(kind.name()).unwrap_or(0);
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::EmptyAnnex,
                        format!(
                            "the `{}` annex has no facts: {missing} is missing or empty",
                            kind.name()
                        ),
                    )
                    .at(file.location(offset), &file.text)
                    .with_help(format!(
                        "write {missing}, or remove `{}` from `annexes:`",
                        kind.name()
                    )),
                );
            }
        }
    }

    /// Annex C gives each sub-processor's company number: its SIRET, or
    /// its entry in another country's register.
    fn subprocessor_registrations(&mut self) {
        let shown = self
            .corpus
            .documents
            .iter()
            .any(|d| d.meta.annexes.contains(&AnnexKind::Subprocessors));
        if !shown {
            return;
        }
        let unregistered: Vec<String> = self
            .corpus
            .facts
            .subprocessors
            .iter()
            .filter(|s| {
                s.siret.is_none()
                    && s.registration
                        .as_deref()
                        .is_none_or(|r| r.trim().is_empty())
            })
            .map(|s| s.id.clone())
            .collect();
        for id in unregistered {
            self.report(
                "annexes/subprocessors.yaml",
                &format!("id: {id}"),
                Code::MissingFact,
                format!("sub-processor `{id}` has no company number, which the `subprocessors` annex shows"),
                "add `siret:` (a French company's 14 digits) or `registration:` (its entry in a company register, e.g. \"Companies House 01234567\")".into(),
            );
        }
    }

    /// The processor facts a document needs, which a corpus without it may
    /// leave out: its register entry for a contract's cover, its
    /// representative and DPO for the parties annex. Each missing one is
    /// reported at `processor:`, naming the documents that need it.
    fn processor_facts(&mut self) {
        let processor = &self.corpus.facts.parties.processor;
        let needs: [(&str, bool, NeededBy); 3] = [
            ("registration", processor.registration.is_some(), |d| {
                d.meta.contract || d.meta.annexes.contains(&AnnexKind::Parties)
            }),
            ("representative", processor.representative.is_some(), |d| {
                d.meta.annexes.contains(&AnnexKind::Parties)
            }),
            ("dpo", processor.dpo.is_some(), |d| {
                d.meta.annexes.contains(&AnnexKind::Parties)
            }),
        ];
        let Some(file) = self
            .corpus
            .yaml_files
            .iter()
            .find(|f| f.path.ends_with("parties.yaml"))
        else {
            return;
        };
        for (field, given, needed) in needs {
            let documents: Vec<&str> = self
                .corpus
                .documents
                .iter()
                .filter(|d| needed(d))
                .map(|d| d.id.as_str())
                .collect();
            if given || documents.is_empty() {
                continue;
            }
            let offset = file.text.find("processor:").unwrap_or(0);
            self.diagnostics.push(
                Diagnostic::error(
                    Code::MissingFact,
                    format!(
                        "missing field `{field}` under `processor:`, which `{}` needs",
                        documents.join("`, `")
                    ),
                )
                .at(file.location(offset), &file.text)
                .with_help(format!("add `{field}: …` to the processor's entry")),
            );
        }
    }

    /// Every character a reader may see passes the text gate: printable by
    /// the PDF fonts, no control character.
    /// Comment lines of YAML and Fluent files are skipped: nobody sees them.
    fn printable(&mut self) {
        let corpus = self.corpus;
        let markdown = corpus.documents.iter().flat_map(|d| d.texts.values());
        // YAML values are gated as the parser reads them (`yaml.rs`).
        let commented = corpus.locale_files.values().flatten();
        let files = commented
            .map(|f| (f, true))
            .chain(markdown.map(|f| (f, false)));
        for (file, skip_comments) in files {
            let mut reported = BTreeSet::new();
            let mut offset = 0;
            for line in file.text.split_inclusive('\n') {
                let comment = skip_comments && line.trim_start().starts_with('#');
                for (index, c) in line.char_indices() {
                    if comment || reported.contains(&c) {
                        continue;
                    }
                    if let Some(problem) = text::character_problem(c) {
                        reported.insert(c);
                        self.diagnostics.push(
                            Diagnostic::error(Code::UnsafeText, problem.message)
                                .at(file.location(offset + index), &file.text)
                                .with_help(problem.help),
                        );
                    }
                }
                offset += line.len();
            }
        }
    }
}
