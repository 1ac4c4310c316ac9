// @vitest-environment node
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Area } from '../bindings';
import { queryKeys } from '../hooks/queryKeys';
import { COMMAND_CHANGES, type Backend } from './Backend';
import { AREA_QUERIES, invalidateAreas, withCallChanges } from './changes';

function backendAnswering(calls: Partial<Record<keyof Backend, () => Promise<unknown>>>): Backend {
  return calls as unknown as Backend;
}

describe('what changed, from the calls the window makes', () => {
  it('reports the table’s areas once a writing command succeeds, nothing for a read or a refused write', async () => {
    const { backend, changes } = withCallChanges(
      backendAnswering({
        listShops: () => Promise.resolve([]),
        addShop: () => Promise.resolve({ id: 1 }),
        removeShop: () => Promise.reject({ code: 'not_found', message: 'no shop 9' }),
      }),
    );
    const heard: (readonly Area[])[] = [];
    const stop = changes((areas) => heard.push(areas));
    await backend.listShops();
    await expect(backend.removeShop({ id: 9 })).rejects.toEqual({ code: 'not_found', message: 'no shop 9' });
    expect(heard).toEqual([]);
    await backend.addShop({} as Parameters<Backend['addShop']>[0]);
    expect(heard).toEqual([['shops']]);
    stop();
    await backend.addShop({} as Parameters<Backend['addShop']>[0]);
    expect(heard, 'an unsubscribed listener hears nothing more').toHaveLength(1);
  });

  it('reports a sync that failed too: the pages it wrote before the failure stay', async () => {
    const { backend, changes } = withCallChanges(backendAnswering({ syncShops: () => Promise.reject({ code: 'network', message: 'down' }) }));
    const heard: (readonly Area[])[] = [];
    changes((areas) => heard.push(areas));
    await expect(backend.syncShops({ shop_id: null })).rejects.toMatchObject({ code: 'network' });
    expect(heard).toEqual([COMMAND_CHANGES.syncShops]);
    expect(COMMAND_CHANGES.syncShops).toEqual(expect.arrayContaining(['orders', 'cases', 'shops']));
  });
});

describe('reading again what changed', () => {
  function cached(): QueryClient {
    const client = new QueryClient();
    for (const key of [queryKeys.shops, queryKeys.cases, ['case', 7], queryKeys.due, queryKeys.warranty, queryKeys.backups, ['repair', 3]]) {
      client.setQueryData(key, 'cached');
    }
    return client;
  }
  const stale = (client: QueryClient) =>
    client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => JSON.stringify(q.queryKey))
      .sort();

  it('marks exactly the queries over the areas stale', async () => {
    const client = cached();
    await invalidateAreas(client, ['cases']);
    expect(stale(client)).toEqual(['["case",7]', '["cases"]', '["due"]']);
    await invalidateAreas(client, ['repairs', 'backups']);
    expect(stale(client)).toEqual(['["backups"]', '["case",7]', '["cases"]', '["due"]', '["repair",3]']);
  });

  it('marks every query stale for everything (a restore, the demo)', async () => {
    const client = cached();
    await invalidateAreas(client, ['everything']);
    expect(stale(client)).toHaveLength(7);
  });

  it('every area the engine names has its queries', () => {
    const named = new Set(Object.values(COMMAND_CHANGES).flat());
    for (const area of named) {
      expect(area === 'everything' || AREA_QUERIES[area].length > 0, area).toBe(true);
    }
  });
});
