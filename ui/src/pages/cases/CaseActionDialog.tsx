import { Alert, App, Button, Flex, Modal, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionPreviewDto, CaseAction, CaseActionInput, CaseDetailDto } from '../../bindings';
import { CaseActionForm, type ActionFields, type PlatformFields } from '../../components/cases/CaseActionForm';
import { ErrorDetail } from '../../components/ErrorDetail';
import { ActionPreviewPanel } from '../../components/outbox/ActionPreviewPanel';
import { platformName } from '../../components/outbox/platformName';
import { useActCase } from '../../hooks/useActCase';
import { usePreviewAction } from '../../hooks/usePreviewAction';
import { useSendOutbox } from '../../hooks/useSendOutbox';

type CaseActionDialogProps = {
  detail: CaseDetailDto;
  /** The action being confirmed; kept while the dialog closes so it does not change mid-animation. */
  action: CaseAction | null;
  open: boolean;
  onClose: () => void;
};

/** The newest answer queued for `action` on the case: the one `act_case` just wrote. */
function queuedEntry(detail: CaseDetailDto, action: CaseAction) {
  return (detail.outbox ?? [])
    .filter((entry) => entry.action === action && entry.state === 'pending')
    .reduce<(typeof detail.outbox)[number] | null>((newest, entry) => (newest === null || entry.id > newest.id ? entry : newest), null);
}

/**
 * One action on a case: first what it will do on the platform (`preview_action`). On a shop kept by hand, its
 * small form sent with `act_case`, as always. On a synced case, the preview (the call, money, lines, the
 * platform's rule and whether the credentials allow it) with the platform's choices (refusal reason, return
 * address, through the gateway or record only), an explicit confirmation when money moves, then `act_case`
 * queues it (`no_wait`) and `send_outbox` delivers it; the case moves when the platform accepts. What was done
 * already in the platform's back office is recorded here only (`record_only`), nothing sent. The error stays
 * in the dialog.
 */
export function CaseActionDialog({ detail, action, open, onClose }: CaseActionDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actCase = useActCase();
  const sendOutbox = useSendOutbox();
  const { case: summary } = detail;
  const preview = usePreviewAction(summary.id, action, open);
  // A refund on the platform waits here for its explicit confirmation.
  const [confirming, setConfirming] = useState<{ input: CaseActionInput; amount: string } | null>(null);
  const close = () => {
    actCase.reset();
    setConfirming(null);
    onClose();
  };
  const submitHere = (chosen: CaseAction, fields: ActionFields, recordOnly: boolean) =>
    actCase.mutate(
      { case_id: summary.id, action: chosen, at: null, ...fields, ...(recordOnly ? { record_only: true } : {}) },
      {
        onSuccess: () => {
          void message.success(t('action.done', { action: t(`caseAction.${chosen}`), id: summary.id }));
          close();
        },
      },
    );
  const sendToPlatform = (input: CaseActionInput, shown: ActionPreviewDto) =>
    actCase.mutate(input, {
      onSuccess: (answer) => {
        const queued = queuedEntry(answer, input.action);
        // Delivered now; the drawer reads the case again until the platform took it or refused it.
        if (queued !== null) sendOutbox.mutate({ id: queued.id });
        void message.info(
          t('outbox.queued', { action: t(`caseAction.${input.action}`), platform: platformName(t, shown.platform), id: summary.id }),
        );
        close();
      },
      onError: () => setConfirming(null),
    });
  const submit = (chosen: CaseAction, fields: ActionFields, platformFields: PlatformFields) => {
    const shown = preview.data;
    if (shown === undefined || !shown.sends || platformFields.record_only === true) {
      submitHere(chosen, fields, platformFields.record_only === true);
      return;
    }
    const input: CaseActionInput = { case_id: summary.id, action: chosen, at: null, ...fields, ...platformFields, no_wait: true };
    const amount = fields.amount ?? shown.amount;
    if (shown.money && amount !== null) {
      setConfirming({ input, amount });
      return;
    }
    sendToPlatform(input, shown);
  };

  const quantity = detail.lines.reduce((total, line) => total + line.quantity, 0);
  const shown = preview.data;
  const sends = shown?.sends === true;
  const form = (platform: ActionPreviewDto | undefined) =>
    action !== null && (
      <div hidden={confirming !== null}>
        <CaseActionForm
          key={action}
          action={action}
          requested={summary.requested}
          currency={summary.currency}
          maxDamaged={detail.lines.length > 0 ? quantity : null}
          submitting={actCase.isPending}
          error={actCase.error}
          platform={platform}
          submitLabel={platform === undefined ? undefined : t('preview.send', { platform: platformName(t, platform.platform) })}
          onSubmit={(fields, platformFields) => submit(action, fields, platformFields)}
          onCancel={close}
        />
      </div>
    );

  let content;
  if (action === null) {
    content = null;
  } else if (preview.isPending && preview.fetchStatus !== 'idle') {
    content = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (preview.error !== null) {
    // The engine still decides where the action goes: the form as always, with what could not be checked.
    content = (
      <>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="preview-failed"
          message={t('preview.failed')}
          description={<ErrorDetail message={preview.error.message} />}
        />
        {form(undefined)}
      </>
    );
  } else if (sends && shown !== undefined) {
    content = (
      <>
        {confirming === null && <ActionPreviewPanel preview={shown} />}
        {form(shown)}
        {confirming !== null && (
          <MoneyConfirm
            preview={shown}
            amount={confirming.amount}
            recordOnly={confirming.input.through_gateway === false}
            submitting={actCase.isPending}
            onBack={() => setConfirming(null)}
            onConfirm={() => sendToPlatform(confirming.input, shown)}
          />
        )}
      </>
    );
  } else {
    content = form(undefined);
  }

  return (
    <Modal
      open={open}
      title={action === null ? null : t('action.title', { action: t(`caseAction.${action}`), id: summary.id })}
      footer={null}
      onCancel={close}
      destroyOnHidden
      width={sends ? 560 : 480}
    >
      {content}
    </Modal>
  );
}

type MoneyConfirmProps = {
  preview: ActionPreviewDto;
  amount: string;
  recordOnly: boolean;
  submitting: boolean;
  onBack: () => void;
  onConfirm: () => void;
};

/** The explicit step before money moves on the platform: the amount and currency named, on the button too. */
function MoneyConfirm({ preview, amount, recordOnly, submitting, onBack, onConfirm }: MoneyConfirmProps) {
  const { t } = useTranslation();
  const words = { amount, currency: preview.currency, platform: platformName(t, preview.platform) };
  return (
    <Flex vertical gap="middle" data-testid="money-confirm">
      <Alert
        type="warning"
        showIcon
        message={t('preview.confirmMoneyTitle', words)}
        description={recordOnly ? t('preview.confirmMoneyRecord', words) : t('preview.confirmMoneyText', words)}
      />
      <Flex justify="end" gap="small">
        <Button onClick={onBack} disabled={submitting}>
          {t('preview.back')}
        </Button>
        <Button type="primary" danger loading={submitting} onClick={onConfirm} data-testid="money-confirm-button">
          {t('preview.confirmMoney', words)}
        </Button>
      </Flex>
    </Flex>
  );
}
