import { CustomerServiceOutlined } from '@ant-design/icons';
import { Flex, Layout, Menu, Typography, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/languages';
import { LanguageSwitch } from './LanguageSwitch';

export type AppMenu = {
  selected: string;
  items: NonNullable<MenuProps['items']>;
  onSelect: (key: string) => void;
};

type AppLayoutProps = {
  language: Language;
  onLanguageChange: (language: Language) => void;
  /** The left menu; absent until there is something to navigate. */
  menu?: AppMenu;
  /** Shown in the header before the language switch (the badge of answers that need the merchant). */
  headerExtra?: ReactNode;
  children: ReactNode;
};

/** The back-office frame: a dark header with the app name and the language switch, a light side menu. */
export function AppLayout({ language, onLanguageChange, menu, headerExtra, children }: AppLayoutProps) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ paddingInline: 24 }}>
        <Flex justify="space-between" align="center" style={{ height: '100%' }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
            <CustomerServiceOutlined /> {t('app.name')}
          </Typography.Title>
          <Flex align="center" gap="middle">
            {headerExtra}
            <LanguageSwitch language={language} onChange={onLanguageChange} />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout>
        {menu && (
          <Layout.Sider theme="light" width={200} breakpoint="lg" collapsedWidth={64}>
            <Menu
              mode="inline"
              selectedKeys={[menu.selected]}
              items={menu.items}
              onClick={({ key }) => menu.onSelect(key)}
              style={{ height: '100%', borderInlineEnd: 0 }}
            />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
