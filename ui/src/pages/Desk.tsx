import {
  AccountBookOutlined,
  AlertOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  ToolOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Badge, Button, Flex, Spin } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { ShopDto } from '../bindings';
import { AppLayout, type AppMenu } from '../components/AppLayout';
import { ErrorAlert } from '../components/ErrorAlert';
import { ImportDialog } from '../components/import/ImportDialog';
import { useImportDialog } from '../components/import/useImportDialog';
import { useMenuCounts } from '../hooks/useMenuCounts';
import { useShops } from '../hooks/useShops';
import { useStartupProblem } from '../hooks/useStartupProblem';
import { useLanguage } from '../i18n/useLanguage';
import { CasesPage } from './cases/CasesPage';
import { CompensationPage } from './compensation/CompensationPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { DueSoonPage } from './due/DueSoonPage';
import { FollowupsPage } from './followups/FollowupsPage';
import { DemoBanner } from './onboarding/DemoBanner';
import { GettingStarted } from './onboarding/GettingStarted';
import { WelcomePage } from './onboarding/WelcomePage';
import { OrdersPage } from './orders/OrdersPage';
import { OutboxBadge } from './OutboxBadge';
import { RecoveryPage } from './recovery/RecoveryPage';
import { useReminderClicks } from './reminderClick';
import { RepairsPage } from './repairs/RepairsPage';
import { SettingsPage } from './settings/SettingsPage';
import { ShopsPage } from './shops/ShopsPage';
import { WarrantyPage } from './warranty/WarrantyPage';

const PAGES = ['dashboard', 'orders', 'cases', 'due', 'warranty', 'repairs', 'followups', 'compensation', 'shops', 'settings'] as const;
/** The menu badge counts the deadlines due within this many hours (overdue ones included). */
const DUE_BADGE_HOURS = 24;
type PageKey = (typeof PAGES)[number];

function isPageKey(key: string): key is PageKey {
  return PAGES.some((page) => page === key);
}

/** What a page may need from the desk around it. */
type PageContext = {
  shops: ShopDto[];
  clicked: { caseId: number | null; seq: number } | null;
  go: (page: PageKey) => void;
  showImport: () => void;
};

/** One route per page: `#/orders`, `#/cases`, …; anything else goes to the orders. */
const ROUTES: Record<PageKey, (c: PageContext) => ReactNode> = {
  dashboard: (c) => <DashboardPage shops={c.shops} />,
  orders: (c) => <OrdersPage shops={c.shops} />,
  cases: (c) => <CasesPage shops={c.shops} />,
  due: (c) => <DueSoonPage opening={c.clicked} />,
  warranty: (c) => <WarrantyPage shops={c.shops} />,
  repairs: (c) => <RepairsPage shops={c.shops} />,
  followups: () => <FollowupsPage />,
  compensation: (c) => <CompensationPage shops={c.shops} />,
  shops: (c) => <ShopsPage shops={c.shops} onConnected={() => c.go('orders')} onImport={c.showImport} />,
  settings: () => <SettingsPage />,
};

