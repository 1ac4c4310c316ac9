//! Money as integer minor units: exact parsing of the platforms' decimal strings and formatting back, with each
//! currency's minor unit from the full ISO 4217 table (`iso_currency`).

use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum MoneyError {
    #[error("'{0}' is not a decimal amount")]
    NotDecimal(String),
    #[error("'{value}' has more decimals than {currency} allows ({digits})")]
    TooPrecise { value: String, currency: String, digits: u32 },
    #[error("'{0}' is too large")]
    TooLarge(String),
    #[error("'{0}' is not an ISO 4217 currency code")]
    UnknownCurrency(String),
}

/// Decimal digits of the currency's minor unit (ISO 4217: USD 2, JPY 0, LYD 3, CLF 4), whatever the letters'
/// case; None when the code is not an ISO currency that money can be kept in (unknown codes, and the
/// special codes without a minor unit such as XAU or XXX).
pub fn currency_digits(code: &str) -> Option<u32> {
    let upper = code.trim().to_ascii_uppercase();
    let iso = iso_currency::Currency::from_code(&upper)?.exponent().map(u32::from)?;
    // ISO writes two digits for the forint and the New Taiwan dollar, but neither has coins below the unit, the
    // platforms charge them whole, and this app has always kept them whole: amounts stored since keep their meaning.
    Some(if matches!(upper.as_str(), "HUF" | "TWD") { 0 } else { iso })
}

/// Whether `code` is an ISO 4217 currency money can be kept in (letters in either case): the one rule the
/// input checks and the sync share.
pub fn is_iso_currency(code: &str) -> bool {
    currency_digits(code).is_some()
}

/// Digits for formatting amounts already stored: an unknown code (data from before the table, a hand-edited
/// file) is shown with two decimals rather than refused.
pub fn minor_digits(currency: &str) -> u32 {
    currency_digits(currency).unwrap_or(2)
}

/// Plain decimals only: no exponents ("1e5"), separators or signs in the middle, which a person never means.
fn decimal(value: &str) -> Result<Decimal, MoneyError> {
    let trimmed = value.trim();
    let body = trimmed.strip_prefix('-').unwrap_or(trimmed);
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit() || b == b'.') || body.bytes().filter(|b| *b == b'.').count() > 1 {
        return Err(MoneyError::NotDecimal(value.to_string()));
    }
    Decimal::from_str(trimmed).map_err(|_| MoneyError::NotDecimal(value.to_string()))
}

fn to_minor(d: Decimal, digits: u32, value: &str) -> Result<i64, MoneyError> {
    let scaled = d.checked_mul(Decimal::from(10i64.pow(digits))).ok_or_else(|| MoneyError::TooLarge(value.to_string()))?;
    i64::try_from(scaled.trunc()).map_err(|_| MoneyError::TooLarge(value.to_string()))
}

/// Parses "12.30" into 1230 for a 2-digit currency, without passing through floating point. Refuses an
/// unknown currency and an amount finer than the currency's minor unit (input typed by a person).
pub fn parse_minor(value: &str, currency: &str) -> Result<i64, MoneyError> {
    let d = decimal(value)?;
    let digits = currency_digits(currency).ok_or_else(|| MoneyError::UnknownCurrency(currency.to_string()))?;
    if d.scale() > digits && d.normalize().scale() > digits {
        return Err(MoneyError::TooPrecise { value: value.to_string(), currency: currency.to_string(), digits });
    }
    to_minor(d, digits, value)
}

/// An amount as a platform sent it, kept in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    pub minor: i64,
    /// False when the amount had more decimals than the currency allows and was rounded half-even: the
    /// caller keeps the exact text beside the row, so nothing is lost.
    pub exact: bool,
}

/// As `parse_minor`, but an amount finer than the currency's minor unit is rounded half-even instead of
/// refused: a platform's record is stored, never dropped, for a fraction of a cent.
pub fn parse_minor_rounded(value: &str, currency: &str) -> Result<Kept, MoneyError> {
    let d = decimal(value)?;
    let digits = currency_digits(currency).ok_or_else(|| MoneyError::UnknownCurrency(currency.to_string()))?;
    let rounded = d.round_dp_with_strategy(digits, RoundingStrategy::MidpointNearestEven);
    Ok(Kept { minor: to_minor(rounded, digits, value)?, exact: rounded == d })
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
        assert!(matches!(parse_minor("1.00", "ZZZ"), Err(MoneyError::UnknownCurrency(_))), "a code outside ISO 4217 is no currency");
        assert_eq!(parse_minor("1.500", "USD"), Ok(150), "trailing zeros are not precision");
    }

    #[test]
    fn knows_the_whole_iso_table() {
        for (code, digits) in [("USD", 2), ("usd", 2), ("JPY", 0), ("LYD", 3), ("IQD", 3), ("KWD", 3), ("CLF", 4), ("ISK", 0)] {
            assert_eq!(currency_digits(code), Some(digits), "{code} has {digits} decimals in ISO 4217");
        }
        for code in ["ZZZ", "XAU", "XXX", "", "US"] {
            assert!(!is_iso_currency(code), "{code:?} is not a currency money can be kept in");
        }
        assert_eq!(parse_minor("1.234", "LYD"), Ok(1234), "the Libyan dinar has three decimals");
    }

    #[test]
    fn rounds_half_even_and_says_so() {
        let cases = [
            ("10.005", "USD", 1000, false),
            ("10.015", "USD", 1002, false),
            ("-0.125", "EUR", -12, false),
            ("1999.5", "JPY", 2000, false),
            ("2.5", "JPY", 2, false),
            ("12.30", "USD", 1230, true),
            ("1.2340", "LYD", 1234, true),
        ];
        for (input, cur, minor, exact) in cases {
            assert_eq!(parse_minor_rounded(input, cur), Ok(Kept { minor, exact }), "{input} {cur} rounds half-even");
        }
        assert!(matches!(parse_minor_rounded("1.00", "ZZZ"), Err(MoneyError::UnknownCurrency(_))), "unknown codes stay an error");
    }
}
