import {
  CircleAlert,
  Database,
  DownloadCloud,
  LoaderCircle,
  RefreshCw,
  Square,
  Table2,
  TableProperties,
} from 'lucide-react';
import { useState } from 'react';
import type { EngineView, MirrorProgressView, RequestOutput, TypeView } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import type { RequestState } from '../../api/hooks';
import { useEvent } from '../../api/hooks';
import { formatAgo, formatCount, formatDuration } from '../../app/format';
import { useNow } from '../../app/useNow';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { GoToAccounts } from '../GoToAccounts';
import type { PageProps } from '../page-props';
import { openType, type OpenType } from './catalog-route';

type ProgressByType = Record<string, MirrorProgressView>;

const keyOf = (engine: string, type: string) => `${engine}/${type}`;

function MirrorProgressBar({ progress }: { progress: MirrorProgressView }) {
  const percent = progress.percent ?? 0;
  const eta =
    progress.etaSeconds !== null && progress.etaSeconds > 0
      ? ` · about ${formatDuration(progress.etaSeconds)} left`
      : '';
  const of = progress.total !== null ? ` of ${formatCount(progress.total)}` : '';
  return (
    <div className="progress" data-testid="mirror-progress">
      <div
        className="progress__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
        aria-label={`Mirroring ${progress.type}`}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <span className="progress__text">
        {formatCount(progress.fetched)}
        {of} · {percent.toFixed(0)}%{eta}
      </span>
    </div>
  );
}

function stateLabel(type: TypeView, progress: MirrorProgressView | undefined): { text: string; tone: string } {
  const state = progress?.state ?? type.mirrorState;
  switch (state) {
    case 'running':
      return { text: 'Mirroring', tone: 'accent' };
    case 'completed':
      return { text: 'Mirrored', tone: 'ok' };
    case 'paused':
      return { text: 'Paused: resume to go on', tone: 'warn' };
    case 'failed':
      return { text: 'Failed', tone: 'bad' };
    case 'cancelled':
      return { text: 'Cancelled', tone: 'warn' };
    default:
      return { text: 'Not mirrored yet', tone: 'muted' };
  }
}

function TypeRow({
  engine,
  type,
  progress,
}: {
  engine: EngineView;
  type: TypeView;
  progress: MirrorProgressView | undefined;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const running = progress?.state === 'running';
  const label = stateLabel(type, progress);
  const error = progress?.error ?? type.mirrorError;
  async function start() {
    setProblem(null);
    try {
      await call('mirror:start', { engine: engine.hashid, type: type.name });
    } catch (caught) {
      setProblem(describeError(caught));
    }
  }
  async function cancel() {
    try {
      await call('mirror:cancel', { engine: engine.hashid, type: type.name });
    } catch (caught) {
      setProblem(describeError(caught));
    }
  }
  return (
    <tr data-testid={`type-${engine.name}-${type.name}`}>
      <th scope="row">
        <Database size={14} className="inline-icon muted" aria-hidden="true" /> {type.name}
      </th>
      <td className="num" data-testid="server-count">
        {formatCount(progress?.total ?? type.serverCount)}
      </td>
      <td className="num" data-testid="local-count">
        {formatCount(type.localCount)}
      </td>
      <td className="num">{type.pendingCount > 0 ? formatCount(type.pendingCount) : '–'}</td>
      <td>{formatAgo(type.lastMirrorAt)}</td>
      <td className="type-state">
        {running && progress ? (
          <MirrorProgressBar progress={progress} />
        ) : (
          <span className={`pill pill--${label.tone}`} data-testid="mirror-state">
            {label.text}
          </span>
        )}
        {type.conflictCount > 0 && (
          <span className="pill pill--bad" title="Changed here and on the server: resolve them in the grid">
            {formatCount(type.conflictCount)} conflicts
          </span>
        )}
        {(problem ?? (!running && error)) && (
          <p className="type-error" role="status">
            <CircleAlert size={13} className="inline-icon" aria-hidden="true" /> {problem ?? error}
          </p>
        )}
      </td>
      <td className="actions">
        <button
          type="button"
          className={`button${type.localCount > 0 ? ' button--primary' : ''}`}
          onClick={() => openType(engine.hashid, type.name)}
          aria-label={`Open ${type.name} of ${engine.name}`}
          title="Open the items in the grid"
        >
          <TableProperties size={15} aria-hidden="true" /> Open
        </button>{' '}
        {running ? (
          <button type="button" className="button" onClick={() => void cancel()}>
            <Square size={13} aria-hidden="true" /> Cancel
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => void start()}
            aria-label={`Mirror ${type.name} of ${engine.name}`}
          >
            <DownloadCloud size={15} aria-hidden="true" />{' '}
            {type.mirrorState === 'paused' ? 'Resume' : type.mirrorState === 'never' ? 'Mirror' : 'Mirror again'}
          </button>
        )}
      </td>
    </tr>
  );
}

