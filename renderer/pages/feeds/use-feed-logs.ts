/**
 * The engine's stored log lines, filtered by level and text; `refresh` reads `/logs` again.
 * Lines are read again when the worker says new ones arrived (`feeds:logsChanged`), and
 * `/logs` is read once on open when it never was, so a first visit shows something.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeedLogsPage } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { useEvent } from '../../api/hooks';

export const LOGS_PAGE_SIZE = 200;

export interface LogsQuery {
  /** Undefined for every level; null when every level is switched off (nothing is asked). */
  levels: string[] | undefined | null;
  text: string;
  limit: number;
}

export interface FeedLogs {
  page: FeedLogsPage | undefined;
  loading: boolean;
  refreshing: boolean;
  /** Why reading the stored lines or refreshing failed (the lines shown are the last ones read). */
  error: string | null;
  refresh: () => void;
}

export function useFeedLogs(engine: string, query: LogsQuery): FeedLogs {
  const [page, setPage] = useState<FeedLogsPage>();
  /** Which read the shown lines answer; loading while it is not the latest. */
  const [settled, setSettled] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const readOnOpen = useRef(false);
  const filter = {
    ...(query.levels ? { levels: query.levels } : {}),
    ...(query.text.trim() ? { text: query.text.trim() } : {}),
    limit: query.limit,
  };
  const filterKey = JSON.stringify(filter);

  const readKey = `${engine}|${filterKey}|${generation}`;

  const read = useCallback(
    (refresh: boolean) => call('feeds:logs', { engine, refresh, ...(JSON.parse(filterKey) as typeof filter) }),
    [engine, filterKey],
  );

  const refresh = useCallback(() => {
    setRefreshing(true);
    setError(null);
    read(true).then(
      (answer) => {
        setPage(answer);
        setRefreshing(false);
      },
      (reason: unknown) => {
        setError(`The logs could not be read again: ${describeError(reason)}`);
        setRefreshing(false);
      },
    );
  }, [read]);

  useEffect(() => {
    let current = true;
    read(false).then(
      (answer) => {
        if (!current) return;
        setPage(answer);
        setError(null);
        setSettled(readKey);
        if (answer.fetchedAt === null && !readOnOpen.current) {
          readOnOpen.current = true;
          refresh();
        }
      },
      (reason: unknown) => {
        if (!current) return;
        setError(`The stored logs could not be read: ${describeError(reason)}`);
        setSettled(readKey);
      },
    );
    return () => {
      current = false;
    };
  }, [read, refresh, readKey]);

  useEvent('feeds:logsChanged', (event) => {
    if (event.engine === engine) setGeneration((n) => n + 1);
  });

  return { page, loading: settled !== readKey, refreshing, error, refresh };
}
