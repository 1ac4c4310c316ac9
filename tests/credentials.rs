//! Credentials never land in the database file or the logs, and are never sent back through the door.

mod common;

use aftersales::demo_shop::DemoPlatform;
use common::*;

fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_stay_out_of_the_database_the_logs_and_the_answers() {
    for platform in [DemoPlatform::Shopify, DemoPlatform::Woocommerce] {
        let shop = demo(platform, 300, 31, |_| {}).await;
        let d = desk_with(&shop).await;
        let _log = aftersales::logging::init(&aftersales::paths::log_dir_of(&d.db));
        d.sync().await.unwrap();
        shop.set_faults(faults("revoke_after=1"));
        let _ = d.sync().await; // a failure writes an error message: it must not quote the secret either
        drop(d.desk);
        let secrets = credentials(&shop).secrets().iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let listed = serde_json::to_string(&common::Desktop::reopen(&d.db).list_shops().unwrap()).unwrap();
        for s in &secrets {
            assert!(!listed.contains(s.as_str()), "{platform:?}: list_shops never carries a secret");
        }
        let mut checked = 0;
        for f in files_under(d.dir.path()) {
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            if name == "credentials.json" {
                continue; // the one place they belong (mode 0600)
            }
            let bytes = std::fs::read(&f).unwrap();
            for s in &secrets {
                assert!(
                    !bytes.windows(s.len()).any(|w| w == s.as_bytes()),
                    "{platform:?}: {name} contains a secret"
                );
            }
            checked += 1;
        }
        assert!(checked >= 2, "{platform:?}: the database file and the log were checked ({checked} files)");
    }
}
