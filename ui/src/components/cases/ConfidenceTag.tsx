import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Confidence } from '../../bindings';

const COLORS: Record<Confidence, string> = { official: 'green', secondary: 'gold', unverified: 'red' };

/** How sure the rule pack is of a number: official, secondary source, or unverified. */
export function ConfidenceTag({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[confidence]} data-confidence={confidence} style={{ marginInlineEnd: 0 }}>
      {t(`confidence.${confidence}`)}
    </Tag>
  );
}
