import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../bindings';

const COLORS: Record<Stage, string> = {
  return: 'gold',
  exchange: 'cyan',
  repair: 'geekblue',
  expired: 'default',
};

/**
 * The 三包 stage today (return, exchange, repair), with what it allows on hover. Worth showing only for a unit in
 * warranty: out of warranty it repeats the status, and a replaced or voided unit has none.
 */
export function StageTag({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`warranty.stageHelp.${stage}`)}>
      <Tag color={COLORS[stage]} data-stage={stage} style={{ marginInlineEnd: 0 }}>
        {t(`warranty.stage.${stage}`)}
      </Tag>
    </Tooltip>
  );
}
