//! The `aftersales` command line: the same engine as the app, through the same door (`aftersales::api`).

mod bridge;
mod output;

use aftersales::api::{AddShopInput, Desk, OrdersQuery, SyncInput};
use aftersales::demo_shop::{DemoConfig, DemoShop};
use aftersales::shops::Platform;
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
    /// Serve the UI and the API over loopback HTTP, for browser tests (not for daily use)
    #[command(name = "ui-bridge", hide = true)]
    UiBridge {
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// The built UI folder (ui/dist)
        #[arg(long = "static", value_name = "DIR")]
        static_dir: PathBuf,
    },
    /// Print the TypeScript bindings generated from the API's Rust types
    #[command(hide = true)]
    Bindings,
}

#[derive(Subcommand)]
enum DemoShopCmd {
    /// Serve the demo shop until stopped; prints its base URL and token once listening
    Serve {
        /// 0 picks a free port
        #[arg(long, default_value_t = 0)]
        port: u16,
        #[arg(long, default_value_t = 1000)]
        orders: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Use this access token instead of a random one
        #[arg(long)]
        token: Option<String>,
        /// Leaky bucket size (calls)
        #[arg(long, default_value_t = 40)]
        bucket: u32,
        /// Leaky bucket drain rate (calls per second)
        #[arg(long, default_value_t = 2.0)]
        leak_per_sec: f64,
        /// Print one JSON line {"platform","url","token"} instead of text
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ShopCmd {
    /// Connect a shop; the token is read from an environment variable so it stays out of shell history
    Add {
        #[arg(value_parser = parse_platform)]
        platform: Platform,
        #[arg(long)]
        name: String,
        /// The shop's base URL: https://NAME.myshopify.com, or the demo shop's http://127.0.0.1:PORT
        #[arg(long)]
        url: String,
        /// The environment variable holding the Admin API access token
        #[arg(long, value_name = "VAR")]
        token_env: String,
    },
    /// List connected shops
    List {
        #[arg(long)]
        json: bool,
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
        #[arg(long, default_value_t = 50)]
        limit: i64,
        #[arg(long, default_value_t = 0)]
        offset: i64,
        #[arg(long)]
        json: bool,
    },
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
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

async fn run(command: Command, db: PathBuf) -> Result<()> {
    match command {
        Command::DemoShop(DemoShopCmd::Serve { port, orders, seed, token, bucket, leak_per_sec, json }) => {
            let mut cfg = DemoConfig::new(chrono::Utc::now().timestamp_millis());
            cfg.orders = orders;
            cfg.seed = seed;
            cfg.token = token;
            cfg.bucket_size = bucket;
            cfg.leak_per_sec = leak_per_sec;
            let shop = DemoShop::start(cfg, port).await.context("cannot start the demo shop")?;
            if json {
                println!("{}", serde_json::json!({"platform": "shopify", "url": shop.url, "token": shop.token}));
            } else {
                println!("demo shop (shopify) listening on {}\naccess token: {}\nstop with Ctrl-C", shop.url, shop.token);
            }
            tokio::signal::ctrl_c().await.ok();
            shop.stop().await;
            Ok(())
        }
        Command::Bindings => {
            print!("{}", aftersales::api::bindings::typescript());
            Ok(())
        }
        Command::UiBridge { port, static_dir } => bridge::serve(open(&db)?, port, static_dir).await,
        Command::Shop(ShopCmd::Add { platform, name, url, token_env }) => {
            let token = std::env::var(&token_env)
                .with_context(|| format!("the environment variable {token_env} is not set (it should hold the access token)"))?;
            let desk = open(&db)?;
            let shop = desk.add_shop(AddShopInput { platform, name, base_url: url, token }).await?;
            println!("added {} ({}, {}, {})", shop.name, shop.platform, shop.base_url, shop.currency);
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
        Command::Sync { shop, json } => {
            let desk = open(&db)?;
            let shop_id = shop.map(|name| shop_id(&desk, &name)).transpose()?;
            let reports = desk
                .sync_shops(SyncInput { shop_id }, &|p| eprintln!("{}: {} pages, {} orders", p.shop, p.pages, p.orders))
                .await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&reports)?);
            } else {
                output::print_reports(&reports);
            }
            Ok(())
        }
        Command::Orders(OrdersCmd::List { shop, search, limit, offset, json }) => {
            let desk = open(&db)?;
            let shop_id = shop.map(|name| shop_id(&desk, &name)).transpose()?;
            let page = desk.list_orders(OrdersQuery { shop_id, search, limit, offset })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&page.orders)?);
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

fn shop_id(desk: &Desk, name: &str) -> Result<i64> {
    let shops = desk.list_shops()?;
    match shops.iter().find(|s| s.name == name) {
        Some(s) => Ok(s.id),
        None => {
            let names: Vec<&str> = shops.iter().map(|s| s.name.as_str()).collect();
            bail!("no shop named '{name}' (shops: {})", if names.is_empty() { "none yet".into() } else { names.join(", ") })
        }
    }
}
