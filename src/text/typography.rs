//! Typography, in one place: the rules of each language applied to final
//! text (never to markup, links or ids) when a document is composed, so
//! that authors type plain `'`, `"` and spaces and every output shows what
//! a typesetter would.
//!
//! - French: a narrow no-break space before `;` `!` `?`, a no-break space
//!   before `:` and inside `« »` (straight double quotes become them),
//!   `’` for `'`, ordinals in superscript (`1er` → `1ᵉʳ`, `2e` → `2ᵉ`).
//! - Other languages: no space before `;` `:` `!` `?` (a French space
//!   never reaches them), `’` for `'`; in English, `“ ”` and `‘ ’`.
//! - Every language: the number after "SIRET" or "SIREN", or a text that
//!   is a SIRET alone (a table cell), in groups of 3 3 3 5 (or 3 3 3),
//!   joined by no-break spaces.
//! - Web and e-mail addresses are left exactly as written.
//!
//! Hand-written rather than a crate: the typography crates found handle
//! English quotes only. Every rule is idempotent (typeset text typesets
//! to itself), so that text typeset twice reads the same.

/// A no-break space: before `:` and inside `« »` in French, in numbers.
pub const NBSP: char = '\u{a0}';
/// A narrow no-break space: before `;`, `!` and `?` in French.
pub const NNBSP: char = '\u{202f}';

/// `text` typeset for the language `lang` (a BCP 47 tag).
pub fn typeset(text: &str, lang: &str) -> String {
    typeset_after(None, text, lang)
}

/// `text` typeset for `lang` where it follows `previous`, the last
/// character of the typeset text before it in the same paragraph (Markdown
/// splits `« **mot** »` or `"*term*"` into several texts): whether a quote
/// opens or closes, and whether a colon ends a word, depend on it. The
/// character before is context only: it is never written again.
pub fn typeset_after(previous: Option<char>, text: &str, lang: &str) -> String {
    let primary = lang.split('-').next().unwrap_or_default();
    let seed: Vec<char> = previous.into_iter().collect();
    let chars: Vec<char> = text.chars().collect();
    let spaced = match primary {
        "fr" => french(&seed, &chars),
        "en" => unspaced(&seed, &chars, true),
        _ => unspaced(&seed, &chars, false),
    };
    grouped_numbers(&seed, &spaced)
}

fn is_space(c: char) -> bool {
    c == ' ' || c == NBSP || c == NNBSP
}

/// What a quotation mark opens after: the start, a space, a bracket, an
/// apostrophe (`l'"essai"`).
fn opens_after(previous: Option<char>) -> bool {
    previous.is_none_or(|c| c.is_whitespace() || "([{—–/'’".contains(c))
}

/// The output being typeset: the text before (context, never written) and
/// what the rules wrote so far.
struct Out {
    chars: Vec<char>,
    /// How many leading characters are context.
    seeded: usize,
}

impl Out {
    fn new(seed: &[char], capacity: usize) -> Out {
        let mut chars = Vec::with_capacity(seed.len() + capacity + 8);
        chars.extend_from_slice(seed);
        Out {
            chars,
            seeded: seed.len(),
        }
    }

    fn last(&self) -> Option<char> {
        self.chars.last().copied()
    }

    fn push(&mut self, c: char) {
        self.chars.push(c);
    }

    /// Removes the spaces this text wrote last (never the context's).
    fn trim_spaces(&mut self) {
        while self.chars.len() > self.seeded && self.last().is_some_and(is_space) {
            self.chars.pop();
        }
    }

    fn written(self) -> Vec<char> {
        self.chars[self.seeded..].to_vec()
    }
}

/// The end of the address starting at `index` (a web or e-mail address,
/// up to the next space, without its final punctuation), if one starts
/// there: addresses are copied as written.
fn address_end(
    chars: &[char],
    index: usize,
    before: Option<char>,
    words: &mut Words,
) -> Option<usize> {
    if before.is_some_and(|c| !c.is_whitespace() && !"(<[«\"“".contains(c)) {
        return None;
    }
    // On the characters themselves: asked at every word of every text.
    let word = words.at(chars, index);
    let address = word.last_scheme.is_some_and(|at| at >= index)
        || chars[index..word.end].starts_with(&['w', 'w', 'w', '.'])
        || word.last_at.is_some_and(|at| at >= index);
    // Sentence punctuation after it is not the address's (counted only
    // for an address, which is then skipped: once per word).
    address.then(|| {
        let punctuation = (chars[index..word.end].iter().rev())
            .take_while(|c| matches!(c, '.' | ',' | ';' | ':' | '!'))
            .count();
        word.end - punctuation
    })
}

