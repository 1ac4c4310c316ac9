//! The demo shop's data: orders generated deterministically from a seed, and changed on request.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const DAY_MS: i64 = 86_400_000;

#[derive(Debug, Clone)]
pub struct DemoLine {
    pub id: u64,
    pub product_id: u64,
    pub variant_id: u64,
    pub sku: String,
    pub title: String,
    pub quantity: i64,
    pub price_minor: i64,
}

#[derive(Debug, Clone)]
pub struct DemoRefund {
    pub id: u64,
    pub created_at: i64,
    pub note: Option<String>,
    /// (line id, quantity, subtotal in minor units)
    pub lines: Vec<(u64, i64, i64)>,
    pub amount_minor: i64,
    pub transaction_id: u64,
}

#[derive(Debug, Clone)]
pub struct DemoFulfillment {
    pub id: u64,
    pub created_at: i64,
    pub updated_at: i64,
    pub tracking_company: String,
    pub tracking_number: String,
    pub shipment_status: Option<&'static str>,
    pub line_ids: Vec<u64>,
}

#[derive(Debug, Clone)]
pub struct DemoReturn {
    pub id: u64,
    pub name: String,
    /// Shopify's ReturnStatus: REQUESTED, OPEN, CLOSED, DECLINED, CANCELED.
    pub status: &'static str,
    pub created_at: i64,
    pub closed_at: Option<i64>,
    /// (line id, quantity, reason)
    pub lines: Vec<(u64, i64, &'static str)>,
}

/// A WooCommerce order note: what the desk records on an order that WooCommerce has no call for.
#[derive(Debug, Clone)]
pub struct DemoNote {
    pub id: u64,
    pub created_at: i64,
    pub note: String,
    pub customer_note: bool,
}

#[derive(Debug, Clone)]
pub struct DemoBuyer {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub address1: String,
    pub city: String,
    pub province: String,
    pub country: String,
    pub zip: String,
}

#[derive(Debug, Clone)]
pub struct DemoOrder {
    pub id: u64,
    pub number: u64,
    pub created_at: i64,
    pub updated_at: i64,
    pub processed_at: i64,
    pub closed_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub cancel_reason: Option<&'static str>,
    pub financial_status: &'static str,
    pub fulfillment_status: Option<&'static str>,
    pub currency: String,
    pub shipping_minor: i64,
    pub buyer: DemoBuyer,
    pub note: Option<String>,
    pub lines: Vec<DemoLine>,
    pub refunds: Vec<DemoRefund>,
    pub fulfillments: Vec<DemoFulfillment>,
    pub returns: Vec<DemoReturn>,
    /// WooCommerce order notes, oldest first.
    pub notes: Vec<DemoNote>,
    /// Shopify `refundCreate` idempotency keys seen on this order and the refund each made.
    pub refund_keys: Vec<(String, u64)>,
    /// Medusa: a return being received (the order's one active `return_receive` order change).
    pub receiving: Option<DemoReceiving>,
}

/// Medusa's receive of a return between its begin and its confirm: the return, and the items marked
/// received so far (line id, quantity).
#[derive(Debug, Clone)]
pub struct DemoReceiving {
    pub return_id: u64,
    pub items: Vec<(u64, i64)>,
}

impl DemoOrder {
    pub fn subtotal_minor(&self) -> i64 {
        self.lines.iter().map(|l| l.price_minor * l.quantity).sum()
    }
    pub fn total_minor(&self) -> i64 {
        self.subtotal_minor() + self.shipping_minor
    }
    pub fn refunded_minor(&self) -> i64 {
        self.refunds.iter().map(|r| r.amount_minor).sum()
    }
    /// Picked up at the store by the buyer (自提) instead of shipped: every seventh order, decided by its number
    /// so the seeded data (and every test that counts it) stays as it was.
    pub fn pickup(&self) -> bool {
        self.number % 7 == 3
    }
    /// Shopify's OrderReturnStatus, the aggregate the `orders` search filters on.
    pub fn return_status(&self) -> &'static str {
        if self.returns.iter().any(|r| r.status == "REQUESTED") {
            "RETURN_REQUESTED"
        } else if self.returns.iter().any(|r| r.status == "OPEN") {
            "IN_PROGRESS"
        } else if self.returns.iter().any(|r| r.status == "CLOSED") {
            "RETURNED"
        } else {
            "NO_RETURN"
        }
    }
}

