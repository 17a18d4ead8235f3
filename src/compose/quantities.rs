//! How a quantity reads in a document: in the contract style, number in
//! words then digits ("sept (7) jours ouvrés"), or short in tables.

use crate::compose::words::{Gender, number_in_words};
use crate::corpus::locale::Labels;
use crate::corpus::quantity::Quantity;
use crate::lang::Lang;

/// A quantity written out in one language, its unit named by the labels.
pub trait QuantityText {
    /// The contract style: number in words, then digits, then unit:
    /// "sept (7) jours ouvrés", "forty-eight (48) hours"; digits and unit
    /// where clausier has no words for the number.
    fn legal(self, lang: Lang, labels: &Labels) -> String;
    /// The short style for tables: "7 jours", "6 months".
    fn short(self, lang: Lang, labels: &Labels) -> String;
}

impl QuantityText for Quantity {
    fn legal(self, lang: Lang, labels: &Labels) -> String {
        let gender = match labels.attribute(lang, self.unit.message_id(), "gender") {
            Some(gender) if gender == "feminine" => Gender::Feminine,
            _ => Gender::Masculine,
        };
        let unit = unit_name(self, lang, labels);
        match number_in_words(self.value, lang, gender) {
            Some(words) => format!("{words} ({}) {unit}", self.value),
            // A language clausier has no number words for: digits alone.
            None => format!("{} {unit}", self.value),
        }
    }

    fn short(self, lang: Lang, labels: &Labels) -> String {
        format!("{} {}", self.value, unit_name(self, lang, labels))
    }
}

/// The unit, singular or plural as the value wants it.
fn unit_name(quantity: Quantity, lang: Lang, labels: &Labels) -> String {
    labels.count(lang, quantity.unit.message_id(), quantity.value)
}
