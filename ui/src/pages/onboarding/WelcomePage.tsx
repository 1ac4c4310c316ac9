import { ExperimentOutlined, LinkOutlined, ShopOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useStartDemo } from '../../hooks/useStartDemo';
import { ShopFormDialog } from '../shops/ShopFormDialog';

/** First start: connect a real shop, or start the built-in demo shop. */
export function WelcomePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const startDemo = useStartDemo();
  const [connecting, setConnecting] = useState(false);

  const tryDemo = () => {
    // mutateAsync: the page is replaced by the orders as soon as the shop list refetches, before mutate's own callbacks.
    startDemo.mutateAsync().then(
      (demo) => message.success(t('welcome.demoReady', { count: demo.shops.reduce((sum, s) => sum + s.report.orders_fetched, 0) })),
      () => undefined, // shown below from startDemo.error
    );
  };

  return (
    <Card>
      <Result
        icon={<ShopOutlined />}
        title={t('welcome.title')}
        subTitle={t('welcome.subtitle')}
        extra={
          <Flex vertical align="center" gap="middle">
            <Flex gap="middle" wrap justify="center">
              <Button type="primary" size="large" icon={<LinkOutlined />} onClick={() => setConnecting(true)}>
                {t('welcome.connect')}
              </Button>
              <Button size="large" icon={<ExperimentOutlined />} loading={startDemo.isPending} onClick={tryDemo}>
                {t('welcome.demo')}
              </Button>
            </Flex>
            <Typography.Text type="secondary">{t('welcome.demoHint')}</Typography.Text>
            {startDemo.error !== null && <ErrorAlert error={startDemo.error} />}
          </Flex>
        }
      />
      <ShopFormDialog open={connecting} shop={null} onClose={() => setConnecting(false)} />
    </Card>
  );
}
