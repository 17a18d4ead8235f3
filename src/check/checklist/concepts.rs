//! Whether a text says a concept: its phrases compared word by word, each
//! word reduced to its stem by the Snowball stemmer of the text's language
//! (`rust-stemmers`), so that "consultations préalables" says
//! "consultation préalable" and "sub-processors" says "sub-processor".

use rust_stemmers::{Algorithm, Stemmer};

use crate::corpus::checklists::{Concept, phrases_for};
use crate::lang::Lang;

/// The concepts `text`, written in `lang`, does not say: for each, its
/// first phrase in that language. A concept the checklist does not give in
/// `lang` is not asked of it.
pub fn missing<'a>(
    concepts: impl IntoIterator<Item = &'a Concept>,
    text: &str,
    lang: Lang,
) -> Vec<String> {
    let stemmer = stemmer(lang);
    let words = stems(text, stemmer.as_ref());
    concepts
        .into_iter()
        .filter_map(|concept| phrases_for(concept, lang))
        .filter(|phrases| {
            let says = |phrase: &String| contains(&words, &stems(phrase, stemmer.as_ref()));
            !phrases.all().iter().any(says)
        })
        .filter_map(|phrases| phrases.all().first().cloned())
        .collect()
}

/// Whether `words` hold `phrase`, word after word.
fn contains(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|w| w == phrase)
}

/// Whether `text`, written in `lang`, says `phrase` (in any inflection).
pub fn says(text: &str, phrase: &str, lang: Lang) -> bool {
    let stemmer = stemmer(lang);
    contains(
        &stems(text, stemmer.as_ref()),
        &stems(phrase, stemmer.as_ref()),
    )
}

/// The Snowball stemmer of `lang`'s primary language, if there is one.
fn stemmer(lang: Lang) -> Option<Stemmer> {
    let algorithm = match lang.language() {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// The words of `text`, lower-cased and stemmed: apostrophes, hyphens and
/// every other mark separate words ("l'Union" is "l", "union").
fn stems(text: &str, stemmer: Option<&Stemmer>) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let lower = word.to_lowercase();
            match stemmer {
                Some(stemmer) => stemmer.stem(&lower).into_owned(),
                None => lower,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::missing;
    use crate::corpus::checklists::{Concept, Phrases};
    use crate::lang::Lang;

    fn concept(fr: &[&str], en: &str) -> Concept {
        let phrases = fr.iter().map(|phrase| phrase.to_string()).collect();
        [
            (Lang::FRENCH, Phrases::Any(phrases)),
            (Lang::ENGLISH, Phrases::One(en.to_string())),
        ]
        .into()
    }

    #[test]
    fn inflections_and_alternatives_say_a_concept() {
        let concepts = [
            concept(&["consultation préalable"], "prior consultation"),
            concept(
                &["par contrat", "au moyen d'un contrat"],
                "by way of a contract",
            ),
        ];
        let french = "les consultations préalables de la CNIL, imposées au moyen d’un contrat";
        assert!(missing(&concepts, french, Lang::FRENCH).is_empty());
        let english = "Prior Consultations, imposed by way of contracts";
        assert_eq!(
            missing(&concepts, english, Lang::ENGLISH),
            ["by way of a contract"]
        );
        // Words must follow each other, whole.
        let apart = "la consultation n'est pas préalable; par contrats";
        assert_eq!(
            missing(&concepts, apart, Lang::FRENCH),
            ["consultation préalable"]
        );
        // A concept not given in a language is not asked of it; a regional
        // variant is asked its language's.
        assert!(missing(&concepts, "", Lang::parse("de").unwrap()).is_empty());
        let belgian = Lang::parse("fr-BE").unwrap();
        assert_eq!(
            missing(&concepts, "par contrat", belgian),
            ["consultation préalable"]
        );
    }
}
