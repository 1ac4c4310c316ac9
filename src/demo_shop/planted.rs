//! Hostile records planted among good ones (the fault `plant=KIND@INDEX+KIND@INDEX`): the order at each
//! index (its place in the shop's orders) is served with its JSON changed the way real shops were seen to
//! break one record, in each platform's own shape (a refund or return spoiled inside it, or where its returns
//! are listed apart). Switching the fault off serves the record fixed.

use super::DemoPlatform;
use serde_json::{json, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hostile {
    /// An amount with three decimals in US dollars (the Chinese platforms: in yuan).
    UsdThreeDecimals,
    /// A fraction of a yen (the Chinese platforms: three decimals in yuan).
    JpyFraction,
    /// A null where a name belongs.
    NullName,
    /// A null in a line field.
    NullLine,
    /// Libyan dinars with their three decimals (the Chinese platforms: unchanged, they are yuan only).
    LydThreeDecimals,
    /// A date that is no date.
    BadDate,
    /// A refund (an after-sales request on the Chinese platforms) that cannot be read.
    BadRefund,
    /// A return that cannot be read (Shopify's GraphQL returns; Medusa's order and its `/admin/returns` row).
    BadReturn,
}

pub const KINDS: [(&str, Hostile); 8] = [
    ("usd_3dp", Hostile::UsdThreeDecimals),
    ("jpy_fraction", Hostile::JpyFraction),
    ("null_name", Hostile::NullName),
    ("null_line", Hostile::NullLine),
    ("lyd_3dp", Hostile::LydThreeDecimals),
    ("bad_date", Hostile::BadDate),
    ("bad_refund", Hostile::BadRefund),
    ("bad_return", Hostile::BadReturn),
];

impl Hostile {
    pub fn id(self) -> &'static str {
        KINDS.iter().find(|(_, h)| *h == self).map_or("?", |(n, _)| n)
    }
}

/// `null_name@17+bad_date@300` → [(17, NullName), (300, BadDate)].
pub fn parse(list: &str) -> Result<Vec<(usize, Hostile)>, String> {
    list.split('+')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| {
            let (kind, at) = item.split_once('@').ok_or_else(|| format!("plant '{item}': expected KIND@INDEX"))?;
            let h = KINDS
                .iter()
                .find(|(n, _)| *n == kind.trim())
                .map(|(_, h)| *h)
                .ok_or_else(|| format!("plant kind '{kind}'; known: {}", KINDS.map(|(n, _)| n).join(", ")))?;
            let at = at.trim().parse::<usize>().map_err(|_| format!("plant '{item}': '{at}' is not an order index"))?;
            Ok((at, h))
        })
        .collect()
}

/// Which of an order's answers is being served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The order itself.
    Order,
    /// Its refunds (WooCommerce's `/orders/{id}/refunds`; a Chinese platform's after-sales request rows).
    Refunds,
    /// Its returns where they are listed apart from the order: Shopify's GraphQL order node, a Medusa
    /// `/admin/returns` row (one of the order's returns: the first).
    Returns,
}

fn set(v: &mut Value, path: &[&str], to: Value) {
    let mut at = v;
    for (i, key) in path.iter().enumerate() {
        if i + 1 == path.len() {
            if let Some(map) = at.as_object_mut() {
                map.insert(key.to_string(), to);
            }
            return;
        }
        at = match key.parse::<usize>() {
            Ok(n) => match at.get_mut(n) {
                Some(next) => next,
                None => return,
            },
            Err(_) => match at.get_mut(*key) {
                Some(next) => next,
                None => return,
            },
        };
    }
}

/// A first line to spoil, made when the order has none.
fn ensure_line(v: &mut Value, list: &str, line: Value) {
    if v.get(list).and_then(Value::as_array).is_none_or(|l| l.is_empty()) {
        set(v, &[list], json!([line]));
    }
}

