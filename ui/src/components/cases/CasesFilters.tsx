import { Flex, Segmented, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, CaseType, ShopDto } from '../../bindings';
import { CASE_STATUSES, CASE_TYPES } from './caseTypes';
import { DueWindowSelect, type DueWindow } from './DueWindowSelect';

export type CasesView = 'list' | 'board';
/** "open" (every status still needing someone), "all", or one status. */
export type StatusFilter = 'open' | 'all' | CaseStatus;

export type CasesFilterValues = {
  shopId: number | null;
  status: StatusFilter;
  caseType: CaseType | null;
  dueWithin: DueWindow;
  view: CasesView;
};

const ALL = 'all';

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex gap={6} align="center">
      <Typography.Text type="secondary">{label}</Typography.Text>
      {children}
    </Flex>
  );
}

/** The case filters (shop when there are several, status, type, due within) and the list/board switch. */
export function CasesFilters({
  shops,
  value,
  onChange,
}: {
  shops: ShopDto[];
  value: CasesFilterValues;
  onChange: (change: Partial<CasesFilterValues>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap="middle" wrap align="center" justify="space-between">
      <Flex gap="middle" wrap align="center">
        {shops.length > 1 && (
          <Labelled label={t('cases.filterShop')}>
            <Select<number | typeof ALL>
              value={value.shopId ?? ALL}
              style={{ minWidth: 180 }}
              aria-label={t('cases.filterShop')}
              onChange={(shopId) => onChange({ shopId: shopId === ALL ? null : shopId })}
              options={[{ value: ALL, label: t('cases.allShops') }, ...shops.map((shop) => ({ value: shop.id, label: shop.name }))]}
            />
          </Labelled>
        )}
        <Labelled label={t('cases.filterStatus')}>
          <Select<StatusFilter>
            value={value.status}
            style={{ minWidth: 170 }}
            aria-label={t('cases.filterStatus')}
            data-testid="cases-status-filter"
            onChange={(status) => onChange({ status })}
            options={[
              { value: 'open', label: t('cases.statusOpen') },
              { value: 'all', label: t('cases.statusAll') },
              ...CASE_STATUSES.map((status) => ({ value: status, label: t(`caseStatus.${status}`) })),
            ]}
          />
        </Labelled>
        <Labelled label={t('cases.filterType')}>
          <Select<CaseType | typeof ALL>
            value={value.caseType ?? ALL}
            style={{ minWidth: 160 }}
            aria-label={t('cases.filterType')}
            onChange={(caseType) => onChange({ caseType: caseType === ALL ? null : caseType })}
            options={[{ value: ALL, label: t('cases.allTypes') }, ...CASE_TYPES.map((type) => ({ value: type, label: t(`caseType.${type}`) }))]}
          />
        </Labelled>
        <Labelled label={t('cases.dueWithin')}>
          <DueWindowSelect value={value.dueWithin} withAny onChange={(dueWithin) => onChange({ dueWithin })} testId="cases-due-filter" />
        </Labelled>
      </Flex>
      <Segmented<CasesView>
        value={value.view}
        onChange={(view) => onChange({ view })}
        data-testid="cases-view-switch"
        options={[
          { value: 'list', label: t('cases.viewList') },
          { value: 'board', label: t('cases.viewBoard') },
        ]}
      />
    </Flex>
  );
}
