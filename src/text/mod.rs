//! The one gate every text passes before any renderer, whatever its
//! source (YAML, Markdown, Fluent, a release record, the command line):
//! no control character or bidirectional override however it was written
//! (raw, escape, entity), nothing the PDF fonts cannot print, bounded
//! sizes; and source files read the same whatever their line endings,
//! byte-order mark or Unicode normalisation. Also each language's
//! typography (`typography`), applied when a document is composed.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

pub mod fonts;
pub mod typography;

use fonts::can_print;

/// The longest text clausier takes in one YAML value or Markdown
/// paragraph, in characters: far beyond any clause, far below what makes
/// layout slow.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The longest run of characters without a space (a word, a web address).
pub const MAX_WORD_CHARS: usize = 300;
/// How deep lists, block quotes and Fluent placeables may nest.
pub const MAX_NESTING: usize = 12;
/// The largest source file clausier reads.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// What is wrong with a text: where (a byte offset in it), what, and what
/// to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub offset: usize,
    pub message: String,
    pub help: String,
}

/// The first problem of `text`, if any: a character that may not be
/// published first, then its length, then its longest word.
pub fn check(text: &str) -> Result<(), Problem> {
    // One pass over the characters (every text of the corpus comes here).
    let mut length = 0;
    let mut word_start = 0;
    let mut word_length = 0;
    let mut long_word = None;
    for (offset, c) in text.char_indices() {
        if let Some(problem) = character_problem(c) {
            return Err(Problem { offset, ..problem });
        }
        length += 1;
        if c.is_whitespace() {
            word_length = 0;
            continue;
        }
        if word_length == 0 {
            word_start = offset;
        }
        word_length += 1;
        if word_length > MAX_WORD_CHARS && long_word.is_none() {
            long_word = Some(word_start);
        }
    }
    if length > MAX_TEXT_CHARS {
        return Err(Problem {
            offset: 0,
            message: format!(
                "this text is {length} characters long; one text may have up to {MAX_TEXT_CHARS}"
            ),
            help: "split it into several paragraphs or clauses".into(),
        });
    }
    match long_word {
        Some(offset) => Err(Problem {
            offset,
            message: format!(
                "this text has a word of more than {MAX_WORD_CHARS} characters without a space"
            ),
            help: "a word or a web address fits on a line: shorten it, or add spaces".into(),
        }),
        None => Ok(()),
    }
}

/// Why `c` may not appear in a published text, if it may not.
pub fn character_problem(c: char) -> Option<Problem> {
    // Most of a text is printable ASCII, which every check below passes.
    if matches!(c, ' '..='~' | '\n' | '\t') {
        return None;
    }
    let code = u32::from(c);
    let (message, help) = if is_control(c) {
        (
            format!("this text holds an invisible control character (U+{code:04X})"),
            "remove it: readers cannot see it, it can make the published text read differently from its source, and it is unsafe in published files (an escape such as `\\u001b` or `&#x1b;` writes it too)",
        )
    } else if is_invisible(c) {
        (
            format!("this text holds an invisible character (U+{code:04X})"),
            "remove it: readers cannot see it (a space, if one was meant, is written as a space)",
        )
    } else if matches!(code, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF) {
        (
            format!(
                "this text holds a private-use character (U+{code:04X}), which means nothing outside one program"
            ),
            "replace it with the character it stands for",
        )
    } else if unicode_normalization::char::is_combining_mark(c) {
        (
            format!("this text holds a combining mark (U+{code:04X}) on its own"),
            "write the accented letter itself (e.g. `é`, not `e` followed by an accent), or remove the mark",
        )
    } else if !can_print(c) {
        (
            format!(
                "the PDF fonts cannot print `{}` (U+{code:04X})",
                c.escape_debug()
            ),
            "replace it with a character the fonts have (Latin, Greek, Cyrillic, common symbols), or remove it",
        )
    } else {
        return None;
    };
    Some(Problem {
        offset: 0,
        message,
        help: help.into(),
    })
}

/// Invisible formatting characters with no place in a legal text: zero
/// width spaces and no-breaks, word joiners, mid-text byte-order marks,
/// interlinear annotations. (Joiners that some scripts need, U+200C and
/// U+200D, and the soft hyphen are kept.)
fn is_invisible(c: char) -> bool {
    matches!(
        u32::from(c),
        0x180E | 0x200B | 0x2060..=0x2064 | 0xFEFF | 0xFFF9..=0xFFFB
    )
}

/// Bidirectional marks, embeddings, overrides and isolates (Unicode's
/// `Bidi_Control` characters), and the Unicode line
/// and paragraph separators: invisible, and able to reorder what is read.
fn is_direction_control(c: char) -> bool {
    matches!(
        u32::from(c),
        0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069 | 0x2028 | 0x2029
    )
}

/// Whether `c` is a control character (but tab and line feed) or a
/// direction control: never in a text, never sent to a terminal.
pub fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_direction_control(c)
}

/// A source file's text as clausier reads it: without a byte-order mark,
/// with `\n` line endings, in Unicode normalisation form C (so that two
/// spellings of one name are one name).
pub fn normalize_source(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // Nearly every source is already in form C: a quick scan says so
    // without composing it again (a fifth of `check` was spent there).
    match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    }
}

/// Whether `id` may name a file, a URL path or an anchor: lower-case
/// letters and digits, in words joined by single hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// `text` as a terminal may print it: control characters and direction
/// controls written as `\u{…}` escapes, so that no input can move the
/// cursor, change colours or reorder what the user reads.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match is_control(c) {
                true => c.escape_unicode().to_string(),
                false => c.to_string(),
            })
            .collect(),
    )
}

/// "a", "a and b", "a, b and c", with `and` the language's word.
pub fn in_words<S: AsRef<str>>(items: &[S], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} {and} {}", rest.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_controls_and_overrides_and_bounds_sizes() {
        assert!(check("Learn & Go, « Kaligo » : 7 jours\n\tfin").is_ok());
        assert_eq!(check("ab\u{1b}[31m").unwrap_err().offset, 2);
        assert!(check("a\u{202e}b").unwrap_err().message.contains("U+202E"));
        assert!(check("x\u{c}").is_err());
        assert!(check("0\u{20d0}").is_err());
        for hidden in [
            '\u{200b}', '\u{200f}', '\u{feff}', '\u{e000}', '\u{2066}', '\u{61c}',
        ] {
            assert!(check(&format!("a{hidden}b")).is_err(), "{hidden:?}");
        }
        assert!(check(&normalize_source("e\u{301}")).is_ok());
        assert!(check(&"a ".repeat(MAX_TEXT_CHARS)).is_err());
        let long_word = "a".repeat(MAX_WORD_CHARS + 1);
        assert_eq!(check(&format!("ok {long_word}")).unwrap_err().offset, 3);
        assert!(check(&"a".repeat(MAX_WORD_CHARS)).is_ok());
    }

    #[test]
    fn sources_read_alike_whatever_their_line_endings_and_form() {
        assert_eq!(normalize_source("\u{feff}a\r\nb\rc"), "a\nb\nc");
        assert_eq!(normalize_source("e\u{301}"), "é");
    }

    #[test]
    fn slugs_and_visible_text() {
        assert!(is_slug("dpa") && is_slug("annex-2") && !is_slug("Dpa"));
        assert!(!is_slug("a--b") && !is_slug("-a") && !is_slug("javascript:x") && !is_slug(""));
        assert_eq!(visible("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(visible("é\tà\n"), "é\tà\n");
        assert_eq!(visible("x\u{202e}y"), "x\\u{202e}y");
    }
}
