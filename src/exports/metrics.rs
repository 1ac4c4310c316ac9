//! The dashboard's figures as a workbook: every figure with numerator, denominator, the previous window and
//! its definition; then the daily series, return reasons, return SKUs and clock compliance per kind.

use super::{write_workbook, Cell, Column, ExportError, Header, Lang, Sheet};
use crate::metrics::{Durations, KeyRate, Metrics, Money, Ratio};
use chrono_tz::Tz;
use std::path::Path;

const HOUR: f64 = 3_600_000.0;

fn col(id: &'static str, en: &'static str, zh: &'static str, width: f64) -> Column {
    Column { id, en, zh, width }
}

fn header(sheet: &str, cols: &[Column], lang: Lang) -> Header {
    Header::of(sheet, cols, &(0..cols.len()).collect::<Vec<_>>(), lang)
}

fn percent(r: &Ratio) -> Cell<'static> {
    r.value.map(Cell::Percent).unwrap_or(Cell::Empty)
}

fn hours(ms: Option<i64>) -> Cell<'static> {
    ms.map(|m| Cell::Number((m as f64 / HOUR * 10.0).round() / 10.0)).unwrap_or(Cell::Empty)
}

fn money_of<'a>(list: &'a [Money], currency: &str) -> Cell<'a> {
    list.iter().find(|m| m.currency == currency).map(|m| Cell::Money(m.minor, m.currency.as_str().into())).unwrap_or(Cell::Empty)
}

/// The figures sheet: one row per figure, each with its definition.
struct Figures<'a> {
    lang: Lang,
    rows: Vec<Vec<Cell<'a>>>,
}

impl<'a> Figures<'a> {
    /// One argument per column of the sheet, in the sheet's order.
    #[allow(clippy::too_many_arguments)]
    fn row(&mut self, en: &str, zh: &str, value: Cell<'a>, num: Cell<'a>, den: Cell<'a>, before: Cell<'a>, def: (&str, &str)) {
        self.rows.push(vec![
            Cell::text(self.lang.pick(en, zh).to_string()),
            value,
            num,
            den,
            before,
            Cell::text(self.lang.pick(def.0, def.1).to_string()),
        ]);
    }
    fn ratio(&mut self, en: &str, zh: &str, now: &Ratio, before: Option<&Ratio>, def: (&str, &str)) {
        self.row(en, zh, percent(now), Cell::Int(now.numerator), Cell::Int(now.denominator), before.map(percent).unwrap_or(Cell::Empty), def);
    }
    fn durations(&mut self, en: &str, zh: &str, now: &Durations, before: Option<&Durations>, def: (&str, &str)) {
        let (en_m, zh_m) = (format!("{en}, median (hours)"), format!("{zh}中位数（小时）"));
        let (en_p, zh_p) = (format!("{en}, p90 (hours)"), format!("{zh} P90（小时）"));
        // What was not measured is said beside the figure, as the dashboard's card says it.
        let n = now.left_out;
        let (def_en, def_zh) = if n > 0 {
            (
                format!("{}; {n} left out: first seen already finished, with no request time from the platform", def.0),
                format!("{}；另有 {n} 单未计入：首次同步时已完结，平台未给出申请时间", def.1),
            )
        } else {
            (def.0.to_string(), def.1.to_string())
        };
        let def = (def_en.as_str(), def_zh.as_str());
        self.row(&en_m, &zh_m, hours(now.median_ms), Cell::Empty, Cell::Int(now.count), before.map(|b| hours(b.median_ms)).unwrap_or(Cell::Empty), def);
        self.row(&en_p, &zh_p, hours(now.p90_ms), Cell::Empty, Cell::Int(now.count), before.map(|b| hours(b.p90_ms)).unwrap_or(Cell::Empty), def);
    }
    fn money(&mut self, en: &str, zh: &str, now: &'a [Money], before: Option<&'a [Money]>, def: (&str, &str)) {
        let mut currencies: Vec<&str> = now.iter().chain(before.unwrap_or(&[])).map(|m| m.currency.as_str()).collect();
        currencies.sort_unstable();
        currencies.dedup();
        for cur in currencies {
            let before = before.map(|b| money_of(b, cur)).unwrap_or(Cell::Empty);
            self.row(&format!("{en} ({cur})"), &format!("{zh}（{cur}）"), money_of(now, cur), Cell::Empty, Cell::Empty, before, def);
        }
    }
}

fn sum_compliance(m: &Metrics) -> Ratio {
    let (met, judged) = m.clock_compliance.iter().fold((0, 0), |(a, b), k| (a + k.compliance.numerator, b + k.compliance.denominator));
    Ratio::of(met, judged)
}

