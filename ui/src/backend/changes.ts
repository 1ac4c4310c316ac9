import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { Area } from '../bindings';
import { queryKeys } from '../hooks/queryKeys';
import { COMMAND_CHANGES, type Backend } from './Backend';

/**
 * What the engine reports changed, by area (`src/api/changes.rs`). In the desktop window the shell sends every
 * report as a `desk-changed` event, whoever changed the data (the window, a scheduled sync, the outbox's sender);
 * over the browser bridge and in tests, each command the window calls reports the areas the command table
 * declares for it once it succeeds (`withCallChanges`). Either way the window reads again exactly the queries
 * over those areas (`AREA_QUERIES`), not a hand-kept list per hook.
 */
export type ChangeListener = (areas: readonly Area[]) => void;

/** Subscribes a listener; returns how to unsubscribe. */
export type ChangeSource = (listener: ChangeListener) => () => void;

/** The queries each area's data feeds (a prefix covers every query under it). */
export const AREA_QUERIES: Record<Exclude<Area, 'everything'>, readonly QueryKey[]> = {
  shops: [queryKeys.shops],
  settings: [queryKeys.settings, queryKeys.due, queryKeys.metrics],
  // An order's refunds and delivery change its eligibility and the figures; the shops show their order counts.
  orders: [queryKeys.orders, queryKeys.anyOrder, queryKeys.eligibility, queryKeys.metrics, queryKeys.shops],
  // An open case blocks another on the same line; the menu's counts are under `due`.
  cases: [queryKeys.cases, queryKeys.anyCase, queryKeys.due, queryKeys.eligibility, queryKeys.remindersDue],
  outbox: [queryKeys.outbox, queryKeys.anyCase],
  rules: [queryKeys.rules, queryKeys.due, queryKeys.eligibility, queryKeys.anyCase],
  reasons: [queryKeys.reasons],
  warranty: [queryKeys.warranty],
  repairs: [queryKeys.repairs, queryKeys.anyRepair],
  followups: [queryKeys.followups, queryKeys.followupSettings, queryKeys.menuCounts],
  compensations: [queryKeys.compensations, queryKeys.anyCase],
  metrics: [queryKeys.metrics],
  reminders: [queryKeys.remindersDue, queryKeys.reminderSettings],
  imports: [queryKeys.importProfiles, queryKeys.importPreviews],
  backups: [queryKeys.backups],
};

/** Reads again every query over `areas` (all of them for `everything`). */
export function invalidateAreas(queryClient: QueryClient, areas: readonly Area[]): Promise<unknown> {
  if (areas.includes('everything')) {
    return queryClient.invalidateQueries();
  }
  const keys = new Map<string, QueryKey>();
  for (const area of areas) {
    for (const key of AREA_QUERIES[area as Exclude<Area, 'everything'>] ?? []) {
      keys.set(JSON.stringify(key), key);
    }
  }
  return Promise.all([...keys.values()].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** A plain list of listeners: the source both transports share. */
function listeners(): { source: ChangeSource; emit: ChangeListener } {
  const all = new Set<ChangeListener>();
  return {
    source: (listener) => {
      all.add(listener);
      return () => all.delete(listener);
    },
    emit: (areas) => all.forEach((listener) => listener(areas)),
  };
}

/**
 * The backend, with each command the table says changes data reporting its areas once it succeeds (and, for a
 * sync, also when it fails: the pages written before the failure stay).
 */
export function withCallChanges(backend: Backend): { backend: Backend; changes: ChangeSource } {
  const { source, emit } = listeners();
  const wrapped = new Proxy(backend, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      const areas = COMMAND_CHANGES[property as keyof Backend];
      if (typeof value !== 'function' || areas === undefined) {
        return value;
      }
      return async (...args: unknown[]) => {
        try {
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          emit(areas);
          return result;
        } catch (error) {
          if (property === 'syncShops') {
            emit(areas);
          }
          throw error;
        }
      };
    },
  });
  return { backend: wrapped, changes: source };
}