function EngineCard({ engine, progress }: { engine: EngineView; progress: ProgressByType }) {
  return (
    <section className="engine card card--wide" aria-labelledby={`engine-${engine.hashid}`}>
      <header className="engine__header">
        <div>
          <h2 id={`engine-${engine.hashid}`}>{engine.name}</h2>
          <p className="muted">
            {engine.siteUrl} · {engine.language.toUpperCase()} · {engine.currency} · <code>{engine.hashid}</code>
          </p>
        </div>
      </header>
      {engine.types.length === 0 ? (
        <p className="muted">This search engine has no types yet.</p>
      ) : (
        <table className="types">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col" className="num">
                On Doofinder
              </th>
              <th scope="col" className="num">
                On this computer
              </th>
              <th scope="col" className="num">
                Pending
              </th>
              <th scope="col">Last mirror</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {engine.types.map((type) => (
              <TypeRow
                key={type.name}
                engine={engine}
                type={type}
                progress={progress[keyOf(engine.hashid, type.name)]}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The engines of the current account, their types with counts, Mirror and Open. */
export function EnginesList({
  navigate,
  engines,
  missing,
}: PageProps & { engines: RequestState<RequestOutput<'engines:list'>>; missing: OpenType | null }) {
  const [refreshing, setRefreshing] = useState(false);
  const [progress, setProgress] = useState<ProgressByType>({});
  useNow(30_000);

  useEvent('mirror:progress', (update) =>
    setProgress((all) => ({ ...all, [keyOf(update.engine, update.type)]: update })),
  );

  async function refresh() {
    setRefreshing(true);
    try {
      engines.set(await call('engines:list', { refresh: true }));
    } catch {
      engines.reload();
    } finally {
      setRefreshing(false);
    }
  }

  const snapshot = engines.data;

  if (snapshot && !snapshot.accountId) {
    return (
      <>
        <PageHeader title="Catalog" subtitle="Your products, mirrored to this computer, editable offline." />
        <EmptyState
          icon={Table2}
          title="No account to show"
          steps={['Add an account on the Accounts page, or switch to the Sandbox account.']}
          action={<GoToAccounts navigate={navigate} />}
        >
          <p>The catalog of the current account appears here once it has one.</p>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Catalog"
        subtitle="Search engines of the current account. Mirror a type to work on its products offline."
      >
        <span className="muted" data-testid="engines-refreshed">
          Listed {formatAgo(snapshot?.refreshedAt ?? null)}
        </span>
        <button type="button" className="button" onClick={() => void refresh()} disabled={refreshing}>
          {refreshing ? (
            <LoaderCircle size={15} className="spin" aria-hidden="true" />
          ) : (
            <RefreshCw size={15} aria-hidden="true" />
          )}
          Refresh
        </button>
      </PageHeader>
      {missing && (
        <div className="notice notice--warning" role="alert" data-testid="type-missing">
          <CircleAlert size={16} aria-hidden="true" /> The current account has no type “{missing.type}” in engine{' '}
          <code>{missing.engine}</code>: pick one below.
        </div>
      )}
      {snapshot?.refreshError && (
        <div className="notice notice--warning" role="alert" data-testid="engines-error">
          <CircleAlert size={16} aria-hidden="true" /> Could not list the engines: {snapshot.refreshError}
        </div>
      )}
      {snapshot && snapshot.engines.length === 0 && !refreshing && (
        <EmptyState
          icon={Table2}
          title="No search engines here yet"
          steps={['Press Refresh to list this account’s search engines.']}
        >
          <p>Once listed, each engine shows its types with item counts, and a Mirror button.</p>
        </EmptyState>
      )}
      {snapshot?.engines.map((engine) => (
        <EngineCard key={engine.hashid} engine={engine} progress={progress} />
      ))}
    </>
  );
}
