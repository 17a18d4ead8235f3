//! Labels, headings and notices from the Fluent files in `locales/<lang>/`.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::lang::Lang;
use crate::load::SourceFile;

/// The Fluent messages of every language.
pub struct Labels {
    bundles: BTreeMap<Lang, FluentBundle<FluentResource>>,
    /// Languages whose files have syntax errors, already reported.
    broken: BTreeSet<Lang>,
}

impl Labels {
    /// Builds one bundle per language from its `.ftl` files, reporting
    /// syntax errors and duplicate message ids at their location.
    pub fn new(files: &BTreeMap<Lang, Vec<SourceFile>>, diagnostics: &mut Diagnostics) -> Labels {
        let mut bundles = BTreeMap::new();
        let mut broken = BTreeSet::new();
        for (&lang, sources) in files {
            let langid = lang
                .code()
                .parse()
                .expect("language codes are valid identifiers");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            for source in sources {
                let resource = match FluentResource::try_new(source.text.clone()) {
                    Ok(resource) => resource,
                    Err((resource, errors)) => {
                        broken.insert(lang);
                        for error in errors {
                            diagnostics.push(
                                Diagnostic::error(format!("Fluent syntax error: {}", error.kind))
                                    .at(source.location(error.pos.start), &source.text)
                                    .with_help("see https://projectfluent.org/fluent/guide/ for the syntax"),
                            );
                        }
                        resource
                    }
                };
                if let Err(errors) = bundle.add_resource(resource) {
                    for error in errors {
                        diagnostics.push(
                            Diagnostic::error(format!("{error}"))
                                .with_help("each message id may be defined once per language")
                                .at(
                                    Location::at_offset(&source.path, &source.text, 0),
                                    &source.text,
                                ),
                        );
                    }
                }
            }
            bundles.insert(lang, bundle);
        }
        Labels { bundles, broken }
    }

    /// The message `id` in `lang`. A missing message is a corpus error that
    /// validation reports; rendering shows the id so it cannot go unnoticed.
    pub fn get(&self, lang: Lang, id: &str) -> String {
        self.format(lang, id, None, None)
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
        self.format(lang, id, None, Some(&fluent_args))
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` for `count` items, so that it can pick a plural form.
    pub fn count(&self, lang: Lang, id: &str, count: u32) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        self.format(lang, id, None, Some(&args))
            .unwrap_or_else(|| id.to_string())
    }

    /// The attribute `attribute` of message `id`, such as a French gender.
    pub fn attribute(&self, lang: Lang, id: &str, attribute: &str) -> Option<String> {
        self.format(lang, id, Some(attribute), None)
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

    fn format(
        &self,
        lang: Lang,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs>,
    ) -> Option<String> {
        let bundle = self.bundles.get(&lang)?;
        let message = bundle.get_message(id)?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }
}

/// The ids of the messages defined in one Fluent source, in file order.
pub fn message_ids(text: &str) -> Vec<String> {
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
