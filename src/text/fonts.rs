//! The fonts compiled into clausier, loaded once: the PDF renderer lays
//! text out with them, and the text gate refuses what none of them can
//! print (PDF/A refuses text no font can show), where it is typed.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use typst_kit::fonts::FontStore;

/// The embedded fonts, loaded at most once per process.
pub static FONTS: LazyLock<FontStore> = LazyLock::new(|| {
    let mut fonts = FontStore::new();
    fonts.extend(typst_kit::fonts::embedded());
    fonts
});

/// Whether the embedded fonts can print `c`, and its capital: templates
/// set some text in capitals (the author over a title), and a letter whose
/// capital no font has (Georgian `ა` → `Ა`) would fail the PDF.
pub fn can_print(c: char) -> bool {
    // Asked of every character of every text: each answer is kept (0 not
    // yet known, 1 printable, 2 not) for the Basic Multilingual Plane,
    // where the fonts' coverage would otherwise be searched font by font.
    static KNOWN: [AtomicU8; 0x1_0000] = [const { AtomicU8::new(0) }; 0x1_0000];
    let Some(known) = KNOWN.get(c as usize) else {
        return search_fonts(c);
    };
    match known.load(Ordering::Relaxed) {
        0 => {
            let printable = search_fonts(c);
            known.store(if printable { 1 } else { 2 }, Ordering::Relaxed);
            printable
        }
        answer => answer == 1,
    }
}

/// Whether a font covers `c` and its capital.
fn search_fonts(c: char) -> bool {
    let book = FONTS.book();
    let covered = |c: char| {
        (0..)
            .map_while(|index| book.info(index))
            .any(|info| info.coverage.contains(u32::from(c)))
    };
    c.is_whitespace() || (covered(c) && c.to_uppercase().all(covered))
}

#[cfg(test)]
mod tests {
    use super::can_print;

    #[test]
    fn a_letter_is_printable_only_with_its_capital() {
        assert!(can_print('é') && can_print('ß') && can_print('ж'));
        assert!(!can_print('ა'), "Georgian ა has no capital in the fonts");
    }

    #[test]
    fn the_text_gate_may_pass_printable_ascii_without_asking_the_fonts() {
        assert!((' '..='~').all(super::search_fonts));
    }
}
