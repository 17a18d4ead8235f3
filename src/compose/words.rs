//! Numbers written out in words, as contracts state their figures:
//! "sept (7) jours ouvrés", "seven (7) working days". Kept by hand rather
//! than taken from `french-numbers`: both languages in one small place,
//! with the gender agreement contracts need; that crate checks the French
//! for every value a quantity may hold (tests/number_words.rs).

use crate::lang::{Family, Lang};

/// Grammatical gender of the noun a French number agrees with ("un jour",
/// "une heure").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
}

/// Writes `n` (0 to 999 999) in words in `lang`, if clausier has the
/// words of that language (French and English).
pub fn number_in_words(n: u32, lang: Lang, gender: Gender) -> Option<String> {
    if n >= 1_000_000 {
        return None;
    }
    match lang.family()? {
        Family::French => Some(french(n, gender)),
        Family::English => Some(english(n)),
        _ => None,
    }
}

const FR_UNITS: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
];
const FR_TENS: [&str; 7] = [
    "",
    "dix",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
];

fn french(n: u32, gender: Gender) -> String {
    let words = french_below_million(n);
    // Only the final "un" agrees in gender: "vingt et une heures".
    match gender {
        Gender::Feminine if words == "un" || words.ends_with("-un") || words.ends_with(" un") => {
            format!("{words}e")
        }
        _ => words,
    }
}

fn french_below_million(n: u32) -> String {
    match n {
        0..=999 => french_below_thousand(n, true),
        _ => {
            let (thousands, rest) = (n / 1000, n % 1000);
            let head = match thousands {
                1 => "mille".to_string(),
                // "deux cent mille": no plural "s" on cent before mille.
                _ => format!("{} mille", french_below_thousand(thousands, false)),
            };
            match rest {
                0 => head,
                _ => format!("{head} {}", french_below_thousand(rest, true)),
            }
        }
    }
}

/// `final_word` says whether nothing follows, which decides "quatre-vingts"
/// and "deux cents" against "quatre-vingt mille".
fn french_below_thousand(n: u32, final_word: bool) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    let head = match hundreds {
        0 => String::new(),
        1 => "cent".to_string(),
        _ if rest == 0 && final_word => format!("{} cents", FR_UNITS[hundreds as usize]),
        _ => format!("{} cent", FR_UNITS[hundreds as usize]),
    };
    if rest == 0 && hundreds > 0 {
        return head;
    }
    let tail = french_below_hundred(rest, final_word);
    if head.is_empty() {
        tail
    } else {
        format!("{head} {tail}")
    }
}

fn french_below_hundred(n: u32, final_word: bool) -> String {
    match n {
        0..=16 => FR_UNITS[n as usize].to_string(),
        17..=19 => format!("dix-{}", FR_UNITS[(n - 10) as usize]),
        20..=69 => {
            let (tens, unit) = (n / 10, n % 10);
            match unit {
                0 => FR_TENS[tens as usize].to_string(),
                1 => format!("{} et un", FR_TENS[tens as usize]),
                _ => format!("{}-{}", FR_TENS[tens as usize], FR_UNITS[unit as usize]),
            }
        }
        70..=79 => match n {
            71 => "soixante et onze".to_string(),
            _ => format!("soixante-{}", french_below_hundred(n - 60, final_word)),
        },
        80 if final_word => "quatre-vingts".to_string(),
        _ => match n - 80 {
            0 => "quatre-vingt".to_string(),
            rest => format!("quatre-vingt-{}", french_below_hundred(rest, final_word)),
        },
    }
}

const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn english(n: u32) -> String {
    match n {
        0..=999 => english_below_thousand(n),
        _ => {
            let (thousands, rest) = (n / 1000, n % 1000);
            let head = format!("{} thousand", english_below_thousand(thousands));
            match rest {
                0 => head,
                1..=99 => format!("{head} and {}", english_below_hundred(rest)),
                _ => format!("{head} {}", english_below_thousand(rest)),
            }
        }
    }
}

fn english_below_thousand(n: u32) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    match (hundreds, rest) {
        (0, _) => english_below_hundred(rest),
        (_, 0) => format!("{} hundred", EN_UNITS[hundreds as usize]),
        _ => format!(
            "{} hundred and {}",
            EN_UNITS[hundreds as usize],
            english_below_hundred(rest)
        ),
    }
}

fn english_below_hundred(n: u32) -> String {
    match n {
        0..=19 => EN_UNITS[n as usize].to_string(),
        _ => match n % 10 {
            0 => EN_TENS[(n / 10) as usize].to_string(),
            unit => format!("{}-{}", EN_TENS[(n / 10) as usize], EN_UNITS[unit as usize]),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(n: u32) -> String {
        number_in_words(n, Lang::FRENCH, Gender::Masculine).unwrap()
    }

    #[test]
    fn french_numbers_follow_the_usual_spelling() {
        let cases = [
            (1, "un"),
            (7, "sept"),
            (15, "quinze"),
            (17, "dix-sept"),
            (21, "vingt et un"),
            (24, "vingt-quatre"),
            (48, "quarante-huit"),
            (71, "soixante et onze"),
            (72, "soixante-douze"),
            (80, "quatre-vingts"),
            (81, "quatre-vingt-un"),
            (91, "quatre-vingt-onze"),
            (99, "quatre-vingt-dix-neuf"),
            (100, "cent"),
            (200, "deux cents"),
            (201, "deux cent un"),
            (1000, "mille"),
            (80_000, "quatre-vingt mille"),
            (200_000, "deux cent mille"),
        ];
        for (n, words) in cases {
            assert_eq!(fr(n), words, "{n}");
        }
    }

    #[test]
    fn french_un_agrees_with_a_feminine_noun() {
        let fr = |n| number_in_words(n, Lang::FRENCH, Gender::Feminine).unwrap();
        assert_eq!(fr(1), "une");
        assert_eq!(fr(21), "vingt et une");
        assert_eq!(fr(81), "quatre-vingt-une");
        assert_eq!(fr(72), "soixante-douze");
    }

    #[test]
    fn english_numbers_use_british_legal_style() {
        let en = |n| number_in_words(n, Lang::ENGLISH, Gender::Masculine).unwrap();
        assert_eq!(en(7), "seven");
        assert_eq!(en(48), "forty-eight");
        assert_eq!(en(72), "seventy-two");
        assert_eq!(en(115), "one hundred and fifteen");
        assert_eq!(en(2005), "two thousand and five");
        assert_eq!(
            number_in_words(1_000_000, Lang::ENGLISH, Gender::Masculine),
            None
        );
        let german = Lang::parse("de").unwrap();
        assert_eq!(number_in_words(7, german, Gender::Masculine), None);
    }
}
