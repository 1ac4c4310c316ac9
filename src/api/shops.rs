//! Shop accounts through the door: list, add (checked against the shop before it is saved).

use super::{AddShopInput, ApiError, ApiResult, Desk, ShopDto, SyncStatusDto};
use crate::shops::{check_base_url, Platform};
use crate::store::{orders, shops, sync_state, write_tx};
use crate::sync::{shopify::ShopifyClient, ORDERS_STREAM};
use crate::timefmt::to_rfc3339;
use rusqlite::Connection;

impl Desk {
    pub fn list_shops(&self) -> ApiResult<Vec<ShopDto>> {
        let conn = self.reader()?;
        shops::list(&conn)?.into_iter().map(|s| self.shop_dto(&conn, s)).collect()
    }

    pub(super) fn shop_dto(&self, conn: &Connection, s: shops::ShopRow) -> ApiResult<ShopDto> {
        let state = sync_state::get(conn, s.id, ORDERS_STREAM)?;
        let running = self.syncing.lock().map(|set| set.contains(&s.id)).unwrap_or(false);
        Ok(ShopDto {
            id: s.id,
            platform: Platform::parse(&s.platform).unwrap_or(Platform::Shopify),
            sync: SyncStatusDto {
                running,
                last_attempt_at: state.last_attempt_at.map(to_rfc3339),
                last_success_at: state.last_success_at.map(to_rfc3339),
                last_error: state.last_error,
                orders_count: orders::count_for_shop(conn, s.id)?,
            },
            name: s.name,
            base_url: s.base_url,
            currency: s.currency,
            time_zone: s.time_zone,
        })
    }

    /// Checks the URL and token against the shop, then saves the shop row and the token (outside the database).
    pub async fn add_shop(&self, input: AddShopInput) -> ApiResult<ShopDto> {
        let name = input.name.trim();
        if name.is_empty() {
            return Err(ApiError::validation("name", "a shop needs a name"));
        }
        if name.chars().count() > 80 {
            return Err(ApiError::validation("name", "at most 80 characters"));
        }
        let token = input.token.trim();
        if token.is_empty() {
            return Err(ApiError::validation("token", "the access token is empty"));
        }
        if input.platform != Platform::Shopify {
            return Err(ApiError::validation("platform", format!("{} shops are not supported yet", input.platform)));
        }
        let url = check_base_url(&input.base_url).map_err(|e| ApiError::validation("base_url", e))?;
        let base_url = url.as_str().trim_end_matches('/').to_string();
        let info = ShopifyClient::new(&base_url, token)?.shop_info().await?;
        self.save_shop(name, input.platform, &base_url, token, &info.iana_timezone.unwrap_or_else(|| "UTC".into()), &info.currency, false)
            .await
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) async fn save_shop(
        &self,
        name: &str,
        platform: Platform,
        base_url: &str,
        token: &str,
        time_zone: &str,
        currency: &str,
        demo: bool,
    ) -> ApiResult<ShopDto> {
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        let row = shops::insert(
            &tx,
            &shops::NewShop { platform: platform.id(), name, base_url, time_zone, currency },
            self.clock.now_ms(),
        )?;
        if demo {
            shops::set_settings(&tx, row.id, r#"{"demo":true}"#)?;
        }
        // The token is written before the row commits: a failure leaves neither behind.
        self.credentials.set(row.id, token)?;
        tx.commit()?;
        self.shop_dto(&conn, row)
    }
}
