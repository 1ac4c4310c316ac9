import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';

/** Hours ahead to look for deadlines; null: any time. */
export type DueWindow = 4 | 24 | 72 | null;

const ANY = 'any';

/** 4 h / 24 h / 3 days (/ any time). */
export function DueWindowSelect({
  value,
  onChange,
  withAny = false,
  testId,
}: {
  value: DueWindow;
  onChange: (value: DueWindow) => void;
  withAny?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const options: { value: number | typeof ANY; label: string }[] = [
    { value: 4, label: t('window.h4') },
    { value: 24, label: t('window.h24') },
    { value: 72, label: t('window.d3') },
  ];
  if (withAny) {
    options.push({ value: ANY, label: t('window.any') });
  }
  return (
    <Segmented<number | typeof ANY>
      value={value ?? ANY}
      data-testid={testId}
      onChange={(next) => onChange(next === ANY ? null : (next as DueWindow))}
      options={options}
    />
  );
}
