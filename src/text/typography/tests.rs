use super::{NBSP, NNBSP, typeset, typeset_after};

fn fr(text: &str) -> String {
    typeset(text, "fr")
}

#[test]
fn french_spaces_before_high_punctuation_and_inside_guillemets() {
    assert_eq!(
        fr("Objet : le « contrat »; vraiment? Oui!"),
        format!("Objet{NBSP}: le «{NBSP}contrat{NBSP}»{NNBSP}; vraiment{NNBSP}? Oui{NNBSP}!")
    );
    assert_eq!(fr("«mot»"), format!("«{NBSP}mot{NBSP}»"));
    // The fragments around `**mot**` in `« **mot** »`.
    assert_eq!(fr("le « "), format!("le «{NBSP}"));
    assert_eq!(fr(" »."), format!("{NBSP}»."));
    assert_eq!(typeset_after(Some('t'), " ».", "fr"), format!("{NBSP}»."));
    // `dit "*ceci*".`: the last quote closes.
    assert_eq!(typeset_after(Some('i'), "\".", "fr"), format!("{NBSP}»."));
    assert_eq!(typeset_after(Some('m'), "\" and", "en"), "” and");
    assert_eq!(typeset_after(Some(' '), "\"term", "en"), "“term");
    assert_eq!(fr("dit \"ceci\"."), format!("dit «{NBSP}ceci{NBSP}»."));
    // After an apostrophe, a quote opens.
    assert_eq!(fr("l'\"essai\""), format!("l’«{NBSP}essai{NBSP}»"));
}

#[test]
fn the_text_before_is_context_never_written_again() {
    // `**« Site »** désigne`: the text after the emphasis follows `»`.
    assert_eq!(typeset_after(Some('»'), " désigne", "fr"), " désigne");
    assert_eq!(
        typeset_after(Some('»'), " : défini", "fr"),
        format!("{NBSP}: défini")
    );
    assert_eq!(
        typeset_after(Some('»'), " ; fin", "fr"),
        format!("{NNBSP}; fin")
    );
    assert_eq!(typeset_after(Some('e'), "suite", "en"), "suite");
}

#[test]
fn addresses_times_and_doubled_marks_are_left_alone() {
    for (text, typeset) in [
        (
            "https://www.cnil.fr/fr?page=2",
            "https://www.cnil.fr/fr?page=2",
        ),
        ("https://www.cnil.fr/fr/faq?", "https://www.cnil.fr/fr/faq?"),
        ("www.1er-choix.fr", "www.1er-choix.fr"),
        ("contact@2e-chance.fr", "contact@2e-chance.fr"),
        ("cookie _x_2e", "cookie _x_2e"),
        ("à 10:30", "à 10:30"),
        ("vraiment ?!", "vraiment\u{202f}?!"),
    ] {
        assert_eq!(fr(text), typeset, "{text}");
        assert_eq!(fr(&fr(text)), fr(text), "{text}");
    }
    // Sentence punctuation after an address is the sentence's.
    assert_eq!(
        fr("écrivez à dpo@learnandgo.fr : merci"),
        format!("écrivez à dpo@learnandgo.fr{NBSP}: merci")
    );
    assert_eq!(
        typeset("see https://x.example/a?b=c:d. Then", "en"),
        "see https://x.example/a?b=c:d. Then"
    );
}

#[test]
fn apostrophes_and_ordinals() {
    assert_eq!(
        fr("l'article 1er, la 1re, le 2e, 3ème"),
        "l’article 1ᵉʳ, la 1ʳᵉ, le 2ᵉ, 3ᵉ"
    );
    assert_eq!(fr("article 28e2 et A4e"), "article 28e2 et A4e");
    assert_eq!(
        typeset("Learn & Go's \"terms\"", "en"),
        "Learn & Go’s “terms”"
    );
    assert_eq!(typeset("a 'quoted' word", "en"), "a ‘quoted’ word");
    assert_eq!(typeset("the '90s", "en"), "the ’90s");
}

#[test]
fn english_never_gets_a_french_space() {
    assert_eq!(
        typeset(
            &format!("Effective date : 1 May; why{NNBSP}? Now{NBSP}!"),
            "en"
        ),
        "Effective date: 1 May; why? Now!"
    );
    assert_eq!(typeset("Datum : heute", "de"), "Datum: heute");
}

#[test]
fn only_a_siret_or_a_siren_is_grouped() {
    assert_eq!(
        fr("SIRET 42476141900045."),
        format!("SIRET 424{NBSP}761{NBSP}419{NBSP}00045.")
    );
    assert_eq!(
        fr("SIRET n° 42476141900045"),
        format!("SIRET n° 424{NBSP}761{NBSP}419{NBSP}00045")
    );
    assert_eq!(
        typeset("SIREN 424761419", "en"),
        format!("SIREN 424{NBSP}761{NBSP}419")
    );
    // A cell of annex C's SIRET column, in a release stored ungrouped.
    assert_eq!(
        fr("42476141900045"),
        format!("424{NBSP}761{NBSP}419{NBSP}00045")
    );
    for untouched in [
        "42476141900046",
        "n° 424761419",
        "commande n° 20240101123045",
        "montant 12345678901234 €",
        "+33 1 23 45 67 89 0123456789012345",
    ] {
        assert_eq!(fr(untouched), untouched);
    }
}

#[test]
fn typeset_text_typesets_to_itself() {
    for text in [
        "Objet : le « contrat »; vraiment? Oui! l'article 1er SIRET 42476141900045",
        "dit \"ceci\" et \"cela\"",
        "« »",
        "\"",
        "1",
        "voir https://www.cnil.fr/ ; ou dpo@x.fr.",
    ] {
        let once = fr(text);
        assert_eq!(fr(&once), once, "{text}");
        let english = typeset(text, "en");
        assert_eq!(typeset(&english, "en"), english, "{text}");
    }
}

#[test]
fn a_long_word_is_scanned_once() {
    // Every `(` is a place an address could start: scanned again at each,
    // 20,000 of them took minutes (tests/properties.rs found it).
    let parentheses = "(".repeat(10_000);
    let stops = ".".repeat(10_000);
    for text in [
        format!("{parentheses}dpo@x.fr. (voir https://www.cnil.fr/)."),
        format!("{parentheses}{stops}"),
    ] {
        assert_eq!(fr(&text), text);
        assert_eq!(typeset(&text, "en"), text);
    }
    assert_eq!(
        fr("écrire à (dpo@x.fr) ou voir www.cnil.fr : merci"),
        "écrire à (dpo@x.fr) ou voir www.cnil.fr\u{a0}: merci"
    );
}
