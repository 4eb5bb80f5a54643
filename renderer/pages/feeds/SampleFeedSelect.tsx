/** Sandbox account only: which sample feed its "Feed demo" engine processes, to try good and bad runs. */
import { ArrowRight, FlaskConical, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import type { EngineView } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import { useEvent, useRequest } from '../../api/hooks';
import { openFeeds } from './feeds-route';
import { rememberedSampleFeed, rememberSampleFeed, SAMPLE_FEEDS, type SampleFeed } from './sample-feeds';

/** The sandbox seeds its feed-backed engine under this name (main/sandbox/seed/feed-demo.ts). */
const DEMO_ENGINE = 'Feed demo';

export function SampleFeedSelect({ engines, shown }: { engines: readonly EngineView[]; shown: string }) {
  const accounts = useRequest('accounts:list');
  useEvent('accounts:changed', accounts.set);
  const current = accounts.data?.accounts.find((account) => account.id === accounts.data?.currentId);
  const [value, setValue] = useState<SampleFeed | null>(() => rememberedSampleFeed(localStorage));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (current?.kind !== 'sandbox') return null;
  const demo = engines.find((engine) => engine.name === DEMO_ENGINE);

  function choose(next: SampleFeed) {
    setBusy(true);
    setProblem(null);
    call('feeds:sandboxScenario', { scenario: next }).then(
      () => {
        setBusy(false);
        setValue(next);
        rememberSampleFeed(localStorage, next);
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(`The sample feed could not be changed: ${describeError(error)}`);
      },
    );
  }

  return (
    <div className="feeds-sample" data-testid="feeds-sample">
      <label className="feeds-sample__field">
        <FlaskConical size={14} aria-hidden="true" />
        <span>Sample feed</span>
        <select
          className="input feeds-input"
          value={value ?? ''}
          disabled={busy}
          onChange={(event) => choose(event.target.value as SampleFeed)}
          data-testid="feeds-sample-select"
        >
          {value === null && <option value="">Choose…</option>}
          {SAMPLE_FEEDS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {busy && <LoaderCircle size={14} className="spin" aria-hidden="true" />}
      </label>
      <span className="muted">
        Sandbox only: this changes the feed file of the “Feed demo” engine, so the next Process now shows a failure, bad
        rows in the logs, or a drop in products.
      </span>
      {demo && demo.hashid !== shown && (
        <button
          type="button"
          className="button"
          onClick={() => openFeeds(demo.hashid, null, { replace: true })}
          data-testid="feeds-open-demo"
        >
          Show {DEMO_ENGINE} <ArrowRight size={14} aria-hidden="true" />
        </button>
      )}
      {problem && (
        <span className="text-danger" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
