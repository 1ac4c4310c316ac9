//! The built-in demo: a Pinduoduo shop with the demo story (requests opened hours ago, one about to run out, one
//! the platform refunded itself, an intervention, a return waiting for the buyer) and a Shopify store, each
//! served inside the app on a loopback port, added as a shop and synced over HTTP; a warranty policy and a
//! repair in progress on the Pinduoduo shop; buyers who keep asking while the app runs (`demo_tick`); and
//! "Remove demo data", which leaves nothing of it behind.

use super::{
    ApiError, ApiResult, DemoRemoved, DemoShopStarted, DemoStarted, Desk, ErrorCode, NewRepairInput, OrdersQuery,
    RepairActInput, ShopIdInput, WarrantyPolicyInput, WarrantyUnitsQuery,
};
use crate::demo_shop::{DemoConfig, DemoPlatform, DemoShop};
use crate::shops::ShopCredentials;
use crate::store::shops::{self, ShopRow};
use crate::sync::Streams;

pub const DEMO_SHOP_NAME: &str = "Shopify demo";
pub const PDD_DEMO_SHOP_NAME: &str = "拼多多演示店";
/// The Pinduoduo demo's orders span this many days, and so does its first sync (instead of the 30-day default:
/// reading further back would find nothing and take the first minute).
const PDD_DEMO_DAYS: i64 = 3;

/// The demo's shops, in the order they are added and listed.
const DEMO_PLATFORMS: [DemoPlatform; 2] = [DemoPlatform::Pdd, DemoPlatform::Shopify];

fn platform_of(shop: &ShopRow) -> Option<DemoPlatform> {
    match shop.platform.as_str() {
        "pdd" => Some(DemoPlatform::Pdd),
        "shopify" => Some(DemoPlatform::Shopify),
        _ => None,
    }
}

fn credentials_of(demo: &DemoShop) -> ShopCredentials {
    match demo.platform {
        DemoPlatform::Pdd => ShopCredentials::Pdd {
            client_id: crate::demo_shop::pdd::CLIENT_ID.into(),
            client_secret: demo.secret.clone(),
            access_token: demo.token.clone(),
        },
        _ => ShopCredentials::Shopify { token: demo.token.clone() },
    }
}

impl Desk {
    /// Adds the demo shops not there yet and syncs them side by side; the Pinduoduo shop also gets a warranty
    /// policy and a repair in progress the first time.
    pub async fn start_demo(&self) -> ApiResult<DemoStarted> {
        let existing = shops::find_demos(&self.reader()?)?;
        let mut seed = None;
        for platform in DEMO_PLATFORMS {
            if existing.iter().any(|s| platform_of(s) == Some(platform)) {
                continue;
            }
            let (url, credentials) = self.demo_endpoint(platform, self.clock.now_ms()).await?;
            let name = if platform == DemoPlatform::Pdd { PDD_DEMO_SHOP_NAME } else { DEMO_SHOP_NAME };
            let dto = self.save_shop(name, &url, &credentials, "Asia/Shanghai", "CNY", true).await?;
            if platform == DemoPlatform::Pdd {
                shops::set_first_days(&*self.writer.lock().await, dto.id, PDD_DEMO_DAYS)?;
                seed = Some(dto.id);
            }
        }
        let mut demos = vec![];
        for shop in shops::find_demos(&self.reader()?)? {
            demos.push(self.refresh_demo_if_needed(&shop).await?);
        }
        let runs = demos.iter().map(|shop| self.sync_one(shop, Streams::ALL, &|_| {}));
        let reports = futures::future::join_all(runs).await;
        let mut started = vec![];
        for (shop, report) in demos.iter().zip(reports) {
            let report = report?;
            if seed == Some(shop.id) {
                self.seed_demo_ledgers(shop.id).await?;
            }
            let conn = self.reader()?;
            started.push(DemoShopStarted { shop: self.shop_dto(&conn, shops::get(&conn, shop.id)?)?, report });
        }
        Ok(DemoStarted { shops: started })
    }

    /// The Pinduoduo demo's warranty: a year on its best-selling SKU, and one unit in the workshop.
    async fn seed_demo_ledgers(&self, shop_id: i64) -> ApiResult<()> {
        let orders = self.list_orders(OrdersQuery { shop_id: Some(shop_id), search: None, limit: 200, offset: 0, after: None })?;
        let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
        for sku in orders.orders.iter().filter(|o| o.cancelled_at.is_none()).filter_map(|o| o.lines.first()?.sku.clone()) {
            *counts.entry(sku).or_default() += 1;
        }
        let Some((sku, _)) = counts.into_iter().max_by_key(|(sku, n)| (*n, std::cmp::Reverse(sku.clone()))) else {
            return Ok(());
        };
        self.save_warranty_policy(WarrantyPolicyInput {
            family_id: None,
            shop_id: Some(shop_id),
            name: "整机一年保修".into(),
            scope: crate::warranty::Scope::Sku,
            scope_value: sku.clone(),
            period_count: 12,
            period_unit: crate::warranty::PeriodUnit::Months,
            coverage: "非人为损坏免费维修".into(),
            labour_free: true,
            parts_free: true,
            return_days: 7,
            exchange_days: 15,
            replacement: crate::warranty::ReplacementRule::Restart,
        })
        .await?;
        let units = self.warranty_units(WarrantyUnitsQuery {
            shop_id: Some(shop_id),
            status: Some(crate::warranty::UnitStatus::In),
            search: None,
            limit: 1,
            offset: 0,
            after: None,
        })?;
        let Some(unit) = units.units.first() else { return Ok(()) };
        let ticket = self
            .new_repair(NewRepairInput {
                shop_id,
                unit_id: Some(unit.id),
                serial: None,
                order: None,
                case_id: None,
                customer_name: None,
                customer_phone: None,
                product: None,
                fault: "开机无反应 / does not switch on".into(),
                intake_at: None,
                promised_at: None,
                technician: Some("小王".into()),
            })
            .await?;
        for status in [crate::repairs::RepairStatus::Diagnosing, crate::repairs::RepairStatus::Repairing] {
            self.repair_act(RepairActInput { id: ticket.repair.id, status, at: None, note: None }).await?;
        }
        Ok(())
    }