fn figures<'a>(m: &'a Metrics, shop: &str, tz: Tz, lang: Lang) -> Vec<Vec<Cell<'a>>> {
    let p = m.previous.as_deref();
    let ms = |s: &str| crate::timefmt::parse_ms(s).ok();
    let mut f = Figures { lang, rows: vec![] };
    let window_def = ("[start, end): an instant on the end belongs to the next window", "[开始, 结束)：恰在结束时刻的记录属于下一个窗口");
    f.row("Shop", "店铺", Cell::text(shop.to_string()), Cell::Empty, Cell::Empty, Cell::Empty, ("", ""));
    f.row("Window start", "窗口开始", Cell::opt_time(ms(&m.start), tz), Cell::Empty, Cell::Empty, p.map(|p| Cell::opt_time(ms(&p.start), tz)).unwrap_or(Cell::Empty), window_def);
    f.row("Window end", "窗口结束", Cell::opt_time(ms(&m.end), tz), Cell::Empty, Cell::Empty, p.map(|p| Cell::opt_time(ms(&p.end), tz)).unwrap_or(Cell::Empty), window_def);
    f.ratio(
        "Intervention rate",
        "介入率",
        &m.intervention_rate,
        p.map(|p| &p.intervention_rate),
        (
            "orders with a platform intervention in the window (dated by the intervention) ÷ orders paid in the window",
            "平台介入订单数 ÷ 成团订单总数：窗口内发生平台介入的订单（按介入时间计）÷ 窗口内付款（成团）的订单",
        ),
    );
    f.row(
        "Intervention count",
        "介入量",
        Cell::Int(m.intervention_rate.numerator),
        Cell::Empty,
        Cell::Empty,
        p.map(|p| Cell::Int(p.intervention_rate.numerator)).unwrap_or(Cell::Empty),
        ("the intervention rate's numerator", "介入率的分子"),
    );
    if let Some(avg) = m.intervention_average {
        let warn = match (m.intervention_warning, m.intervention_second_cycle) {
            (_, true) => lang.pick("above it for the second window running", "连续第二个周期高于均值"),
            (true, false) => lang.pick("above it", "高于均值"),
            _ => lang.pick("at or below it", "不高于均值"),
        };
        f.row("Category average", "类目均值", Cell::Percent(avg), Cell::Empty, Cell::Empty, Cell::Empty, ("entered by the merchant for this shop", "商家为本店录入"));
        let top3 = if m.intervention_top3_unknown {
            (
                "the platform also requires 介入量 in the category's top 3, which cannot be known from one shop",
                "平台另一条件（介入量位于类目前 3）无法在本店得知",
            )
        } else {
            ("", "")
        };
        f.row("Intervention rate against the average", "介入率与均值相比", Cell::text(warn.to_string()), Cell::Empty, Cell::Empty, Cell::Empty, top3);
    }
    f.durations(
        "First response",
        "首次响应",
        &m.first_response,
        p.map(|p| &p.first_response),
        ("request opened → the merchant's first action, for cases opened in the window", "售后发起 → 商家首次处理，窗口内发起的售后单"),
    );
    f.ratio(
        "Clock compliance (all kinds)",
        "时限达标率（全部）",
        &sum_compliance(m),
        p.map(sum_compliance).as_ref(),
        ("clocks met ÷ clocks judged (met or breached) in the window; a clock past due counts as breached whether or not its case was opened", "窗口内判定的时限中按时完成的比例；已超时的时限无论售后单是否打开过都计为超时"),
    );
    f.row(
        "Clocks breached",
        "超时次数",
        Cell::Int(m.clocks_breached),
        Cell::Empty,
        Cell::Empty,
        p.map(|p| Cell::Int(p.clocks_breached)).unwrap_or(Cell::Empty),
        ("clocks that ran out in the window", "窗口内超时的时限"),
    );
    f.money(
        "Money auto-refunded",
        "超时自动退款金额",
        &m.auto_refunded,
        p.map(|p| p.auto_refunded.as_slice()),
        ("amount at stake on cases whose auto-refund clock ran out in the window", "窗口内因超时被平台自动退款的金额"),
    );
    f.ratio(
        "Refund rate",
        "退款率",
        &m.refund_rate,
        p.map(|p| &p.refund_rate),
        ("orders paid in the window that have a refund ÷ orders paid in the window", "窗口内付款且有退款的订单 ÷ 窗口内付款的订单"),
    );
    f.durations("Resolution", "处理时长", &m.resolution, p.map(|p| &p.resolution), ("opened → closed, for cases closed in the window", "发起 → 完结，窗口内完结的售后单"));
    f.durations(
        "Repair turnaround",
        "维修周期",
        &m.repair_turnaround,
        p.map(|p| &p.repair_turnaround),
        ("intake → returned to the customer, for repairs returned in the window", "收件 → 寄回客户，窗口内寄回的维修单"),
    );
    f.ratio(
        "Repairs past the promised date",
        "维修逾期率",
        &m.repairs_past_due,
        p.map(|p| &p.repairs_past_due),
        ("repairs returned after the promised date ÷ repairs returned", "晚于承诺日期寄回的维修单 ÷ 寄回的维修单"),
    );
    f.ratio(
        "Repeat repairs",
        "返修率",
        &m.repeat_repairs,
        p.map(|p| &p.repeat_repairs),
        ("repairs of a unit or serial repaired within the 90 days before ÷ repairs taken in", "90 天内修过的同一设备再次送修 ÷ 收件的维修单"),
    );
    f.ratio(
        "Satisfaction (CSAT)",
        "满意度",
        &m.csat,
        p.map(|p| &p.csat),
        ("follow-ups rated 4–5 ÷ follow-ups rated, done in the window", "窗口内回访评分 4–5 分 ÷ 有评分的回访"),
    );
    f.money(
        "After-sales cost",
        "售后成本",
        &m.cost,
        p.map(|p| p.cost.as_slice()),
        ("refunds + compensation the merchant carried + the merchant's share of repairs returned", "退款 + 商家承担的补偿 + 商家承担的维修费用"),
    );
    f.rows
}

