import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { lastDays, type Period } from '../../components/compensation/period';

/** Whole days to look at; cleared, it is all time. Days after today hold nothing (a future entry is refused). */
export function PeriodFilter({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  const { t } = useTranslation();
  return (
    <span data-testid="compensation-period">
      <DatePicker.RangePicker
        value={value}
        onChange={(range) => onChange(range?.[0] && range[1] ? [range[0], range[1]] : null)}
        allowClear
        disabledDate={(day) => day.isAfter(dayjs(), 'day')}
        presets={[
          { label: t('compensation.last7'), value: lastDays(7) },
          { label: t('compensation.last30'), value: lastDays(30) },
          { label: t('compensation.last90'), value: lastDays(90) },
        ]}
        aria-label={t('compensation.period')}
      />
    </span>
  );
}
