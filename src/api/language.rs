//! The merchant's language through the door (`crate::language` says what it is and where it comes from).

use super::{ApiResult, Desk, LanguageInput};
use crate::language::{desktop_locale, from_locale, stored, UiLanguage, UI_LANGUAGE};
use crate::store::settings;

impl Desk {
    /// The merchant's language; at the first start the desktop's, recorded then.
    pub async fn ui_language(&self) -> ApiResult<UiLanguage> {
        let desktop = desktop_locale(|k| std::env::var(k).ok());
        self.ui_language_or(desktop.as_deref()).await
    }

    /// As `ui_language`, with the desktop's locale given.
    pub async fn ui_language_or(&self, desktop_locale: Option<&str>) -> ApiResult<UiLanguage> {
        if let Some(l) = stored(&self.reader()?) {
            return Ok(l);
        }
        let conn = self.writer.lock().await;
        // Another window may have recorded one meanwhile: the first one recorded stays.
        if let Some(l) = stored(&conn) {
            return Ok(l);
        }
        let l = from_locale(desktop_locale);
        settings::set(&conn, UI_LANGUAGE, &serde_json::to_string(&l).unwrap_or_default())?;
        Ok(l)
    }

    pub async fn set_ui_language(&self, input: LanguageInput) -> ApiResult<UiLanguage> {
        let conn = self.writer.lock().await;
        settings::set(&conn, UI_LANGUAGE, &serde_json::to_string(&input.language).unwrap_or_default())?;
        Ok(input.language)
    }
}
