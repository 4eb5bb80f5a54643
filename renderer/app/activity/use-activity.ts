/** The activity list and its unread count, kept current by `activity:added`. */
import { useState } from 'react';
import type { ActivityPage } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { useEvent, useRequest } from '../../api/hooks';
import { ACTIVITY_LIMIT, withAddedEntry, withAllRead, withEntryRead } from './activity-list';

export interface ActivityState {
  page: ActivityPage | undefined;
  error: string | null;
  markAllRead: () => void;
  markRead: (id: number) => void;
}

export function useActivity(): ActivityState {
  const list = useRequest('activity:list', { limit: ACTIVITY_LIMIT });
  const [problem, setProblem] = useState<string | null>(null);
  const page = list.data;
  useEvent('activity:added', (entry) => {
    if (page) list.set(withAddedEntry(page, entry));
    else list.reload();
  });
  // A new worker (or account) has its own list.
  useEvent('accounts:changed', () => list.reload());
  useEvent('app:workerState', (state) => {
    if (state.status === 'ready') list.reload();
  });

  function mark(ids: number[] | null, apply: (page: ActivityPage, unread: number) => ActivityPage) {
    setProblem(null);
    call('activity:markRead', { ids }).then(
      ({ unread }) => {
        if (page) list.set(apply(page, unread));
      },
      (error: unknown) => setProblem(`Could not mark as read: ${describeError(error)}`),
    );
  }

  return {
    page,
    error: problem ?? (list.error ? `The activity list could not be read: ${describeError(list.error)}` : null),
    markAllRead: () => mark(null, withAllRead),
    markRead: (id) => mark([id], (current, unread) => withEntryRead(current, id, unread)),
  };
}
