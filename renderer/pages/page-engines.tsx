/**
 * What every per-engine page (Feeds, Import/Export, Search, Stats) needs before it can show an
 * engine: the current account's engines kept current, a line while they are read (or why they
 * could not be), and the empty state when there is no account or no engine.
 */
import { LoaderCircle, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import type { EnginesSnapshot } from '../../preload/contract';
import { describeError } from '../api/client';
import { useEvent, useRequest, type RequestState } from '../api/hooks';
import { EmptyState } from '../components/EmptyState';
import { GoToAccounts } from './GoToAccounts';
import type { PageProps } from './page-props';

export function useEngines(): RequestState<EnginesSnapshot> {
  const engines = useRequest('engines:list', { refresh: false });
  useEvent('engines:changed', (snapshot: EnginesSnapshot) => engines.set(snapshot));
  useEvent('accounts:changed', () => engines.reload());
  return engines;
}

export function EnginesPending({ error }: { error: unknown }) {
  return error ? (
    <p className="form__error" role="alert">
      The engines could not be read: {describeError(error)}
    </p>
  ) : (
    <p className="muted">
      <LoaderCircle size={14} className="spin inline-icon" aria-hidden="true" /> Reading the engines…
    </p>
  );
}

export function NoEngines({
  accountId,
  icon,
  steps,
  navigate,
  children,
}: PageProps & { accountId: string | null; icon: LucideIcon; steps: string[]; children: ReactNode }) {
  return (
    <EmptyState
      icon={icon}
      title={accountId === null ? 'No account connected yet' : 'This account has no search engines yet'}
      steps={steps}
      action={<GoToAccounts navigate={navigate} />}
    >
      {children}
    </EmptyState>
  );
}
