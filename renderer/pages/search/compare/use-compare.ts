/**
 * Runs the comparison whenever the query, a side, k or p changes: debounced while typing, and
 * only the newest answer is shown (an older one arriving late is dropped), so the columns never
 * show a query the box no longer holds. While a side breaks a limit of the document nothing is
 * sent (`blocked`), and the last answer stays on screen marked stale.
 */
import { useEffect, useState } from 'react';
import type { SearchCompareView, SearchParamsView } from '../../../../preload/contract';
import { call } from '../../../api/client';

export interface CompareSide {
  engine: string;
  params: SearchParamsView;
}

export interface CompareInput {
  query: string;
  a: CompareSide;
  b: CompareSide;
  k: number;
  p: number;
}

export interface CompareState {
  view: SearchCompareView | null;
  /** Why the comparison of what is set now failed (the client's ApiError, with the worker's details). */
  error: unknown;
  loading: boolean;
  /** The view shown is of other parameters than those set now (waiting, refused or held back). */
  stale: boolean;
}

const TYPING_MS = 300;

function withQuery(side: CompareSide, query: string): CompareSide {
  return { engine: side.engine, params: { ...side.params, query } };
}

export function useCompare(input: CompareInput, blocked: boolean): CompareState {
  /** The last answer (kept on screen while the next one comes) and which input the error is about. */
  const [settled, setSettled] = useState<{ key: string; view: SearchCompareView | null; error: unknown } | null>(null);
  const key = JSON.stringify(input);
  const runnable = input.query.trim() !== '' && input.a.engine !== '' && input.b.engine !== '';

  useEffect(() => {
    if (blocked) return;
    const { query, a, b, k, p } = JSON.parse(key) as CompareInput;
    if (query.trim() === '' || !a.engine || !b.engine) return;
    // Cleared when the input changes again: an older answer arriving late is dropped.
    let current = true;
    const timer = window.setTimeout(() => {
      call('search:compare', { a: withQuery(a, query), b: withQuery(b, query), k, p }).then(
        (view) => {
          if (current) setSettled({ key, view, error: null });
        },
        (error: unknown) => {
          if (current) setSettled((previous) => ({ key, view: previous?.view ?? null, error }));
        },
      );
    }, TYPING_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [key, blocked]);

  if (!runnable) return { view: null, error: null, loading: false, stale: false };
  const view = settled?.view ?? null;
  const answered = settled?.key === key;
  return {
    view,
    error: answered && !blocked ? settled.error : null,
    loading: !answered && !blocked,
    stale: view !== null && (blocked || !answered || settled.error !== null),
  };
}
