import { SettingOutlined, ShopOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Flex, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLayout, type AppMenu } from '../components/AppLayout';
import { ErrorAlert } from '../components/ErrorAlert';
import { useShops } from '../hooks/useShops';
import { useLanguage } from '../i18n/useLanguage';
import { WelcomePage } from './onboarding/WelcomePage';
import { OrdersPage } from './orders/OrdersPage';
import { SettingsPage } from './settings/SettingsPage';
import { ShopsPage } from './shops/ShopsPage';

const PAGES = ['orders', 'shops', 'settings'] as const;
type PageKey = (typeof PAGES)[number];

function isPageKey(key: string): key is PageKey {
  return PAGES.some((page) => page === key);
}

/** The whole app: the welcome page until a shop exists, then the menu with orders, shops and settings. */
export function Desk() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const shops = useShops();
  const [page, setPage] = useState<PageKey>('orders');

  let content;
  let menu: AppMenu | undefined;
  if (shops.data !== undefined && shops.data.length > 0) {
    menu = {
      selected: page,
      items: [
        { key: 'orders', icon: <UnorderedListOutlined />, label: t('nav.orders') },
        { key: 'shops', icon: <ShopOutlined />, label: t('nav.shops') },
        { key: 'settings', icon: <SettingOutlined />, label: t('nav.settings') },
      ],
      onSelect: (key) => setPage(isPageKey(key) ? key : 'orders'),
    };
    content =
      page === 'orders' ? (
        <OrdersPage shops={shops.data} />
      ) : page === 'shops' ? (
        <ShopsPage shops={shops.data} onConnected={() => setPage('orders')} />
      ) : (
        <SettingsPage />
      );
  } else if (shops.data !== undefined) {
    content = <WelcomePage />;
  } else if (shops.error !== null) {
    content = (
      <ErrorAlert
        error={shops.error}
        action={<Button onClick={() => void shops.refetch()}>{t('app.retry')}</Button>}
      />
    );
  } else {
    content = (
      <Flex justify="center" style={{ paddingTop: 96 }}>
        <Spin size="large" tip={t('app.loading')}>
          <div style={{ width: 160, height: 80 }} />
        </Spin>
      </Flex>
    );
  }

  return (
    <AppLayout language={language} onLanguageChange={(next) => void i18n.changeLanguage(next)} menu={menu}>
      {content}
    </AppLayout>
  );
}
