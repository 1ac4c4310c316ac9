import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Payer } from '../../bindings';

// Warranty and goodwill repairs cost the merchant; the colour says who carries it at a glance.
const COLORS: Record<Payer, string> = {
  warranty: 'green',
  customer: 'default',
  goodwill: 'magenta',
};

/** Who pays for a repair, translated. */
export function PayerTag({ payer }: { payer: Payer }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[payer]} data-payer={payer}>
      {t(`repairs.payer.${payer}`)}
    </Tag>
  );
}
