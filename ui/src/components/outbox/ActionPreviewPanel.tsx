import { Alert, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionPreviewDto } from '../../bindings';
import { minorToDecimal, platformName } from './platformName';

/**
 * What an action will do on the platform before it is sent: the call, the money and the lines, the platform's
 * rule (approved apps only, a verification code), and a warning when the credentials may not allow it or the
 * platform could not be asked.
 */
export function ActionPreviewPanel({ preview }: { preview: ActionPreviewDto }) {
  const { t } = useTranslation();
  const platform = platformName(t, preview.platform);
  const items = [
    ...(preview.call === null ? [] : [{ key: 'call', label: t('preview.call'), children: <Typography.Text code>{preview.call}</Typography.Text> }]),
    ...(preview.amount === null ? [] : [{ key: 'amount', label: t('preview.amount'), children: `${preview.amount} ${preview.currency}` }]),
    ...(preview.lines.length === 0
      ? []
      : [
          {
            key: 'lines',
            label: t('preview.lines'),
            children: (
              <Flex vertical>
                {preview.lines.map((line) => (
                  <span key={line.line_id} data-testid="preview-line">
                    {Number(line.amount_minor) > 0
                      ? t('preview.lineAmount', {
                          id: line.line_id,
                          quantity: Number(line.quantity),
                          amount: `${minorToDecimal(line.amount_minor, preview.currency)} ${preview.currency}`,
                        })
                      : t('preview.line', { id: line.line_id, quantity: Number(line.quantity) })}
                  </span>
                ))}
              </Flex>
            ),
          },
        ]),
  ];
  return (
    <Flex vertical gap="small" data-testid="action-preview" style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('preview.title', { platform })}</Typography.Text>
      <Typography.Text type="secondary">{t('preview.sends')}</Typography.Text>
      {items.length > 0 && <Descriptions size="small" column={1} bordered items={items} />}
      {preview.allowed === false && (
        <Alert
          type="warning"
          showIcon
          data-testid="preview-not-allowed"
          message={preview.why ? t('preview.notAllowed', { why: preview.why }) : t('preview.notAllowedNoWhy')}
        />
      )}
      {preview.restriction !== null && (
        <Alert type="info" showIcon data-testid="preview-restriction" message={t('preview.restriction')} description={preview.restriction} />
      )}
      {preview.problem !== null && (
        <Alert type="warning" showIcon data-testid="preview-problem" message={t('preview.problem', { problem: preview.problem })} />
      )}
    </Flex>
  );
}
