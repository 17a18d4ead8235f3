//! Values with a checkable form, refused where they are written: a SIRET,
//! a school's UAI, an e-mail address, a web address.

use std::fmt;

use crate::corpus::links;

/// Serializes a type as its `Display` text and reads it back with its
/// `parse(&str) -> Result<Self, String>`, so that a value that does not
/// parse is refused, with its message, where it is written. Its JSON
/// Schema is a string whose `x-clausier-text` names the type,
/// under which the YAML reader finds the same `parse` to check it.
#[macro_export]
macro_rules! serde_as_text {
    ($name:ty) => {
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "x-clausier-text": stringify!($name),
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                <$name>::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}

/// Declares a string newtype that is validated when read from YAML.
macro_rules! checked_string {
    ($(#[$doc:meta])* $name:ident, $check:path) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            pub fn parse(text: &str) -> Result<$name, String> {
                $check(text).map(|()| $name(text.to_string()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        serde_as_text!($name);
    };
}

checked_string!(
    /// A French establishment number: 14 digits passing the Luhn check.
    Siret,
    check_siret
);
checked_string!(
    /// The UAI of a French school or other educational establishment
    /// (unité administrative immatriculée): 7 digits and a check letter.
    Uai,
    check_uai
);
checked_string!(
    /// An e-mail address.
    Email,
    check_email
);
checked_string!(
    /// An `https://` or `http://` address.
    WebUrl,
    check_url
);

impl Siret {
    /// The number as French usage writes it: 3 3 3 5 digits, joined by
    /// no-break spaces ("424 761 419 00045").
    pub fn grouped(&self) -> String {
        crate::text::typography::group_siret(self.as_str())
    }
}

fn check_siret(text: &str) -> Result<(), String> {
    if text.len() != 14 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "`{text}` is not a SIRET\nwrite its 14 digits without spaces, in quotes"
        ));
    }
    if crate::text::typography::luhn_valid(text) {
        Ok(())
    } else {
        Err(format!(
            "`{text}` is not a valid SIRET: its check digit is wrong\ncopy it again from the company register (annuaire-entreprises.data.gouv.fr)"
        ))
    }
}

/// The letters a UAI's check letter is drawn from: the alphabet without
/// I, O and Q, which read as digits.
const UAI_LETTERS: &[u8; 23] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

/// A UAI's check letter is its 7 digits modulo 23, as a letter of
/// [`UAI_LETTERS`].
fn check_uai(text: &str) -> Result<(), String> {
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 8
        && bytes[..7].iter().all(u8::is_ascii_digit)
        && bytes[7].is_ascii_uppercase();
    if !well_formed {
        return Err(format!(
            "`{text}` is not a UAI\nwrite its 7 digits and its check letter, without spaces, e.g. 0750654D"
        ));
    }
    let number: u32 = text[..7].parse().expect("7 digits");
    let expected = UAI_LETTERS[(number % 23) as usize];
    if bytes[7] == expected {
        Ok(())
    } else {
        Err(format!(
            "`{text}` is not a valid UAI: its check letter should be {}\ncopy it again from the directory of schools (annuaire de l'éducation nationale)",
            char::from(expected)
        ))
    }
}

/// Whether `text` is one plain e-mail address: an ASCII name of letters,
/// digits and `._+-`, `@`, a site's name. Nothing a mail program reads
/// as more (`?cc=`, `%40`, `,`, `/`).
pub fn is_plain_address(text: &str) -> bool {
    text.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && local
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-'))
            && links::is_host(domain)
    })
}

fn check_email(text: &str) -> Result<(), String> {
    if is_plain_address(text) {
        Ok(())
    } else {
        Err(format!(
            "`{text}` is not an e-mail address\nwrite it in full, e.g. dpo@example.com, with ASCII letters, digits and `._+-` before the `@`"
        ))
    }
}

/// A web address in a fact follows the links' one policy.
fn check_url(text: &str) -> Result<(), String> {
    links::web_page(text).map_err(|why| {
        format!(
            "`{text}` is not a web address{why}\nwrite it in full, with https://, e.g. https://www.example.com/"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_siret_length_digits_and_luhn() {
        for valid in ["42476141900045", "83308580600028", "49801929800112"] {
            assert!(Siret::parse(valid).is_ok(), "{valid}");
        }
        assert!(
            Siret::parse("42476141900046")
                .unwrap_err()
                .contains("check digit")
        );
        for invalid in ["4247614190004", "4247614190004A", "424 761 419 00045", ""] {
            assert!(
                Siret::parse(invalid).unwrap_err().contains("14 digits"),
                "{invalid}"
            );
        }
    }

    #[test]
    fn checks_uai_digits_and_check_letter() {
        for valid in ["0750654D", "0350710G", "0000000A"] {
            assert!(Uai::parse(valid).is_ok(), "{valid}");
        }
        assert!(Uai::parse("0750654E").unwrap_err().contains("should be D"));
        for invalid in ["075065D", "0750654d", "075O654D", "0750654DD", ""] {
            assert!(
                Uai::parse(invalid).unwrap_err().contains("7 digits"),
                "{invalid}"
            );
        }
    }

    #[test]
    fn checks_email_addresses_and_urls() {
        assert!(Email::parse("legal@learn-and-go.com").is_ok());
        for invalid in [
            "legal-at-learn-and-go.com",
            "@x.com",
            "a@b",
            "a b@c.com",
            "a@.com",
            "a@b.com?cc=c@d.com",
            "a%40b@c.com",
            "a,b@c.com",
        ] {
            assert!(Email::parse(invalid).is_err(), "{invalid}");
        }
        assert!(WebUrl::parse("https://www.ovh.com/fr/").is_ok());
        for invalid in [
            "www.ovh.com",
            "javascript:alert(1)",
            "https://",
            "https://localhost x",
            "https://www.ovh.com@evil.example/fr/",
            "https://www.cnil.fr@evil.example/\"onmouseover=alert(1)",
            "https://раураl.com/",
        ] {
            assert!(WebUrl::parse(invalid).is_err(), "{invalid}");
        }
    }
}
