//! File imports through the door: the profiles (presets and the merchant's own, saved in the settings), a
//! preview of a file with its mapping, and the import itself, written in one transaction.

use super::{ApiError, ApiResult, Desk, ImportInput, ImportPreviewDto, ImportReportDto};
use crate::import::profile::{self, ImportProfile};
use crate::import::{self, table};
use crate::store::{settings, shops};

const PROFILES_KEY: &str = "import.profiles";
const MAX_FILE: usize = 100 * 1024 * 1024;

fn saved(conn: &rusqlite::Connection) -> ApiResult<Vec<ImportProfile>> {
    Ok(settings::get(conn, PROFILES_KEY)?.and_then(|v| serde_json::from_str(&v).ok()).unwrap_or_default())
}

impl Desk {
    pub fn import_profiles(&self) -> ApiResult<Vec<ImportProfile>> {
        let mut all = profile::presets();
        all.extend(saved(&self.reader()?)?);
        Ok(all)
    }

    /// Saves (or replaces, by id) one of the merchant's own profiles.
    pub async fn save_import_profile(&self, p: ImportProfile) -> ApiResult<Vec<ImportProfile>> {
        let mut p = p;
        p.builtin = false;
        for (field, v) in [("name_en", &p.name_en), ("name_zh", &p.name_zh)] {
            super::input::name_arg(field, Some(v), false)?;
        }
        // Headers and status words are matched against a file's cells: one line each, nothing invisible.
        for (field, words) in [("columns", &p.columns), ("type_values", &p.type_values), ("status_values", &p.status_values)] {
            for (k, v) in words {
                super::input::line_arg(field, Some(k), 200, false)?;
                super::input::line_arg(field, Some(v), 1000, false)?;
            }
        }
        profile::check(&p).map_err(|(field, problem)| ApiError::validation(field, problem))?;
        let conn = self.writer.lock().await;
        let mut mine = saved(&conn)?;
        mine.retain(|x| x.id != p.id);
        mine.push(p);
        settings::set(&conn, PROFILES_KEY, &serde_json::to_string(&mine).unwrap_or_else(|_| "[]".into()))?;
        drop(conn);
        self.import_profiles()
    }

    fn import_source(&self, input: &ImportInput) -> ApiResult<(ImportProfile, shops::ShopRow, table::Table)> {
        let conn = self.reader()?;
        let shop = shops::get(&conn, input.shop_id)?;
        let p = self
            .import_profiles()?
            .into_iter()
            .find(|p| p.id == input.profile)
            .ok_or_else(|| ApiError::validation("profile", format!("no profile {}", super::input::shown(&input.profile))))?;
        if p.platform != shop.platform {
            return Err(ApiError::validation("profile", format!("'{}' reads {} exports; {} is a {} shop", p.id, p.platform, shop.name, shop.platform)));
        }
        if input.file_name.trim().is_empty() {
            return Err(ApiError::validation("file_name", "the file's name is needed (it tells CSV from XLSX)"));
        }
        let bytes = match (&input.content_base64, &input.path) {
            (Some(_), Some(_)) => return Err(ApiError::validation("path", "give the file's content or its path, not both")),
            (Some(b64), None) => {
                use base64::Engine;
                base64::engine::general_purpose::STANDARD.decode(b64.as_bytes()).map_err(|_| ApiError::validation("content_base64", "not base64"))?
            }
            (None, Some(path)) => std::fs::read(path).map_err(|e| ApiError::validation("path", format!("cannot read {path}: {e}")))?,
            (None, None) => return Err(ApiError::validation("content_base64", "no file given")),
        };
        if bytes.len() > MAX_FILE {
            return Err(ApiError::validation("content_base64", "a file of at most 100 MB"));
        }
        let t = table::read(&bytes, &input.file_name).map_err(|e| ApiError::validation("file_name", format!("{}: {e}", input.file_name)))?;
        Ok((p, shop, t))
    }

    pub fn import_preview(&self, input: ImportInput) -> ApiResult<ImportPreviewDto> {
        let (p, shop, t) = self.import_source(&input)?;
        let tz = crate::warranty::units::tz_of(&shop);
        let columns = import::columns(&p, &t);
        let rows = t
            .rows
            .iter()
            .take(10)
            .map(|r| {
                columns
                    .iter()
                    .map(|c| c.header.as_ref().and_then(|h| t.headers.iter().position(|x| x == h)).and_then(|i| r.get(i)).cloned().unwrap_or_default())
                    .collect()
            })
            .collect();
        let (records, bad, bad_count, problem) = match import::plan(&p, &t, tz, &shop.currency) {
            Ok(plan) => ((plan.orders.len() + plan.requests.len()) as i64, plan.bad.iter().take(100).cloned().collect(), plan.bad.len() as i64, None),
            Err(e) => (0, vec![], 0, Some(e)),
        };
        Ok(ImportPreviewDto { encoding: t.encoding.clone(), headers: t.headers.clone(), columns, rows, total_rows: t.rows.len() as i64, records, bad, bad_count, problem })
    }

    /// Imports the good rows (or none with `all_or_nothing` and a bad row) in one transaction, then makes the
    /// requests' cases.
    pub async fn import_file(&self, input: ImportInput) -> ApiResult<ImportReportDto> {
        let (p, shop, t) = self.import_source(&input)?;
        let tz = crate::warranty::units::tz_of(&shop);
        let plan = import::plan(&p, &t, tz, &shop.currency).map_err(|e| ApiError::validation("file_name", e))?;
        let mut report = ImportReportDto {
            encoding: t.encoding.clone(),
            rows: plan.rows as i64,
            written: false,
            orders_new: 0,
            orders_updated: 0,
            orders_unchanged: 0,
            requests_changed: 0,
            requests_unchanged: 0,
            cases_opened: 0,
            cases_moved: 0,
            bad: plan.bad.clone(),
        };
        if input.dry_run || (input.all_or_nothing && !plan.bad.is_empty()) {
            return Ok(report);
        }
        let now = self.clock.now_ms();
        let mut conn = self.writer.lock().await;
        let tx = crate::store::write_tx(&mut conn)?;
        for o in &plan.orders {
            match crate::store::orders::upsert(&tx, shop.id, o, now)? {
                crate::store::orders::Upserted::Inserted => report.orders_new += 1,
                crate::store::orders::Upserted::Updated => report.orders_updated += 1,
                crate::store::orders::Upserted::Unchanged => report.orders_unchanged += 1,
            }
        }
        for r in &plan.requests {
            if crate::store::aftersales_requests::upsert(&tx, shop.id, r)? {
                report.requests_changed += 1;
            } else {
                report.requests_unchanged += 1;
            }
        }
        let derived = crate::cases::from_requests::derive(&tx, &shop, now)?;
        crate::store::aftersales_requests::record_refunds(&tx, shop.id, &shop.platform, crate::store::order_refunds::IMPORT)?;
        // Imported orders are the shop's orders as much as synced ones: their lines under a policy get units.
        let units = crate::warranty::units::derive_for_shop(&tx, &shop, Some(now), now)?;
        tx.commit()?;
        tracing::info!(created = units.created, redated = units.redated, voided = units.voided, "warranty units from the import");
        report.cases_opened = derived.opened as i64;
        report.cases_moved = derived.moved as i64;
        report.written = true;
        tracing::info!(rows = report.rows, bad = report.bad.len(), profile = %p.id, "file imported");
        Ok(report)
    }
}
