import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { SyncIssueDto } from '../../bindings';
import { shop, syncStatus } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { ShopSyncIssues } from './ShopSyncIssues';

const unreadable: SyncIssueDto = {
  id: 7,
  stream: 'orders',
  kind: 'order',
  external_id: '9001',
  reason: 'name: expected a string, got null',
  status: 'unreadable',
  first_seen_at: '2025-03-04T05:06:07Z',
  last_seen_at: '2025-03-04T05:06:07Z',
  attempts: 1,
};

function backendWith(calls: Partial<Backend>) {
  return new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
}

describe('ShopSyncIssues', () => {
  it('reads the shop’s set-aside records and reads them again on request, saying what it achieved', async () => {
    const listSyncIssues = vi.fn(async () => [unreadable]);
    const retrySyncIssues = vi.fn(async () => ({ retried: 1, read: 1, still_unreadable: 0 }));
    const listShops = vi.fn(async () => []);
    const backend = backendWith({ listSyncIssues, retrySyncIssues, listShops, listOrders: vi.fn(), listCases: vi.fn(), dueClocks: vi.fn() });
    renderIn('en', <ShopSyncIssues shop={shop({ id: 3, sync: syncStatus({ unreadable: 1 }) })} />, backend);

    expect(await screen.findByText('name: expected a string, got null')).toBeInTheDocument();
    expect(listSyncIssues).toHaveBeenCalledWith({ id: 3 });

    fireEvent.click(screen.getByRole('button', { name: /Read again/ }));
    await waitFor(() => expect(retrySyncIssues).toHaveBeenCalledWith({ id: 3 }));
    expect(await screen.findByText('Read 1 of 1 again; 0 still cannot be read')).toBeInTheDocument();
  });

  it('shows a failed retry as an error naming what went wrong', async () => {
    const backend = backendWith({
      listSyncIssues: vi.fn(async () => [unreadable]),
      retrySyncIssues: vi.fn(async () => Promise.reject({ code: 'network', message: 'the shop is answering too slowly' })),
      listShops: vi.fn(async () => []),
      listOrders: vi.fn(),
      listCases: vi.fn(),
      dueClocks: vi.fn(),
    });
    renderIn('en', <ShopSyncIssues shop={shop({ sync: syncStatus({ unreadable: 1 }) })} />, backend);
    fireEvent.click(await screen.findByRole('button', { name: /Read again/ }));
    expect(await screen.findByText('Could not read them again')).toBeInTheDocument();
    expect(screen.getByText('the shop is answering too slowly')).toBeInTheDocument();
  });
});
