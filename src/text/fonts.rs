//! The fonts compiled into clausier, loaded once: the PDF renderer lays
//! text out with them, and the text gate refuses what none of them can
//! print (PDF/A refuses text no font can show), where it is typed.

use std::sync::LazyLock;

use typst_kit::fonts::FontStore;

/// The embedded fonts, loaded at most once per process.
pub static FONTS: LazyLock<FontStore> = LazyLock::new(|| {
    let mut fonts = FontStore::new();
    fonts.extend(typst_kit::fonts::embedded());
    fonts
});

/// Whether the embedded fonts can print `c`.
pub fn can_print(c: char) -> bool {
    let book = FONTS.book();
    c.is_whitespace()
        || (0..)
            .map_while(|index| book.info(index))
            .any(|info| info.coverage.contains(u32::from(c)))
}
