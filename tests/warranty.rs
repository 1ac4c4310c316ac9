//! The warranty ledger against the demo shop on a real database file: units derived from synced delivery
//! times (month ends, leap days, the shop's own calendar day), kept in step when the platform's times change,
//! voided with a cancelled order; policy versions; the replacement chain; repair tickets and follow-ups.

mod common;

use aftersales::api::*;
use aftersales::clock::{Clock, FixedClock};
use aftersales::demo_shop::data::{DemoFulfillment, DemoLine, DemoOrder};
use aftersales::demo_shop::{DemoPlatform, DemoShop};
use aftersales::repairs::{Payer, RepairStatus};
use aftersales::timefmt::parse_ms;
use aftersales::warranty::{PeriodUnit, ReplacementRule, Scope, Stage, StartBasis, UnitStatus};
use common::*;
use std::sync::Arc;

const DAY: i64 = 86_400_000;

fn ms(s: &str) -> i64 {
    parse_ms(s).unwrap()
}

struct Bench {
    shop: DemoShop,
    desk: Desk,
    clock: Arc<FixedClock>,
    shop_id: i64,
    _dir: tempfile::TempDir,
}

async fn bench(orders: usize) -> Bench {
    let shop = demo(DemoPlatform::Shopify, orders, 7, |_| {}).await;
    let dir = tempfile::tempdir().unwrap();
    // Whole seconds: times cross the API as RFC 3339 to the second.
    let clock = Arc::new(FixedClock::new(now_ms() / 1000 * 1000));
    let desk = Desk::open_with_clock(&dir.path().join("desk.db"), clock.clone()).unwrap();
    let added = desk
        .add_shop(AddShopInput { name: "Demo".into(), base_url: shop.url.clone(), credentials: credentials(&shop) })
        .await
        .unwrap();
    Bench { shop, desk, clock, shop_id: added.id, _dir: dir }
}

impl Bench {
    async fn sync(&self) {
        self.desk.sync_shops(SyncInput { shop_id: Some(self.shop_id) }, &|_| {}).await.expect("sync");
    }

    /// Plain paid orders (no refunds, returns or cancellation) to rewrite for a scenario.
    fn plain_orders(&self, n: usize) -> Vec<DemoOrder> {
        let picked: Vec<DemoOrder> = self
            .shop
            .orders()
            .into_iter()
            .filter(|o| o.financial_status == "paid" && o.cancelled_at.is_none() && o.refunds.is_empty() && o.returns.is_empty())
            .take(n)
            .collect();
        assert_eq!(picked.len(), n, "the demo shop has {n} plain paid orders");
        picked
    }

    /// Makes order `number` one line of `qty` × `sku` (product `product`), paid at `paid`, shipped at `shipped`
    /// and delivered at `delivered` when given, stamped `updated` so the next sync sees it.
    #[allow(clippy::too_many_arguments)]
    fn rewrite(&self, number: u64, sku: &str, product: u64, qty: i64, paid: i64, shipped: Option<i64>, delivered: Option<i64>, updated: i64) {
        let ok = self.shop.edit_order(number, |o| {
            o.lines = vec![DemoLine {
                id: 90_000_000 + number,
                product_id: product,
                variant_id: product + 1,
                sku: sku.into(),
                title: format!("{sku} 商品"),
                quantity: qty,
                price_minor: 199_900,
            }];
            o.created_at = paid;
            o.processed_at = paid;
            o.updated_at = updated;
            o.financial_status = "paid";
            o.fulfillment_status = if delivered.is_some() || shipped.is_some() { Some("fulfilled") } else { None };
            o.fulfillments = shipped
                .map(|s| {
                    vec![DemoFulfillment {
                        id: 70_000_000 + number,
                        created_at: s,
                        updated_at: delivered.unwrap_or(s),
                        tracking_company: "SF Express".into(),
                        tracking_number: format!("SF{number}"),
                        shipment_status: delivered.map(|_| "delivered"),
                        line_ids: vec![90_000_000 + number],
                    }]
                })
                .unwrap_or_default();
        });
        assert!(ok, "order {number} exists in the demo shop");
    }

    /// Saves a policy (a new family, or a new version of `family`) with the common coverage and return/exchange days.
    #[allow(clippy::too_many_arguments)]
    async fn policy(&self, family: Option<i64>, name: &str, scope: Scope, value: &str, count: i64, unit: PeriodUnit, replacement: ReplacementRule) -> WarrantyPolicySaved {
        self.desk
            .save_warranty_policy(WarrantyPolicyInput {
                family_id: family,
                shop_id: None,
                name: name.into(),
                scope,
                scope_value: value.into(),
                period_count: count,
                period_unit: unit,
                coverage: "非人为损坏".into(),
                labour_free: true,
                parts_free: true,
                return_days: 7,
                exchange_days: 15,
                replacement,
            })
            .await
            .expect("policy saved")
    }

    fn units_of(&self, number: u64) -> Vec<WarrantyUnitDto> {
        self.desk
            .warranty_lookup(WarrantyLookupInput { serial: None, order: Some(number.to_string()), phone: None, at: None })
            .unwrap()
            .units
    }
}

