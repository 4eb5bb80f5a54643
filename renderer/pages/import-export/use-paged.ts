/**
 * A dry run's long lists (changes, problems, deletions) read a page at a time: the first page
 * on mount, the next on "Show more", until a short page says there is no more. A list for
 * another dry run is another component (keyed by its import), so nothing here resets.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../api/client';

export interface Paged<T> {
  rows: T[];
  loading: boolean;
  done: boolean;
  error: string | null;
  more: () => void;
}

export const PAGE_SIZE = 50;

/** `read(after)` answers the page after `after` (a line number or an id), `cursor` tells a row's. */
export function usePaged<T, C>(read: (after: C | null) => Promise<T[]>, cursor: (row: T) => C): Paged<T> {
  const [rows, setRows] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const state = useRef({ after: null as C | null, busy: false, mounted: true });
  const reader = useRef({ read, cursor });
  useEffect(() => {
    reader.current = { read, cursor };
  });

  /** Reads the next page; state changes only when it answers. */
  const fetchPage = useCallback(() => {
    const current = state.current;
    if (current.busy) return;
    current.busy = true;
    reader.current.read(current.after).then(
      (page) => {
        current.busy = false;
        if (!current.mounted) return;
        const last = page.at(-1);
        if (last !== undefined) current.after = reader.current.cursor(last);
        setRows((before) => [...before, ...page]);
        setDone(page.length < PAGE_SIZE);
        setLoading(false);
      },
      (reason: unknown) => {
        current.busy = false;
        if (!current.mounted) return;
        setError(describeError(reason));
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    const current = state.current;
    current.mounted = true;
    fetchPage();
    return () => {
      current.mounted = false;
    };
  }, [fetchPage]);

  const more = useCallback(() => {
    setLoading(true);
    fetchPage();
  }, [fetchPage]);

  return { rows, loading, done, error, more };
}