/// Changes `v` (one order's JSON, or one of its refund rows) the hostile way.
pub fn apply(platform: DemoPlatform, h: Hostile, part: Part, v: &mut Value) {
    use DemoPlatform::*;
    use Hostile::*;
    match (platform, part, h) {
        (Shopify, Part::Order, _) => match h {
            UsdThreeDecimals => {
                set(v, &["currency"], json!("USD"));
                set(v, &["total_price"], json!("123.455"));
            }
            JpyFraction => {
                set(v, &["currency"], json!("JPY"));
                set(v, &["total_price"], json!("1999.5"));
            }
            LydThreeDecimals => {
                set(v, &["currency"], json!("LYD"));
                set(v, &["total_price"], json!("12.345"));
            }
            NullName => set(v, &["name"], Value::Null),
            NullLine => {
                ensure_line(v, "line_items", json!({"id": 1, "title": "x", "quantity": 1, "price": "1.00"}));
                set(v, &["line_items", "0", "title"], Value::Null);
            }
            BadDate => set(v, &["created_at"], json!("2026-13-45T99:00:00Z")),
            // The order's first refund spoiled (one added when it has none): the others stay as they are.
            BadRefund => match v.get("refunds").and_then(Value::as_array).is_some_and(|r| !r.is_empty()) {
                true => set(v, &["refunds", "0", "created_at"], json!("yesterday")),
                false => set(v, &["refunds"], json!([{"id": 9_000_001, "created_at": "yesterday", "note": null, "transactions": []}])),
            },
            BadReturn => {}
        },
        // The GraphQL order node: its first return spoiled.
        (Shopify, Part::Returns, BadReturn) => set(v, &["returns", "nodes", "0", "createdAt"], json!("yesterday")),
        (Woocommerce, Part::Order, _) => match h {
            UsdThreeDecimals => {
                set(v, &["currency"], json!("USD"));
                set(v, &["total"], json!("123.455"));
            }
            JpyFraction => {
                set(v, &["currency"], json!("JPY"));
                set(v, &["total"], json!("1999.5"));
            }
            LydThreeDecimals => {
                set(v, &["currency"], json!("LYD"));
                set(v, &["total"], json!("12.345"));
            }
            NullName | NullLine => {
                ensure_line(v, "line_items", json!({"id": 1, "name": "x", "quantity": 1, "subtotal": "1.00"}));
                set(v, &["line_items", "0", if h == NullName { "name" } else { "quantity" }], Value::Null);
            }
            BadDate => set(v, &["date_created_gmt"], json!("not a date")),
            // The order lists a refund, so its refunds are asked for (and served spoiled).
            BadRefund => ensure_line(v, "refunds", json!({"id": 9_000_001, "reason": "", "total": "-1.00"})),
            BadReturn => {}
        },
        (Woocommerce, Part::Refunds, BadRefund) => {
            let bad = json!({"id": 9_000_001, "date_created_gmt": "yesterday", "amount": "1.00", "reason": ""});
            match v.as_array_mut() {
                Some(list) if !list.is_empty() => list[0] = bad,
                Some(list) => list.push(bad),
                None => {}
            }
        }
        (Medusa, Part::Order, _) => match h {
            UsdThreeDecimals | JpyFraction | LydThreeDecimals => {
                let (code, total) = match h {
                    UsdThreeDecimals => ("usd", json!(123.455)),
                    JpyFraction => ("jpy", json!(1999.5)),
                    _ => ("lyd", json!(12.345)),
                };
                set(v, &["currency_code"], json!(code));
                set(v, &["total"], total.clone());
                set(v, &["summary", "original_order_total"], total);
            }
            // The names Medusa gives a line: the connector falls back to the line's id when both are null.
            NullName => {
                ensure_line(v, "items", json!({"id": "item_x", "title": "x", "product_title": "x", "quantity": 1, "unit_price": 1}));
                set(v, &["items", "0", "title"], Value::Null);
                set(v, &["items", "0", "product_title"], Value::Null);
            }
            NullLine => {
                ensure_line(v, "items", json!({"id": "item_x", "title": "x", "quantity": 1, "unit_price": 1}));
                set(v, &["items", "0", "id"], Value::Null);
            }
            BadDate => set(v, &["created_at"], json!("not a date")),
            // The first payment's first refund spoiled (one added when there is none): the others stay.
            BadRefund => {
                match v.pointer("/payment_collections/0/payments/0/refunds/0").is_some() {
                    true => set(v, &["payment_collections", "0", "payments", "0", "refunds", "0", "created_at"], json!("yesterday")),
                    false => set(
                        v,
                        &["payment_collections"],
                        json!([{"payments": [{"id": "pay_hostile", "refunds": [{"id": "ref_hostile", "amount": 1, "created_at": "yesterday"}]}]}]),
                    ),
                }
            }
            // The order's first return, as the order carries it.
            BadReturn => set(v, &["returns", "0", "requested_at"], json!("yesterday")),
        },
        // The same return's `/admin/returns` row: its time spoiled too.
        (Medusa, Part::Returns, BadReturn) => set(v, &["updated_at"], json!("yesterday")),
        (Pdd | Taobao, Part::Order, _) => {
            let taobao = platform == Taobao;
            let (amount, created, lines, qty) =
                if taobao { ("payment", "created", ["orders", "order"], "num") } else { ("pay_amount", "created_time", ["item_list", ""], "goods_count") };
            match h {
                UsdThreeDecimals | JpyFraction => set(v, &[amount], json!("123.455")),
                // The gateways' names are loosely typed: a null name is read as none.
                NullName => set(v, &["receiver_name"], Value::Null),
                NullLine => {
                    if taobao {
                        set(v, &[lines[0], lines[1], "0", qty], Value::Null);
                    } else {
                        set(v, &[lines[0], "0", qty], Value::Null);
                    }
                }
                BadDate => set(v, &[created], json!("yesterday")),
                // Yuan only: no dinars. A refund is spoiled where the refunds are served (below).
                LydThreeDecimals | BadRefund | BadReturn => {}
            }
        }
        (Pdd, Part::Refunds, BadRefund) => set(v, &["refund_amount"], json!("abc")),
        (Taobao, Part::Refunds, BadRefund) => set(v, &["refund_fee"], json!("abc")),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_planted_records_and_names_mistakes() {
        assert_eq!(parse("null_name@17+bad_date@300").unwrap(), vec![(17, Hostile::NullName), (300, Hostile::BadDate)]);
        assert!(parse("gremlin@1").unwrap_err().contains("known"), "an unknown kind lists the known ones");
        assert!(parse("null_name").unwrap_err().contains("KIND@INDEX"), "the index is required");
    }
}
