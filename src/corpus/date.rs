//! Calendar dates as written in the corpus (`2026-09-01`) and in documents
//! ("1er septembre 2026", "1 September 2026").

use std::fmt;

use crate::lang::{Family, Lang};

/// A valid Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// The years a date may have: four digits, from the 20th century on.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

mod calendars;

use calendars::{DUTCH, ENGLISH, FRENCH, GERMAN, ITALIAN, SPANISH};
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
        // Digits only: `str::parse` would also take `+2`.
        let digits = |part: &str, length: usize| {
            part.len() == length && part.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
            return Err(invalid());
        }
        let (Ok(year), Ok(month), Ok(day)) = (y.parse(), m.parse(), d.parse()) else {
            return Err(invalid());
        };
        if !YEARS.contains(&year) {
            return Err(format!(
                "`{text}` is not a year clausier dates documents in\nwrite a year from {} to {}",
                YEARS.start(),
                YEARS.end()
            ));
        }
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

    /// The date as a reader of `lang` expects it in running text: "1er
    /// septembre 2026", "1 September 2026", "September 1, 2026" (en-US),
    /// "1. September 2026"; ISO 8601 in a language clausier has no month
    /// names for.
    pub fn long(self, lang: Lang) -> String {
        self.written(lang, false)
    }

    /// The date in running text, after its day of the week if `weekday`.
    fn written(self, lang: Lang, weekday: bool) -> String {
        let Some(family) = lang.family() else {
            return self.to_string();
        };
        let calendar = match family {
            Family::French => &FRENCH,
            Family::English => &ENGLISH,
            Family::German => &GERMAN,
            Family::Spanish => &SPANISH,
            Family::Italian => &ITALIAN,
            Family::Dutch => &DUTCH,
        };
        let (day, year) = (self.day, self.year);
        let month = calendar.months[usize::from(self.month - 1)];
        let date = match family {
            Family::French if day == 1 => format!("1er {month} {year}"),
            Family::Italian if day == 1 => format!("1º {month} {year}"),
            Family::English if lang.region() == Some("US") => format!("{month} {day}, {year}"),
            Family::German => format!("{day}. {month} {year}"),
            Family::Spanish => format!("{day} de {month} de {year}"),
            _ => format!("{day} {month} {year}"),
        };
        if !weekday {
            return date;
        }
        let name = calendar.weekdays[self.weekday()];
        match family {
            Family::German | Family::Spanish => format!("{name}, {date}"),
            Family::English if lang.region() == Some("US") => format!("{name}, {date}"),
            _ => format!("{name} {date}"),
        }
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before), for calendar arithmetic.
    fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date of day `number`, if its year is in `YEARS`.
    fn from_day_number(number: i64) -> Option<Date> {
        let z = number + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Some(Date {
            year: i32::try_from(year)
                .ok()
                .filter(|year| YEARS.contains(year))?,
            month: u8::try_from(month).expect("months are 1..=12"),
            day: u8::try_from(day).expect("days are 1..=31"),
        })
    }

    /// The date `days` calendar days later (earlier when negative), if it
    /// is in `YEARS`.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_day_number(self.day_number().checked_add(days)?)
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday (3).
        usize::try_from((self.day_number() + 3).rem_euclid(7)).expect("0..7")
    }

    /// The date with its day of the week, as in a deadline: "jeudi 31
    /// décembre 2026", "Thursday 31 December 2026".
    pub fn long_with_weekday(self, lang: Lang) -> String {
        self.written(lang, true)
    }

    /// Whether the date falls on a Saturday or a Sunday.
    pub fn is_weekend(self) -> bool {
        self.weekday() >= 5
    }

    /// Easter Sunday of `year` (Gregorian computus, Meeus/Jones/Butcher).
    pub fn easter(year: i32) -> Date {
        let a = year % 19;
        let b = year / 100;
        let c = year % 100;
        let d = b / 4;
        let e = b % 4;
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - d - g + 15) % 30;
        let i = c / 4;
        let k = c % 4;
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let month = (h + l - 7 * m + 114) / 31;
        let day = (h + l - 7 * m + 114) % 31 + 1;
        Date {
            year,
            month: u8::try_from(month).expect("Easter is in March or April"),
            day: u8::try_from(day).expect("a day of the month"),
        }
    }

    /// Whether the date is a public holiday in metropolitan France (Code du
    /// travail, art. L3133-1), Alsace-Moselle's local days excepted.
    pub fn is_french_public_holiday(self) -> bool {
        let fixed = [
            (1, 1),
            (5, 1),
            (5, 8),
            (7, 14),
            (8, 15),
            (11, 1),
            (11, 11),
            (12, 25),
        ];
        if fixed.contains(&(self.month, self.day)) {
            return true;
        }
        let easter = Date::easter(self.year).day_number();
        // Easter Monday, Ascension Thursday, Whit Monday.
        [1, 39, 50].contains(&(self.day_number() - easter))
    }

    /// Whether the date is a working day: neither a weekend nor a French
    /// public holiday.
    pub fn is_working_day(self) -> bool {
        !self.is_weekend() && !self.is_french_public_holiday()
    }

    /// The last of `count` working days counted from the day after `self`,
    /// if it is in `YEARS` (each year has more than 200 working days, so
    /// this takes at most one step per day until then).
    pub fn add_working_days(self, count: u32) -> Option<Date> {
        let mut date = self;
        let mut left = count;
        while left > 0 {
            date = date.add_days(1)?;
            if date.is_working_day() {
                left -= 1;
            }
        }
        Some(date)
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
        assert_eq!(date.long(Lang::FRENCH), "1er septembre 2026");
        assert_eq!(date.long(Lang::ENGLISH), "1 September 2026");
        assert_eq!(date.to_string(), "2026-09-01");
        assert_eq!(
            Date::parse("2024-02-29").unwrap().long(Lang::FRENCH),
            "29 février 2024"
        );
    }

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn later(text: &str, days: i64) -> Date {
        date(text).add_days(days).unwrap()
    }

    #[test]
    fn calendar_arithmetic_crosses_months_years_and_leap_days() {
        assert_eq!(later("2026-12-31", 1), date("2027-01-01"));
        assert_eq!(later("2028-02-28", 1), date("2028-02-29"));
        assert_eq!(later("2027-02-28", 1), date("2027-03-01"));
        assert_eq!(later("2026-03-01", -1), date("2026-02-28"));
        assert_eq!(later("1969-12-31", 366), date("1971-01-01"));
        assert!(date("2026-12-19").is_weekend()); // Saturday
        assert!(date("2026-12-20").is_weekend()); // Sunday
        assert!(!date("2026-12-21").is_weekend()); // Monday
        assert_eq!(
            date("2026-12-31").long_with_weekday(Lang::FRENCH),
            "jeudi 31 décembre 2026"
        );
        assert_eq!(
            date("2027-01-04").long_with_weekday(Lang::ENGLISH),
            "Monday 4 January 2027"
        );
    }

    #[test]
    fn dates_follow_each_language_and_region() {
        let long = |code: &str, text: &str| date(text).long(Lang::parse(code).unwrap());
        assert_eq!(long("en-US", "2026-09-01"), "September 1, 2026");
        assert_eq!(long("en-GB", "2026-09-01"), "1 September 2026");
        assert_eq!(long("fr-BE", "2026-09-01"), "1er septembre 2026");
        assert_eq!(long("de", "2026-03-02"), "2. März 2026");
        assert_eq!(long("es", "2026-09-01"), "1 de septiembre de 2026");
        assert_eq!(long("it", "2026-09-01"), "1º settembre 2026");
        assert_eq!(long("nl-BE", "2026-12-31"), "31 december 2026");
        assert_eq!(long("pt", "2026-09-01"), "2026-09-01");
        let weekday = |code: &str| date("2026-12-31").long_with_weekday(Lang::parse(code).unwrap());
        assert_eq!(weekday("de"), "Donnerstag, 31. Dezember 2026");
        assert_eq!(weekday("es"), "jueves, 31 de diciembre de 2026");
        assert_eq!(weekday("en-US"), "Thursday, December 31, 2026");
        assert_eq!(weekday("it"), "giovedì 31 dicembre 2026");
    }

    #[test]
    fn easter_and_the_holidays_that_follow_it() {
        assert_eq!(Date::easter(2024), date("2024-03-31"));
        assert_eq!(Date::easter(2026), date("2026-04-05"));
        assert_eq!(Date::easter(2027), date("2027-03-28"));
        assert_eq!(Date::easter(2038), date("2038-04-25"));
        for holiday in [
            "2026-04-06", // Easter Monday
            "2026-05-14", // Ascension
            "2026-05-25", // Whit Monday
            "2026-07-14",
            "2026-12-25",
            "2027-01-01",
        ] {
            assert!(date(holiday).is_french_public_holiday(), "{holiday}");
        }
        assert!(!date("2026-04-05").is_working_day()); // Easter Sunday
        assert!(!date("2026-04-03").is_french_public_holiday()); // Good Friday
        assert!(!date("2026-12-26").is_french_public_holiday());
    }

    #[test]
    fn working_days_skip_weekends_and_public_holidays() {
        // The example: from Monday 21 December 2026, seven working
        // days counted from the next day skip Christmas and end on Thursday
        // 31 December.
        assert_eq!(
            date("2026-12-21").add_working_days(7),
            Some(date("2026-12-31"))
        );
        // Across the year end: New Year's Day and a weekend are skipped.
        assert_eq!(
            date("2026-12-28").add_working_days(7),
            Some(date("2027-01-07"))
        );
        // Across Easter 2027 (Monday 29 March) and a Friday notice.
        assert_eq!(
            date("2027-03-26").add_working_days(2),
            Some(date("2027-03-31"))
        );
        // May 2026: 1 May (Fri), 8 May (Fri), Ascension (Thu 14), Whit
        // Monday (25).
        assert_eq!(
            date("2026-04-30").add_working_days(5),
            Some(date("2026-05-11"))
        );
        assert_eq!(
            date("2026-05-12").add_working_days(3),
            Some(date("2026-05-18"))
        );
        assert_eq!(
            date("2026-12-21").add_working_days(0),
            Some(date("2026-12-21"))
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
            "2026-+2-+3",
            "+026-02-03",
            "2026-٠٢-03",
            "1899-12-31",
            "0000-01-01",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert!(Date::parse("9999-12-31").is_ok());
    }

    #[test]
    fn every_accepted_period_gives_a_date_that_reads_back_quickly() {
        use crate::corpus::quantity::MAX_VALUE;
        let started = std::time::Instant::now();
        for from in ["2026-09-01", "1900-01-01", "9800-01-01"] {
            let days = i64::from(MAX_VALUE) * 7;
            for end in [
                date(from).add_days(days),
                date(from).add_working_days(MAX_VALUE),
            ] {
                let end = end.expect("within the calendar");
                assert_eq!(Date::parse(&end.to_string()), Ok(end));
            }
        }
        assert_eq!(date("9999-12-31").add_days(1), None);
        assert_eq!(date("9990-01-01").add_working_days(MAX_VALUE), None);
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
}
