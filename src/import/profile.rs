//! Column-mapping profiles: which header of a back-office export holds which of our fields, and how its words
//! for a request's type and status map onto the platform's codes. A preset per platform and list (Pinduoduo
//! and Taobao, orders and after-sales) ships with the app; the merchant's own are saved in the settings.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Orders,
    Aftersales,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportProfile {
    /// Letters, digits, `_` and `-`.
    pub id: String,
    pub name_en: String,
    pub name_zh: String,
    /// `pdd` or `taobao`: whose codes the type and status words map to.
    pub platform: String,
    pub kind: ImportKind,
    /// Our field → the header it is read from; `a|b` takes whichever the file has.
    pub columns: BTreeMap<String, String>,
    /// After-sales: the export's word for the type → the platform's type code.
    pub type_values: BTreeMap<String, String>,
    /// After-sales: the export's word for the status → the platform's status code.
    pub status_values: BTreeMap<String, String>,
    pub builtin: bool,
}

/// The fields of each kind; the first ones are required.
pub const ORDER_FIELDS: &[(&str, bool)] = &[
    ("order_id", true),
    ("created", true),
    ("total", true),
    ("paid", false),
    ("shipped", false),
    ("delivered", false),
    ("status", false),
    ("buyer_name", false),
    ("buyer_phone", false),
    ("address", false),
    ("sku", false),
    ("title", false),
    ("quantity", false),
    ("price", false),
    ("line_total", false),
    ("delivery_method", false),
];

pub const AFTERSALES_FIELDS: &[(&str, bool)] = &[
    ("request_id", true),
    ("order_id", true),
    ("type", true),
    ("status", true),
    ("amount", true),
    ("created", true),
    ("updated", false),
    ("reason", false),
    ("sku", false),
    ("title", false),
    ("quantity", false),
    ("deadline", false),
];

pub fn fields(kind: ImportKind) -> &'static [(&'static str, bool)] {
    match kind {
        ImportKind::Orders => ORDER_FIELDS,
        ImportKind::Aftersales => AFTERSALES_FIELDS,
    }
}

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