#[tokio::test]
async fn units_are_derived_from_synced_delivery_times_across_month_ends_and_leap_days() {
    let b = bench(120).await;
    let now = b.clock.now_ms();
    let orders = b.plain_orders(6);
    let n = |i: usize| orders[i].number;
    // The demo shop's zone is Asia/Shanghai: the warranty starts on the shop's calendar day, not UTC's.
    b.rewrite(n(0), "PHONE-X", 9_100, 2, ms("2024-01-10T09:00:00+08:00"), Some(ms("2024-01-30T09:00:00+08:00")), Some(ms("2024-01-31T23:30:00+08:00")), now);
    b.rewrite(n(1), "PHONE-X", 9_100, 1, ms("2024-02-20T09:00:00+08:00"), Some(ms("2024-02-27T09:00:00+08:00")), Some(ms("2024-02-29T10:00:00+08:00")), now);
    b.rewrite(n(2), "BUDS-1", 9_200, 1, ms("2024-01-20T09:00:00+08:00"), Some(ms("2024-01-25T09:00:00+08:00")), Some(ms("2024-01-31T10:00:00+08:00")), now);
    b.rewrite(n(3), "WATCH-1", 9_300, 1, ms("2023-08-20T09:00:00+08:00"), Some(ms("2023-08-25T09:00:00+08:00")), Some(ms("2023-08-31T12:00:00+08:00")), now);
    b.rewrite(n(4), "PHONE-X", 9_100, 1, ms("2026-11-01T09:00:00+08:00"), Some(ms("2026-11-03T09:00:00+08:00")), None, now);
    b.rewrite(n(5), "PHONE-X", 9_100, 1, ms("2026-11-20T09:00:00+08:00"), None, None, now);
    b.sync().await;
    b.policy(None, "Phones 12m", Scope::Sku, "PHONE-X", 12, PeriodUnit::Months, ReplacementRule::Restart).await;
    b.policy(None, "Buds 1m", Scope::Product, "9200", 1, PeriodUnit::Months, ReplacementRule::Restart).await;
    b.desk.set_sku_category(SkuCategoryInput { shop_id: b.shop_id, sku: "WATCH-1".into(), category: "watches".into() }).await.unwrap();
    b.policy(None, "Watches 6m", Scope::Category, "watches", 6, PeriodUnit::Months, ReplacementRule::Restart).await;

    // (order, units, start, basis, last covered day, why)
    let table = [
        (n(0), 2, "2024-01-31T23:30:00+08:00", StartBasis::Delivered, "2025-01-31", "one unit per item; 12 months from Jan 31 Beijing"),
        (n(1), 1, "2024-02-29T10:00:00+08:00", StartBasis::Delivered, "2025-02-28", "a leap day + 12 months has no Feb 29"),
        (n(2), 1, "2024-01-31T10:00:00+08:00", StartBasis::Delivered, "2024-02-29", "Jan 31 + 1 month is the leap day (product scope)"),
        (n(3), 1, "2023-08-31T12:00:00+08:00", StartBasis::Delivered, "2024-02-29", "Aug 31 + 6 months clamps to Feb 29 (category scope)"),
        (n(4), 1, "2026-11-03T09:00:00+08:00", StartBasis::Shipped, "2027-11-03", "not delivered yet: from shipping, shown as such"),
        (n(5), 1, "2026-11-20T09:00:00+08:00", StartBasis::Paid, "2027-11-20", "not shipped yet: from payment"),
    ];
    for (number, count, start, basis, last_day, why) in table {
        let units = b.units_of(number);
        assert_eq!(units.len(), count, "order {number}: {why}");
        for u in &units {
            assert_eq!(parse_ms(&u.start_at).unwrap(), ms(start), "order {number} start: {why}");
            assert_eq!(u.start_basis, basis, "order {number} basis: {why}");
            assert_eq!(u.last_day, last_day, "order {number} last day: {why}");
        }
    }
    let leap = &b.units_of(n(2))[0];
    assert_eq!(parse_ms(&leap.end_at).unwrap(), ms("2024-03-01T00:00:00+08:00"), "cover ends when Feb 29 ends in Beijing");

    // The parcel arrives later: the platform's time moves the start and the end with it; nothing typed by hand.
    let later = now + DAY;
    b.clock.set(later);
    let delivered = ms("2026-11-06T15:00:00+08:00");
    b.shop.edit_order(n(4), |o| {
        o.fulfillments[0].shipment_status = Some("delivered");
        o.fulfillments[0].updated_at = delivered;
        o.updated_at = later;
    });
    // The order is cancelled on the platform: its units stop counting.
    b.shop.edit_order(n(5), |o| {
        o.cancelled_at = Some(later);
        o.cancel_reason = Some("customer");
        o.updated_at = later;
    });
    b.sync().await;
    let moved = &b.units_of(n(4))[0];
    assert_eq!((moved.start_basis, moved.last_day.as_str()), (StartBasis::Delivered, "2027-11-06"), "redated to the delivery");
    assert_eq!(b.units_of(n(5))[0].status, UnitStatus::Void, "a cancelled order's unit is void");
    let total = b.desk.warranty_units(WarrantyUnitsQuery { shop_id: None, status: None, search: None, limit: 100, offset: 0, after: None }).unwrap().total;
    b.sync().await;
    let again = b.desk.warranty_units(WarrantyUnitsQuery { shop_id: None, status: None, search: None, limit: 100, offset: 0, after: None }).unwrap().total;
    assert_eq!((total, again), (7, 7), "a second sync adds no units");
}

