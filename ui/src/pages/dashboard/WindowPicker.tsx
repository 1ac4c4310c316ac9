import { App, DatePicker, Flex, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MAX_WINDOW_DAYS, ordered, tooLong, WINDOWS, type WindowChoice } from './windowChoice';

const CUSTOM = 'custom';

/** 7, 30 or 90 days up to now, or whole days the merchant picks (none in the future, at most a year and a day). */
export function WindowPicker({ value, onChange }: { value: WindowChoice; onChange: (next: WindowChoice) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Flex gap="small" align="center" wrap>
      <span data-testid="dashboard-window">
        <Segmented<number | typeof CUSTOM>
          value={value.custom ? CUSTOM : value.days}
          onChange={(picked) =>
            onChange(picked === CUSTOM ? { ...value, custom: true } : { ...value, custom: false, days: picked })
          }
          options={[
            ...WINDOWS.map((days) => ({ value: days, label: t('dashboard.days', { n: days }) })),
            { value: CUSTOM, label: t('dashboard.custom') },
          ]}
        />
      </span>
      {value.custom && (
        <span data-testid="dashboard-range">
          <DatePicker.RangePicker
            value={value.range === null ? null : [value.range[0], value.range[1]]}
            allowClear={false}
            // Opened (and focused, so the second click sets the end) straight away when Custom is chosen without
            // days: picking them is the next step anyway.
            autoFocus={value.range === null}
            defaultOpen={value.range === null}
            aria-label={t('dashboard.range.label')}
            disabledDate={(day, info) =>
              day.isAfter(dayjs(), 'day') || (info.from !== undefined && tooLong(ordered(info.from, day)))
            }
            renderExtraFooter={() => t('dashboard.range.hint', { max: MAX_WINDOW_DAYS })}
            onChange={(range) => {
              if (!range?.[0] || !range[1]) return;
              const days = ordered(range[0], range[1]);
              // Typed dates can get past disabledDate's greying out; the engine would refuse them too.
              if (tooLong(days)) {
                void message.error(t('dashboard.range.tooLong', { max: MAX_WINDOW_DAYS }));
                return;
              }
              onChange({ ...value, range: days });
            }}
          />
        </span>
      )}
    </Flex>
  );
}