pub fn presets() -> Vec<ImportProfile> {
    let pdd_status: Vec<(String, String)> = crate::sync::pdd_status::STATUSES
        .iter()
        .map(|s| (s.label_zh.to_string(), s.code.to_string()))
        .chain([("待商家处理", 2), ("退款中", 4), ("退款成功", 10), ("买家撤销", 11), ("平台处理中", 8), ("驳回退款", 6), ("退款关闭", 9)].map(|(w, c)| (w.to_string(), c.to_string())))
        .collect();
    let taobao_status: Vec<(String, String)> = crate::sync::taobao_status::STATUSES
        .iter()
        .map(|(code, label)| (label.to_string(), code.to_string()))
        .chain([("退款成功", "SUCCESS"), ("退款关闭", "CLOSED"), ("卖家拒绝退款", "SELLER_REFUSE_BUYER"), ("等待卖家同意", "WAIT_SELLER_AGREE")].map(|(w, c)| (w.to_string(), c.to_string())))
        .collect();
    vec![
        ImportProfile {
            id: "pdd_orders".into(),
            name_en: "Pinduoduo orders export".into(),
            name_zh: "拼多多订单导出".into(),
            platform: "pdd".into(),
            kind: ImportKind::Orders,
            columns: map(&[
                ("order_id", "订单号"),
                ("created", "订单成交时间|订单创建时间"),
                ("total", "用户实付金额(元)|商家实收金额(元)"),
                ("paid", "支付时间|订单成交时间"),
                ("shipped", "发货时间"),
                ("delivered", "确认收货时间"),
                ("status", "订单状态"),
                ("buyer_name", "收货人"),
                ("buyer_phone", "手机|收货人电话"),
                ("address", "详细地址|收货地址"),
                ("sku", "商家编码-规格维度|商家编码"),
                ("title", "商品|商品名称"),
                ("quantity", "商品数量(件)|商品数量"),
                ("line_total", "商品总价(元)"),
                ("delivery_method", "配送方式|提货方式|物流方式"),
            ]),
            type_values: BTreeMap::new(),
            status_values: BTreeMap::new(),
            builtin: true,
        },
        ImportProfile {
            id: "pdd_aftersales".into(),
            name_en: "Pinduoduo after-sales export".into(),
            name_zh: "拼多多售后导出".into(),
            platform: "pdd".into(),
            kind: ImportKind::Aftersales,
            columns: map(&[
                ("request_id", "售后编号|售后单号"),
                ("order_id", "订单号|订单编号"),
                ("type", "售后类型"),
                ("status", "售后状态"),
                ("amount", "退款金额(元)|退款金额"),
                ("created", "申请时间|售后申请时间"),
                ("updated", "更新时间|售后更新时间"),
                ("reason", "售后原因|申请原因"),
                ("sku", "商家编码-规格维度|商家编码"),
                ("title", "商品名称|商品"),
                ("quantity", "申请数量|商品数量"),
            ]),
            type_values: map(&[("仅退款", "1"), ("退货退款", "2"), ("换货", "3"), ("补寄", "4"), ("维修", "5")]),
            status_values: pdd_status.into_iter().collect(),
            builtin: true,
        },
        ImportProfile {
            id: "taobao_orders".into(),
            name_en: "Taobao orders report".into(),
            name_zh: "淘宝订单报表".into(),
            platform: "taobao".into(),
            kind: ImportKind::Orders,
            columns: map(&[
                ("order_id", "订单编号"),
                ("created", "订单创建时间"),
                ("total", "买家实际支付金额|实付款"),
                ("paid", "订单付款时间"),
                ("shipped", "发货时间"),
                ("delivered", "确认收货时间"),
                ("status", "订单状态"),
                ("buyer_name", "收货人姓名"),
                ("buyer_phone", "联系手机"),
                ("address", "收货地址"),
                ("sku", "商家编码"),
                ("title", "宝贝标题"),
                ("quantity", "宝贝总数量|购买数量"),
                ("price", "宝贝单价|价格"),
                ("delivery_method", "运送方式|物流方式|配送方式"),
            ]),
            type_values: BTreeMap::new(),
            status_values: BTreeMap::new(),
            builtin: true,
        },
        ImportProfile {
            id: "taobao_refunds".into(),
            name_en: "Taobao refunds report".into(),
            name_zh: "淘宝退款报表".into(),
            platform: "taobao".into(),
            kind: ImportKind::Aftersales,
            columns: map(&[
                ("request_id", "退款编号|退款单号"),
                ("order_id", "订单编号"),
                ("type", "是否需要退货|买家是否需要退货"),
                ("status", "退款状态"),
                ("amount", "买家退款金额|退款金额"),
                ("created", "退款的申请时间|申请退款时间"),
                ("updated", "退款完结时间|修改时间"),
                ("reason", "退款原因"),
                ("sku", "商家编码"),
                ("title", "宝贝标题"),
                ("deadline", "超时时间|退款超时时间"),
            ]),
            type_values: map(&[("是", "return"), ("否", "refund_only")]),
            status_values: taobao_status.into_iter().collect(),
            builtin: true,
        },
    ]
}

/// Checks a merchant's profile: its id, platform, and that every required field names a header.
pub fn check(p: &ImportProfile) -> Result<(), (&'static str, String)> {
    if p.id.is_empty() || p.id.len() > 40 || !p.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return Err(("id", "letters, digits, _ and - only, up to 40".into()));
    }
    if presets().iter().any(|b| b.id == p.id) {
        return Err(("id", format!("'{}' is a built-in profile; save yours under another id", p.id)));
    }
    if !matches!(p.platform.as_str(), "pdd" | "taobao") {
        return Err(("platform", "pdd or taobao".into()));
    }
    if p.name_en.trim().is_empty() && p.name_zh.trim().is_empty() {
        return Err(("name_en", "give the profile a name".into()));
    }
    for (field, required) in fields(p.kind) {
        if *required && p.columns.get(*field).is_none_or(|h| h.trim().is_empty()) {
            return Err(("columns", format!("{field} is required: name the header it is read from")));
        }
    }
    if let Some(unknown) = p.columns.keys().find(|k| !fields(p.kind).iter().any(|(f, _)| f == k)) {
        return Err(("columns", format!("'{unknown}' is not a field of this kind of list")));
    }
    Ok(())
}
