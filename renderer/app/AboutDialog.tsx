import { Activity } from 'lucide-react';
import { useState } from 'react';
import { call, describeError } from '../api/client';
import { useRequest } from '../api/hooks';
import { Dialog } from '../components/Dialog';
import { pages } from './pages';
import { modifierLabel } from './Sidebar';
import { useNow } from './useNow';

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function PingButton() {
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function ping() {
    setBusy(true);
    const sentAt = performance.now();
    try {
      const pong = await call('app:ping', { sentAt });
      setResult(`${(performance.now() - pong.sentAt).toFixed(1)} ms round trip (worker thread ${pong.workerThreadId})`);
    } catch (error) {
      setResult(describeError(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="ping">
      <button type="button" className="button" onClick={() => void ping()} disabled={busy}>
        <Activity size={14} aria-hidden="true" /> Ping the worker
      </button>
      {result && (
        <span className="muted" data-testid="ping-result">
          {result}
        </span>
      )}
    </div>
  );
}

function AboutContent() {
  const { data: info, error, loading } = useRequest('app:info');
  const now = useNow(1000);
  if (loading && !info) return <p className="muted">Asking the worker…</p>;
  if (error || !info) return <p className="text-danger">{describeError(error)}</p>;
  const uptime = Math.max(0, Math.round((now - Date.parse(info.workerStartedAt)) / 1000));
  return (
    <dl className="facts" data-testid="app-info">
      <dt>Version</dt>
      <dd>{info.version}</dd>
      <dt>Running as</dt>
      <dd>{info.runtime.mode === 'electron' ? 'Desktop app' : 'Browser mode'}</dd>
      <dt>Data folder</dt>
      <dd>
        <code data-testid="data-dir">{info.dataDir}</code>
      </dd>
      <dt>API worker</dt>
      <dd data-testid="worker-uptime">
        up {formatDuration(uptime)}
        {info.workerRestarts > 0 && `, restarted ${info.workerRestarts} time${info.workerRestarts === 1 ? '' : 's'}`}
      </dd>
      <dt>Runtime</dt>
      <dd>
        Node {info.runtime.node}
        {info.runtime.electron && ` · Electron ${info.runtime.electron}`} · {info.runtime.platform}
      </dd>
    </dl>
  );
}

export function AboutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="About Catalog Studio" onClose={onClose}>
      <AboutContent />
      <PingButton />
      <h3>Keyboard shortcuts</h3>
      <table className="shortcuts">
        <tbody>
          {pages.map((page) => (
            <tr key={page.id}>
              <td>
                <kbd>
                  {modifierLabel}
                  {page.shortcut}
                </kbd>
              </td>
              <td>{page.label}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>↑</kbd> <kbd>↓</kbd>
            </td>
            <td>Move between pages in the sidebar</td>
          </tr>
          <tr>
            <td>
              <kbd>{modifierLabel}/</kbd>
            </td>
            <td>This window</td>
          </tr>
        </tbody>
      </table>
    </Dialog>
  );
}
