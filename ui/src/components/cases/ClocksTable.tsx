import { Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockDto } from '../../bindings';
import { DateTime } from '../DateTime';
import { ClockState } from './ClockState';
import { RuleSource } from './RuleSource';

/**
 * Every deadline of a case, running or finished, each with where it comes from and how sure that source is.
 * `awaitingPlatform`: an answer is on its way to the platform (running deadlines say they wait for it).
 */
export function ClocksTable({ clocks, awaitingPlatform = false }: { clocks: ClockDto[]; awaitingPlatform?: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ClockDto> = [
    { title: t('clock.column.kind'), key: 'kind', render: (_, clock) => t(`clockKind.${clock.kind}`) },
    { title: t('clock.column.due'), key: 'due', render: (_, clock) => <DateTime value={clock.due} /> },
    { title: t('clock.column.state'), key: 'state', render: (_, clock) => <ClockState clock={clock} awaitingPlatform={awaitingPlatform} /> },
    { title: t('clock.column.consequence'), key: 'consequence', render: (_, clock) => t(`consequence.${clock.consequence}`) },
    { title: t('clock.column.calendar'), key: 'calendar', render: (_, clock) => t(`calendar.${clock.calendar}`) },
    {
      title: t('clock.column.source'),
      key: 'source',
      render: (_, clock) => (clock.source === 'platform_field' ? t('clockSource.platform_field') : t('clockSource.rule')),
    },
    {
      title: t('clock.column.rule'),
      key: 'rule',
      width: '32%',
      render: (_, clock) => (
        <div data-testid="clock-rule-source">
          <RuleSource clock={clock} />
        </div>
      ),
    },
  ];
  return (
    <div data-testid="case-clocks">
      <Typography.Title level={5}>{t('case.clocks')}</Typography.Title>
      <Table<ClockDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={clocks}
        pagination={false}
        locale={{ emptyText: t('case.noClocks') }}
        onRow={(clock) => ({ 'data-testid': 'clock-row', 'data-kind': clock.kind }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
