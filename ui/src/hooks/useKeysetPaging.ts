import { useCallback, useState } from 'react';

/** Where a page starts: after the cursor of the page before, or (a jump past the pages seen) by count. */
export interface PagePosition {
  offset: number;
  after?: string;
}

interface State {
  key: string;
  page: number;
  /** `cursors[n]`: the cursor page n + 1 starts after, once page n has been read. */
  cursors: Record<number, string>;
}

/** Where `page` starts, from the cursors seen so far. */
export function positionOf(page: number, pageSize: number, cursors: Record<number, string>): PagePosition {
  const after = cursors[page - 1];
  return page > 1 && after !== undefined ? { offset: 0, after } : { offset: (page - 1) * pageSize };
}

/**
 * Paging through a long list by cursor, behind the usual numbered pager: the next page starts after the last row
 * of the one before (a page deep in a million rows costs what the first does, and rows that change meanwhile
 * neither repeat nor slip); a jump to a page whose cursor is not known yet goes by offset. Starts again at page 1
 * whenever `resetKey` (the filters and the page size) changes.
 */
export function useKeysetPaging(pageSize: number, resetKey: string) {
  const [state, setState] = useState<State>({ key: resetKey, page: 1, cursors: {} });
  const current = state.key === resetKey ? state : { key: resetKey, page: 1, cursors: {} };
  if (current !== state) {
    setState(current);
  }
  const setPage = useCallback((page: number) => setState((s) => ({ ...s, page })), []);
  /** What a loaded page says comes after it: the cursor the following page starts after (none on the last). */
  const remember = useCallback(
    (loadedPage: number, nextAfter: string | null | undefined) =>
      setState((s) => {
        if (s.key !== resetKey || s.cursors[loadedPage] === (nextAfter ?? undefined)) {
          return s;
        }
        const cursors = { ...s.cursors };
        if (nextAfter == null) {
          delete cursors[loadedPage];
        } else {
          cursors[loadedPage] = nextAfter;
        }
        return { ...s, cursors };
      }),
    [resetKey],
  );
  return { page: current.page, position: positionOf(current.page, pageSize, current.cursors), setPage, remember };
}
