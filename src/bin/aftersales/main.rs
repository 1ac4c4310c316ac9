//! The `aftersales` command line: the same engine as the app, through the same door (`aftersales::api`).

mod bridge;
mod cases_cli;
mod ledgers_cli;
mod outbox_cli;
mod output;
mod reminders_cli;
mod upkeep_cli;

use aftersales::api::{AddShopInput, Desk, OrdersQuery, SyncInput};
use aftersales::demo_shop::faults::Faults;
use aftersales::demo_shop::{DemoConfig, DemoPlatform, DemoShop};
use aftersales::shops::{Platform, ShopCredentials};
use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "aftersales", version, about = "Aftersales Desk: after-sales deadlines, ledgers and metrics for online shops")]
struct Cli {
    /// The database file (default: the app's own, or $AFTERSALES_DB)
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The built-in demo shop that speaks the platforms' APIs
    #[command(name = "demo-shop", subcommand)]
    DemoShop(DemoShopCmd),
    /// "Try the demo shop" and "Remove demo data", as the app does them
    #[command(subcommand)]
    Demo(DemoCmd),
    /// Connected shops
    #[command(subcommand)]
    Shop(ShopCmd),
    /// Pull orders from the shops (progress on stderr, summary on stdout)
    Sync {
        /// Only this shop (by name); all shops when absent
        #[arg(long)]
        shop: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Synced orders
    #[command(subcommand)]
    Orders(OrdersCmd),
    /// After-sales cases and their deadlines
    #[command(subcommand)]
    Cases(cases_cli::CasesCmd),
    /// Answers on their way to the platforms: list, retry, send what is due
    #[command(subcommand)]
    Outbox(outbox_cli::OutboxCmd),
    /// Can the buyer open this kind of request on this order line? Yes, or every reason why not
    Eligibility {
        #[arg(long)]
        shop: String,
        #[arg(long)]
        order: String,
        /// The line's SKU
        #[arg(long)]
        line: String,
        #[arg(long = "type", value_parser = cases_cli::case_type)]
        case_type: aftersales::policy::CaseType,
        #[arg(long)]
        at: Option<String>,
        /// JSON is the only output (kept for symmetry with the other commands)
        #[arg(long)]
        json: bool,
    },
    /// Deadline rules: every rule with its source, and the merchant's own numbers
    #[command(subcommand)]
    Rules(RulesCmd),
    /// What kind of goods a SKU is, for the eligibility explainer
    #[command(name = "goods-class")]
    GoodsClass {
        #[arg(long)]
        shop: String,
        #[arg(long)]
        sku: String,
        /// ordinary, fresh, custom, virtual, periodical, non_returnable
        #[arg(long)]
        class: String,
    },
    /// The warranty ledger: policies, units, lookup by serial / order / phone, serials and replacements
    #[command(subcommand)]
    Warranty(ledgers_cli::WarrantyCmd),
    /// Repair tickets
    #[command(subcommand)]
    Repairs(ledgers_cli::RepairsCmd),
    /// Follow-up calls (回访) after a case closes or a repair goes back
    #[command(subcommand)]
    Followups(ledgers_cli::FollowupsCmd),
    /// Import a seller back-office export (CSV in UTF-8 or GBK, or XLSX) into a shop through a profile
    Import {
        #[arg(long)]
        shop: String,
        /// pdd_orders, pdd_aftersales, taobao_orders, taobao_refunds, or your own (see import-profiles)
        #[arg(long)]
        profile: String,
        file: PathBuf,
        /// Read and check every row, write nothing
        #[arg(long)]
        dry_run: bool,
        /// With a bad row, import nothing (else the good rows go in and the bad ones are listed)
        #[arg(long)]
        all_or_nothing: bool,
        #[arg(long)]
        json: bool,
    },
    /// The import profiles: which header holds which field, and the words for types and statuses
    ImportProfiles {
        #[arg(long)]
        json: bool,
    },
    /// The figures platforms judge a shop by, for a window: every metric with numerator and denominator
    Metrics {
        #[command(flatten)]
        window: ledgers_cli::WindowArgs,
        /// The shop's category intervention average in percent (saved for the shop)
        #[arg(long)]
        category_average: Option<String>,
        /// JSON is the output (kept for symmetry with the other commands)
        #[arg(long)]
        json: bool,
    },
    /// Deadline reminders: what would fire and why; snoozing a case
    #[command(subcommand)]
    Reminders(reminders_cli::RemindersCmd),
    /// The compensation ledger: refunds, reships, coupons, cash, and who carried the cost
    #[command(subcommand)]
    Compensation(ledgers_cli::CompensationCmd),
    /// Repair records or warranty units to XLSX or CSV (UTF-8 with BOM)
    #[command(subcommand)]
    Export(ledgers_cli::ExportCmd),
    #[command(flatten)]
    Upkeep(upkeep_cli::UpkeepCmd),
    /// Serve the UI and the API over loopback HTTP, for browser tests (not for daily use)
    #[command(name = "ui-bridge", hide = true)]
    UiBridge {
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// The built UI folder (ui/dist)
        #[arg(long = "static", value_name = "DIR")]
        static_dir: PathBuf,
    },
    /// Print the TypeScript bindings generated from the API's Rust types (or, made from the command table, the
    /// UI's Backend.ts or the window's capability file)
    #[command(hide = true)]
    Bindings {
        #[arg(long, conflicts_with = "capabilities")]
        backend: bool,
        #[arg(long)]
        capabilities: bool,
    },
}

#[derive(Subcommand)]
enum DemoCmd {
    /// Add the demo's Pinduoduo shop and Shopify store and sync them (served by this process while it runs; the app
    /// serves them again when it starts)
    Start {
        #[arg(long)]
        json: bool,
    },
    /// Remove the demo shops and everything recorded for them
    Remove {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum DemoShopCmd {
    /// Serve the demo shop until stopped; prints its base URL and token once listening
    Serve {
        /// Which platform's API to speak
        #[arg(long, default_value = "shopify", value_parser = parse_demo_platform)]
        platform: DemoPlatform,
        /// 0 picks a free port
        #[arg(long, default_value_t = 0)]
        port: u16,
        #[arg(long, default_value_t = 1000)]
        orders: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Spread the orders over this many days before now
        #[arg(long)]
        span_days: Option<i64>,
        /// Use this access token (WooCommerce: consumer key) instead of a random one
        #[arg(long)]
        token: Option<String>,
        /// WooCommerce: use this consumer secret instead of a random one
        #[arg(long)]
        secret: Option<String>,
        /// Shopify REST leaky bucket size (calls)
        #[arg(long, default_value_t = 40)]
        bucket: u32,
        /// Shopify REST leaky bucket drain rate (calls per second)
        #[arg(long, default_value_t = 2.0)]
        leak_per_sec: f64,
        /// Shopify GraphQL cost bucket: maximum points
        #[arg(long, default_value_t = 2000.0)]
        graphql_max: f64,
        /// Shopify GraphQL cost bucket: points restored per second
        #[arg(long, default_value_t = 100.0)]
        graphql_restore: f64,
        /// Faults to inject, e.g. error_rate=0.1,storm_429=0.05,latency_ms=50,truncate=0.05,extra_fields,
        /// missing_optional,revoke_after=20,page_shift=5
        #[arg(long, default_value = "", value_parser = parse_faults)]
        faults: Faults,
        /// Print one JSON line ({"platform","url","token"}, or "key"/"secret" for WooCommerce) instead of text
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ShopCmd {
    /// Connect a shop; secrets are read from environment variables so they stay out of shell history
    Add {
        #[arg(value_parser = parse_platform)]
        platform: Platform,
        #[arg(long)]
        name: String,
        /// The shop's base URL: https://NAME.myshopify.com, a WooCommerce site's https://example.com,
        /// Pinduoduo's gateway https://gw-api.pinduoduo.com, or the demo shop's http://127.0.0.1:PORT
        #[arg(long)]
        url: Option<String>,
        /// Shopify: the environment variable holding the Admin API access token; Pinduoduo: the shop's access
        /// token; Taobao: the shop's session key
        #[arg(long, value_name = "VAR")]
        token_env: Option<String>,
        /// WooCommerce: the environment variable holding the consumer key (ck_…); Pinduoduo: the app's client id;
        /// Taobao: the app key
        #[arg(long, value_name = "VAR")]
        key_env: Option<String>,
        /// WooCommerce: the environment variable holding the consumer secret (cs_…); Pinduoduo: the client secret;
        /// Taobao: the app secret
        #[arg(long, value_name = "VAR")]
        secret_env: Option<String>,
        /// A shop kept by hand (any platform): no credentials, nothing synced
        #[arg(long)]
        offline: bool,
        /// Offline shops: the time zone (default Asia/Shanghai for Chinese platforms, else UTC)
        #[arg(long)]
        time_zone: Option<String>,
        /// Offline shops: the currency (default CNY for Chinese platforms, else USD)
        #[arg(long)]
        currency: Option<String>,
    },
    /// Remove a shop, its synced orders and its stored credentials
    Remove {
        name: String,
    },
    /// List connected shops
    List {
        #[arg(long)]
        json: bool,
    },
    /// The records a shop's syncs set aside (could not read), stored with a note (an amount rounded) or
    /// could not derive a case or warranty unit from, with the reasons
    Issues {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Ask the shop again for the records its syncs could not read; what reads now is stored
    Retry {
        name: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum RulesCmd {
    /// Every rule of every pack: the number in effect, the shipped one, and where it comes from
    List {
        #[arg(long)]
        json: bool,
    },
    /// Use your own number for a rule (e.g. 24h, 90m, 3d); --restore goes back to the shipped one
    Set {
        rule_id: String,
        #[arg(long, conflicts_with = "restore")]
        duration: Option<String>,
        #[arg(long)]
        restore: bool,
    },
}

#[derive(Subcommand)]
enum OrdersCmd {
    /// List orders, newest first
    List {
        #[arg(long)]
        shop: Option<String>,
        /// Matches the order number or the buyer's name
        #[arg(long)]
        search: Option<String>,
        /// At most 500 a page
        #[arg(long, default_value_t = 50)]
        limit: i64,
        #[arg(long, default_value_t = 0)]
        offset: i64,
        /// The page after this cursor (the `next_after` of the page before, in --json output)
        #[arg(long)]
        after: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Say how an order's goods reach the buyer: shipped, or picked up at the store (自提: returned at the
    /// store, not online). Later syncs keep your word.
    SetDelivery {
        /// The order number ("#1001" or "1001")
        number: String,
        /// ship or pickup
        #[arg(long, value_parser = ["ship", "pickup"])]
        method: String,
        #[arg(long)]
        shop: String,
        #[arg(long)]
        json: bool,
    },
}

fn parse_demo_platform(s: &str) -> Result<DemoPlatform, String> {
    match s {
        "shopify" => Ok(DemoPlatform::Shopify),
        "woocommerce" => Ok(DemoPlatform::Woocommerce),
        "medusa" => Ok(DemoPlatform::Medusa),
        "pdd" => Ok(DemoPlatform::Pdd),
        "taobao" => Ok(DemoPlatform::Taobao),
        other => Err(format!("the demo shop speaks shopify, woocommerce, medusa, pdd or taobao, not '{other}'")),
    }
}

fn parse_faults(s: &str) -> Result<Faults, String> {
    Faults::parse(s)
}

fn secret_from(var: &Option<String>, flag: &str, what: &str) -> Result<String> {
    let var = var.as_deref().with_context(|| format!("{flag} VAR is required (the environment variable holding the {what})"))?;
    std::env::var(var).with_context(|| format!("the environment variable {var} is not set (it should hold the {what})"))
}

fn parse_platform(s: &str) -> Result<Platform, String> {
    Platform::parse(s).ok_or_else(|| {
        let all: Vec<&str> = Platform::ALL.iter().map(|p| p.id()).collect();
        format!("unknown platform '{s}'; one of: {}", all.join(", "))
    })
}

fn main() {
    let cli = Cli::parse();
    let db = cli.db.clone().unwrap_or_else(aftersales::paths::default_db_path);
    let _log = aftersales::logging::init(&aftersales::paths::log_dir_of(&db));
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            std::process::exit(1);
        }
    };
    if let Err(e) = runtime.block_on(run(cli.command, db)) {
        // A message may quote what was typed (a shop name, a path): its escapes are shown, never obeyed.
        eprintln!("error: {}", aftersales::api::input::escape_controls(&format!("{e:#}")));
        std::process::exit(1);
    }
}

async fn run(command: Command, db: PathBuf) -> Result<()> {
    match command {
        Command::DemoShop(DemoShopCmd::Serve {
            platform,
            port,
            orders,
            seed,
            span_days,
            token,
            secret,
            bucket,
            leak_per_sec,
            graphql_max,
            graphql_restore,
            faults,
            json,
        }) => {
            let mut cfg = DemoConfig::new(chrono::Utc::now().timestamp_millis());
            cfg.platform = platform;
            cfg.orders = orders;
            cfg.seed = seed;
            if let Some(days) = span_days {
                cfg.span_days = days;
            }
            cfg.token = token;
            cfg.secret = secret;
            cfg.bucket_size = bucket;
            cfg.leak_per_sec = leak_per_sec;
            cfg.graphql_max = graphql_max;
            cfg.graphql_restore = graphql_restore;
            cfg.faults = faults;
            let shop = DemoShop::start(cfg, port).await.context("cannot start the demo shop")?;
            match (platform, json) {
                (DemoPlatform::Shopify, true) => {
                    println!("{}", serde_json::json!({"platform": "shopify", "url": shop.url, "token": shop.token}))
                }
                (DemoPlatform::Woocommerce, true) => println!(
                    "{}",
                    serde_json::json!({"platform": "woocommerce", "url": shop.url, "key": shop.token, "secret": shop.secret})
                ),
                (DemoPlatform::Medusa, true) => {
                    println!("{}", serde_json::json!({"platform": "medusa", "url": shop.url, "secret_key": shop.token}))
                }
                (DemoPlatform::Medusa, false) => {
                    println!("demo shop (medusa) listening on {}\nsecret API key: {}\nstop with Ctrl-C", shop.url, shop.token)
                }
                (DemoPlatform::Pdd, true) => println!(
                    "{}",
                    serde_json::json!({"platform": "pdd", "url": shop.url, "client_id": aftersales::demo_shop::pdd::CLIENT_ID,
                        "client_secret": shop.secret, "access_token": shop.token})
                ),
                (DemoPlatform::Pdd, false) => println!(
                    "demo shop (pdd) listening on {}\nclient id: {}\nclient secret: {}\naccess token: {}\nstop with Ctrl-C",
                    shop.url,
                    aftersales::demo_shop::pdd::CLIENT_ID,
                    shop.secret,
                    shop.token
                ),
                (DemoPlatform::Taobao, true) => println!(
                    "{}",
                    serde_json::json!({"platform": "taobao", "url": shop.url, "app_key": aftersales::demo_shop::taobao::APP_KEY,
                        "app_secret": shop.secret, "session": shop.token})
                ),
                (DemoPlatform::Taobao, false) => println!(
                    "demo shop (taobao) listening on {}\napp key: {}\napp secret: {}\nsession key: {}\nstop with Ctrl-C",
                    shop.url,
                    aftersales::demo_shop::taobao::APP_KEY,
                    shop.secret,
                    shop.token
                ),
                (DemoPlatform::Shopify, false) => {
                    println!("demo shop (shopify) listening on {}\naccess token: {}\nstop with Ctrl-C", shop.url, shop.token)
                }
                (DemoPlatform::Woocommerce, false) => println!(
                    "demo shop (woocommerce) listening on {}\nconsumer key: {}\nconsumer secret: {}\nstop with Ctrl-C",
                    shop.url, shop.token, shop.secret
                ),
            }
            tokio::signal::ctrl_c().await.ok();
            shop.stop().await;
            Ok(())
        }
        Command::Upkeep(cmd) => upkeep_cli::run(&db, cmd).await,
        Command::Bindings { backend, capabilities } => {
            use aftersales::api::{bindings, command_files};
            let text = if backend {
                command_files::backend_typescript()
            } else if capabilities {
                command_files::capabilities_json()
            } else {
                bindings::typescript()
            };
            print!("{text}");
            Ok(())
        }
        Command::UiBridge { port, static_dir } => bridge::serve(open_writing(&db)?, port, static_dir).await,
        Command::Shop(ShopCmd::Add { platform, name, url: _, token_env: _, key_env: _, secret_env: _, offline: true, time_zone, currency }) => {
            let shop = open_writing(&db)?
                .add_offline_shop(aftersales::api::OfflineShopInput { platform, name, time_zone, currency })
                .await?;
            println!("added {} ({}, kept by hand, {}, {})", shop.name, shop.platform, shop.time_zone, shop.currency);
            Ok(())
        }
        Command::Shop(ShopCmd::Add { platform, name, url, token_env, key_env, secret_env, .. }) => {
            let Some(url) = url else { bail!("--url is required (or --offline for a shop kept by hand)") };
            let credentials = match platform {
                Platform::Shopify => ShopCredentials::Shopify { token: secret_from(&token_env, "--token-env", "access token")? },
                Platform::Woocommerce => ShopCredentials::Woocommerce {
                    key: secret_from(&key_env, "--key-env", "consumer key")?,
                    secret: secret_from(&secret_env, "--secret-env", "consumer secret")?,
                },
                Platform::Medusa => ShopCredentials::Medusa { secret_key: secret_from(&key_env, "--key-env", "secret API key")? },
                Platform::Taobao => ShopCredentials::Taobao {
                    app_key: secret_from(&key_env, "--key-env", "app key")?,
                    app_secret: secret_from(&secret_env, "--secret-env", "app secret")?,
                    session: secret_from(&token_env, "--token-env", "session key")?,
                },
                Platform::Pdd => ShopCredentials::Pdd {
                    client_id: secret_from(&key_env, "--key-env", "client id")?,
                    client_secret: secret_from(&secret_env, "--secret-env", "client secret")?,
                    access_token: secret_from(&token_env, "--token-env", "access token")?,
                },
                other => bail!("{other} shops cannot be connected yet (Shopify, WooCommerce, Medusa, Pinduoduo and Taobao can); add it with --offline"),
            };
            let desk = open_writing(&db)?;
            let shop = desk.add_shop(AddShopInput { name, base_url: url, credentials }).await?;
            println!("added {} ({}, {}, {})", shop.name, shop.platform, shop.base_url, shop.currency);
            Ok(())
        }
        Command::Shop(ShopCmd::Remove { name }) => {
            let desk = open_writing(&db)?;
            let id = shop_id(&desk, &name)?;
            desk.remove_shop(aftersales::api::ShopIdInput { id }).await?;
            println!("removed {name} and its synced orders");
            Ok(())
        }
        Command::Shop(ShopCmd::Issues { name, json }) => {
            let desk = open(&db)?;
            let id = shop_id(&desk, &name)?;
            let issues = desk.list_sync_issues(aftersales::api::ShopIdInput { id })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&issues)?);
            } else {
                output::print_sync_issues(&name, &issues);
            }
            Ok(())
        }
        Command::Shop(ShopCmd::Retry { name, json }) => {
            let desk = open_writing(&db)?;
            let id = shop_id(&desk, &name)?;
            let r = desk.retry_sync_issues(aftersales::api::ShopIdInput { id }).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                println!("{name}: asked again for {} record(s): {} read and stored, {} still unreadable", r.retried, r.read, r.still_unreadable);
            }
            Ok(())
        }
        Command::Shop(ShopCmd::List { json }) => {
            let shops = open(&db)?.list_shops()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&shops)?);
            } else {
                output::print_shops(&shops);
            }
            Ok(())
        }
        Command::Demo(DemoCmd::Start { json }) => {
            let started = open_writing(&db)?.start_demo().await?;
            output::json_or_text(json, &started, || {
                let lines = started.shops.iter().map(|s| format!("{} ({}): {} orders synced", s.shop.name, s.shop.platform.id(), s.report.orders_fetched));
                lines.collect::<Vec<_>>().join("\n")
            })
        }
        Command::Demo(DemoCmd::Remove { json }) => {
            let removed = open_writing(&db)?.remove_demo().await?;
            output::json_or_text(json, &removed, || format!("removed {} demo shops and everything recorded for them", removed.shops))
        }
        Command::Sync { shop, json } => {
            let desk = open_writing(&db)?;
            let shop_id = shop.map(|name| shop_id(&desk, &name)).transpose()?;
            let desk = std::sync::Arc::new(desk);
            let on_ctrl_c = desk.clone();
            tokio::spawn(async move {
                if tokio::signal::ctrl_c().await.is_ok() {
                    eprintln!("cancelling: the pages written so far stay");
                    on_ctrl_c.cancel_all();
                }
            });
            let reports = desk
                .sync_shops(SyncInput { shop_id }, &|p| {
                    let total = p.total.map(|t| format!(" of {t}")).unwrap_or_default();
                    let pace = desk
                        .progress_of(p.shop_id)
                        .map(|d| {
                            let eta = d.eta_secs.map(|e| format!(", about {e:.0} s left")).unwrap_or_default();
                            format!(" ({:.0} orders/s{eta})", d.rate_per_sec)
                        })
                        .unwrap_or_default();
                    eprintln!("{}: {} page {}, {}{total} orders{pace}", p.shop, p.stream, p.pages, p.orders)
                })
                .await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&reports)?);
            } else {
                output::print_reports(&reports);
            }
            Ok(())
        }
        Command::Cases(cmd) => cases_cli::run(&open_writing(&db)?, cmd, shop_id).await,
        Command::Outbox(cmd) => outbox_cli::run(&open_writing(&db)?, cmd).await,
        Command::Warranty(cmd) => ledgers_cli::warranty(&open_writing(&db)?, cmd, &shop_id).await,
        Command::Repairs(cmd) => ledgers_cli::repairs(&open_writing(&db)?, cmd, &shop_id).await,
        Command::Followups(cmd) => ledgers_cli::followups(&open_writing(&db)?, cmd).await,
        Command::Reminders(cmd) => reminders_cli::run(&open_writing(&db)?, cmd).await,
        Command::Metrics { window, category_average, json: _ } => {
            let desk = if category_average.is_some() { open_writing(&db)? } else { open(&db)? };
            let q = window.query(&desk, &shop_id)?;
            if let (Some(id), Some(p)) = (q.shop_id, category_average) {
                desk.set_intervention_average(aftersales::api::InterventionAverageInput { shop_id: id, percent: p }).await?;
            }
            let m = desk.metrics(q)?;
            println!("{}", serde_json::to_string_pretty(&m)?);
            Ok(())
        }
        Command::Compensation(cmd) => ledgers_cli::compensation(&open_writing(&db)?, cmd, &shop_id).await,
        Command::Import { shop, profile, file, dry_run, all_or_nothing, json } => {
            let desk = open_writing(&db)?;
            let shop_id = shop_id(&desk, &shop)?;
            let file_name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let input = aftersales::api::ImportInput {
                shop_id,
                profile,
                file_name,
                content_base64: None,
                path: Some(file.to_string_lossy().into_owned()),
                dry_run,
                all_or_nothing,
            };
            let r = desk.import_file(input).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                for b in &r.bad {
                    eprintln!("line {}: {}", b.line, aftersales::api::input::escape_controls(&b.reason));
                }
                let what = if r.written { "imported" } else if dry_run { "checked (dry run, nothing written)" } else { "NOT imported (a bad row, --all-or-nothing)" };
                println!(
                    "{} rows {what} ({}): orders {} new, {} updated, {} unchanged; requests {} changed, {} unchanged; cases {} opened, {} moved; {} bad rows",
                    r.rows, r.encoding, r.orders_new, r.orders_updated, r.orders_unchanged, r.requests_changed, r.requests_unchanged,
                    r.cases_opened, r.cases_moved, r.bad.len()
                );
            }
            if !r.written && !dry_run {
                std::process::exit(2);
            }
            Ok(())
        }
        Command::ImportProfiles { json } => {
            let profiles = open(&db)?.import_profiles()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&profiles)?);
            } else {
                for p in &profiles {
                    let cols: Vec<String> = p.columns.iter().map(|(f, h)| format!("{f}={h}")).collect();
                    println!("{:<16} {:?} {} ({}{}): {}", p.id, p.kind, p.platform, p.name_en, if p.builtin { ", built in" } else { "" }, cols.join(", "));
                }
            }
            Ok(())
        }
        Command::Export(cmd) => ledgers_cli::export(&open(&db)?, cmd, &shop_id),
        Command::Eligibility { shop, order, line, case_type, at, json: _ } => {
            let desk = open(&db)?;
            let id = shop_id(&desk, &shop)?;
            cases_cli::eligibility(&desk, id, &order, &line, case_type, at).await
        }
        Command::Rules(RulesCmd::List { json }) => {
            let rules = open(&db)?.list_rules()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&rules)?);
            } else {
                for r in &rules {
                    let mine = if r.minutes != r.shipped_minutes { format!(" (yours; shipped {} min)", r.shipped_minutes) } else { String::new() };
                    println!("{:<44} {:>6} min{mine}  {:?}  {:?}, as of {}: {}", r.id, r.minutes, r.consequence, r.confidence, r.as_of, r.source);
                }
            }
            Ok(())
        }
        Command::Rules(RulesCmd::Set { rule_id, duration, restore }) => {
            let minutes = match (duration, restore) {
                (_, true) => None,
                (Some(d), false) => Some((cases_cli::parse_duration_hours(&d)? * 60.0).round() as i64),
                (None, false) => bail!("give --duration (e.g. 24h) or --restore"),
            };
            let rules = open_writing(&db)?.set_rule_override(aftersales::api::RuleOverrideInput { rule_id: rule_id.clone(), minutes }).await?;
            if let Some(r) = rules.iter().find(|r| r.id == rule_id) {
                println!("{} is now {} minutes (shipped: {})", r.id, r.minutes, r.shipped_minutes);
            }
            Ok(())
        }
        Command::GoodsClass { shop, sku, class } => {
            let desk = open_writing(&db)?;
            let shop_id = shop_id(&desk, &shop)?;
            desk.set_goods_class(aftersales::api::GoodsClassInput { shop_id, sku: sku.clone(), class: class.clone() }).await?;
            println!("{sku} is {class}");
            Ok(())
        }
        Command::Orders(OrdersCmd::SetDelivery { number, method, shop, json }) => {
            let desk = open_writing(&db)?;
            let shop_id = shop_id(&desk, &shop)?;
            let order = desk.find_order(shop_id, &number)?;
            let method = aftersales::store::orders::DeliveryMethod::parse(&method).ok_or_else(|| anyhow::anyhow!("--method: ship or pickup"))?;
            let order = desk.set_delivery_method(aftersales::api::DeliveryMethodInput { order_id: order.id, method }).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&order)?);
            } else {
                println!("order {} is {} (set by you; later syncs keep it)", order.number, order.delivery_method.id());
            }
            Ok(())
        }
        Command::Orders(OrdersCmd::List { shop, search, limit, offset, after, json }) => {
            let desk = open(&db)?;
            let shop_id = shop.map(|name| shop_id(&desk, &name)).transpose()?;
            let page = desk.list_orders(OrdersQuery { shop_id, search, limit, offset, after })?;
            if json {
                // Still the array of orders scripts read; the last order of a page that has more after it carries
                // `next_after`, the cursor for `--after` (null elsewhere).
                let mut orders = serde_json::to_value(&page.orders)?;
                if let Some(items) = orders.as_array_mut() {
                    let last = items.len().saturating_sub(1);
                    for (i, o) in items.iter_mut().enumerate() {
                        if let Some(o) = o.as_object_mut() {
                            let next = if i == last { page.next_after.clone() } else { None };
                            o.insert("next_after".into(), next.map_or(serde_json::Value::Null, serde_json::Value::String));
                        }
                    }
                }
                println!("{}", serde_json::to_string_pretty(&orders)?);
            } else {
                output::print_orders(&page);
            }
            Ok(())
        }
    }
}

fn open(db: &std::path::Path) -> Result<Desk> {
    Ok(Desk::open(db)?)
}

/// For a command that writes: the app's start-up check first (a quick integrity check of the whole file, once a
/// day), so nothing is written into a damaged database; reading commands skip it, being called often.
fn open_writing(db: &std::path::Path) -> Result<Desk> {
    Ok(Desk::open_checked_daily(db)?)
}

fn shop_id(desk: &Desk, name: &str) -> Result<i64> {
    let shops = desk.list_shops()?;
    match shops.iter().find(|s| s.name == name) {
        Some(s) => Ok(s.id),
        None => {
            let names: Vec<&str> = shops.iter().map(|s| s.name.as_str()).collect();
            let name = aftersales::api::input::shown(name);
            bail!("no shop named {name} (shops: {})", if names.is_empty() { "none yet".into() } else { names.join(", ") })
        }
    }
}
