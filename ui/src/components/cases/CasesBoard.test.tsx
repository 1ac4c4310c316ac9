import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CaseStatus } from '../../bindings';
import { caseSummary } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { boardGroupOf, type BoardGroup } from './boardGroups';
import { CasesBoard } from './CasesBoard';

const GROUPS: [CaseStatus, BoardGroup][] = [
  ['requested', 'requested'],
  ['approved', 'requested'],
  ['awaiting_return', 'awaiting_return'],
  ['returned_in_transit', 'in_transit'],
  ['received', 'received'],
  ['rejected', 'rejected'],
  ['platform_intervention', 'rejected'],
  ['refunded', 'done'],
  ['exchanged', 'done'],
  ['reshipped', 'done'],
  ['repaired', 'done'],
  ['closed', 'done'],
  ['cancelled', 'done'],
];

describe('boardGroupOf', () => {
  it.each(GROUPS)('%s goes to the %s column', (status, group) => {
    expect(boardGroupOf(status)).toBe(group);
  });
});

describe('CasesBoard', () => {
  const cases = GROUPS.map(([status], index) =>
    caseSummary({ id: index + 1, status, order_number: `#${2000 + index}`, next_due: null, running_clocks: 0 }),
  );

  it('puts each case in the column of its status, in the order the engine sent them', () => {
    renderIn('en', <CasesBoard cases={cases} total={cases.length} loading={false} onOpen={() => undefined} />);

    const column = (group: BoardGroup) =>
      within(screen.getByTestId(`board-column-${group}`))
        .queryAllByTestId('case-card')
        .map((card) => card.getAttribute('data-case-id'));
    expect(column('requested')).toEqual(['1', '2']);
    expect(column('awaiting_return')).toEqual(['3']);
    expect(column('in_transit')).toEqual(['4']);
    expect(column('received')).toEqual(['5']);
    expect(column('rejected')).toEqual(['6', '7']);
    expect(column('done')).toEqual(['8', '9', '10', '11', '12', '13']);

    expect(within(screen.getByTestId('board-column-rejected')).getByText('Rejected & intervention')).toBeInTheDocument();
    expect(within(screen.getByTestId('board-column-in_transit')).getByText('Return in transit')).toBeInTheDocument();
  });

  it('names the columns in Chinese and says when only the most urgent are shown', () => {
    renderIn('zh-CN', <CasesBoard cases={cases.slice(0, 2)} total={250} loading={false} onOpen={() => undefined} />);

    const heading = (group: BoardGroup) => screen.getByTestId(`board-column-${group}`).querySelector('strong')?.textContent;
    expect(heading('requested')).toBe('待处理');
    expect(heading('awaiting_return')).toBe('待退货');
    expect(heading('in_transit')).toBe('退货在途');
    expect(heading('received')).toBe('已收货');
    expect(heading('rejected')).toBe('拒绝与介入');
    expect(heading('done')).toBe('已完结');
    expect(screen.getByText('仅显示最紧急的 2 条（共 250 条），请缩小筛选范围查看其余售后单。')).toBeInTheDocument();
  });

  it('shows who, where, how much and the countdown on a card, and opens the case on click', () => {
    const onOpen = vi.fn();
    const walkIn = caseSummary({ id: 40, order_id: null, order_number: null, customer: 'Lin Wei', at_stake: '88.80', currency: 'CNY', platform: 'woocommerce', shop: 'Tea house' });
    renderIn('en', <CasesBoard cases={[walkIn]} total={1} loading={false} onOpen={onOpen} />);

    const card = screen.getByTestId('case-card');
    expect(card).toHaveTextContent('Lin Wei');
    expect(card).toHaveTextContent('Walk-in');
    expect(card).toHaveTextContent('Tea house');
    expect(card).toHaveTextContent('WooCommerce');
    expect(card).toHaveTextContent('Return & refund');
    expect(card).toHaveTextContent('CN¥88.80');
    expect(within(card).getByTestId('countdown-chip')).toBeInTheDocument();

    fireEvent.click(card);
    expect(onOpen).toHaveBeenCalledWith(walkIn);
  });
});
