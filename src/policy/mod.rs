//! Rule packs (one data file per platform, shipped in the app, numbers overridable by the merchant), the
//! clocks they define, the facts the eligibility explainer reads from them (automatic receipt confirmation,
//! per-item request cap, the platform's own refusals), and the business calendar the merchant's own targets
//! run on.

pub mod calendar;
pub mod holidays;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseType {
    RefundOnly,
    ReturnRefund,
    Exchange,
    Reship,
    Repair,
    WarrantyClaim,
}

impl CaseType {
    pub const ALL: [CaseType; 6] = [
        CaseType::RefundOnly,
        CaseType::ReturnRefund,
        CaseType::Exchange,
        CaseType::Reship,
        CaseType::Repair,
        CaseType::WarrantyClaim,
    ];
    pub fn id(self) -> &'static str {
        match self {
            CaseType::RefundOnly => "refund_only",
            CaseType::ReturnRefund => "return_refund",
            CaseType::Exchange => "exchange",
            CaseType::Reship => "reship",
            CaseType::Repair => "repair",
            CaseType::WarrantyClaim => "warranty_claim",
        }
    }
    pub fn parse(s: &str) -> Option<CaseType> {
        CaseType::ALL.into_iter().find(|t| t.id() == s)
    }
    /// Types where goods travel back to the merchant.
    pub fn returns_goods(self) -> bool {
        matches!(self, CaseType::ReturnRefund | CaseType::Exchange | CaseType::Repair | CaseType::WarrantyClaim)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    MerchantResponse,
    BuyerShipBack,
    MerchantConfirmReceipt,
    RefundAfterReceipt,
    EscalationWindow,
    FirstResponse,
    Resolution,
}

impl ClockKind {
    pub const ALL: [ClockKind; 7] = [
        ClockKind::MerchantResponse,
        ClockKind::BuyerShipBack,
        ClockKind::MerchantConfirmReceipt,
        ClockKind::RefundAfterReceipt,
        ClockKind::EscalationWindow,
        ClockKind::FirstResponse,
        ClockKind::Resolution,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ClockKind::MerchantResponse => "merchant_response",
            ClockKind::BuyerShipBack => "buyer_ship_back",
            ClockKind::MerchantConfirmReceipt => "merchant_confirm_receipt",
            ClockKind::RefundAfterReceipt => "refund_after_receipt",
            ClockKind::EscalationWindow => "escalation_window",
            ClockKind::FirstResponse => "first_response",
            ClockKind::Resolution => "resolution",
        }
    }
    pub fn parse(s: &str) -> Option<ClockKind> {
        serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Consequence {
    AutoRefund,
    AutoClose,
    EscalationLost,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CalendarKind {
    Natural,
    Business,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Official,
    Secondary,
    Unverified,
}

/// One deadline a platform (or the merchant) runs on a case, as written in a pack file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    pub kind: ClockKind,
    pub case_types: Vec<CaseType>,
    /// The case event that starts the clock (`opened`, or an action: `approve`, `reject`, `buyer_shipped`, …).
    pub starts_on: String,
    pub stops_on: Vec<String>,
    #[serde(default)]
    pub pauses_on: Vec<String>,
    #[serde(default)]
    pub resumes_on: Vec<String>,
    pub minutes: i64,
    pub calendar: CalendarKind,
    pub consequence: Consequence,
    pub source: String,
    pub as_of: String,
    pub confidence: Confidence,
    pub note: String,
}

/// A fact of a platform's after-sales rules the eligibility explainer needs, as written in a pack file: the
/// automatic receipt confirmation (`auto_confirm`, `number` = days after shipping), the per-item request cap
/// (`attempt_cap`, `number` = requests), and the platform's own refusals (`already_open`, `not_shipped`,
/// `self_pickup`), each with its source, date and confidence like the clock rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EligibilityFact {
    pub id: String,
    pub code: String,
    #[serde(default)]
    pub number: Option<i64>,
    pub source: String,
    pub as_of: String,
    pub confidence: Confidence,
    pub note: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RulePack {
    pub pack: String,
    pub name: String,
    pub rules: Vec<Rule>,
    #[serde(default)]
    pub no_reason_return_days: Option<i64>,
    #[serde(default)]
    pub no_reason_return_source: Option<String>,
    #[serde(default)]
    pub eligibility: Vec<EligibilityFact>,
}

const PACK_FILES: [&str; 9] = [
    include_str!("packs/pdd.json"),
    include_str!("packs/taobao.json"),
    include_str!("packs/jd.json"),
    include_str!("packs/douyin.json"),
    include_str!("packs/wechat_shop.json"),
    include_str!("packs/shopify.json"),
    include_str!("packs/woocommerce.json"),
    include_str!("packs/medusa.json"),
    include_str!("packs/china_law.json"),
];

pub const CHINA_LAW: &str = "china_law";

/// The packs shipped in the app, read once: every case opened and every action asks for its rules, and parsing
/// eight packs each time made an import of 100 k requests spend most of its time here. A broken pack is a build
/// mistake, caught by the tests, never by a merchant.
pub fn shipped_packs() -> Vec<RulePack> {
    packs().to_vec()
}

fn packs() -> &'static [RulePack] {
    static PACKS: std::sync::OnceLock<Vec<RulePack>> = std::sync::OnceLock::new();
    PACKS.get_or_init(|| PACK_FILES.iter().filter_map(|text| serde_json::from_str(text).ok()).collect())
}

