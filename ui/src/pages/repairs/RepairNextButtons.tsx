import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairStatus } from '../../bindings';

/** One button for each status the engine allows next; a finished ticket has none, and says so. */
export function RepairNextButtons({ next, onStatus }: { next: RepairStatus[]; onStatus: (status: RepairStatus) => void }) {
  const { t } = useTranslation();
  if (next.length === 0) {
    return <Typography.Text type="secondary">{t('repairs.act.final')}</Typography.Text>;
  }
  return (
    <Flex gap="small" wrap align="center" data-testid="repair-next">
      <Typography.Text type="secondary">{t('repairs.act.moveTo')}</Typography.Text>
      {next.map((status, index) => (
        <Button
          key={status}
          // The first step is the usual one; giving up is never the suggested step.
          type={index === 0 && status !== 'unrepairable' ? 'primary' : 'default'}
          danger={status === 'unrepairable'}
          data-testid={`repair-next-${status}`}
          onClick={() => onStatus(status)}
        >
          {t(`repairs.status.${status}`)}
        </Button>
      ))}
    </Flex>
  );
}