#[tokio::test]
async fn a_unit_sold_before_a_policy_change_keeps_its_policy() {
    let b = bench(80).await;
    let now = b.clock.now_ms();
    let orders = b.plain_orders(2);
    b.rewrite(orders[0].number, "TV-55", 9_500, 1, now - 30 * DAY, Some(now - 29 * DAY), Some(now - 27 * DAY), now);
    b.sync().await;
    let v1 = b.policy(None, "TV", Scope::Sku, "TV-55", 12, PeriodUnit::Months, ReplacementRule::Restart).await;
    assert_eq!(v1.units_created, 1);
    let before = b.units_of(orders[0].number).remove(0);

    let change = now + 1_000;
    b.clock.set(change);
    let v2 = b.policy(Some(v1.policy.family_id), "TV (3 years)", Scope::Sku, "TV-55", 36, PeriodUnit::Months, ReplacementRule::Restart).await;
    assert_eq!((v2.policy.version, v2.policy.family_id), (2, v1.policy.family_id), "a change is a new version of the same policy");
    let kept = b.units_of(orders[0].number).remove(0);
    assert_eq!((kept.policy_id, &kept.last_day), (before.policy_id, &before.last_day), "sold before the change: the old terms");

    // Sold after the change.
    b.clock.set(change + 120_000);
    b.rewrite(orders[1].number, "TV-55", 9_500, 1, change + 60_000, Some(change + 70_000), None, change + 60_000);
    b.sync().await;
    let new = b.units_of(orders[1].number).remove(0);
    assert_eq!((new.policy_id, new.policy_version), (v2.policy.id, 2), "sold after the change: the new terms");
    let policies = b.desk.warranty_policies().unwrap();
    assert_eq!(policies.len(), 1, "only the current version is listed");

    // Paid before the change, but first synced after it (the shop was connected late): the terms of the sale.
    let late = b.plain_orders(3).remove(2);
    b.clock.set(change + 240_000);
    b.rewrite(late.number, "TV-55", 9_500, 1, now - 10 * DAY, Some(now - 9 * DAY), Some(now - 8 * DAY), change + 200_000);
    b.sync().await;
    let old_terms = b.units_of(late.number).remove(0);
    assert_eq!((old_terms.policy_id, old_terms.policy_version), (v1.policy.id, 1), "sold under v1, derived after v2 came in");
}

#[tokio::test]
async fn units_are_derived_for_what_a_failed_sync_wrote() {
    let b = bench(1_000).await;
    let sku = "FAIL-SKU";
    // Every order sells the SKU under a policy, so each page the failed run writes needs its units.
    let now = b.clock.now_ms();
    for o in b.shop.orders() {
        b.shop.edit_order(o.number, |o| {
            for l in &mut o.lines {
                l.sku = sku.into();
            }
            o.updated_at = now - 1_000;
        });
    }
    b.policy(None, "All", Scope::Sku, sku, 12, PeriodUnit::Months, ReplacementRule::Restart).await;
    b.shop.set_faults(faults("revoke_after=4"));
    let failed = b.desk.sync_shops(SyncInput { shop_id: Some(b.shop_id) }, &|_| {}).await.unwrap_err();
    assert_eq!(failed.code, ErrorCode::Auth, "the token was revoked mid-sync: {}", failed.message);
    let db = b._dir.path().join("desk.db");
    let missing = || {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let (orders, missing): (i64, i64) = conn
            .query_row(
                "SELECT COUNT(DISTINCT o.id), COALESCE(SUM(l.quantity - (SELECT COUNT(*) FROM warranty_units u
                     WHERE u.order_id = o.id AND u.line_external_id = l.external_id)), 0)
                 FROM orders o JOIN order_lines l ON l.order_id = o.id
                 WHERE o.cancelled_at IS NULL AND COALESCE(o.delivered_at, o.shipped_at, o.paid_at) IS NOT NULL",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        (orders, missing)
    };
    let (written, lacking) = missing();
    assert!(written > 0 && written < 1_000, "the failed run wrote some pages, not all: {written}");
    assert_eq!(lacking, 0, "what the failed run wrote has its units");

    // A run killed before it derived anything leaves no mark either: the next run derives from the older one.
    b.shop.set_faults(faults(""));
    b.sync().await;
    let (all, lacking) = missing();
    assert!(all > written, "the next run wrote the rest");
    assert_eq!(lacking, 0, "every item sold under the policy has its unit");
}

