//! The number words of contract clauses ("sept (7) jours ouvrés") checked
//! against an independent implementation, the `french-numbers` crate, for
//! every number a quantity may hold.

use clausier::compose::words::{Gender, number_in_words};
use clausier::corpus::quantity::MAX_VALUE;
use clausier::lang::Lang;
use french_numbers::{Options, french_number_options};

#[test]
fn french_number_words_agree_with_an_independent_implementation() {
    let mut differences = Vec::new();
    for n in 0..=MAX_VALUE {
        for (gender, feminine) in [(Gender::Masculine, false), (Gender::Feminine, true)] {
            let options = Options {
                feminine,
                reformed: false,
            };
            let expected = french_number_options(&n, &options);
            let ours = number_in_words(n, Lang::FRENCH, gender).unwrap_or_default();
            if ours != expected {
                differences.push(format!("{n} ({gender:?}): {ours:?}, oracle {expected:?}"));
            }
        }
    }
    // The oracle speaks the traditional spelling the clauses use.
    let traditional = Options {
        reformed: false,
        ..Options::default()
    };
    assert_eq!(french_number_options(&71, &traditional), "soixante et onze");
    assert_eq!(
        number_in_words(80, Lang::FRENCH, Gender::Masculine).as_deref(),
        Some("quatre-vingts")
    );
    assert!(
        differences.is_empty(),
        "{} differences, first: {:#?}",
        differences.len(),
        &differences[..differences.len().min(20)]
    );
}
