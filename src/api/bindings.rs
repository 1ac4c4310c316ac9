//! The TypeScript twin of every DTO, as one file the UI imports (`ui/src/bindings.ts`).

use super::case_dto::*;
use super::dto::*;
use super::ledger_dto::*;
use crate::exports::ExportFormat;
use crate::repairs::{Payer, RepairStatus};
use crate::warranty::{PeriodUnit, ReplacementRule, Scope, Stage, StartBasis, UnitStatus};
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
        Scope::decl(&cfg),
        PeriodUnit::decl(&cfg),
        ReplacementRule::decl(&cfg),
        StartBasis::decl(&cfg),
        Stage::decl(&cfg),
        UnitStatus::decl(&cfg),
        RepairStatus::decl(&cfg),
        Payer::decl(&cfg),
        ExportFormat::decl(&cfg),
        WarrantyPolicyDto::decl(&cfg),
        WarrantyPolicyInput::decl(&cfg),
        WarrantyPolicySaved::decl(&cfg),
        IdInput::decl(&cfg),
        WarrantyUnitDto::decl(&cfg),
        WarrantyLookupInput::decl(&cfg),
        WarrantyLookupDto::decl(&cfg),
        WarrantyUnitsQuery::decl(&cfg),
        WarrantyUnitsPage::decl(&cfg),
        UnitSerialInput::decl(&cfg),
        ReplaceUnitInput::decl(&cfg),
        VoidUnitInput::decl(&cfg),
        SkuCategoryInput::decl(&cfg),
        RepairSummaryDto::decl(&cfg),
        RepairPartDto::decl(&cfg),
        RepairEventDto::decl(&cfg),
        RepairPhotoDto::decl(&cfg),
        RepairDetailDto::decl(&cfg),
        NewRepairInput::decl(&cfg),
        RepairActInput::decl(&cfg),
        RepairUpdateInput::decl(&cfg),
        RepairPartInput::decl(&cfg),
        RepairPartIdInput::decl(&cfg),
        RepairPhotoInput::decl(&cfg),
        RepairsQuery::decl(&cfg),
        RepairsPage::decl(&cfg),
        FollowupKind::decl(&cfg),
        FollowupOutcome::decl(&cfg),
        FollowupState::decl(&cfg),
        FollowupDto::decl(&cfg),
        FollowupsQuery::decl(&cfg),
        FollowupDoneInput::decl(&cfg),
        FollowupSettingsDto::decl(&cfg),
        CompensationKind::decl(&cfg),
        CostCarrier::decl(&cfg),
        CompensationDto::decl(&cfg),
        CompensationInput::decl(&cfg),
        CompensationsQuery::decl(&cfg),
        CarrierTotalDto::decl(&cfg),
        CompensationsDto::decl(&cfg),
        ExportColumnDto::decl(&cfg),
        ExportColumnsDto::decl(&cfg),
        ExportRepairsInput::decl(&cfg),
        ExportWarrantyInput::decl(&cfg),
        ExportResultDto::decl(&cfg),
        SavePathInput::decl(&cfg),
        crate::reminders::ReminderKind::decl(&cfg),
        RemindersQuery::decl(&cfg),
        ReminderDto::decl(&cfg),
        HeldReminderDto::decl(&cfg),
        RemindersDto::decl(&cfg),
        NotificationDto::decl(&cfg),
        DeliveryDto::decl(&cfg),
        SnoozeInput::decl(&cfg),
        ReminderSettingsDto::decl(&cfg),
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