const PRODUCTS: &[(&str, &str, i64)] = &[
    ("无线蓝牙耳机 Pro", "EAR-PRO-BLK", 29900),
    ("Wireless Earbuds Lite", "EAR-LITE-WHT", 15900),
    ("保温杯 500ml 不锈钢", "CUP-500-SS", 8900),
    ("Ceramic Pour-over Mug", "MUG-CER-01", 6800),
    ("USB-C 快充数据线 1m", "CBL-USBC-1M", 2990),
    ("Phone Case for iPhone 16", "CASE-IP16-CLR", 4900),
    ("智能手环 6 NFC版", "BAND-6-NFC", 24900),
    ("LED Desk Lamp, dimmable", "LAMP-LED-D2", 13900),
    ("机械键盘 87键 茶轴", "KB-87-BRN", 39900),
    ("Yoga Mat 6mm", "YOGA-6MM-PUR", 9900),
    ("空气炸锅 4.5L", "FRY-45L", 45900),
    ("Bluetooth Speaker Mini", "SPK-MINI-RED", 19900),
    ("电动牙刷 声波款", "BRUSH-SONIC", 16900),
    ("Travel Adapter Universal", "ADP-UNI-01", 7900),
    ("儿童保温饭盒", "BOX-KID-BLU", 11900),
    ("Mechanical Pencil Set", "PEN-MECH-SET", 3900),
];