#[tokio::test]
async fn the_replacement_chain_is_followed_and_serials_are_unique() {
    let b = bench(60).await;
    let now = b.clock.now_ms();
    let orders = b.plain_orders(2);
    b.rewrite(orders[0].number, "CAM-1", 9_600, 1, now - 40 * DAY, Some(now - 39 * DAY), Some(now - 38 * DAY), now);
    b.rewrite(orders[1].number, "LENS-1", 9_700, 1, now - 40 * DAY, Some(now - 39 * DAY), Some(now - 38 * DAY), now);
    b.sync().await;
    b.policy(None, "Camera", Scope::Sku, "CAM-1", 12, PeriodUnit::Months, ReplacementRule::Restart).await;
    b.policy(None, "Lens", Scope::Sku, "LENS-1", 12, PeriodUnit::Months, ReplacementRule::Remaining).await;
    let cam = b.units_of(orders[0].number).remove(0);
    let lens = b.units_of(orders[1].number).remove(0);
    b.desk.set_unit_serial(UnitSerialInput { unit_id: cam.id, serial: "CAM-A".into() }).await.unwrap();
    b.desk.set_unit_serial(UnitSerialInput { unit_id: lens.id, serial: "LENS-A".into() }).await.unwrap();
    let taken = b.desk.set_unit_serial(UnitSerialInput { unit_id: lens.id, serial: "CAM-A".into() }).await.unwrap_err();
    assert_eq!(taken.code, ErrorCode::Conflict, "a serial is on one live unit only: {}", taken.message);

    let swap1 = now - 10 * DAY;
    let b_unit = b.desk.replace_unit(ReplaceUnitInput { unit_id: cam.id, new_serial: "CAM-B".into(), at: Some(aftersales::timefmt::to_rfc3339(swap1)) }).await.unwrap();
    let c_unit = b.desk.replace_unit(ReplaceUnitInput { unit_id: b_unit.id, new_serial: "CAM-C".into(), at: None }).await.unwrap();
    for serial in ["CAM-A", "CAM-B", "CAM-C"] {
        let chain = b.desk.warranty_lookup(WarrantyLookupInput { serial: Some(serial.into()), order: None, phone: None, at: None }).unwrap().units;
        let serials: Vec<_> = chain.iter().map(|u| u.serial.clone().unwrap_or_default()).collect();
        assert_eq!(serials, ["CAM-A", "CAM-B", "CAM-C"], "looking up {serial} shows the whole chain, first sold to current");
        let statuses: Vec<_> = chain.iter().map(|u| u.status).collect();
        assert_eq!(statuses, [UnitStatus::Replaced, UnitStatus::Replaced, UnitStatus::In]);
        assert_eq!((chain[0].replaced_by, chain[1].replaces), (Some(chain[1].id), Some(chain[0].id)), "linked both ways");
    }
    assert_eq!(c_unit.start_basis, StartBasis::Replacement);
    let today = chrono::DateTime::from_timestamp_millis(now).unwrap().with_timezone(&chrono_tz::Asia::Shanghai).date_naive();
    let year_on = today.checked_add_months(chrono::Months::new(12)).unwrap();
    assert_eq!(c_unit.last_day, year_on.to_string(), "restart: a full 12 months from the exchange day");
    assert_eq!(c_unit.days_left, (year_on - today).num_days());
    assert_eq!(c_unit.order_number, cam.order_number, "the replacement stays traceable to the order");

    let lens_new = b.desk.replace_unit(ReplaceUnitInput { unit_id: lens.id, new_serial: "LENS-B".into(), at: None }).await.unwrap();
    assert_eq!((lens_new.last_day.as_str(), lens_new.end_at.as_str()), (lens.last_day.as_str(), lens.end_at.as_str()), "remaining: the replacement finishes the original's period");
    let again = b.desk.replace_unit(ReplaceUnitInput { unit_id: lens.id, new_serial: "LENS-C".into(), at: None }).await.unwrap_err();
    assert_eq!(again.code, ErrorCode::Conflict, "a replaced unit cannot be replaced again");
    let early = b.desk.replace_unit(ReplaceUnitInput { unit_id: c_unit.id, new_serial: "CAM-D".into(), at: Some(aftersales::timefmt::to_rfc3339(now - 100 * DAY)) }).await.unwrap_err();
    assert_eq!(early.code, ErrorCode::Validation, "no replacement before the warranty began: {}", early.message);

    let late = b.desk.replace_unit(ReplaceUnitInput { unit_id: c_unit.id, new_serial: "CAM-Z".into(), at: None }).await;
    assert!(late.is_ok(), "in warranty: replaceable");
    let by_phone = b.desk.warranty_lookup(WarrantyLookupInput { serial: None, order: None, phone: cam.buyer_phone.clone(), at: None }).unwrap().units;
    assert!(by_phone.iter().any(|u| u.serial.as_deref() == Some("CAM-C")), "lookup by the buyer's phone finds the current unit");
    let two = b.desk.warranty_lookup(WarrantyLookupInput { serial: Some("x".into()), order: Some("1".into()), phone: None, at: None }).unwrap_err();
    assert_eq!(two.code, ErrorCode::Validation, "one key at a time");
}

