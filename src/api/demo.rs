//! The built-in demo shop: started inside the app on a loopback port, added as a shop, synced over HTTP.

use super::{ApiError, ApiResult, DemoStarted, Desk, ErrorCode};
use crate::demo_shop::{DemoConfig, DemoShop};
use crate::shops::ShopCredentials;
use crate::sync::Streams;
use crate::store::shops::{self, ShopRow};

pub const DEMO_SHOP_NAME: &str = "Demo shop";

impl Desk {
    pub async fn start_demo(&self) -> ApiResult<DemoStarted> {
        let existing = shops::find_demo(&self.reader()?)?;
        let shop = match existing {
            Some(s) => s,
            None => {
                let (url, token) = self.demo_endpoint().await?;
                let credentials = ShopCredentials::Shopify { token };
                let dto = self.save_shop(DEMO_SHOP_NAME, &url, &credentials, "Asia/Shanghai", "CNY", true).await?;
                shops::get(&self.reader()?, dto.id)?
            }
        };
        let report = self.sync_one(&shop, Streams::ALL, &|_| {}).await?;
        let conn = self.reader()?;
        let shop = self.shop_dto(&conn, shops::get(&conn, shop.id)?)?;
        Ok(DemoStarted { shop, report })
    }

    /// The demo server lives as long as this process; start it on first use.
    async fn demo_endpoint(&self) -> ApiResult<(String, String)> {
        let mut demo = self.demo.lock().await;
        if let Some(d) = demo.as_ref() {
            return Ok((d.url.clone(), d.token.clone()));
        }
        let started = DemoShop::start(DemoConfig::new(self.clock.now_ms()), 0)
            .await
            .map_err(|e| ApiError::new(ErrorCode::Internal, format!("cannot start the demo shop: {e}")))?;
        let endpoint = (started.url.clone(), started.token.clone());
        *demo = Some(started);
        Ok(endpoint)
    }

    /// A demo shop saved by an earlier run points at a server that is gone: start ours and point it there.
    pub(super) async fn refresh_demo_if_needed(&self, shop: &ShopRow) -> ApiResult<ShopRow> {
        if !shops::is_demo(&self.reader()?, shop.id)? {
            return Ok(shop.clone());
        }
        let (url, token) = self.demo_endpoint().await?;
        if url == shop.base_url {
            return Ok(shop.clone());
        }
        let conn = self.writer.lock().await;
        shops::set_base_url(&conn, shop.id, &url)?;
        self.credentials.set(shop.id, &ShopCredentials::Shopify { token })?;
        Ok(shops::get(&conn, shop.id)?)
    }
}