/// The word (up to the next space or closing mark) an index is in, scanned
/// once however many of its characters are asked about, in increasing
/// order: scanning it again at each (a run of `(` asks at every one)
/// took minutes on a text of 20,000 characters.
#[derive(Clone, Copy, Default)]
struct Words {
    /// Where the word scanned last ends.
    end: usize,
    /// Where its last `@` is.
    last_at: Option<usize>,
    /// Where its last `://` starts.
    last_scheme: Option<usize>,
}

impl Words {
    /// The word from `index` to its end: the last one scanned while
    /// `index` is in it.
    fn at(&mut self, chars: &[char], index: usize) -> Words {
        if index >= self.end {
            let end = (index..chars.len())
                .find(|&i| chars[i].is_whitespace() || ">»”)]".contains(chars[i]))
                .unwrap_or(chars.len());
            let word = &chars[index..end];
            *self = Words {
                end,
                last_at: word.iter().rposition(|&c| c == '@').map(|at| index + at),
                last_scheme: (word.windows(3).rposition(|w| w == [':', '/', '/']))
                    .map(|at| index + at),
            };
        }
        *self
    }
}

fn french(seed: &[char], chars: &[char]) -> Vec<char> {
    let mut out = Out::new(seed, chars.len());
    let mut words = Words::default();
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        let next = chars.get(index + 1).copied();
        if let Some(end) = address_end(chars, index, out.last(), &mut words) {
            chars[index..end].iter().for_each(|&c| out.push(c));
            index = end;
            continue;
        }
        match c {
            '\'' => out.push('’'),
            '"' if opens_after(out.last()) => {
                out.push('«');
                out.push(NBSP);
                index = skip_spaces(chars, index + 1);
                continue;
            }
            '"' | '»' => {
                out.trim_spaces();
                // Also at the start of a text: Markdown splits
                // `« **mot** »` into fragments, the last one ` »`.
                if out.last() != Some('«') {
                    out.push(NBSP);
                }
                out.push('»');
            }
            '«' => {
                out.push('«');
                out.push(NBSP);
                index = skip_spaces(chars, index + 1);
                continue;
            }
            ';' | '!' | '?' | ':' => {
                let space = if c == ':' { NBSP } else { NNBSP };
                let spaced = out.last().is_some_and(is_space);
                // Inserted only where the mark ends a word (not in a
                // time, an address or `?!`); an existing space becomes the
                // right one.
                let ends_word = out
                    .last()
                    .is_some_and(|c| c.is_alphanumeric() || ")]»’".contains(c))
                    && next.is_none_or(|c| c.is_whitespace() || "»)".contains(c));
                if spaced {
                    out.trim_spaces();
                    out.push(space);
                } else if ends_word {
                    out.push(space);
                }
                out.push(c);
            }
            _ if c.is_ascii_digit() && out.last().is_none_or(|c| c.is_whitespace() || c == '(') => {
                index = ordinal(chars, index, &mut out);
                continue;
            }
            _ => out.push(c),
        }
        index += 1;
    }
    out.written()
}

/// Copies the number at `start`, with its ordinal suffix in superscript
/// (`1er`, `1re`, `2e`, `3ème`) when the suffix ends the word, and returns
/// the index after it.
fn ordinal(chars: &[char], start: usize, out: &mut Out) -> usize {
    let mut end = start;
    while end < chars.len() && chars[end].is_ascii_digit() {
        end += 1;
    }
    chars[start..end].iter().for_each(|&c| out.push(c));
    const SUFFIXES: [(&str, &str); 5] = [
        ("ème", "ᵉ"),
        ("ère", "ʳᵉ"),
        ("er", "ᵉʳ"),
        ("re", "ʳᵉ"),
        ("e", "ᵉ"),
    ];
    for (written, superscript) in SUFFIXES {
        let length = written.chars().count();
        // Not in a name such as `2e-chance.fr` or `_x_2e`.
        let ends_word = chars.get(end + length).is_none_or(|&c| {
            c.is_whitespace()
                || ",;:!?)»".contains(c)
                || (c == '.' && !next_is_word(chars, end + length))
        });
        let matches = chars.len() >= end + length
            && chars[end..end + length].iter().copied().eq(written.chars())
            && ends_word;
        if matches {
            superscript.chars().for_each(|c| out.push(c));
            return end + length;
        }
    }
    end
}