#[tokio::test]
async fn repair_tickets_take_the_payer_from_the_warranty_and_queue_a_follow_up() {
    let b = bench(60).await;
    let now = b.clock.now_ms();
    let orders = b.plain_orders(2);
    b.rewrite(orders[0].number, "PAD-1", 9_800, 1, now - 60 * DAY, Some(now - 59 * DAY), Some(now - 58 * DAY), now);
    b.rewrite(orders[1].number, "PAD-1", 9_800, 1, now - 400 * DAY, Some(now - 399 * DAY), Some(now - 398 * DAY), now);
    b.sync().await;
    b.policy(None, "Pad", Scope::Sku, "PAD-1", 12, PeriodUnit::Months, ReplacementRule::Restart).await;
    let fresh = b.units_of(orders[0].number).remove(0);
    let old = b.units_of(orders[1].number).remove(0);
    assert_eq!((fresh.status, fresh.stage), (UnitStatus::In, Some(Stage::Repair)), "58 days in: past 三包 exchange, in repair");
    assert_eq!(old.status, UnitStatus::Out, "398 days in: out of a 12-month warranty");
    b.desk.set_unit_serial(UnitSerialInput { unit_id: fresh.id, serial: "PAD-S1".into() }).await.unwrap();

    let new = |serial: Option<&str>, unit: Option<i64>| NewRepairInput {
        shop_id: b.shop_id,
        unit_id: unit,
        serial: serial.map(str::to_string),
        order: None,
        case_id: None,
        customer_name: None,
        customer_phone: None,
        product: None,
        fault: "屏幕闪烁".into(),
        intake_at: None,
        promised_at: Some(aftersales::timefmt::to_rfc3339(now + 3 * DAY)),
        technician: Some("小王".into()),
    };
    let t = b.desk.new_repair(new(Some("PAD-S1"), None)).await.unwrap();
    assert_eq!(t.repair.payer, Payer::Warranty, "found by its scanned serial, in warranty: {}", t.payer_basis);
    assert_eq!(t.repair.customer_name, fresh.buyer_name.clone().unwrap(), "the customer comes from the order");
    assert_eq!(t.unit.as_ref().map(|u| u.last_day.clone()), Some(fresh.last_day.clone()));
    let out = b.desk.new_repair(new(None, Some(old.id))).await.unwrap();
    assert_eq!(out.repair.payer, Payer::Customer, "out of warranty: the customer pays ({})", out.payer_basis);
    let expired_swap = b.desk.replace_unit(ReplaceUnitInput { unit_id: old.id, new_serial: "PAD-NEW".into(), at: None }).await.unwrap_err();
    assert_eq!(expired_swap.code, ErrorCode::Conflict, "no warranty replacement after the warranty ended: {}", expired_swap.message);
    let walk_in = b.desk.new_repair(NewRepairInput { customer_name: None, ..new(None, None) }).await.unwrap_err();
    assert_eq!(walk_in.code, ErrorCode::Validation, "a walk-in needs a name: {}", walk_in.message);
    assert!(walk_in.message.starts_with("customer_name"), "the field is named: {}", walk_in.message);
    // With a second shop offered first, a scanned serial still finds its unit, and the ticket is the selling shop's;
    // a unit picked by id under the wrong shop is refused.
    let other = b
        .desk
        .add_offline_shop(aftersales::api::OfflineShopInput { platform: aftersales::shops::Platform::Pdd, name: "门店".into(), time_zone: None, currency: None })
        .await
        .unwrap();
    let scanned = b.desk.new_repair(NewRepairInput { shop_id: other.id, ..new(Some("PAD-S1"), None) }).await.unwrap();
    assert_eq!((scanned.repair.shop_id, scanned.repair.payer), (b.shop_id, Payer::Warranty), "the selling shop's ticket, in warranty");
    let wrong = b.desk.new_repair(NewRepairInput { shop_id: other.id, ..new(None, Some(old.id)) }).await.unwrap_err();
    assert!(wrong.message.contains("another shop"), "{}", wrong.message);
    b.desk.remove_shop(aftersales::api::ShopIdInput { id: other.id }).await.unwrap();

    let id = t.repair.id;
    // An intake photo comes back as it went in, to be shown on the ticket.
    let png = b"\x89PNG\r\n\x1a\n intake: cracked corner".to_vec();
    use base64::Engine;
    let with_photo = b
        .desk
        .add_repair_photo(RepairPhotoInput { repair_id: id, file_name: "进店照片.png".into(), content_base64: base64::engine::general_purpose::STANDARD.encode(&png) })
        .await
        .unwrap();
    let shown = b.desk.repair_photo(IdInput { id: with_photo.photos[0].id }).unwrap();
    assert_eq!((shown.file_name.as_str(), shown.mime.as_str()), ("进店照片.png", "image/png"));
    assert_eq!(base64::engine::general_purpose::STANDARD.decode(&shown.content_base64).unwrap(), png, "byte for byte");
    assert_eq!(b.desk.repair_photo(IdInput { id: 999 }).unwrap_err().code, ErrorCode::NotFound);
    b.desk.add_repair_part(RepairPartInput { repair_id: id, part: "屏幕总成".into(), quantity: 2, cost: "120.50".into() }).await.unwrap();
    let t = b.desk.update_repair(RepairUpdateInput { id, diagnosis: Some("排线松动".into()), technician: None, payer: None, labour: Some("30".into()), promised_at: None, customer_phone: None }).await.unwrap();
    assert_eq!((t.parts_cost.as_str(), t.repair.cost.as_str(), t.merchant_cost.as_str()), ("241.00", "271.00", "271.00"), "warranty repairs are the merchant's cost");
    assert_eq!(t.next, vec![RepairStatus::Diagnosing, RepairStatus::AwaitingParts, RepairStatus::Repairing, RepairStatus::Ready, RepairStatus::Returned, RepairStatus::Unrepairable]);

    b.clock.set(now + DAY);
    let step = |status, at: Option<i64>| RepairActInput { id, status, at: at.map(aftersales::timefmt::to_rfc3339), note: None };
    b.desk.repair_act(step(RepairStatus::Repairing, None)).await.unwrap();
    let back = b.desk.repair_act(step(RepairStatus::Diagnosing, None)).await.unwrap_err();
    assert_eq!(back.code, ErrorCode::Conflict, "no going back to diagnosis: {}", back.message);
    let early = b.desk.repair_act(step(RepairStatus::Ready, Some(now - DAY))).await.unwrap_err();
    assert_eq!(early.code, ErrorCode::Validation, "a step cannot come before the last one");
    b.desk.repair_act(step(RepairStatus::Ready, None)).await.unwrap();
    b.clock.set(now + 2 * DAY);
    let done = b.desk.repair_act(step(RepairStatus::Returned, None)).await.unwrap();
    assert_eq!(done.repair.returned_at.as_deref().map(|t| parse_ms(t).unwrap() / 1000), Some((now + 2 * DAY) / 1000), "to the second");
    assert!(done.next.is_empty(), "returned is final");
    let kinds: Vec<_> = done.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["received", "photo", "part_added", "diagnosis", "labour", "status", "status", "status"], "every change is on the timeline");

    // The follow-up call comes due 72 hours after the hand-back (the default for repairs).
    let due = |at: i64| b.desk.followups(FollowupsQuery { state: FollowupState::Due, at: Some(aftersales::timefmt::to_rfc3339(at)), limit: 100 }).unwrap();
    let repair_followups = |list: Vec<FollowupDto>| list.into_iter().filter(|f| f.repair_id == Some(id)).collect::<Vec<_>>();
    assert!(repair_followups(due(now + 5 * DAY - 1000)).is_empty(), "not due a second before 72 h");
    let f = repair_followups(due(now + 5 * DAY)).remove(0);
    assert!(f.script.contains("Demo") && f.script.contains(&t.repair.number), "the script names the shop and the ticket: {}", f.script);
    assert!(!f.overdue);
    assert!(repair_followups(due(now + 6 * DAY)).remove(0).overdue, "a day past due is overdue");
    let rated_without_reaching = b
        .desk
        .complete_followup(FollowupDoneInput { id: f.id, outcome: FollowupOutcome::NoAnswer, csat: Some(5), note: None, at: None })
        .await
        .unwrap_err();
    assert_eq!(rated_without_reaching.code, ErrorCode::Validation);
    b.clock.set(now + 5 * DAY);
    let rated = b.desk.complete_followup(FollowupDoneInput { id: f.id, outcome: FollowupOutcome::Reached, csat: Some(5), note: Some("满意".into()), at: None }).await.unwrap();
    assert_eq!((rated.csat, rated.outcome), (Some(5), Some(FollowupOutcome::Reached)));
    assert!(repair_followups(due(now + 6 * DAY)).is_empty(), "done ones leave the queue");
    let timeline = b.desk.repair(IdInput { id }).unwrap().events;
    assert_eq!(timeline.last().map(|e| (e.kind.as_str(), e.note.clone())), Some(("followup", Some("reached, CSAT 5/5: 满意".into()))), "the call is on the ticket's timeline");
    let twice = b.desk.complete_followup(FollowupDoneInput { id: f.id, outcome: FollowupOutcome::Reached, csat: Some(4), note: None, at: None }).await.unwrap_err();
    assert_eq!(twice.code, ErrorCode::Conflict, "a call is recorded once");
}

