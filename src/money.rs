//! Money as integer minor units: exact parsing of the platforms' decimal strings and formatting back.

use rust_decimal::Decimal;
use std::str::FromStr;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum MoneyError {
    #[error("'{0}' is not a decimal amount")]
    NotDecimal(String),
    #[error("'{value}' has more decimals than {currency} allows ({digits})")]
    TooPrecise { value: String, currency: String, digits: u32 },
    #[error("'{0}' is too large")]
    TooLarge(String),
}

/// Decimal digits of a currency's minor unit (ISO 4217); the currencies our platforms use.
pub fn minor_digits(currency: &str) -> u32 {
    match currency.to_ascii_uppercase().as_str() {
        "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "HUF" | "TWD" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
        _ => 2,
    }
}

/// Parses "12.30" into 1230 for a 2-digit currency, without passing through floating point.
pub fn parse_minor(value: &str, currency: &str) -> Result<i64, MoneyError> {
    let trimmed = value.trim();
    // Plain decimals only: no exponents ("1e5"), separators or signs in the middle, which a person never means.
    let body = trimmed.strip_prefix('-').unwrap_or(trimmed);
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit() || b == b'.') || body.bytes().filter(|b| *b == b'.').count() > 1 {
        return Err(MoneyError::NotDecimal(value.to_string()));
    }
    let d = Decimal::from_str(trimmed).map_err(|_| MoneyError::NotDecimal(value.to_string()))?;
    let digits = minor_digits(currency);
    let scaled = d.checked_mul(Decimal::from(10i64.pow(digits))).ok_or_else(|| MoneyError::TooLarge(value.to_string()))?;
    if scaled.fract() != Decimal::ZERO {
        return Err(MoneyError::TooPrecise {
            value: value.to_string(),
            currency: currency.to_string(),
            digits,
        });
    }
    i64::try_from(scaled.trunc()).map_err(|_| MoneyError::TooLarge(value.to_string()))
}

/// Formats minor units as a decimal string in major units ("1230" → "12.30").
pub fn format_minor(minor: i64, currency: &str) -> String {
    let mut s = String::with_capacity(16);
    push_minor(&mut s, minor, currency);
    s
}

/// Appends minor units as a decimal in major units, with integer arithmetic only (exports write millions).
pub fn push_minor(buf: &mut String, minor: i64, currency: &str) {
    use std::fmt::Write;
    let digits = minor_digits(currency);
    if minor < 0 {
        buf.push('-');
    }
    let abs = minor.unsigned_abs();
    if digits == 0 {
        let _ = write!(buf, "{abs}");
        return;
    }
    let scale = 10u64.pow(digits);
    let _ = write!(buf, "{}.{:0width$}", abs / scale, abs % scale, width = digits as usize);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_a_decimal() {
        for (minor, cur) in [(0, "CNY"), (5, "CNY"), (-5, "USD"), (123456, "USD"), (i64::MIN, "USD"), (i64::MAX, "KWD"), (-7, "JPY"), (1, "BHD")] {
            assert_eq!(format_minor(minor, cur), Decimal::new(minor, minor_digits(cur)).to_string(), "{minor} {cur}");
        }
    }

    #[test]
    fn parses_and_formats_exactly() {
        let cases = [
            ("12.30", "USD", 1230, "12.30"),
            ("0.1", "CNY", 10, "0.10"),
            ("1999", "JPY", 1999, "1999"),
            ("-5.05", "EUR", -505, "-5.05"),
            ("123456789.99", "CNY", 12345678999, "123456789.99"),
        ];
        for (input, cur, minor, back) in cases {
            assert_eq!(parse_minor(input, cur), Ok(minor), "parsing {input} {cur}");
            assert_eq!(format_minor(minor, cur), back, "formatting {minor} {cur}");
        }
    }

    #[test]
    fn rejects_what_is_not_money() {
        assert!(matches!(parse_minor("abc", "USD"), Err(MoneyError::NotDecimal(_))), "letters are not money");
        assert!(matches!(parse_minor("1.005", "USD"), Err(MoneyError::TooPrecise { .. })), "a third decimal cannot be a cent");
        assert!(matches!(parse_minor("1.5", "JPY"), Err(MoneyError::TooPrecise { .. })), "yen has no minor unit");
        assert!(matches!(parse_minor("79228162514264337593543950335", "USD"), Err(MoneyError::TooLarge(_))), "too large is an error, not a panic");
    }
}
