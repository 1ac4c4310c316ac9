//! The shop's figures through the door: every metric for a window (per shop or across shops) with the
//! previous window beside it, the category intervention average the merchant enters per shop, and the
//! figures as a workbook.

use super::input::{optional_time, query_time};
use super::{ApiError, ApiResult, Desk, ExportMetricsInput, ExportResultDto, InterventionAverageInput, MetricsQuery};
use crate::exports::ExportFormat;
use crate::metrics::{compute, Metrics, Window, DAY};
use crate::store::{settings, shops};

fn average_key(shop_id: i64) -> String {
    format!("metrics.intervention_average.{shop_id}")
}

/// The category average entered for a shop (a fraction), if any.
pub(super) fn intervention_average(conn: &rusqlite::Connection, shop_id: i64) -> ApiResult<Option<f64>> {
    Ok(settings::get(conn, &average_key(shop_id))?.and_then(|v| v.parse().ok()))
}

impl Desk {
    pub fn metrics(&self, q: MetricsQuery) -> ApiResult<Metrics> {
        let end = query_time("at", &q.at, self.clock.now_ms())?;
        let window = match optional_time("from", &q.from, end)? {
            Some(start) if start >= end => return Err(ApiError::validation("from", "before the window's end")),
            Some(start) if end - start > 366 * DAY => return Err(ApiError::validation("from", "at most 366 days before the window's end")),
            Some(start) => Window { start, end },
            None if !(1..=366).contains(&q.window_days) => return Err(ApiError::validation("window_days", "between 1 and 366 days")),
            None => Window::ending(end, q.window_days),
        };
        let conn = self.reader()?;
        let average = match q.shop_id {
            Some(id) => {
                shops::get(&conn, id)?;
                settings::get(&conn, &average_key(id))?.and_then(|v| v.parse::<f64>().ok())
            }
            None => None,
        };
        let tz = match q.shop_id {
            Some(id) => crate::warranty::units::tz_of(&shops::get(&conn, id)?),
            None => chrono_tz::Asia::Shanghai,
        };
        let mut m = compute(&conn, q.shop_id, window, average)?;
        m.series = crate::metrics::daily(&conn, q.shop_id, window, tz)?;
        m.previous = Some(Box::new(compute(&conn, q.shop_id, window.previous(), average)?));
        Ok(m)
    }

    /// The dashboard's figures for the same window, as a workbook at the chosen path.
    pub fn export_metrics(&self, input: ExportMetricsInput) -> ApiResult<ExportResultDto> {
        let q = MetricsQuery { shop_id: input.shop_id, window_days: input.window_days, at: input.at, from: input.from };
        let path = self.export_path(&input.out, "dashboard", ExportFormat::Xlsx)?;
        let m = self.metrics(q)?;
        let conn = self.reader()?;
        let (shop, tz) = match input.shop_id {
            Some(id) => {
                let s = shops::get(&conn, id)?;
                let tz = crate::warranty::units::tz_of(&s);
                (s.name, tz)
            }
            None => (String::new(), chrono_tz::Asia::Shanghai),
        };
        let lang = super::input::lang_arg(&input.lang)?;
        let shop = if shop.is_empty() { lang.pick("All shops", "全部店铺").to_string() } else { shop };
        let rows = crate::exports::metrics::export(&m, &shop, tz, lang, &path)?;
        tracing::info!(rows, "dashboard exported");
        Ok(ExportResultDto { path: path.to_string_lossy().into_owned(), rows: rows as i64, format: ExportFormat::Xlsx })
    }

    pub async fn set_intervention_average(&self, input: InterventionAverageInput) -> ApiResult<()> {
        let p = input.percent.trim().trim_end_matches('%').trim();
        let conn = self.writer.lock().await;
        shops::get(&conn, input.shop_id)?;
        if p.is_empty() {
            settings::remove(&conn, &average_key(input.shop_id))?;
            return Ok(());
        }
        let v: f64 = p.parse().map_err(|_| ApiError::validation("percent", format!("'{p}' is not a percentage like 0.8")))?;
        if !(v.is_finite() && (0.0..=100.0).contains(&v)) {
            return Err(ApiError::validation("percent", "between 0 and 100"));
        }
        settings::set(&conn, &average_key(input.shop_id), &(v / 100.0).to_string())?;
        Ok(())
    }
}
