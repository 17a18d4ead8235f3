//! Calendar dates as written in the corpus (`2026-09-01`) and in documents
//! ("1er septembre 2026", "1 September 2026").

use std::fmt;

use crate::lang::Lang;

/// A valid Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Parses `YYYY-MM-DD`, refusing dates that do not exist (2026-02-30).
    pub fn parse(text: &str) -> Result<Date, String> {
        let invalid = || format!("`{text}` is not a date\nwrite it as YYYY-MM-DD, e.g. 2026-09-01");
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(invalid());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(invalid());
        }
        let (Ok(year), Ok(month), Ok(day)) = (y.parse(), m.parse(), d.parse()) else {
            return Err(invalid());
        };
        let date = Date { year, month, day };
        if !(1..=12).contains(&month) || day == 0 || day > date.days_in_month() {
            return Err(format!(
                "`{text}` is not a day of the calendar\ncheck the day and the month: YYYY-MM-DD"
            ));
        }
        Ok(date)
    }

    fn days_in_month(self) -> u8 {
        let leap = (self.year % 4 == 0 && self.year % 100 != 0) || self.year % 400 == 0;
        match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// The date as a reader of `lang` expects it in running text.
    pub fn long(self, lang: Lang) -> String {
        let month = usize::from(self.month - 1);
        match lang {
            Lang::Fr => {
                let day = match self.day {
                    1 => "1er".to_string(),
                    day => day.to_string(),
                };
                format!("{day} {} {}", FR_MONTHS[month], self.year)
            }
            Lang::En => format!("{} {} {}", self.day, EN_MONTHS[month], self.year),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

crate::serde_as_text!(Date);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_writes_dates_in_both_languages() {
        let date = Date::parse("2026-09-01").unwrap();
        assert_eq!(date.long(Lang::Fr), "1er septembre 2026");
        assert_eq!(date.long(Lang::En), "1 September 2026");
        assert_eq!(date.to_string(), "2026-09-01");
        assert_eq!(
            Date::parse("2024-02-29").unwrap().long(Lang::Fr),
            "29 février 2024"
        );
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-9-1",
            "01/09/2026",
            "",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }
}
