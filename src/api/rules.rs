//! Rule packs and the reason tree through the door: every rule with its source and the merchant's number,
//! overriding a number, and the merchant's own reasons.

use super::{ApiError, ApiResult, Desk, ReasonDto, ReasonInput, RuleDto, RuleOverrideInput};
use crate::policy::shipped_packs;
use crate::store::{reasons, rule_overrides};

impl Desk {
    pub fn list_rules(&self) -> ApiResult<Vec<RuleDto>> {
        let conn = self.reader()?;
        let overrides = rule_overrides::all(&conn)?;
        Ok(shipped_packs()
            .into_iter()
            .flat_map(|p| {
                let pack_name = p.name.clone();
                let pack = p.pack.clone();
                p.rules.into_iter().map(move |r| (pack.clone(), pack_name.clone(), r))
            })
            .map(|(pack, pack_name, r)| RuleDto {
                minutes: overrides.get(&r.id).copied().unwrap_or(r.minutes),
                shipped_minutes: r.minutes,
                id: r.id,
                pack,
                pack_name,
                kind: r.kind,
                case_types: r.case_types,
                calendar: r.calendar,
                consequence: r.consequence,
                source: r.source,
                as_of: r.as_of,
                confidence: r.confidence,
                note: r.note,
            })
            .collect())
    }

    /// The merchant's own number for a rule; clocks started from now on use it. `minutes: null` restores it.
    pub async fn set_rule_override(&self, input: RuleOverrideInput) -> ApiResult<Vec<RuleDto>> {
        if crate::policy::find_rule(&input.rule_id).is_none() {
            return Err(ApiError::validation("rule_id", format!("no rule {}", input.rule_id)));
        }
        let conn = self.writer.lock().await;
        match input.minutes {
            Some(m) if (1..=60 * 24 * 365).contains(&m) => rule_overrides::set(&conn, &input.rule_id, m)?,
            Some(_) => return Err(ApiError::validation("minutes", "between 1 minute and a year")),
            None => {
                conn.execute("DELETE FROM rule_overrides WHERE rule_id = ?1", [&input.rule_id])?;
            }
        }
        drop(conn);
        self.list_rules()
    }

    pub fn list_reasons(&self) -> ApiResult<Vec<ReasonDto>> {
        let conn = self.reader()?;
        Ok(reasons::list(&conn)?
            .into_iter()
            .map(|r| ReasonDto { code: r.code, parent: r.parent, label_zh: r.label_zh, label_en: r.label_en, builtin: r.builtin })
            .collect())
    }

    pub async fn add_reason(&self, input: ReasonInput) -> ApiResult<Vec<ReasonDto>> {
        let zh = super::input::name_arg("label_zh", Some(&input.label_zh), false)?.unwrap_or_default();
        let en = super::input::name_arg("label_en", Some(&input.label_en), false)?.unwrap_or_default();
        let (zh, en) = (zh.as_str(), en.as_str());
        if zh.is_empty() && en.is_empty() {
            return Err(ApiError::validation("label", "a reason needs a name"));
        }
        let conn = self.writer.lock().await;
        if let Some(p) = &input.parent {
            let exists: i64 = conn.query_row("SELECT COUNT(*) FROM reasons WHERE code = ?1 AND parent IS NULL", [p], |r| r.get(0))?;
            if exists == 0 {
                return Err(ApiError::validation("parent", format!("{} is not a top-level reason", super::input::shown(p))));
            }
        }
        let count: i64 = conn.query_row("SELECT COUNT(*) FROM reasons", [], |r| r.get(0))?;
        let code = match &input.parent {
            Some(p) => format!("{p}.custom{}", count + 1),
            None => format!("custom{}", count + 1),
        };
        reasons::add(
            &conn,
            &reasons::ReasonRow {
                code,
                parent: input.parent.clone(),
                label_zh: if zh.is_empty() { en.to_string() } else { zh.to_string() },
                label_en: if en.is_empty() { zh.to_string() } else { en.to_string() },
                builtin: false,
            },
        )?;
        drop(conn);
        self.list_reasons()
    }
}
