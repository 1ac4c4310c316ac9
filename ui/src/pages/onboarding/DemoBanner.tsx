import { Alert, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemoveDemo } from '../../hooks/useRemoveDemo';

/**
 * Says which shops are the demo's while any is there, and takes them away with everything recorded for them
 * ("Remove demo data"): the merchant's own shops stay.
 */
export function DemoBanner({ shops }: { shops: readonly ShopDto[] }) {
  const { t } = useTranslation();
  const remove = useRemoveDemo();
  // The Pinduoduo demo first: it is the one with the deadlines.
  const demos = shops.filter((s) => s.demo === true).sort((a, b) => Number(a.platform !== 'pdd') - Number(b.platform !== 'pdd'));
  if (demos.length === 0) return null;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="demo-banner"
        message={t('demo.banner', { shops: demos.map((s) => s.name).join(t('demo.and')) })}
        action={
          <Popconfirm
            title={t('demo.removeConfirm')}
            okText={t('demo.remove')}
            cancelText={t('app.cancel')}
            okButtonProps={{ danger: true, ...({ 'data-testid': 'demo-remove-confirm' } as Record<string, string>) }}
            onConfirm={() => remove.mutate()}
          >
            <Button size="small" danger loading={remove.isPending} data-testid="demo-remove">
              {t('demo.remove')}
            </Button>
          </Popconfirm>
        }
      />
      {remove.error !== null && <ErrorAlert error={remove.error} />}
    </>
  );
}
