//! The TypeScript twin of every DTO, as one file the UI imports (`ui/src/bindings.ts`).

use super::case_dto::*;
use super::dto::*;
use crate::cases::eligibility::{EligibilityDto, EligibilityReason};
use crate::cases::{CaseAction, CaseStatus};
use crate::policy::{CalendarKind, CaseType, ClockKind, Confidence, Consequence};
use super::error::{ApiError, ErrorCode};
use crate::shops::{Platform, ShopCredentials};
use ts_rs::{Config, TS};

pub const BINDINGS_PATH: &str = "ui/src/bindings.ts";

pub fn typescript() -> String {
    let cfg = Config::default();
    let decls = [
        Platform::decl(&cfg),
        ErrorCode::decl(&cfg),
        ApiError::decl(&cfg),
        ShopCredentials::decl(&cfg),
        SyncProgressDto::decl(&cfg),
        SyncStatusDto::decl(&cfg),
        ShopDto::decl(&cfg),
        AddShopInput::decl(&cfg),
        TestConnectionInput::decl(&cfg),
        ConnectionTestDto::decl(&cfg),
        UpdateShopInput::decl(&cfg),
        ShopIdInput::decl(&cfg),
        SettingsDto::decl(&cfg),
        OrdersQuery::decl(&cfg),
        OrderLineDto::decl(&cfg),
        RefundDto::decl(&cfg),
        OrderDto::decl(&cfg),
        OrdersPage::decl(&cfg),
        SyncInput::decl(&cfg),
        SyncReport::decl(&cfg),
        OrderIdInput::decl(&cfg),
        DemoStarted::decl(&cfg),
        CaseType::decl(&cfg),
        CaseStatus::decl(&cfg),
        CaseAction::decl(&cfg),
        ClockKind::decl(&cfg),
        ClockOutcome::decl(&cfg),
        Consequence::decl(&cfg),
        CalendarKind::decl(&cfg),
        Confidence::decl(&cfg),
        RuleInfoDto::decl(&cfg),
        ClockDto::decl(&cfg),
        CaseEventDto::decl(&cfg),
        CaseLineDto::decl(&cfg),
        CaseSummaryDto::decl(&cfg),
        EvidenceDto::decl(&cfg),
        CaseDetailDto::decl(&cfg),
        CasesQuery::decl(&cfg),
        CasesPage::decl(&cfg),
        NewCaseInput::decl(&cfg),
        CaseActionInput::decl(&cfg),
        CaseIdInput::decl(&cfg),
        DueInput::decl(&cfg),
        DueItemDto::decl(&cfg),
        EligibilityInput::decl(&cfg),
        EligibilityReason::decl(&cfg),
        EligibilityDto::decl(&cfg),
        AddEvidenceInput::decl(&cfg),
        ExportedDto::decl(&cfg),
        RuleDto::decl(&cfg),
        RuleOverrideInput::decl(&cfg),
        ReasonDto::decl(&cfg),
        ReasonInput::decl(&cfg),
        OfflineShopInput::decl(&cfg),
        GoodsClassInput::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust DTOs in src/api/dto.rs by `make bindings`; do not edit by hand.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push('\n');
    }
    out
}