/// Which packs govern a shop on this platform: its own, and Chinese consumer law on Chinese platforms.
pub fn packs_for(platform: &str) -> Vec<&'static str> {
    match platform {
        "pdd" => vec!["pdd", CHINA_LAW],
        "taobao" => vec!["taobao", CHINA_LAW],
        "jd" => vec!["jd", CHINA_LAW],
        "douyin" => vec!["douyin", CHINA_LAW],
        "wechat_shop" => vec!["wechat_shop", CHINA_LAW],
        "shopify" => vec!["shopify"],
        "woocommerce" => vec!["woocommerce"],
        "medusa" => vec!["medusa"],
        _ => vec![],
    }
}

pub fn is_chinese_platform(platform: &str) -> bool {
    packs_for(platform).contains(&CHINA_LAW)
}

/// The rules that apply to a case on this platform, with the merchant's overrides of the numbers applied.
pub fn rules_for(platform: &str, case_type: CaseType, overrides: &dyn Fn(&str) -> Option<i64>) -> Vec<Rule> {
    let wanted = packs_for(platform);
    packs()
        .iter()
        .filter(|p| wanted.contains(&p.pack.as_str()))
        .flat_map(|p| p.rules.iter())
        .filter(|r| r.case_types.contains(&case_type))
        .cloned()
        .map(|mut r| {
            if let Some(m) = overrides(&r.id) {
                r.minutes = m;
            }
            r
        })
        .collect()
}

/// The platform's fact for `code` (its own pack first, then Chinese law), if a pack writes one down.
pub fn eligibility_fact(platform: &str, code: &str) -> Option<&'static EligibilityFact> {
    let wanted = packs_for(platform);
    wanted
        .iter()
        .filter_map(|w| packs().iter().find(|p| p.pack == *w))
        .flat_map(|p| p.eligibility.iter())
        .find(|f| f.code == code)
}

pub fn find_rule(rule_id: &str) -> Option<Rule> {
    packs().iter().flat_map(|p| p.rules.iter()).find(|r| r.id == rule_id).cloned()
}

pub fn china_law() -> Option<RulePack> {
    shipped_packs().into_iter().find(|p| p.pack == CHINA_LAW)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pack_file_loads_and_says_where_its_numbers_come_from() {
        let packs = shipped_packs();
        assert_eq!(packs.len(), PACK_FILES.len(), "every shipped pack parses");
        for p in &packs {
            for r in &p.rules {
                assert!(r.id.starts_with(&format!("{}.", p.pack)), "{} is named after its pack", r.id);
                assert!(r.minutes > 0 && !r.source.is_empty() && !r.as_of.is_empty(), "{} has a number, a source and a date", r.id);
                assert!(!r.case_types.is_empty() && !r.stops_on.is_empty(), "{} applies to something and can stop", r.id);
                if r.confidence == Confidence::Unverified {
                    assert!(r.note.contains("UNVERIFIED") || r.source.contains("UNVERIFIED") || r.note.contains("unverified") || p.pack == "taobao",
                        "{}: an unverified number says so", r.id);
                }
            }
        }
        for p in &packs {
            for f in &p.eligibility {
                assert!(f.id.starts_with(&format!("{}.", p.pack)), "{} is named after its pack", f.id);
                assert!(!f.source.is_empty() && !f.as_of.is_empty() && !f.note.is_empty(), "{} has a source, a date and a note", f.id);
                assert!(["auto_confirm", "attempt_cap", "already_open", "not_shipped", "self_pickup"].contains(&f.code.as_str()), "{}: a code the explainer reads", f.id);
                if matches!(f.code.as_str(), "auto_confirm" | "attempt_cap") {
                    assert!(f.number.is_some_and(|n| n > 0), "{} has its number", f.id);
                }
                if f.confidence == Confidence::Unverified {
                    assert!(f.note.contains("UNVERIFIED"), "{}: an unverified number says so", f.id);
                }
            }
        }
        assert!(eligibility_fact("pdd", "auto_confirm").is_some() && eligibility_fact("taobao", "auto_confirm").is_some(),
            "Pinduoduo and Taobao confirm receipt on their own after shipping");
        assert!(eligibility_fact("shopify", "auto_confirm").is_none(), "Shopify confirms nothing on its own");
        let pdd = rules_for("pdd", CaseType::RefundOnly, &|_| None);
        let response = pdd.iter().find(|r| r.kind == ClockKind::MerchantResponse).expect("Pinduoduo answers within a deadline");
        assert_eq!((response.minutes, response.consequence), (48 * 60, Consequence::AutoRefund), "48 hours, then the platform refunds");
        assert!(rules_for("shopify", CaseType::ReturnRefund, &|_| None).iter().all(|r| r.consequence == Consequence::None),
            "Shopify takes no action of its own: only the merchant's targets");
        let overridden = rules_for("pdd", CaseType::RefundOnly, &|id| (id == "pdd.merchant_response").then_some(24 * 60));
        assert_eq!(overridden[0].minutes, 24 * 60, "the merchant can override a number");
    }
}
