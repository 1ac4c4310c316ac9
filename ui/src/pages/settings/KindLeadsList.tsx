import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClockKind } from '../../bindings';
import { durationLabel } from '../../components/rules/durationLabel';
import { CLOCK_KINDS } from './clockKinds';
import { MAX_LEADS, type KindLeadsValues } from './reminderForm';

/**
 * Lead times of their own for some clock kinds (a 48-hour reply wants earlier warning than 7 days to ship back):
 * one row per kind, each kind at most once; the kinds not listed keep the lead times above.
 */
export function KindLeadsList({ choices }: { choices: number[] }) {
  const { t } = useTranslation();
  const rows = (Form.useWatch('kind_leads') as KindLeadsValues[] | undefined) ?? [];
  const taken = new Set(rows.map((row) => row?.kind).filter((kind): kind is ClockKind => kind !== null && kind !== undefined));
  const leadOptions = choices.map((minutes) => ({ value: minutes, label: durationLabel(t, minutes, 'natural') }));

  return (
    <Form.Item label={t('reminders.settings.kindLeads')} extra={t('reminders.settings.kindLeadsHelp')}>
      <Form.List name="kind_leads">
        {(fields, { add, remove }) => (
          <Flex vertical gap="small" data-testid="reminder-kind-leads">
            {fields.length === 0 && <Typography.Text type="secondary">{t('reminders.settings.kindLeadsEmpty')}</Typography.Text>}
            {fields.map((field, index) => (
              <Flex key={field.key} gap="small" align="start" wrap data-testid="reminder-kind-lead">
                <Form.Item
                  name={[field.name, 'kind']}
                  rules={[{ required: true, message: t('reminders.settings.kindRequired') }]}
                  style={{ marginBottom: 0 }}
                >
                  <Select<ClockKind>
                    aria-label={t('reminders.settings.kind', { n: index + 1 })}
                    placeholder={t('reminders.settings.kindPlaceholder')}
                    style={{ width: 220 }}
                    options={CLOCK_KINDS.map((kind) => ({
                      value: kind,
                      label: t(`clockKind.${kind}`),
                      // Each kind once: the engine refuses a kind listed twice.
                      disabled: taken.has(kind) && rows[index]?.kind !== kind,
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'leads_minutes']}
                  normalize={(leads: number[]) => [...leads].sort((a, b) => b - a)}
                  style={{ marginBottom: 0, flex: '1 1 260px' }}
                >
                  <Select<number[]>
                    mode="multiple"
                    maxCount={MAX_LEADS}
                    aria-label={t('reminders.settings.kindLeadTimes', { n: index + 1 })}
                    placeholder={t('reminders.settings.leadsEmpty')}
                    options={leadOptions}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('reminders.settings.kindRemove', { n: index + 1 })}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <div>
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= CLOCK_KINDS.length}
                onClick={() => add({ kind: null, leads_minutes: [] })}
                data-testid="reminder-kind-add"
              >
                {t('reminders.settings.kindAdd')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