#[tokio::test]
async fn a_repair_taken_in_by_order_number_or_from_a_case_finds_its_warranty_unit() {
    let b = bench(60).await;
    let now = b.clock.now_ms();
    let orders = b.plain_orders(2);
    b.rewrite(orders[0].number, "CAM-1", 9_900, 2, now - 30 * DAY, Some(now - 29 * DAY), Some(now - 28 * DAY), now);
    b.sync().await;
    b.policy(None, "Cameras", Scope::Sku, "CAM-1", 12, PeriodUnit::Months, ReplacementRule::Restart).await;
    let new = |order: Option<String>, case_id: Option<i64>, product: Option<&str>| NewRepairInput {
        shop_id: b.shop_id,
        unit_id: None,
        serial: None,
        order,
        case_id,
        customer_name: None,
        customer_phone: None,
        product: product.map(str::to_string),
        fault: "无法开机".into(),
        intake_at: None,
        promised_at: None,
        technician: None,
    };
    // Two items of one line, no serial on file: either is the one, they share their dates.
    let t = b.desk.new_repair(new(Some(orders[0].number.to_string()), None, None)).await.unwrap();
    let unit = t.unit.clone().expect("the order's unit is found without a serial");
    assert_eq!(unit.title, "CAM-1 商品", "the product comes from the unit");
    assert_eq!(t.repair.payer, Payer::Warranty, "in warranty, so the warranty pays: {}", t.payer_basis);
    assert_eq!(t.repair.product, "CAM-1 商品");

    // A case on the order: a repair opened from it takes the order, its unit and its customer.
    let order_id = b.desk.find_order(b.shop_id, &orders[0].number.to_string()).unwrap().id;
    let case = b
        .desk
        .new_case(NewCaseInput {
            shop_id: b.shop_id,
            order_id: Some(order_id),
            line_external_id: None,
            case_type: aftersales::policy::CaseType::Repair,
            amount: None,
            reason: None,
            note: None,
            customer: None,
            at: None,
        })
        .await
        .unwrap();
    let from_case = b.desk.new_repair(new(None, Some(case.case.id), None)).await.unwrap();
    assert_eq!(from_case.repair.case_id, Some(case.case.id));
    assert_eq!(from_case.repair.order_id, Some(order_id), "the case's order");
    assert_eq!(from_case.repair.payer, Payer::Warranty, "{}", from_case.payer_basis);
    assert!(from_case.unit.is_some(), "the case's order's unit");

    // An order that sold two products under warranty: the merchant says which, or is asked.
    b.rewrite(orders[1].number, "CAM-1", 9_900, 1, now - 20 * DAY, Some(now - 19 * DAY), Some(now - 18 * DAY), now + 1_000);
    b.shop.edit_order(orders[1].number, |o| {
        let mut second = o.lines[0].clone();
        second.id += 1;
        second.sku = "LENS-1".into();
        second.title = "LENS-1 商品".into();
        o.lines.push(second);
    });
    b.clock.set(now + 2_000);
    b.sync().await;
    b.policy(None, "Lenses", Scope::Sku, "LENS-1", 6, PeriodUnit::Months, ReplacementRule::Restart).await;
    let which = b.desk.new_repair(new(Some(orders[1].number.to_string()), None, None)).await.unwrap_err();
    assert_eq!(which.code, ErrorCode::Validation);
    assert!(which.message.starts_with("unit_id:") && which.message.contains("CAM-1 商品") && which.message.contains("LENS-1 商品"), "{}", which.message);
    let lens = b.desk.new_repair(new(Some(orders[1].number.to_string()), None, Some("LENS-1 商品"))).await.unwrap();
    assert_eq!(lens.unit.map(|u| u.sku), Some(Some("LENS-1".to_string())), "the typed product picks the unit");
}

