//! Document version numbers: `1.0`, `3.1`, `2.0.1`, compared part by part
//! as numbers (so `1.10` follows `1.9`).

use std::cmp::Ordering;
use std::fmt;

/// A version number as legal staff write it.
#[derive(Debug, Clone, Eq)]
pub struct Version {
    text: String,
    parts: Vec<u32>,
}

impl Version {
    /// Parses `1.0`, `3.1`, `2.0.1`: one to three numbers separated by dots.
    pub fn parse(text: &str) -> Result<Version, String> {
        let invalid = || {
            format!(
                "`{text}` is not a version number\nwrite it as numbers separated by dots, e.g. 1.0 or 3.1"
            )
        };
        let parts: Vec<u32> = text
            .split('.')
            .map(|part| match part.bytes().all(|b| b.is_ascii_digit()) {
                true => part.parse().ok(),
                false => None,
            })
            .collect::<Option<_>>()
            .ok_or_else(invalid)?;
        if parts.len() > 3 {
            return Err(invalid());
        }
        Ok(Version {
            text: text.to_string(),
            parts,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The parts with trailing zeros dropped, so that `1.0` equals `1`.
    fn significant(&self) -> &[u32] {
        let end = self
            .parts
            .iter()
            .rposition(|&part| part != 0)
            .map_or(0, |last| last + 1);
        &self.parts[..end]
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Version) -> bool {
        self.significant() == other.significant()
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Version) -> Ordering {
        self.significant().cmp(other.significant())
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Version) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

crate::serde_as_text!(Version);

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Version {
        Version::parse(text).unwrap()
    }

    #[test]
    fn versions_compare_as_numbers() {
        assert!(v("1.10") > v("1.9"));
        assert!(v("3.1") > v("3.0"));
        assert!(v("2") > v("1.9.9"));
        assert_eq!(v("1.0"), v("1"));
        assert_eq!(v("1.0").to_string(), "1.0");
    }

    #[test]
    fn refuses_what_is_not_a_version() {
        for bad in ["", "1.", "v1.0", "1.0-beta", "1..2", "1.2.3.4", "one"] {
            assert!(Version::parse(bad).is_err(), "{bad}");
        }
    }
}
