import { Button, Flex, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleDto } from '../../bindings';
import { MAX_RULE_MINUTES, MIN_RULE_MINUTES, splitMinutes, toMinutes, unitsFor, type DurationUnit } from './ruleDuration';

export type RuleMinutesFormProps = {
  rule: RuleDto;
  saving: boolean;
  /** The new number, in minutes. */
  onSave: (minutes: number) => void;
  onCancel: () => void;
};

type Values = { value: number | null; unit: DurationUnit };

/** A rule's number edited in place: a whole number and its unit (working time for a business-calendar rule). */
export function RuleMinutesForm({ rule, saving, onSave, onCancel }: RuleMinutesFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const business = rule.calendar === 'business';
  const unitLabel = (unit: DurationUnit) =>
    business && unit === 'hours'
      ? t('rules.unit.workingHours')
      : business && unit === 'minutes'
        ? t('rules.unit.workingMinutes')
        : t(`rules.unit.${unit}`);
  return (
    <Form<Values>
      form={form}
      size="small"
      initialValues={splitMinutes(rule.minutes, rule.calendar)}
      onFinish={(values) => onSave(toMinutes(values.value ?? 0, values.unit))}
      data-testid="rule-minutes-form"
    >
      <Flex gap={4} wrap>
        <Form.Item
          name="value"
          dependencies={['unit']}
          style={{ marginBottom: 4 }}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: number | null | undefined) => {
                if (value === null || value === undefined || !Number.isInteger(value) || value < MIN_RULE_MINUTES) {
                  return Promise.reject(new Error(t('rules.numberRequired')));
                }
                const unit = getFieldValue('unit') as DurationUnit;
                return toMinutes(value, unit) > MAX_RULE_MINUTES ? Promise.reject(new Error(t('rules.tooLong'))) : Promise.resolve();
              },
            }),
          ]}
        >
          <InputNumber<number> aria-label={t('rules.number')} min={1} precision={0} style={{ width: 88 }} autoFocus />
        </Form.Item>
        <Form.Item name="unit" style={{ marginBottom: 4 }}>
          <Select<DurationUnit>
            aria-label={t('rules.unitLabel')}
            popupMatchSelectWidth={false}
            style={{ minWidth: 96 }}
            options={unitsFor(rule.calendar).map((unit) => ({ value: unit, label: unitLabel(unit) }))}
          />
        </Form.Item>
      </Flex>
      <Flex gap={4}>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('rules.save')}
        </Button>
        <Button onClick={onCancel}>{t('app.cancel')}</Button>
      </Flex>
    </Form>
  );
}
