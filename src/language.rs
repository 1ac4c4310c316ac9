//! The language the desk speaks to the merchant: the window, its notifications and the tray. At the first start
//! it is the desktop's (Chinese on a Chinese desktop, English otherwise) and is recorded, so it stays; after
//! that, whatever the merchant picks in the window. Kept in the settings table (`ui.language`); read and
//! written through `api::language`.

use crate::store::settings;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) const UI_LANGUAGE: &str = "ui.language";

/// The language of the window, its notifications and the tray.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum UiLanguage {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

/// Chinese for any `zh*` locale (`zh_CN.UTF-8`, `zh_TW`, `zh-Hans`), English for every other and for none.
pub fn from_locale(locale: Option<&str>) -> UiLanguage {
    match locale {
        Some(l) if l.trim().to_ascii_lowercase().starts_with("zh") => UiLanguage::ZhCn,
        _ => UiLanguage::En,
    }
}

/// The desktop's language as glibc reads it: `LANGUAGE` (its first entry) unless the locale is C, then
/// `LC_ALL`, `LC_MESSAGES`, `LANG`; None when none names a language.
pub fn desktop_locale(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    let set = |k: &str| var(k).filter(|v| !v.trim().is_empty());
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|k| set(k)).filter(|l| l != "C" && l != "POSIX" && !l.starts_with("C."));
    let first_of_language = set("LANGUAGE").and_then(|v| v.split(':').find(|p| !p.is_empty()).map(str::to_string));
    match (locale, first_of_language) {
        (Some(_), Some(language)) => Some(language),
        (locale, _) => locale,
    }
}

/// The language recorded, if any: for the engine's own words (notifications).
pub fn stored(conn: &Connection) -> Option<UiLanguage> {
    let v = settings::get(conn, UI_LANGUAGE).ok()??;
    serde_json::from_str(&v).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    }

    #[test]
    fn the_desktop_locale_is_read_as_glibc_reads_it() {
        assert_eq!(desktop_locale(env(&[("LANG", "zh_CN.UTF-8")])).as_deref(), Some("zh_CN.UTF-8"));
        assert_eq!(desktop_locale(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_TW.UTF-8")])).as_deref(), Some("zh_TW.UTF-8"));
        assert_eq!(desktop_locale(env(&[("LANG", "en_GB.UTF-8"), ("LC_MESSAGES", "zh_CN.UTF-8")])).as_deref(), Some("zh_CN.UTF-8"));
        assert_eq!(desktop_locale(env(&[("LANG", "en_US.UTF-8"), ("LANGUAGE", "zh_CN:en")])).as_deref(), Some("zh_CN"));
        // LANGUAGE is ignored under the C locale, as glibc does.
        assert_eq!(desktop_locale(env(&[("LANG", "C.UTF-8"), ("LANGUAGE", "zh_CN")])), None);
        assert_eq!(desktop_locale(env(&[("LANG", "")])), None);
        assert_eq!(desktop_locale(env(&[])), None);
    }

    #[test]
    fn chinese_for_any_chinese_locale_english_otherwise() {
        for l in ["zh_CN.UTF-8", "zh_TW", "zh-Hans", "ZH_cn"] {
            assert_eq!(from_locale(Some(l)), UiLanguage::ZhCn, "{l}");
        }
        for l in [Some("en_US.UTF-8"), Some("de_DE"), Some("C"), None] {
            assert_eq!(from_locale(l), UiLanguage::En, "{l:?}");
        }
    }
}
