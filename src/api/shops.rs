//! Shop accounts through the door: list, test a connection, add, edit and remove.

use super::{
    AddShopInput, ApiError, ApiResult, ConnectionTestDto, Desk, ErrorCode, ShopDto, ShopIdInput, SyncStatusDto,
    TestConnectionInput, UpdateShopInput,
};
use crate::shops::{check_base_url, Platform, ShopCredentials};
use crate::store::{orders, shops, sync_state, write_tx};
use crate::sync::{shopify::ShopifyClient, woocommerce::WooClient, SHOP_STATUS};
use crate::timefmt::to_rfc3339;
use rusqlite::Connection;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

fn code_of(raw: Option<&str>) -> Option<ErrorCode> {
    serde_json::from_value(serde_json::Value::String(raw?.to_string())).ok()
}

impl Desk {
    pub fn list_shops(&self) -> ApiResult<Vec<ShopDto>> {
        let conn = self.reader()?;
        shops::list(&conn)?.into_iter().map(|s| self.shop_dto(&conn, s)).collect()
    }

    pub(super) fn shop_dto(&self, conn: &Connection, s: shops::ShopRow) -> ApiResult<ShopDto> {
        let state = sync_state::get(conn, s.id, SHOP_STATUS)?;
        let running = self.syncing.lock().map(|set| set.contains_key(&s.id)).unwrap_or(false);
        let issues = crate::store::sync_issues::open_counts(conn, s.id)?;
        Ok(ShopDto {
            id: s.id,
            platform: Platform::parse(&s.platform).unwrap_or(Platform::Shopify),
            sync: SyncStatusDto {
                running,
                progress: if running { self.progress_of(s.id) } else { None },
                last_attempt_at: state.last_attempt_at.map(to_rfc3339),
                last_success_at: state.last_success_at.map(to_rfc3339),
                last_error_code: code_of(state.last_error_code.as_deref()),
                last_error: state.last_error,
                orders_count: orders::count_for_shop(conn, s.id)?,
                unreadable: issues.unreadable,
                conflicts: issues.conflicts,
                flagged: issues.flagged,
            },
            name: s.name,
            demo: Some(shops::is_demo(conn, s.id)?),
            intervention_average: super::metrics::intervention_average(conn, s.id)?,
            base_url: s.base_url,
            currency: s.currency,
            time_zone: s.time_zone,
        })
    }

    /// Asks the shop who it is with the given credentials: proves the URL and the credentials work.
    pub async fn test_connection(&self, input: TestConnectionInput) -> ApiResult<ConnectionTestDto> {
        let (base_url, credentials) = clean(&input.base_url, &input.credentials)?;
        probe(&base_url, &credentials).await
    }

    pub async fn add_shop(&self, input: AddShopInput) -> ApiResult<ShopDto> {
        let name = clean_name(&input.name)?;
        let (base_url, credentials) = clean(&input.base_url, &input.credentials)?;
        let info = probe(&base_url, &credentials).await?;
        self.save_shop(&name, &base_url, &credentials, &info.time_zone, &info.currency, false).await
    }

