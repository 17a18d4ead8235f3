//! clausier's built-in labels (`labels/<lang>/`): every message exists in
//! every language, every message clausier asks for is built in, and a
//! corpus's `locales/` only rewords them.

mod common;

use std::collections::BTreeSet;
use std::fs;

use clausier::corpus::locale::message_ids;
use clausier::lang::Lang;
use common::{build, copy_corpus, relative_tree, scratch, shipped_out, shipped_root};

fn ids(lang: Lang) -> BTreeSet<String> {
    let folder = shipped_root().join("labels").join(lang.to_string());
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
    let french = ids(Lang::FRENCH);
    let english = ids(Lang::ENGLISH);
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

    for lang in [Lang::FRENCH, Lang::ENGLISH] {
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

#[test]
fn the_labels_are_built_in_and_locales_only_reword_them() {
    // Learn & Go words no label otherwise: its documents are built from
    // clausier's labels alone. That they are the released text, word for
    // word, is `check`'s standing test against the sealed releases
    // (`the_shipped_corpus_checks_clean`); here, a copy builds the same
    // bytes, and one label reworded changes only its pages.
    for lang in ["fr", "en"] {
        assert!(!shipped_root().join("locales").join(lang).exists());
    }
    let dir = scratch("labels-built-in");
    copy_corpus(&dir);
    let out = dir.join("out");
    build(&dir, &out);
    let (built, shipped) = (relative_tree(&out), relative_tree(shipped_out()));
    assert_eq!(
        built.keys().collect::<Vec<_>>(),
        shipped.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &built {
        assert!(
            bytes == &shipped[name],
            "{name} differs without the corpus's labels"
        );
    }
    assert!(built.len() > 40);

    // One label reworded: only it changes.
    std::fs::create_dir_all(dir.join("locales/en")).unwrap();
    std::fs::write(
        dir.join("locales/en/site.ftl"),
        "site-read = Read it online\n",
    )
    .unwrap();
    let reworded = dir.join("reworded");
    build(&dir, &reworded);
    let page = std::fs::read_to_string(reworded.join("en/index.html")).unwrap();
    assert!(page.contains("Read it online"), "the override is used");
    let french = std::fs::read(reworded.join("index.html")).unwrap();
    assert_eq!(
        french, shipped["index.html"],
        "the French labels are untouched"
    );
}