    /// The demo keeps living while the app runs: a buyer of the Pinduoduo demo opens a request, the Shopify demo
    /// moves an order or a return along, and both are synced. Nothing when there is no demo shop. `at_ms`: when.
    pub async fn demo_tick(&self, at_ms: i64) -> ApiResult<bool> {
        let demos = shops::find_demos(&self.reader()?)?;
        if demos.is_empty() {
            return Ok(false);
        }
        for shop in &demos {
            let shop = self.refresh_demo_if_needed(shop).await?;
            let demo = self.demo.lock().await;
            let Some(server) = platform_of(&shop).and_then(|p| demo.get(&p)) else { continue };
            match server.platform {
                // Stamped as far back as the sync's lag (its windows end that far behind now, as the platform
                // lists a change only minutes after it was made), so the sync below lists it; a second more, as
                // the stamp is rounded up to whole seconds.
                DemoPlatform::Pdd => {
                    server.open_request(at_ms - crate::sync::pdd::LAG_MS - 1000);
                }
                _ => {
                    server.update_orders(1, at_ms - 1000);
                }
            }
        }
        let runs = demos.iter().map(|shop| self.sync_one(shop, Streams::ALL, &|_| {}));
        for report in futures::future::join_all(runs).await {
            // A demo shop syncing already (the merchant pressed Sync) catches up on its own.
            if let Err(e) = report {
                if e.code != ErrorCode::Conflict {
                    return Err(e);
                }
            }
        }
        Ok(true)
    }

    /// "Remove demo data": every demo shop with everything synced or recorded for it (the foreign keys carry the
    /// rows away), their credentials, and the servers.
    pub async fn remove_demo(&self) -> ApiResult<DemoRemoved> {
        let demos = shops::find_demos(&self.reader()?)?;
        for shop in &demos {
            self.remove_shop(ShopIdInput { id: shop.id }).await?;
        }
        let servers: Vec<DemoShop> = self.demo.lock().await.drain().map(|(_, s)| s).collect();
        for server in servers {
            server.stop().await;
        }
        Ok(DemoRemoved { shops: demos.len() as i64 })
    }

    /// The demo server of `platform` lives as long as this process; started on first use with its data told as
    /// of `anchor_ms` (the demo shop's creation), so a restart serves the same orders and requests.
    async fn demo_endpoint(&self, platform: DemoPlatform, anchor_ms: i64) -> ApiResult<(String, ShopCredentials)> {
        let mut demo = self.demo.lock().await;
        if let Some(d) = demo.get(&platform) {
            return Ok((d.url.clone(), credentials_of(d)));
        }
        let mut cfg = DemoConfig::new(anchor_ms);
        cfg.platform = platform;
        cfg.story = true;
        if platform == DemoPlatform::Pdd {
            cfg.orders = 300;
            cfg.span_days = PDD_DEMO_DAYS;
            cfg.shop_name = PDD_DEMO_SHOP_NAME.into();
        }
        let started = DemoShop::start(cfg, 0)
            .await
            .map_err(|e| ApiError::new(ErrorCode::Internal, format!("cannot start the demo shop: {e}")))?;
        let endpoint = (started.url.clone(), credentials_of(&started));
        demo.insert(platform, started);
        Ok(endpoint)
    }

    /// A demo shop saved by an earlier run points at a server that is gone: start ours and point it there.
    pub(super) async fn refresh_demo_if_needed(&self, shop: &ShopRow) -> ApiResult<ShopRow> {
        if !shops::is_demo(&self.reader()?, shop.id)? {
            return Ok(shop.clone());
        }
        let Some(platform) = platform_of(shop) else { return Ok(shop.clone()) };
        let (url, credentials) = self.demo_endpoint(platform, shop.created_at).await?;
        if url == shop.base_url {
            return Ok(shop.clone());
        }
        let conn = self.writer.lock().await;
        shops::set_base_url(&conn, shop.id, &url)?;
        self.credentials.set(shop.id, &credentials)?;
        Ok(shops::get(&conn, shop.id)?)
    }
}