/** The page the route names (the orders for none or an unknown one) and how to go to another. */
function usePage(): [PageKey, (page: PageKey) => void] {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const key = pathname.replace(/^\//, '');
  const go = useCallback((page: PageKey) => void navigate(`/${page}`), [navigate]);
  return [isPageKey(key) ? key : 'orders', go];
}

/**
 * The app as it starts: when its database could not be opened (damaged), only the page to put a backup in its
 * place; otherwise the desk. While the engine is asked, just the frame: the answer is at hand.
 */
export function Desk() {
  const { i18n } = useTranslation();
  const language = useLanguage();
  const problem = useStartupProblem();
  const frame = (content: ReactNode) => (
    <AppLayout language={language} onLanguageChange={(next) => void i18n.changeLanguage(next)}>
      {content}
    </AppLayout>
  );

  if (problem.isPending) return frame(null);
  if (problem.data) return frame(<RecoveryPage recovery={problem.data} />);
  // Null, or an engine that cannot say (an older bridge): it opened its database, nothing to recover.
  return <OpenDesk />;
}

/**
 * The whole app: the welcome page until a shop exists, then the menu with the dashboard, orders, cases, due deadlines (their
 * count on a badge), the warranty ledger, repairs, follow-up calls, compensation, shops and settings; the badge of
 * answers to the platforms that need the merchant (stuck or refused), each opening its case; and the import of a
 * back-office export, from the Shops page or by dropping the file on the window.
 */
function OpenDesk() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const shops = useShops();
  const [page, setPage] = usePage();
  // A clicked reminder opens the due-soon page, and its case there; `seq` opens it again after a second click.
  const [clicked, setClicked] = useState<{ caseId: number | null; seq: number } | null>(null);
  const openCase = (caseId: number | null) => {
    setPage('due');
    setClicked((previous) => ({ caseId, seq: (previous?.seq ?? 0) + 1 }));
  };
  useReminderClicks(({ caseId }) => openCase(caseId));
  const hasShops = shops.data !== undefined && shops.data.length > 0;
  // Deadlines due soon and calls that fell due surface on the menu (counted by the engine, at any size), so an
  // overdue one is not left waiting on a page nobody opens.
  const counts = useMenuCounts(DUE_BADGE_HOURS, { enabled: hasShops }).data;
  // An export dropped anywhere opens the import; before the first shop there is nothing to import into.
  const importer = useImportDialog(hasShops);

  let content;
  let menu: AppMenu | undefined;
  if (hasShops && shops.data !== undefined) {
    menu = {
      selected: page,
      items: [
        { key: 'dashboard', icon: <DashboardOutlined />, label: t('nav.dashboard') },
        { key: 'orders', icon: <UnorderedListOutlined />, label: t('nav.orders') },
        { key: 'cases', icon: <CustomerServiceOutlined />, label: t('nav.cases') },
        {
          key: 'due',
          icon: <AlertOutlined />,
          label: (
            <Flex justify="space-between" align="center" gap="small">
              <span>{t('nav.due')}</span>
              <Badge count={counts?.due ?? 0} overflowCount={9999} size="small" data-testid="due-badge" />
            </Flex>
          ),
        },
        { key: 'warranty', icon: <SafetyCertificateOutlined />, label: t('nav.warranty') },
        { key: 'repairs', icon: <ToolOutlined />, label: t('nav.repairs') },
        {
          key: 'followups',
          icon: <PhoneOutlined />,
          label: (
            <Flex justify="space-between" align="center" gap="small">
              <span>{t('nav.followups')}</span>
              <Badge
                count={counts?.followups_due ?? 0}
                overflowCount={9999}
                size="small"
                color={(counts?.followups_overdue ?? 0) > 0 ? undefined : 'blue'}
                data-testid="followups-badge"
              />
            </Flex>
          ),
        },
        { key: 'compensation', icon: <AccountBookOutlined />, label: t('nav.compensation') },
        { key: 'shops', icon: <ShopOutlined />, label: t('nav.shops') },
        { key: 'settings', icon: <SettingOutlined />, label: t('nav.settings') },
      ],
      onSelect: (key) => setPage(isPageKey(key) ? key : 'orders'),
    };
    const shown = ROUTES[page]({ shops: shops.data, clicked, go: setPage, showImport: importer.show });
    // Only the page on screen is mounted (its charts disposed, its queries left to expire); the marker lets the
    // window tests time each page from the click to its first rows.
    content = (
      <>
        {/* Outside the page's marker: the demo's banner and the steps after it are not the page's own content. */}
        <DemoBanner shops={shops.data} />
        <GettingStarted shops={shops.data} onGo={setPage} />
        <div key={page} data-page={page}>
          {shown}
        </div>
      </>
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
    <AppLayout
      language={language}
      onLanguageChange={(next) => void i18n.changeLanguage(next)}
      menu={menu}
      // Answers stuck on their way to a platform, or refused there: the merchant must see them wherever they are.
      headerExtra={hasShops && <OutboxBadge enabled={hasShops} onOpen={openCase} />}
    >
      {content}
      {hasShops && shops.data !== undefined && (
        <ImportDialog
          open={importer.open}
          file={importer.file}
          shops={shops.data}
          onClose={importer.close}
          onAddShop={() => {
            importer.close();
            setPage('shops');
          }}
        />
      )}
    </AppLayout>
  );
}