#[tokio::test]
async fn a_resolved_case_queues_its_follow_up_after_the_delay_set_for_cases() {
    let b = bench(20).await;
    let now = b.clock.now_ms();
    let settings = b.desk.followup_settings().unwrap();
    let delay = settings.case_delay_hours * 3_600_000;
    assert_eq!(settings.case_delay_hours, 48, "two days after a case by default");
    let walk_in = |who: &str| NewCaseInput {
        shop_id: b.shop_id,
        order_id: None,
        line_external_id: None,
        case_type: aftersales::policy::CaseType::RefundOnly,
        amount: Some("50.00".into()),
        reason: None,
        note: None,
        customer: Some(who.into()),
        at: None,
    };
    let act = |id: i64, action| CaseActionInput { case_id: id, action, at: None, note: None, amount: None, tracking: None, damaged: None , reason: None, return_address_id: None, through_gateway: None, no_wait: None, record_only: None };
    let refunded = b.desk.new_case(walk_in("钱七")).await.unwrap().case.id;
    let cancelled = b.desk.new_case(walk_in("孙八")).await.unwrap().case.id;
    b.desk.act_case(act(refunded, aftersales::cases::CaseAction::Refund)).await.unwrap();
    b.desk.act_case(act(cancelled, aftersales::cases::CaseAction::Cancel)).await.unwrap();
    let queued = |at: i64| {
        b.desk
            .followups(FollowupsQuery { state: FollowupState::Due, at: Some(aftersales::timefmt::to_rfc3339(at)), limit: 100 })
            .unwrap()
            .into_iter()
            .filter(|f| f.case_id.is_some())
            .collect::<Vec<_>>()
    };
    assert!(queued(now + delay - 1_000).is_empty(), "not due a second before the delay");
    let due = queued(now + delay);
    assert_eq!(due.iter().map(|f| f.case_id).collect::<Vec<_>>(), [Some(refunded)], "the refunded case, not the withdrawn one");
    assert_eq!(due[0].customer.as_deref(), Some("钱七"));

    // The merchant wants cases called after 2 hours: the next resolved case follows the new delay.
    b.desk.update_followup_settings(FollowupSettingsDto { case_delay_hours: 2, ..settings }).await.unwrap();
    let later = b.desk.new_case(walk_in("周九")).await.unwrap().case.id;
    b.desk.act_case(act(later, aftersales::cases::CaseAction::Refund)).await.unwrap();
    let f = queued(now + 2 * 3_600_000).into_iter().find(|f| f.case_id == Some(later)).expect("due after 2 h");
    assert_eq!(parse_ms(&f.due_at).unwrap() / 1000, (now + 2 * 3_600_000) / 1000, "2 h after the refund");
}

