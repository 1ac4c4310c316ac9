import { useTranslation } from 'react-i18next';

/** Whether labour and parts are free under a policy: "Labour free · parts charged". */
export function CostTerms({ labourFree, partsFree }: { labourFree: boolean; partsFree: boolean }) {
  const { t } = useTranslation();
  const cost = (free: boolean) => (free ? t('warranty.unit.free') : t('warranty.unit.charged'));
  return (
    <span>
      {t('warranty.unit.labour', { cost: cost(labourFree) })} · {t('warranty.unit.parts', { cost: cost(partsFree) })}
    </span>
  );
}