/// Whether a letter or digit follows the character at `index`.
fn next_is_word(chars: &[char], index: usize) -> bool {
    chars.get(index + 1).is_some_and(|c| c.is_alphanumeric())
}

/// Straight apostrophes made typographic, spaces before `;` `:` `!` `?`
/// removed; with `quotes`, straight double and single quotes curled.
fn unspaced(seed: &[char], chars: &[char], quotes: bool) -> Vec<char> {
    let mut out = Out::new(seed, chars.len());
    let mut words = Words::default();
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        if let Some(end) = address_end(chars, index, out.last(), &mut words) {
            chars[index..end].iter().for_each(|&c| out.push(c));
            index = end;
            continue;
        }
        let previous = out.last();
        // An elision before a digit (`'90s`) is an apostrophe.
        let elision = chars.get(index + 1).is_some_and(|c| c.is_ascii_digit());
        match c {
            '\'' if quotes && opens_after(previous) && !elision => out.push('‘'),
            '\'' => out.push('’'),
            '"' if quotes && opens_after(previous) => out.push('“'),
            '"' if quotes => out.push('”'),
            ';' | ':' | '!' | '?' => {
                let after_word = out.chars[out.seeded..]
                    .iter()
                    .rev()
                    .find(|&&c| !is_space(c));
                if after_word.is_some_and(|c| c.is_alphanumeric() || ")]’”".contains(*c)) {
                    out.trim_spaces();
                }
                out.push(c);
            }
            _ => out.push(c),
        }
        index += 1;
    }
    out.written()
}

/// The number after "SIRET" or "SIREN" (and spaces, `n°` or `:`) in groups
/// joined by no-break spaces; `seed` is the text before, as context.
fn grouped_numbers(seed: &[char], chars: &[char]) -> String {
    let all: Vec<char> = seed.iter().chain(chars).copied().collect();
    let mut out = String::with_capacity(chars.len() + 4);
    let mut index = seed.len();
    while index < all.len() {
        let mut end = index;
        while end < all.len() && all[end].is_ascii_digit() {
            end += 1;
        }
        let digits = end - index;
        let bounded = index == 0 || !all[index - 1].is_alphanumeric();
        let after = all.get(end).is_none_or(|&c| !c.is_alphanumeric());
        // Named as such, or a text that is nothing but a SIRET (a cell of
        // annex C's SIRET column).
        let alone = seed.is_empty() && digits == 14 && chars.len() == 14;
        let siret = digits == 14 && luhn_valid(&all[index..end].iter().collect::<String>());
        let named = (digits == 14 && follows_word(&all, index, "SIRET"))
            || (digits == 9 && follows_word(&all, index, "SIREN"))
            || (alone && siret);
        if bounded && after && named {
            out.push_str(&group_siret(&all[index..end].iter().collect::<String>()));
            index = end;
        } else if digits > 0 {
            out.extend(&all[index..end]);
            index = end;
        } else {
            out.push(all[index]);
            index += 1;
        }
    }
    out
}

/// Whether `digits` pass the Luhn check that SIRET and SIREN numbers carry.
pub fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = (digits.bytes().rev().enumerate())
        .map(|(i, b)| {
            let digit = u32::from(b.wrapping_sub(b'0'));
            match i % 2 {
                0 => digit,
                _ if digit * 2 > 9 => digit * 2 - 9,
                _ => digit * 2,
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A SIRET (14 digits) or SIREN (9) in groups of 3 3 3 (5), joined by
/// no-break spaces.
pub fn group_siret(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + 6);
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && position % 3 == 0 && position < 12 {
            out.push(NBSP);
        }
        out.push(digit);
    }
    out
}

/// Whether `word` comes just before `index`, with spaces, `n°` or `:`.
fn follows_word(chars: &[char], index: usize, word: &str) -> bool {
    let before: String = chars[..index].iter().collect();
    let before = before.trim_end_matches(|c: char| is_space(c) || c == ':');
    let before = before.strip_suffix("n°").unwrap_or(before);
    before.trim_end_matches(is_space).ends_with(word)
}

fn skip_spaces(chars: &[char], mut index: usize) -> usize {
    while chars.get(index).is_some_and(|&c| is_space(c)) {
        index += 1;
    }
    index
}

#[cfg(test)]
mod tests;
