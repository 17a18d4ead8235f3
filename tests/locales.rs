//! Every Fluent message exists in every locale, and every message clausier
//! asks for is defined.

mod common;

use std::collections::BTreeSet;
use std::fs;

use clausier::corpus::locale::message_ids;
use clausier::lang::Lang;
use common::shipped_root;

fn ids(lang: Lang) -> BTreeSet<String> {
    let folder = shipped_root().join("locales").join(lang.code());
    let mut ids = BTreeSet::new();
    for entry in fs::read_dir(folder).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        for id in message_ids(&text) {
            assert!(ids.insert(id.clone()), "{lang}: {id} defined twice");
        }
    }
    ids
}

#[test]
fn every_message_exists_in_every_locale() {
    let french = ids(Lang::Fr);
    let english = ids(Lang::En);
    assert!(french.len() > 60, "{} messages", french.len());
    let only_fr: Vec<_> = french.difference(&english).collect();
    let only_en: Vec<_> = english.difference(&french).collect();
    assert!(
        only_fr.is_empty() && only_en.is_empty(),
        "only in fr: {only_fr:?}; only in en: {only_en:?}"
    );
}

#[test]
fn every_message_clausier_uses_is_defined() {
    let checked = clausier::check(&shipped_root(), false).unwrap();
    let corpus = &checked.corpus;

    for lang in Lang::ALL {
        let defined = ids(lang);
        for id in clausier::check::labels::used_messages(corpus) {
            assert!(
                defined.contains(&id),
                "{lang}: {id} is used but not defined"
            );
        }
    }
}

#[test]
fn the_shipped_corpus_checks_clean() {
    let checked = clausier::check(&shipped_root(), false).unwrap();
    let documents = checked.documents;
    let diagnostics = checked.warnings;

    assert!(diagnostics.is_empty(), "{diagnostics}");
    assert_eq!(documents.len(), 6, "three documents in two languages");
}
