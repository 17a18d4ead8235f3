//! Labels, headings and notices: clausier's own (`builtin`), and the
//! corpus's Fluent files in `locales/<lang>/`, which override them.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Mutex, PoisonError};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};

use crate::corpus::SourceFile;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Failed, Related};
use crate::lang::Lang;

pub mod builtin;
mod texts;

use texts::{check_texts, too_deep};

/// The Fluent messages of every language.
pub struct Labels {
    bundles: BTreeMap<Lang, FluentBundle<FluentResource>>,
    /// Languages whose files have syntax errors, already reported.
    broken: BTreeSet<Lang>,
    /// Where each message is defined: the index of its file among its
    /// language's files, and its offset there.
    definitions: BTreeMap<(Lang, String), (usize, usize)>,
    /// Messages that failed to format (language, id, message, help), until
    /// `report` moves them into diagnostics. Documents are built on
    /// several threads.
    failures: Mutex<BTreeSet<(Lang, String, String, String)>>,
}

impl Labels {
    /// Builds one bundle per language from the built-in labels and the
    /// corpus's `.ftl` files, which override them, reporting syntax errors
    /// and ids defined twice in the corpus at their location.
    pub fn new(files: &BTreeMap<Lang, Vec<SourceFile>>, diagnostics: &mut Diagnostics) -> Labels {
        let mut bundles = BTreeMap::new();
        let mut broken = BTreeSet::new();
        let mut definitions = BTreeMap::new();
        for (&lang, sources) in files {
            // Where each message and term of the language is first defined:
            // the index of its file among `sources`, and its offset there.
            let mut first: BTreeMap<(bool, String), (usize, usize)> = BTreeMap::new();
            let langid = lang
                .to_string()
                .parse()
                .expect("a Lang is a valid identifier");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            for (_, text) in builtin::files(lang) {
                let resource = FluentResource::try_new(text.to_string())
                    .expect("the built-in labels parse (tested)");
                bundle
                    .add_resource(resource)
                    .expect("each built-in label is defined once (tested)");
            }
            for (index, source) in sources.iter().enumerate() {
                // The parser recurses once per level: too deep, it would
                // overflow the stack.
                if let Some(offset) = too_deep(&source.text) {
                    broken.insert(lang);
                    diagnostics.push(
                        Diagnostic::error(Code::NestedTooDeep, format!(
                            "placeables nest more than {} levels deep here",
                            crate::text::MAX_NESTING
                        ))
                        .at(source.location(offset), &source.text)
                        .with_help("remove the extra `{`: a label holds text, variables and a few references"),
                    );
                    continue;
                }
                let resource = match FluentResource::try_new(source.text.clone()) {
                    Ok(resource) => resource,
                    Err((resource, errors)) => {
                        broken.insert(lang);
                        for error in errors {
                            diagnostics.push(
                                Diagnostic::error(
                                    Code::FluentSyntax,
                                    format!("Fluent syntax error: {}", error.kind),
                                )
                                .at(source.location(error.pos.start), &source.text)
                                .with_help(
                                    "see https://projectfluent.org/fluent/guide/ for the syntax",
                                ),
                            );
                        }
                        resource
                    }
                };
                for defined in check_texts(&resource, source, diagnostics) {
                    let key = (defined.term, defined.id.clone());
                    match first.get(&key) {
                        Some(&(file, offset)) => {
                            let file = &sources[file];
                            let defined_first = Related::at(
                                file.location(offset),
                                &file.text,
                                "first defined here",
                            );
                            diagnostics.push(defined_twice(
                                &key,
                                source,
                                defined.offset,
                                defined_first,
                            ));
                        }
                        None => _ = first.insert(key, (index, defined.offset)),
                    }
                    if !defined.term {
                        definitions
                            .entry((lang, defined.id))
                            .or_insert((index, defined.offset));
                    }
                }
                // A corpus's label replaces the built-in one; one defined
                // twice in the corpus was reported above.
                bundle.add_resource_overriding(resource);
            }
            bundles.insert(lang, bundle);
        }
        let labels = Labels {
            bundles,
            broken,
            definitions,
            failures: Mutex::default(),
        };
        labels.resolve_all();
        labels
    }

    /// Formats every message and attribute once, so that a message whose
    /// references cannot resolve (a cycle, a missing message) is reported
    /// even if only a page outside the documents uses it. Variables are
    /// given only where a message is used, so their absence is not an
    /// error here.
    fn resolve_all(&self) {
        for (lang, id) in self.definitions.keys() {
            let Some(message) = self.bundles.get(lang).and_then(|b| b.get_message(id)) else {
                continue;
            };
            let attributes = message.attributes().map(|a| Some(a.id()));
            for attribute in std::iter::once(None).chain(attributes) {
                self.format(*lang, id, attribute, None, false);
            }
        }
    }