fn keyed(list: &[KeyRate], named: bool, lang: Lang) -> Vec<Vec<Cell<'_>>> {
    list.iter()
        .map(|k| {
            let name = if lang == Lang::Zh { k.label_zh.as_deref() } else { k.label_en.as_deref() };
            let mut row = vec![Cell::text(k.key.as_str())];
            if named {
                row.push(Cell::opt_text(name));
            }
            row.extend([Cell::Int(k.rate.numerator), Cell::Int(k.rate.denominator), percent(&k.rate), k.priority.map(Cell::Number).unwrap_or(Cell::Empty)]);
            row
        })
        .collect()
}

/// Writes the workbook; returns how many figure rows it holds.
pub fn export(m: &Metrics, shop: &str, tz: Tz, lang: Lang, out: &Path) -> Result<usize, ExportError> {
    let figure_cols = [
        col("figure", "Figure", "指标", 40.0),
        col("value", "Value", "数值", 16.0),
        col("numerator", "Numerator", "分子", 12.0),
        col("denominator", "Denominator (count)", "分母（数量）", 14.0),
        col("previous", "Previous window", "上一窗口", 16.0),
        col("definition", "Definition", "定义", 80.0),
    ];
    let daily_cols = [
        col("date", "Date", "日期", 12.0),
        col("orders_completed", "Orders completed", "完成订单", 14.0),
        col("cases_opened", "Cases opened", "新售后单", 14.0),
        col("interventions", "Interventions", "平台介入", 14.0),
        col("clocks_met", "Clocks met", "按时完成", 12.0),
        col("clocks_breached", "Clocks breached", "超时", 12.0),
        col("repairs_returned", "Repairs returned", "维修寄回", 14.0),
    ];
    let rate_cols = |key: Column, named: bool| {
        let mut v = vec![key];
        if named {
            v.push(col("name", "Name", "名称", 28.0));
        }
        v.extend([
            col("cases", "Cases", "售后单", 10.0),
            col("base", "Orders / lines paid", "付款订单/行", 16.0),
            col("rate", "Rate", "比例", 10.0),
            col("priority", "Priority (rate × count)", "优先级（比例×数量）", 20.0),
        ]);
        v
    };
    let reason_cols = rate_cols(col("reason", "Reason code", "原因代码", 24.0), true);
    let sku_cols = rate_cols(col("sku", "SKU", "SKU", 20.0), false);
    let clock_cols = [
        col("kind", "Clock", "时限", 24.0),
        col("met", "Met", "按时", 10.0),
        col("judged", "Judged", "已判定", 10.0),
        col("compliance", "Compliance", "达标率", 12.0),
        col("breached", "Breached", "超时", 10.0),
    ];
    let figures = figures(m, shop, tz, lang);
    let count = figures.len();
    let sheets = [
        Sheet { header: header(lang.pick("Figures", "指标"), &figure_cols, lang), rows: figures },
        Sheet {
            header: header(lang.pick("Daily", "每日"), &daily_cols, lang),
            rows: m
                .series
                .iter()
                .map(|d| {
                    let day = chrono::NaiveDate::parse_from_str(&d.date, "%Y-%m-%d").map(Cell::Date).unwrap_or_else(|_| Cell::text(d.date.as_str()));
                    vec![
                        day,
                        Cell::Int(d.orders_completed),
                        Cell::Int(d.cases_opened),
                        Cell::Int(d.interventions),
                        Cell::Int(d.clocks_met),
                        Cell::Int(d.clocks_breached),
                        Cell::Int(d.repairs_returned),
                    ]
                })
                .collect(),
        },
        Sheet { header: header(lang.pick("Return reasons", "退货原因"), &reason_cols, lang), rows: keyed(&m.return_reasons, true, lang) },
        Sheet { header: header(lang.pick("Return SKUs", "退货SKU"), &sku_cols, lang), rows: keyed(&m.return_skus, false, lang) },
        Sheet {
            header: header(lang.pick("Clocks", "时限"), &clock_cols, lang),
            rows: m
                .clock_compliance
                .iter()
                .map(|k| vec![Cell::text(k.kind.as_str()), Cell::Int(k.compliance.numerator), Cell::Int(k.compliance.denominator), percent(&k.compliance), Cell::Int(k.breached)])
                .collect(),
        },
    ];
    write_workbook(out, &sheets)?;
    Ok(count)
}
