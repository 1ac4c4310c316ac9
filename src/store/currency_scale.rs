//! Owns one data migration: the minor-unit scale of money already stored when the currency table moved from a
//! hand list (JPY, KRW, VND, CLP, ISK, HUF, TWD with no decimals; BHD, KWD, OMR, JOD, TND with three; every other
//! code two) to ISO 4217 (`money::currency_digits`). An amount is an integer of minor units, so a currency whose
//! digits changed would otherwise show every stored amount 10× or 100× off. Each money column is rescaled where
//! its row's currency changed; the order's refunded total follows by its triggers (`order_refunds`).

/// Codes whose minor unit grew from two digits to three (ISO 4217).
pub const TWO_TO_THREE: &[&str] = &["IQD", "LYD"];
/// Codes whose minor unit grew from two digits to four (ISO 4217 funds codes).
pub const TWO_TO_FOUR: &[&str] = &["CLF", "UYW"];
/// Codes that have no minor unit in ISO 4217 but were kept with two digits.
pub const TWO_TO_ZERO: &[&str] = &["BIF", "DJF", "GNF", "KMF", "PYG", "RWF", "UGX", "UYI", "VUV", "XAF", "XOF", "XPF"];

macro_rules! rescale {
    ($list:literal, $to:ident) => {
        concat!(
            "UPDATE orders SET total_minor = ", $to!("total_minor"), " WHERE currency IN ", $list, ";\n",
            "UPDATE order_lines SET price_minor = ", $to!("price_minor"), " WHERE order_id IN (SELECT id FROM orders WHERE currency IN ", $list, ");\n",
            "UPDATE order_refund_lines SET amount_minor = ", $to!("amount_minor"),
            " WHERE refund_id IN (SELECT r.id FROM order_refunds r JOIN orders o ON o.id = r.order_id WHERE o.currency IN ", $list, ");\n",
            "UPDATE order_refunds SET amount_minor = ", $to!("amount_minor"), " WHERE order_id IN (SELECT id FROM orders WHERE currency IN ", $list, ");\n",
            "UPDATE cases SET requested_minor = ", $to!("requested_minor"), ", refunded_minor = ", $to!("refunded_minor"), " WHERE currency IN ", $list, ";\n",
            "UPDATE compensations SET amount_minor = ", $to!("amount_minor"), " WHERE currency IN ", $list, ";\n",
            "UPDATE repair_parts SET cost_minor = ", $to!("cost_minor"), " WHERE repair_id IN (SELECT id FROM repairs WHERE currency IN ", $list, ");\n",
            "UPDATE repairs SET labour_minor = ", $to!("labour_minor"), " WHERE currency IN ", $list, ";\n",
            "UPDATE aftersales_requests SET amount_minor = ", $to!("amount_minor"), " WHERE currency IN ", $list, ";\n",
        )
    };
}
macro_rules! times_10 {
    ($c:literal) => {
        concat!($c, " * 10")
    };
}
macro_rules! times_100 {
    ($c:literal) => {
        concat!($c, " * 100")
    };
}
// Two-digit amounts of a currency without minor units were whole units ×100 (a platform sends "1000" or
// "1000.00"); rounding only matters for data that never was exact.
macro_rules! by_100 {
    ($c:literal) => {
        concat!("CAST(ROUND(", $c, " / 100.0) AS INTEGER)")
    };
}

pub const MIGRATION_51: &str = concat!(
    rescale!("('IQD','LYD')", times_10),
    rescale!("('CLF','UYW')", times_100),
    rescale!("('BIF','DJF','GNF','KMF','PYG','RWF','UGX','UYI','VUV','XAF','XOF','XPF')", by_100),
);

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists above are what ISO 4217 says today; a crate update that moves a code would need a new migration.
    #[test]
    fn the_rescaled_codes_are_those_whose_digits_changed() {
        for (list, digits) in [(TWO_TO_THREE, 3), (TWO_TO_FOUR, 4), (TWO_TO_ZERO, 0)] {
            for code in list {
                assert_eq!(crate::money::currency_digits(code), Some(digits), "{code} has {digits} digits in ISO 4217");
                assert!(MIGRATION_51.contains(&format!("'{code}'")), "{code} is rescaled by the migration");
            }
        }
        // Every ISO code whose digits differ from the old hand list is in one of the lists (or kept as it was).
        let old = |c: &str| match c {
            "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "HUF" | "TWD" => 0,
            "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
            _ => 2,
        };
        let letters = b'A'..=b'Z';
        let codes = letters.clone().flat_map(|a| letters.clone().flat_map(move |b| (b'A'..=b'Z').map(move |c| [a, b, c])));
        for bytes in codes {
            let code = std::str::from_utf8(&bytes).unwrap_or("???");
            let Some(now) = crate::money::currency_digits(code) else { continue };
            if now != old(code) {
                assert!(
                    TWO_TO_THREE.contains(&code) || TWO_TO_FOUR.contains(&code) || TWO_TO_ZERO.contains(&code),
                    "{code}: {} → {now} digits, but the migration does not rescale it",
                    old(code)
                );
            }
        }
    }
}
