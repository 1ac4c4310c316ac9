import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarrantyUnitDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';

/** A unit's replacements as steps, from the serial first sold to the one in use now. */
export function ReplacementChain({ chain }: { chain: WarrantyUnitDto[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Steps
      size="small"
      current={chain.length - 1}
      data-testid="warranty-chain"
      items={chain.map((unit, index) => ({
        title: unit.serial ?? t('warranty.unit.noSerial'),
        subTitle: index === chain.length - 1 ? t('warranty.lookup.current') : undefined,
        description: `${format.date(unit.start_at)} · ${t(`warranty.status.${unit.status}`)}`,
        status: index === chain.length - 1 ? 'process' : 'finish',
      }))}
    />
  );
}
