/**
 * One relevance case as the page holds it: the case with its queries, its runs, the run going
 * on (from `relevance:progress`), and grading that shows at once and saves in the background.
 * A grade never re-runs anything: the worker answers the query with its metrics recomputed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RelevanceCaseView, RelevanceQueryView, RelevanceRunView } from '../../../../preload/contract';
import { call, describeError } from '../../../api/client';
import { useEvent } from '../../../api/hooks';
import { meanMetrics } from './metric-format';

export interface RelevanceCaseState {
  view: RelevanceCaseView | null;
  runs: RelevanceRunView[];
  running: RelevanceRunView | null;
  error: string | null;
  loadError: unknown;
  reload: () => void;
  replace: (view: RelevanceCaseView) => void;
  grade: (queryId: number, itemId: string, grade: number | null) => void;
  run: (queryIds?: number[]) => void;
  cancel: () => void;
  clearError: () => void;
}

function withQuery(view: RelevanceCaseView, query: RelevanceQueryView): RelevanceCaseView {
  const queries = view.queries.map((candidate) => (candidate.id === query.id ? query : candidate));
  return { ...view, queries, metrics: meanMetrics(queries) };
}

function withLocalGrade(view: RelevanceCaseView, queryId: number, itemId: string, grade: number | null) {
  return {
    ...view,
    queries: view.queries.map((query) =>
      query.id !== queryId
        ? query
        : { ...query, results: query.results.map((result) => (result.id === itemId ? { ...result, grade } : result)) },
    ),
  };
}

export function useRelevanceCase(caseId: number): RelevanceCaseState {
  const [view, setView] = useState<RelevanceCaseView | null>(null);
  const [runs, setRuns] = useState<RelevanceRunView[]>([]);
  const [running, setRunning] = useState<RelevanceRunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  /** The newest grade call per query: an older answer arriving late must not undo a newer grade. */
  const gradeCalls = useRef(new Map<number, number>());

  const reload = useCallback(() => {
    call('relevance:case', { id: caseId }).then(
      (next) => {
        setView(next);
        setLoadError(null);
      },
      (reason: unknown) => setLoadError(reason),
    );
    call('relevance:runs', { caseId }).then(
      ({ runs: list }) => {
        setRuns(list);
        setRunning(list.find((candidate) => candidate.state === 'running') ?? null);
      },
      (reason: unknown) => setError(`The runs could not be read: ${describeError(reason)}`),
    );
  }, [caseId]);

  useEffect(reload, [reload]);

  useEvent('relevance:progress', (progress) => {
    if (progress.caseId !== caseId) return;
    setRunning(progress.state === 'running' ? progress : null);
    // Each query done brings its results; the end brings the run into the list.
    reload();
  });

  const grade = useCallback(
    (queryId: number, itemId: string, value: number | null) => {
      setView((current) => (current ? withLocalGrade(current, queryId, itemId, value) : current));
      const ask = (gradeCalls.current.get(queryId) ?? 0) + 1;
      gradeCalls.current.set(queryId, ask);
      call('relevance:grade', { queryId, itemId, grade: value }).then(
        (query) => {
          if (gradeCalls.current.get(queryId) !== ask) return;
          setView((current) => (current ? withQuery(current, query) : current));
        },
        (reason: unknown) => {
          setError(`The grade of ${itemId} was not saved: ${describeError(reason)}`);
          reload();
        },
      );
    },
    [reload],
  );

  const run = useCallback(
    (queryIds?: number[]) => {
      setError(null);
      call('relevance:run', queryIds ? { caseId, queryIds } : { caseId }).then(
        (finished) => {
          setRunning(finished.state === 'running' ? finished : null);
          if (finished.state === 'failed' && finished.error) setError(`The run failed: ${finished.error}`);
          reload();
        },
        (reason: unknown) => {
          setError(`The run could not start: ${describeError(reason)}`);
          reload();
        },
      );
    },
    [caseId, reload],
  );

  const cancel = useCallback(() => {
    call('relevance:cancel', { caseId }).then(reload, (reason: unknown) =>
      setError(`The run could not be cancelled: ${describeError(reason)}`),
    );
  }, [caseId, reload]);

  return {
    view,
    runs,
    running,
    error,
    loadError,
    reload,
    replace: setView,
    grade,
    run,
    cancel,
    clearError: () => setError(null),
  };
}
