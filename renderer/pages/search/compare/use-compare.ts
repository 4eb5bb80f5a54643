/**
 * Runs the comparison whenever the query, a side, k or p changes: debounced while typing, and
 * only the newest answer is shown (an older one arriving late is dropped), so the columns never
 * show a query the box no longer holds.
 */
import { useEffect, useState } from 'react';
import type { SearchCompareView, SearchParamsView } from '../../../../preload/contract';
import { call } from '../../../api/client';
import { fieldErrorOf, type FieldError } from './error-field';

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
  error: unknown;
  fieldError: FieldError | null;
  loading: boolean;
}

const TYPING_MS = 300;

function withQuery(side: CompareSide, query: string): CompareSide {
  return { engine: side.engine, params: { ...side.params, query } };
}

export function useCompare(input: CompareInput): CompareState {
  /** The last answer (kept on screen while the next one comes) and which input the error is about. */
  const [settled, setSettled] = useState<{ key: string; view: SearchCompareView | null; error: unknown } | null>(null);
  const key = JSON.stringify(input);
  const runnable = input.query.trim() !== '' && input.a.engine !== '' && input.b.engine !== '';

  useEffect(() => {
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
  }, [key]);

  if (!runnable) return { view: null, error: null, fieldError: null, loading: false };
  const error = settled?.key === key ? settled.error : null;
  return { view: settled?.view ?? null, error, fieldError: fieldErrorOf(error), loading: settled?.key !== key };
}
