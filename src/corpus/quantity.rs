//! Figures a document commits to, such as "7 working days" or "48 hours",
//! written once in YAML and rendered in every language from that one value.

use std::fmt;

/// What a quantity counts. Each unit has a Fluent message `unit-…` that
/// chooses singular or plural and declares the French gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Minutes,
    Hours,
    Days,
    WorkingDays,
    Weeks,
    Months,
    Years,
    AuditsPerYear,
}

/// The spellings accepted in YAML, singular and plural.
const UNIT_NAMES: [(Unit, &str, &str); 8] = [
    (Unit::Minutes, "minute", "minutes"),
    (Unit::Hours, "hour", "hours"),
    (Unit::Days, "day", "days"),
    (Unit::WorkingDays, "working day", "working days"),
    (Unit::Weeks, "week", "weeks"),
    (Unit::Months, "month", "months"),
    (Unit::Years, "year", "years"),
    (Unit::AuditsPerYear, "audit per year", "audits per year"),
];

impl Unit {
    pub const ALL: [Unit; 8] = [
        Unit::Minutes,
        Unit::Hours,
        Unit::Days,
        Unit::WorkingDays,
        Unit::Weeks,
        Unit::Months,
        Unit::Years,
        Unit::AuditsPerYear,
    ];

    /// The Fluent message that names this unit.
    pub fn message_id(self) -> &'static str {
        match self {
            Unit::Minutes => "unit-minutes",
            Unit::Hours => "unit-hours",
            Unit::Days => "unit-days",
            Unit::WorkingDays => "unit-working-days",
            Unit::Weeks => "unit-weeks",
            Unit::Months => "unit-months",
            Unit::Years => "unit-years",
            Unit::AuditsPerYear => "unit-audits-per-year",
        }
    }
}

/// The largest figure a quantity takes: far beyond any commitment, and
/// small enough for every date computed from it to stay in the calendar.
pub const MAX_VALUE: u32 = 9_999;

/// A whole number of a unit, written `7 working days` in YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quantity {
    pub value: u32,
    pub unit: Unit,
}

impl Quantity {
    /// Parses `<number> <unit>`, e.g. `48 hours` or `1 audit per year`.
    pub fn parse(text: &str) -> Result<Quantity, String> {
        let text = text.trim();
        let (number, unit) = text.split_once(' ').unwrap_or((text, ""));
        // Digits only: `str::parse` would also take `+7`.
        let value: u32 = match number.parse() {
            Ok(value) if number.bytes().all(|b| b.is_ascii_digit()) => value,
            _ => {
                return Err(format!(
                    "`{text}` does not start with a whole number\nwrite a number and a unit, e.g. `7 working days`"
                ));
            }
        };
        if value > MAX_VALUE {
            return Err(format!(
                "`{text}` is more than a document commits to: {MAX_VALUE} at most\nwrite the figure in a larger unit, e.g. `2 years` rather than `730 days`"
            ));
        }
        let unit = unit.trim();
        if unit.is_empty() {
            return Err(format!(
                "`{text}` has no unit\nwrite the unit after the number, e.g. `{value} days` or `{value} months`"
            ));
        }
        let unit = UNIT_NAMES
            .iter()
            .find(|(_, one, many)| unit == *one || unit == *many)
            .map(|(unit, ..)| *unit)
            .ok_or_else(|| {
                let known: Vec<&str> = UNIT_NAMES.iter().map(|(_, _, many)| *many).collect();
                format!("unknown unit `{unit}`\nuse one of: {}", known.join(", "))
            })?;
        Ok(Quantity { value, unit })
    }

    /// The length in days, rounded down (a month counts 30.44 days), to
    /// compare durations of different units; `None` for counts that are not
    /// durations.
    pub fn days(self) -> Option<u64> {
        let value = u64::from(self.value);
        Some(match self.unit {
            Unit::Minutes => value / (24 * 60),
            Unit::Hours => value / 24,
            Unit::Days => value,
            Unit::WorkingDays => value * 7 / 5,
            Unit::Weeks => value * 7,
            Unit::Months => value * 3044 / 100,
            Unit::Years => value * 36525 / 100,
            Unit::AuditsPerYear => return None,
        })
    }

    /// Whether this is a length of time, longer than nothing.
    pub fn is_duration(self) -> bool {
        self.value > 0 && self.days().is_some()
    }

    /// Whether this duration is longer than `limit`.
    pub fn exceeds(self, limit: Quantity) -> bool {
        matches!((self.days(), limit.days()), (Some(days), Some(limit)) if days > limit)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (_, one, many) = UNIT_NAMES
            .iter()
            .find(|(unit, ..)| *unit == self.unit)
            .unwrap();
        let name = if self.value == 1 { one } else { many };
        write!(f, "{} {name}", self.value)
    }
}

crate::serde_as_text!(Quantity);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_without_its_unit_is_named_so() {
        assert_eq!(
            Quantity::parse("15").unwrap_err(),
            "`15` has no unit\nwrite the unit after the number, e.g. `15 days` or `15 months`"
        );
    }

    #[test]
    fn parses_singular_and_plural_units() {
        assert_eq!(
            Quantity::parse("7 working days").unwrap(),
            Quantity {
                value: 7,
                unit: Unit::WorkingDays
            }
        );
        assert_eq!(
            Quantity::parse("1 audit per year").unwrap().unit,
            Unit::AuditsPerYear
        );
        assert_eq!(Quantity::parse("48 hours").unwrap().to_string(), "48 hours");
    }

    #[test]
    fn refuses_what_is_not_a_quantity() {
        assert!(
            Quantity::parse("seven days")
                .unwrap_err()
                .contains("whole number")
        );
        assert!(
            Quantity::parse("7 fortnights")
                .unwrap_err()
                .contains("unknown unit")
        );
        assert!(Quantity::parse("-1 days").is_err());
        assert!(Quantity::parse("+7 working days").is_err());
        assert!(Quantity::parse("٧ days").is_err());
        assert!(Quantity::parse("9999 weeks").is_ok());
        assert!(
            Quantity::parse("4294967295 working days")
                .unwrap_err()
                .contains("9999 at most")
        );
        assert!(Quantity::parse("10000 days").is_err());
    }
}