    /// Moves the messages that failed to format so far into `diagnostics`,
    /// each at its definition in `files`, the `.ftl` files of each language.
    pub fn report(&self, files: &BTreeMap<Lang, Vec<SourceFile>>, diagnostics: &mut Diagnostics) {
        let failures =
            std::mem::take(&mut *self.failures.lock().unwrap_or_else(PoisonError::into_inner));
        for (lang, id, message, help) in failures {
            let mut diagnostic = Diagnostic::error(Code::UnresolvedLabel, message).with_help(help);
            if let Some(&(index, offset)) = self.definitions.get(&(lang, id))
                && let Some(file) = files.get(&lang).and_then(|files| files.get(index))
            {
                diagnostic = diagnostic.at(file.location(offset), &file.text);
            }
            diagnostics.push(diagnostic);
        }
    }

    /// Fails with the messages that failed to format since the last
    /// `report`, each at its definition: for the labels only the site,
    /// the feed and the notices use, once these are produced.
    pub fn check_used(&self, files: &BTreeMap<Lang, Vec<SourceFile>>) -> Result<(), Failed> {
        let mut diagnostics = Diagnostics::default();
        self.report(files, &mut diagnostics);
        match diagnostics.has_errors() {
            true => Err(Failed(diagnostics)),
            false => Ok(()),
        }
    }

    /// The message `id` in `lang`. A missing message is a corpus error that
    /// validation reports; rendering shows the id so it cannot go unnoticed.
    pub fn get(&self, lang: Lang, id: &str) -> String {
        self.format(lang, id, None, None, true)
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with arguments given as text (numbers and dates are
    /// formatted in Rust beforehand, since Fluent's formatters are not
    /// locale-aware).
    pub fn get_with(&self, lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, FluentValue::from(*value));
        }
        self.format(lang, id, None, Some(&fluent_args), true)
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` for `count` items, so that it can pick a plural form.
    pub fn count(&self, lang: Lang, id: &str, count: u32) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        self.format(lang, id, None, Some(&args), true)
            .unwrap_or_else(|| id.to_string())
    }

    /// The attribute `attribute` of message `id`, such as a French gender.
    pub fn attribute(&self, lang: Lang, id: &str, attribute: &str) -> Option<String> {
        self.format(lang, id, Some(attribute), None, true)
    }

    /// Whether a file of `lang` has a syntax error, so that its messages
    /// cannot be counted on.
    pub fn is_broken(&self, lang: Lang) -> bool {
        self.broken.contains(&lang)
    }

    /// Whether `id` is defined in `lang`.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundles
            .get(&lang)
            .is_some_and(|bundle| bundle.has_message(id))
    }

    /// The message `id` (or its `attribute`) formatted with `args`, or
    /// None when it is missing or fails; failures are kept for `report`,
    /// unknown variables only when `args` are all the variables given.
    fn format(
        &self,
        lang: Lang,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs>,
        variables_given: bool,
    ) -> Option<String> {
        let bundle = self.bundles.get(&lang)?;
        let message = bundle.get_message(id)?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if errors.is_empty() {
            return Some(text.into_owned());
        }
        let name = match attribute {
            Some(attribute) => format!("{id}.{attribute}"),
            None => id.to_string(),
        };
        let given: Vec<String> = args
            .map(|args| args.iter().map(|(key, _)| format!("`${key}`")).collect())
            .unwrap_or_default();
        let mut failures = self.failures.lock().unwrap_or_else(PoisonError::into_inner);
        for error in &errors {
            if !variables_given && is_variable_error(error) {
                continue;
            }
            let (message, help) = texts::explain(error, &name, &given);
            failures.insert((lang, id.to_string(), message, help));
        }
        None
    }
}

/// An id of `source` defined a second time in the corpus, at that second
/// definition, with its first one.
fn defined_twice(
    (term, id): &(bool, String),
    source: &SourceFile,
    offset: usize,
    first: Related,
) -> Diagnostic {
    let folder = source
        .path
        .parent()
        .map_or_else(String::new, |folder| format!("{}/", folder.display()));
    let (what, dash) = if *term {
        ("term", "-")
    } else {
        ("message", "")
    };
    Diagnostic::error(
        Code::DuplicateLabel,
        format!("the {what} `{dash}{id}` is defined twice in {folder}"),
    )
    .at(source.location(offset), &source.text)
    .with_related(first)
    .with_help("keep one definition, or give this one another id")
}

fn is_variable_error(error: &FluentError) -> bool {
    use fluent_bundle::resolver::{ResolverError, errors::ReferenceKind};
    matches!(
        error,
        FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable { .. }))
    )
}

/// The ids of the messages defined in one Fluent source, in file order.
pub fn message_ids(text: &str) -> Vec<String> {
    // A file nested too deep is reported by `Labels::new` and not parsed.
    if too_deep(text).is_some() {
        return Vec::new();
    }
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Where a Fluent message is defined, for diagnostics that name it.
pub fn message_offset(text: &str, id: &str) -> usize {
    text.lines()
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len() + 1;
            Some((start, line))
        })
        .find(|(_, line)| {
            line.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(0, |(start, _)| start)
}