    pub(super) async fn save_shop(
        &self,
        name: &str,
        base_url: &str,
        credentials: &ShopCredentials,
        time_zone: &str,
        currency: &str,
        demo: bool,
    ) -> ApiResult<ShopDto> {
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        let platform = credentials.platform();
        let row = shops::insert(
            &tx,
            &shops::NewShop { platform: platform.id(), name, base_url, time_zone, currency },
            self.clock.now_ms(),
        )?;
        if demo {
            shops::set_settings(&tx, row.id, r#"{"demo":true}"#)?;
        }
        // The credentials are written before the row commits: a failure leaves neither behind.
        self.credentials.set(row.id, credentials)?;
        tx.commit()?;
        self.shop_dto(&conn, row)
    }

    /// A shop kept by hand, for any platform: cases are entered by hand, nothing is synced.
    pub async fn add_offline_shop(&self, input: super::OfflineShopInput) -> ApiResult<ShopDto> {
        let name = clean_name(&input.name)?;
        let chinese = crate::policy::is_chinese_platform(input.platform.id());
        let time_zone = input.time_zone.clone().unwrap_or_else(|| if chinese { "Asia/Shanghai".into() } else { "UTC".into() });
        if time_zone.parse::<chrono_tz::Tz>().is_err() {
            return Err(ApiError::validation("time_zone", format!("{} is not a time zone name like Asia/Shanghai", super::input::shown(&time_zone))));
        }
        let currency = input.currency.clone().unwrap_or_else(|| if chinese { "CNY".into() } else { "USD".into() });
        let currency = super::input::currency_arg("currency", &currency)?;
        let conn = self.writer.lock().await;
        let row = shops::insert(
            &conn,
            &shops::NewShop { platform: input.platform.id(), name: &name, base_url: "", time_zone: &time_zone, currency: &currency },
            self.clock.now_ms(),
        )?;
        shops::set_settings(&conn, row.id, r#"{"offline":true}"#)?;
        self.shop_dto(&conn, row)
    }

    /// What kind of goods a SKU is (ordinary, fresh, custom, virtual, periodical, non_returnable).
    pub async fn set_goods_class(&self, input: super::GoodsClassInput) -> ApiResult<()> {
        const CLASSES: [&str; 6] = ["ordinary", "fresh", "custom", "virtual", "periodical", "non_returnable"];
        if !CLASSES.contains(&input.class.as_str()) {
            return Err(ApiError::validation("class", format!("one of {}", CLASSES.join(", "))));
        }
        let sku = super::input::line_arg("sku", Some(&input.sku), 120, true)?.unwrap_or_default();
        let conn = self.writer.lock().await;
        shops::get(&conn, input.shop_id)?;
        crate::store::goods_classes::set(&conn, input.shop_id, &sku, &input.class)?;
        Ok(())
    }

    /// Renames, moves or re-keys a shop. A new URL or new credentials are tested before anything is saved.
    pub async fn update_shop(&self, input: UpdateShopInput) -> ApiResult<ShopDto> {
        let name = clean_name(&input.name)?;
        let reader = self.reader()?;
        let current = shops::get(&reader, input.id)?;
        if shops::is_offline(&reader, input.id)? {
            // A shop kept by hand has no address and no credentials: only its name changes.
            if !input.base_url.trim().is_empty() || input.credentials.is_some() {
                return Err(ApiError::validation("base_url", "a shop kept by hand has no address or credentials; connect the shop as a new one"));
            }
            let conn = self.writer.lock().await;
            shops::update_identity(&conn, input.id, &name, "")?;
            let row = shops::get(&conn, input.id)?;
            return self.shop_dto(&conn, row);
        }
        let stored = self.credentials.get(input.id)?;
        let credentials = input.credentials.as_ref().unwrap_or(&stored);
        if credentials.platform().id() != current.platform {
            return Err(ApiError::validation("credentials", format!("this is a {} shop", current.platform)));
        }
        let (base_url, credentials) = clean(&input.base_url, credentials)?;
        let info = if base_url != current.base_url || input.credentials.is_some() {
            Some(probe(&base_url, &credentials).await?)
        } else {
            None
        };
        let mut conn = self.writer.lock().await;
        let tx = write_tx(&mut conn)?;
        shops::update_identity(&tx, input.id, &name, &base_url)?;
        if let Some(info) = &info {
            shops::update_profile(&tx, input.id, &info.time_zone, &info.currency)?;
        }
        if input.credentials.is_some() {
            self.credentials.set(input.id, &credentials)?;
            // Answers that waited on refused credentials go out with the new ones.
            crate::store::outbox::wake_shop(&tx, input.id, self.clock.now_ms())?;
        }
        tx.commit()?;
        let row = shops::get(&conn, input.id)?;
        self.shop_dto(&conn, row)
    }

    /// Removes the shop, its synced data and its credentials. A running sync is cancelled first.
    pub async fn remove_shop(&self, input: ShopIdInput) -> ApiResult<()> {
        self.cancel_sync(ShopIdInput { id: input.id })?;
        let conn = self.writer.lock().await;
        shops::delete(&conn, input.id)?;
        crate::store::orders::compact_search(&conn)?;
        self.credentials.remove(input.id)?;
        Ok(())
    }
}

fn clean_name(name: &str) -> ApiResult<String> {
    super::input::name("name", name)
}

fn clean(base_url: &str, credentials: &ShopCredentials) -> ApiResult<(String, ShopCredentials)> {
    let url = check_base_url(base_url).map_err(|e| ApiError::validation("base_url", e))?;
    let credentials = credentials.cleaned().map_err(|(field, problem)| ApiError::validation(field, problem))?;
    Ok((url.as_str().trim_end_matches('/').to_string(), credentials))
}

/// Asks the shop who it is. Its error texts are cleaned of these credentials and of buyer data: a shop's
/// error page can echo the request's headers, and the message is shown, and may be logged.
async fn probe(base_url: &str, credentials: &ShopCredentials) -> ApiResult<ConnectionTestDto> {
    let redactor = crate::redact::Redactor::for_credentials(credentials);
    ask_shop(base_url, credentials).await.map_err(|e| ApiError::new(e.code, redactor.clean(&e.message)))
}

async fn ask_shop(base_url: &str, credentials: &ShopCredentials) -> ApiResult<ConnectionTestDto> {
    let cancel = Arc::new(AtomicBool::new(false));
    match credentials {
        ShopCredentials::Shopify { token } => {
            let info = ShopifyClient::new(base_url, token, cancel)?.shop_info().await?;
            Ok(ConnectionTestDto {
                platform: Platform::Shopify,
                shop_name: info.name,
                currency: info.currency,
                time_zone: info.iana_timezone.unwrap_or_else(|| "UTC".into()),
            })
        }
        ShopCredentials::Medusa { secret_key } => {
            let info = crate::sync::medusa::MedusaClient::new(base_url, secret_key, cancel)?.store_info().await?;
            // Medusa keeps no time zone of its own: days are cut in UTC until the merchant says otherwise.
            Ok(ConnectionTestDto { platform: Platform::Medusa, shop_name: info.name, currency: info.currency, time_zone: "UTC".into() })
        }
        ShopCredentials::Pdd { client_id, client_secret, access_token } => {
            let name = crate::sync::pdd::PddClient::new(base_url, client_id, client_secret, access_token, cancel)?.mall_name().await?;
            // Pinduoduo shops sell in yuan on Beijing time.
            Ok(ConnectionTestDto { platform: Platform::Pdd, shop_name: name, currency: "CNY".into(), time_zone: "Asia/Shanghai".into() })
        }
        ShopCredentials::Taobao { app_key, app_secret, session } => {
            let nick = crate::sync::taobao::TaobaoClient::new(base_url, app_key, app_secret, session, cancel)?.seller_nick().await?;
            Ok(ConnectionTestDto { platform: Platform::Taobao, shop_name: nick, currency: "CNY".into(), time_zone: "Asia/Shanghai".into() })
        }
        ShopCredentials::Woocommerce { key, secret } => {
            let info = WooClient::new(base_url, key, secret, cancel)?.site_info().await?;
            Ok(ConnectionTestDto {
                platform: Platform::Woocommerce,
                shop_name: info.name,
                currency: info.currency,
                time_zone: info.time_zone,
            })
        }
    }
}
