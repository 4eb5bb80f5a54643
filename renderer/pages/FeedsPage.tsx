/**
 * Feeds: process a search engine's feed and follow the run, its history, health and logs.
 * The engine shown is in the URL (#/feeds/{engine}), else the last one picked, else the first.
 */
import { LoaderCircle, Rss } from 'lucide-react';
import { useState } from 'react';
import type { EnginesSnapshot } from '../../preload/contract';
import { describeError } from '../api/client';
import { useEvent, useRequest } from '../api/hooks';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { EngineFeeds } from './feeds/EngineFeeds';
import { lastEngine, pickEngine, useFeedsTarget } from './feeds/feeds-route';
import { GoToAccounts } from './GoToAccounts';
import type { PageProps } from './page-props';
import '../styles/feeds.css';

const SUBTITLE = 'Process a search engine’s feed, watch the run, and read why it failed.';

export function FeedsPage({ navigate }: PageProps) {
  const engines = useRequest('engines:list', { refresh: false });
  useEvent('engines:changed', (snapshot: EnginesSnapshot) => engines.set(snapshot));
  useEvent('accounts:changed', () => engines.reload());
  const target = useFeedsTarget();
  const snapshot = engines.data;
  // One header for every state of the page, so the heading focused after Ctrl+3 stays the same
  // element when the engines arrive; the engine's actions are put into it from EngineFeeds.
  const [actions, setActions] = useState<HTMLDivElement | null>(null);
  const header = (
    <PageHeader title="Feeds" subtitle={SUBTITLE}>
      <div ref={setActions} className="feeds-header-actions" />
    </PageHeader>
  );

  if (!snapshot) {
    return (
      <>
        {header}
        {engines.error ? (
          <p className="form__error" role="alert">
            The engines could not be read: {describeError(engines.error)}
          </p>
        ) : (
          <p className="muted">
            <LoaderCircle size={14} className="spin inline-icon" aria-hidden="true" /> Reading the engines…
          </p>
        )}
      </>
    );
  }
  const hashid = pickEngine(
    snapshot.engines.map((engine) => engine.hashid),
    target?.engine ?? null,
    lastEngine(),
  );
  const engine = snapshot.engines.find((candidate) => candidate.hashid === hashid);
  if (snapshot.accountId === null || !engine) {
    return (
      <>
        {header}
        <EmptyState
          icon={Rss}
          title={snapshot.accountId === null ? 'No account connected yet' : 'This account has no search engines yet'}
          steps={[
            'Connect an account on the Accounts page.',
            'Choose a search engine and press Process now, or wait for the next scheduled run.',
          ]}
          action={<GoToAccounts navigate={navigate} />}
        >
          <p>
            Each run of your product feed will be listed here with its result, duration and log lines, and you will be
            warned when a run silently loses products.
          </p>
        </EmptyState>
      </>
    );
  }
  // Another engine is another page: its runs, filters and logs start afresh.
  return (
    <>
      {header}
      <EngineFeeds
        key={engine.hashid}
        engine={engine}
        engines={snapshot.engines}
        runId={target?.engine === engine.hashid ? target.runId : null}
        headerActions={actions}
      />
    </>
  );
}
