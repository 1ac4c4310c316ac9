import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SyncIssueDto } from '../bindings';
import { shop, syncStatus } from '../test/fixtures';
import { renderIn } from '../test/render';
import { SyncIssuesPanel, type SyncIssuesPanelProps } from './SyncIssues';

function issue(overrides: Partial<SyncIssueDto> = {}): SyncIssueDto {
  return {
    id: 1,
    stream: 'orders',
    kind: 'order',
    external_id: '5001',
    reason: 'line_items[0].price: "1.005" has more decimals than JPY allows (0)',
    status: 'unreadable',
    first_seen_at: '2025-03-04T05:06:07Z',
    last_seen_at: '2025-03-04T06:06:07Z',
    attempts: 2,
    ...overrides,
  };
}

function props(overrides: Partial<SyncIssuesPanelProps> = {}): SyncIssuesPanelProps {
  return {
    shop: shop({ sync: syncStatus({ unreadable: 1, flagged: 1 }) }),
    issues: [
      issue(),
      issue({ id: 2, kind: 'order', external_id: '5002', status: 'flagged', reason: 'total_price "10.005" USD kept as 10.00 (exact value kept)', attempts: 1 }),
    ],
    loading: false,
    retrying: false,
    onRetry: () => undefined,
    ...overrides,
  };
}

describe('SyncIssuesPanel', () => {
  it('lists each set-aside record with its status, id, the engine reason and tries', () => {
    renderIn('en', <SyncIssuesPanel {...props()} />);
    const [first, second, ...more] = screen.getAllByRole('row').slice(1).map((row) => within(row));
    expect(more, 'two records set aside, two rows').toHaveLength(0);
    if (first === undefined || second === undefined) throw new Error('expected two rows');
    expect(first.getByText('Not read')).toBeInTheDocument();
    expect(first.getByText('Order 5001')).toBeInTheDocument();
    expect(first.getByText(/more decimals than JPY allows/), 'the reason names the field and what was wrong').toBeInTheDocument();
    expect(first.getByText('2')).toBeInTheDocument();
    expect(second.getByText('Noted')).toBeInTheDocument();
  });

  it('offers to read them again while some could not be read, and not during a sync', () => {
    const onRetry = vi.fn();
    const { unmount } = renderIn('en', <SyncIssuesPanel {...props({ onRetry })} />);
    fireEvent.click(screen.getByRole('button', { name: /Read again/ }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    unmount();

    renderIn('en', <SyncIssuesPanel {...props({ shop: shop({ sync: syncStatus({ running: true, unreadable: 1 }) }) })} />);
    expect(screen.getByRole('button', { name: /Read again/ }), 'a retry waits for the running sync').toBeDisabled();
  });

  it('has nothing to retry when every record was stored with a note', () => {
    renderIn('zh-CN', <SyncIssuesPanel {...props({ shop: shop({ sync: syncStatus({ flagged: 1 }) }), issues: [issue({ status: 'flagged' })] })} />);
    expect(screen.queryByRole('button', { name: /重新读取/ })).toBeNull();
    expect(screen.getByText('已标注')).toBeInTheDocument();
    expect(screen.getByText('订单 5001')).toBeInTheDocument();
  });
});
