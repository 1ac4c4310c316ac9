import { screen } from '@testing-library/react';
import { ConfigProvider, Pagination, Table } from 'antd';
import { useContext } from 'react';
import { describe, expect, it } from 'vitest';
import { renderIn } from './test/render';

/** Shows which locale the app's ConfigProvider hands to Ant Design. */
function AntdLocaleProbe() {
  const { locale } = useContext(ConfigProvider.ConfigContext);
  return <output data-testid="antd-locale">{locale?.locale ?? 'none'}</output>;
}

function EmptyTableWithPager() {
  return (
    <>
      <AntdLocaleProbe />
      <Table rowKey="id" columns={[{ title: 'Name', dataIndex: 'name', key: 'name' }]} dataSource={[]} />
      <Pagination total={100} pageSize={20} showSizeChanger />
    </>
  );
}

describe('Providers', () => {
  it.each([
    ['zh-CN', 'zh-cn', '暂无数据', '20 条/页'],
    ['en', 'en', 'No data', '20 / page'],
  ] as const)("hands Ant Design its own texts in %s", (language, locale, empty, pageSize) => {
    renderIn(language, <EmptyTableWithPager />);

    expect(screen.getByTestId('antd-locale')).toHaveTextContent(locale);
    expect(screen.getAllByText(empty).length, 'the empty table').toBeGreaterThan(0);
    expect(screen.getByText(pageSize), 'the page size changer').toBeInTheDocument();
  });
});