const CN_FAMILY: &[&str] = &["张", "王", "李", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙"];
const CN_GIVEN: &[&str] = &["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "杰", "婷", "晨"];
const EN_FIRST: &[&str] = &["Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Chloe", "Mason"];
const EN_LAST: &[&str] = &["Smith", "Brown", "Wilson", "Taylor", "Clark", "Walker", "Young", "King"];
const CN_CITIES: &[(&str, &str, &str)] = &[
    ("深圳市", "广东省", "518000"),
    ("杭州市", "浙江省", "310000"),
    ("成都市", "四川省", "610000"),
    ("上海市", "上海市", "200000"),
    ("北京市", "北京市", "100000"),
    ("武汉市", "湖北省", "430000"),
];
const EN_CITIES: &[(&str, &str, &str, &str)] = &[
    ("Vancouver", "BC", "Canada", "V5K 0A1"),
    ("Seattle", "WA", "United States", "98101"),
    ("London", "England", "United Kingdom", "EC1A 1BB"),
    ("Sydney", "NSW", "Australia", "2000"),
];
const CARRIERS: &[&str] = &["顺丰速运", "中通快递", "DHL Express", "UPS"];

pub struct Generator {
    rng: StdRng,
    next_id: u64,
}

impl Generator {
    pub fn new(seed: u64) -> Self {
        Self { rng: StdRng::seed_from_u64(seed), next_id: 5_830_184_337_000 + (seed % 1000) * 1_000_000 }
    }

    fn id(&mut self) -> u64 {
        self.next_id += self.rng.random_range(1..=97);
        self.next_id
    }

    /// Timestamps are whole seconds, as the platform writes them.
    fn secs(ms: i64) -> i64 {
        ms - ms.rem_euclid(1000)
    }

    fn buyer(&mut self) -> DemoBuyer {
        if self.rng.random_bool(0.6) {
            let family = CN_FAMILY[self.rng.random_range(0..CN_FAMILY.len())];
            let given = CN_GIVEN[self.rng.random_range(0..CN_GIVEN.len())];
            let (city, province, zip) = CN_CITIES[self.rng.random_range(0..CN_CITIES.len())];
            DemoBuyer {
                first_name: given.to_string(),
                last_name: family.to_string(),
                email: format!("buyer{}@example.cn", self.rng.random_range(1000..99999)),
                phone: format!("+86 13{} {:04} {:04}", self.rng.random_range(0..10), self.rng.random_range(0..10000), self.rng.random_range(0..10000)),
                address1: format!("{}路{}号", ["科技", "人民", "建设", "解放"][self.rng.random_range(0..4)], self.rng.random_range(1..300)),
                city: city.to_string(),
                province: province.to_string(),
                country: "China".to_string(),
                zip: zip.to_string(),
            }
        } else {
            let first = EN_FIRST[self.rng.random_range(0..EN_FIRST.len())];
            let last = EN_LAST[self.rng.random_range(0..EN_LAST.len())];
            let (city, province, country, zip) = EN_CITIES[self.rng.random_range(0..EN_CITIES.len())];
            DemoBuyer {
                first_name: first.to_string(),
                last_name: last.to_string(),
                email: format!("{}.{}@example.com", first.to_lowercase(), last.to_lowercase()),
                phone: format!("+1 604 555 {:04}", self.rng.random_range(0..10000)),
                address1: format!("{} Main Street", self.rng.random_range(1..2000)),
                city: city.to_string(),
                province: province.to_string(),
                country: country.to_string(),
                zip: zip.to_string(),
            }
        }
    }

    /// `count` orders created over the 90 days before `now_ms`, oldest first, ids and numbers ascending.
    pub fn orders(&mut self, count: usize, now_ms: i64, currency: &str) -> Vec<DemoOrder> {
        self.orders_over(count, now_ms, 90, currency)
    }

    /// `count` orders created over the `days` before `now_ms` (at least two), oldest first.
    pub fn orders_over(&mut self, count: usize, now_ms: i64, days: i64, currency: &str) -> Vec<DemoOrder> {
        let span = days.max(2) * DAY_MS;
        let mut created: Vec<i64> =
            (0..count).map(|_| Self::secs(now_ms - self.rng.random_range(DAY_MS / 24..span))).collect();
        created.sort_unstable();
        created.into_iter().enumerate().map(|(i, at)| self.order(1001 + i as u64, at, now_ms, currency)).collect()
    }

    fn order(&mut self, number: u64, created_at: i64, now_ms: i64, currency: &str) -> DemoOrder {
        let id = self.id();
        let line_count = *[1, 1, 1, 2, 2, 3].get(self.rng.random_range(0..6)).unwrap_or(&1);
        let lines: Vec<DemoLine> = (0..line_count)
            .map(|_| {
                let (title, sku, price) = PRODUCTS[self.rng.random_range(0..PRODUCTS.len())];
                DemoLine {
                    id: self.id() + 7_000_000_000_000,
                    product_id: 8_000_000_000 + sku.len() as u64 * 1000 + price as u64 % 997,
                    variant_id: 44_000_000_000 + price as u64,
                    sku: sku.to_string(),
                    title: title.to_string(),
                    quantity: self.rng.random_range(1..=3),
                    price_minor: price,
                }
            })
            .collect();
        let mut order = DemoOrder {
            id,
            number,
            created_at,
            updated_at: created_at,
            processed_at: created_at,
            closed_at: None,
            cancelled_at: None,
            cancel_reason: None,
            financial_status: "paid",
            fulfillment_status: None,
            currency: currency.to_string(),
            shipping_minor: if self.rng.random_bool(0.7) { 0 } else { 1000 },
            buyer: self.buyer(),
            note: None,
            lines,
            refunds: vec![],
            fulfillments: vec![],
            returns: vec![],
            notes: vec![],
            refund_keys: vec![],
            receiving: None,
        };
        let age = now_ms - created_at;
        let roll: f64 = self.rng.random();
        if roll < 0.05 {
            order.financial_status = "pending";
        } else if roll < 0.09 {
            let at = self.after(created_at, 2 * 3_600_000, now_ms);
            order.financial_status = "voided";
            order.cancelled_at = Some(at);
            order.closed_at = Some(at);
            order.cancel_reason = Some("customer");
            order.updated_at = at;
        } else {
            if roll < 0.12 {
                order.financial_status = "authorized";
            }
            if age > DAY_MS && self.rng.random_bool(0.85) {
                self.fulfill(&mut order, now_ms);
            }
            if order.financial_status == "paid" && self.rng.random_bool(0.14) {
                self.refund(&mut order, now_ms);
            }
            if order.fulfillment_status == Some("fulfilled") && self.rng.random_bool(0.08) {
                let at = self.after(order.updated_at, 5 * DAY_MS, now_ms);
                self.open_return(&mut order, at, now_ms);
                let closed = order.returns.last().and_then(|r| r.closed_at).unwrap_or(at);
                order.updated_at = order.updated_at.max(at).max(closed);
            }
            if order.fulfillment_status == Some("fulfilled") && age > 30 * DAY_MS && self.rng.random_bool(0.5) {
                let at = self.after(order.updated_at, 10 * DAY_MS, now_ms);
                order.closed_at = Some(at);
                order.updated_at = at;
            }
        }
        order
    }

    fn after(&mut self, from: i64, within: i64, now_ms: i64) -> i64 {
        Self::secs((from + self.rng.random_range(60_000..within.max(60_001))).min(now_ms - 60_000).max(from))
    }

    fn fulfill(&mut self, order: &mut DemoOrder, now_ms: i64) {
        let shipped = self.after(order.created_at, 2 * DAY_MS, now_ms);
        let delivered = self.after(shipped, 5 * DAY_MS, now_ms);
        let partial = order.lines.len() > 1 && self.rng.random_bool(0.1);
        let line_ids: Vec<u64> = if partial {
            vec![order.lines[0].id]
        } else {
            order.lines.iter().map(|l| l.id).collect()
        };
        let carrier = CARRIERS[self.rng.random_range(0..CARRIERS.len())];
        let fid = self.id() + 3_000_000_000_000;
        let done = delivered < now_ms - 3_600_000;
        order.fulfillments.push(DemoFulfillment {
            id: fid,
            created_at: shipped,
            updated_at: if done { delivered } else { shipped },
            tracking_company: carrier.to_string(),
            tracking_number: format!("SF{}", fid % 10_000_000_000),
            shipment_status: if done { Some("delivered") } else { Some("in_transit") },
            line_ids,
        });
        order.fulfillment_status = Some(if partial { "partial" } else { "fulfilled" });
        order.updated_at = order.updated_at.max(if done { delivered } else { shipped });
    }

    fn refund(&mut self, order: &mut DemoOrder, now_ms: i64) {
        let at = self.after(order.updated_at, 7 * DAY_MS, now_ms);
        let full = self.rng.random_bool(0.4);
        let (lines, amount) = if full {
            let lines: Vec<(u64, i64, i64)> =
                order.lines.iter().map(|l| (l.id, l.quantity, l.price_minor * l.quantity)).collect();
            (lines, order.total_minor())
        } else {
            let l = &order.lines[0];
            (vec![(l.id, 1, l.price_minor)], l.price_minor)
        };
        let note = if full { "买家申请退货退款" } else { "Item arrived damaged" };
        order.refunds.push(DemoRefund {
            id: self.id() + 9_000_000_000_000,
            created_at: at,
            note: Some(note.to_string()),
            lines,
            amount_minor: amount,
            transaction_id: self.id() + 6_000_000_000_000,
        });
        order.financial_status = if amount >= order.total_minor() { "refunded" } else { "partially_refunded" };
        order.updated_at = at;
    }

    /// A return opened `at`; one that is already closed or declined was closed some hours to three days later (as a
    /// merchant answers), never after `latest`, so a shop's resolution times are not all 0 minutes. The delay
    /// comes from the return's id, not the random stream, so the rest of a seed's data stays as it was.
    fn open_return(&mut self, order: &mut DemoOrder, at: i64, latest: i64) {
        const REASONS: [&str; 5] = ["DEFECTIVE", "WRONG_ITEM", "SIZE_TOO_SMALL", "NOT_AS_DESCRIBED", "UNWANTED"];
        let line = &order.lines[self.rng.random_range(0..order.lines.len())];
        let status = ["REQUESTED", "OPEN", "CLOSED", "DECLINED"][self.rng.random_range(0..4)];
        let n = order.returns.len() + 1;
        let id = self.id() + 2_000_000_000_000;
        let answered = (at + 2 * 3_600_000 + (id % 70) as i64 * 3_600_000).min(Self::secs(latest)).max(at);
        order.returns.push(DemoReturn {
            id,
            name: format!("#{}-R{}", order.number, n),
            status,
            created_at: at,
            closed_at: matches!(status, "CLOSED" | "DECLINED").then_some(answered),
            lines: vec![(line.id, 1, REASONS[self.rng.random_range(0..REASONS.len())])],
        });
    }

    /// Moves a return along without touching the order's `updated_at`, as real shops were seen to do.
    pub fn advance_return(&mut self, order: &mut DemoOrder, at: i64) -> bool {
        let Some(r) = order.returns.iter_mut().find(|r| matches!(r.status, "REQUESTED" | "OPEN")) else { return false };
        r.status = if r.status == "REQUESTED" { "OPEN" } else { "CLOSED" };
        if r.status == "CLOSED" {
            r.closed_at = Some(Self::secs(at));
        }
        true
    }

    /// Changes one order as a merchant or buyer would (a note, a fulfilment, a refund) and stamps it `at`.
    pub fn change(&mut self, order: &mut DemoOrder, at: i64) {
        let at = Self::secs(at);
        let refundable = matches!(order.financial_status, "paid" | "partially_refunded")
            && order.refunded_minor() < order.total_minor();
        match self.rng.random_range(0..4) {
            3 if order.fulfillment_status == Some("fulfilled") => self.open_return(order, at, at),
            0 if order.fulfillment_status.is_none() && order.cancelled_at.is_none() => {
                self.fulfill(order, at + 3_600_000);
            }
            1 if refundable => {
                let l = &order.lines[0];
                let amount = l.price_minor.min(order.total_minor() - order.refunded_minor());
                order.refunds.push(DemoRefund {
                    id: self.id() + 9_000_000_000_000,
                    created_at: at,
                    note: Some("部分退款：补偿运费差价".to_string()),
                    lines: vec![],
                    amount_minor: amount,
                    transaction_id: self.id() + 6_000_000_000_000,
                });
                order.financial_status =
                    if order.refunded_minor() >= order.total_minor() { "refunded" } else { "partially_refunded" };
            }
            _ => {
                order.note = Some(format!("客服备注 #{}", self.rng.random_range(100..999)));
            }
        }
        order.updated_at = at.max(order.updated_at);
    }

    pub fn pick(&mut self, len: usize) -> usize {
        self.rng.random_range(0..len)
    }
}
