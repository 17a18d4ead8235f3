//! The parallel edition of a contract: its binding text with one of its
//! translations beside it, clause by clause, which the renderers lay out
//! in two columns.

use crate::model::{Document, Section};

/// The parallel edition of `binding` with `translation`, whose sections
/// are put in the binding text's order (a section the translation lacks
/// stays blank beside it).
pub fn parallel(binding: &Document, translation: &Document) -> Document {
    let translation = Document {
        sections: aligned(&binding.sections, &translation.sections),
        ..translation.clone()
    };
    Document {
        compact_up_to: None,
        translation: Some(Box::new(translation)),
        ..binding.clone()
    }
}

/// The sections of `translation` matched by id to those of `binding`.
fn aligned(binding: &[Section], translation: &[Section]) -> Vec<Section> {
    binding
        .iter()
        .map(|b| match translation.iter().find(|t| t.id == b.id) {
            Some(t) => Section {
                children: aligned(&b.children, &t.children),
                ..t.clone()
            },
            None => Section {
                children: aligned(&b.children, &[]),
                ..Section::new(b.id.clone(), None, String::new(), b.kind)
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SectionKind;

    fn section(id: &str, title: &str) -> Section {
        Section::new(id.into(), None, title.into(), SectionKind::Clause)
    }

    #[test]
    fn the_translation_follows_the_binding_texts_order_and_gaps_stay_blank() {
        let binding = [section("a", "A"), section("b", "B"), section("c", "C")];
        let translation = [section("c", "C'"), section("a", "A'")];
        let aligned = aligned(&binding, &translation);
        let titles: Vec<&str> = aligned.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["A'", "", "C'"]);
        assert_eq!(aligned[1].id, "b");
    }
}
