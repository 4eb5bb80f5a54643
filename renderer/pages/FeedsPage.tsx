/**
 * Feeds: process a search engine's feed and follow the run, its history, health and logs.
 * The engine shown is in the URL (#/feeds/{engine}), else the last one picked, else the first.
 */
import { Rss } from 'lucide-react';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { EngineFeeds } from './feeds/EngineFeeds';
import { lastEngine, pickEngine, useFeedsTarget } from './feeds/feeds-route';
import { EnginesPending, NoEngines, useEngines } from './page-engines';
import type { PageProps } from './page-props';
import '../styles/feeds.css';

const SUBTITLE = 'Process a search engine’s feed, watch the run, and read why it failed.';

export function FeedsPage({ navigate }: PageProps) {
  const engines = useEngines();
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
        <EnginesPending error={engines.error} />
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
        <NoEngines
          accountId={snapshot.accountId}
          icon={Rss}
          steps={[
            'Connect an account on the Accounts page.',
            'Choose a search engine and press Process now, or wait for the next scheduled run.',
          ]}
          navigate={navigate}
        >
          <p>
            Each run of your product feed will be listed here with its result, duration and log lines, and you will be
            warned when a run silently loses products.
          </p>
        </NoEngines>
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