#[tokio::test]
async fn compensation_totals_are_by_carrier_and_currency() {
    let b = bench(20).await;
    let add = |kind, amount: &str, currency: Option<&str>, carrier| CompensationInput {
        shop_id: b.shop_id,
        case_id: None,
        kind,
        amount: amount.into(),
        currency: currency.map(str::to_string),
        carrier,
        reason: "破损".into(),
        at: None,
        note: None,
    };
    b.desk.add_compensation(add(CompensationKind::Cash, "10.50", None, CostCarrier::Merchant)).await.unwrap();
    b.desk.add_compensation(add(CompensationKind::Coupon, "5", None, CostCarrier::Merchant)).await.unwrap();
    b.desk.add_compensation(add(CompensationKind::Refund, "7.25", Some("USD"), CostCarrier::Merchant)).await.unwrap();
    b.desk.add_compensation(add(CompensationKind::Reship, "0", None, CostCarrier::Courier)).await.unwrap();
    let neg = b.desk.add_compensation(add(CompensationKind::Cash, "-3", None, CostCarrier::Merchant)).await.unwrap_err();
    assert_eq!(neg.code, ErrorCode::Validation, "negative money is refused: {}", neg.message);
    let zero = b.desk.add_compensation(add(CompensationKind::Cash, "0", None, CostCarrier::Merchant)).await.unwrap_err();
    assert_eq!(zero.code, ErrorCode::Validation, "only a reship may be recorded at zero");
    let huge = b.desk.add_compensation(add(CompensationKind::Cash, "92233720368547758.07", None, CostCarrier::Merchant)).await.unwrap_err();
    assert_eq!(huge.code, ErrorCode::Validation, "an amount no ledger should hold is refused: {}", huge.message);
    let list = b.desk.compensations(CompensationsQuery { case_id: None, from: Some(" ".into()), to: None, limit: None, offset: None, after: None }).unwrap();
    let totals: Vec<_> = list.totals.iter().map(|t| (t.carrier, t.currency.as_str(), t.amount.as_str(), t.count)).collect();
    assert_eq!(
        totals,
        [(CostCarrier::Courier, "CNY", "0.00", 1), (CostCarrier::Merchant, "CNY", "15.50", 2), (CostCarrier::Merchant, "USD", "7.25", 1)],
        "summed per carrier and currency, never across currencies"
    );
}

#[tokio::test]
async fn the_compensation_ledger_pages_by_cursor_with_totals_over_every_entry() {
    let b = bench(5).await;
    // 23 entries over 23 days, two of them at the same second (the id keeps their order).
    let start = b.clock.now_ms() - 30 * DAY;
    for i in 0..23i64 {
        let at = aftersales::timefmt::to_rfc3339(start + i.min(21) * DAY);
        let input = CompensationInput {
            shop_id: b.shop_id,
            case_id: None,
            kind: CompensationKind::Coupon,
            amount: format!("{}", i + 1),
            currency: None,
            carrier: CostCarrier::Merchant,
            reason: format!("entry {i}"),
            at: Some(at),
            note: None,
        };
        b.desk.add_compensation(input).await.unwrap();
    }
    let query = |limit: Option<i64>, offset: Option<i64>, after: Option<String>| CompensationsQuery { case_id: None, from: None, to: None, limit, offset, after };
    let all = b.desk.compensations(query(None, None, None)).unwrap();
    assert_eq!(all.items.len(), 23, "no limit: every entry, as before");
    assert_eq!(all.next_after, None);
    let reasons = |items: &[CompensationDto]| items.iter().map(|c| c.reason.clone()).collect::<Vec<_>>();

    let mut walked = vec![];
    let mut after = None;
    loop {
        let page = b.desk.compensations(query(Some(10), None, after.clone())).unwrap();
        assert_eq!(page.total, 23, "the count covers every entry");
        assert_eq!(page.totals, all.totals, "the totals cover every entry, not the page");
        walked.extend(reasons(&page.items));
        match page.next_after {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    assert_eq!(walked, reasons(&all.items), "page by page, the same entries in the same order, none twice");
    let third = b.desk.compensations(query(Some(10), Some(20), None)).unwrap();
    assert_eq!(reasons(&third.items), reasons(&all.items[20..]), "a jump by offset lands where the cursor would");

    let bad = b.desk.compensations(query(Some(10), None, Some("o1.5.5".into()))).unwrap_err();
    assert_eq!((bad.code, bad.message.starts_with("after")), (ErrorCode::Validation, true), "an orders cursor is not a ledger cursor: {}", bad.message);
    let both = b.desk.compensations(query(Some(10), Some(10), after)).unwrap_err();
    assert_eq!(both.code, ErrorCode::Validation, "offset and after together are refused");
    let too_many = b.desk.compensations(query(Some(501), None, None)).unwrap_err();
    assert!(too_many.message.starts_with("limit"), "{}", too_many.message);
}
