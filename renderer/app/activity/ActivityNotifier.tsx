/**
 * Turns new activity entries that ask for it into desktop notifications (or in-app toasts when
 * none can be shown), and renders those toasts. Mounted once, in the app's frame.
 */
import { ExternalLink, X } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { call, runsInBrowser } from '../../api/client';
import { useEvent } from '../../api/hooks';
import { feedsHash } from '../../pages/feeds/feeds-route';
import { LEVEL_ICONS } from './ActivityPanel';
import { browserNotifications, claimNotification, createNotifier } from './desktop-notifier';
import { dismissToast, pushToast, useToasts, type Toast } from './toasts';
import '../../styles/feeds.css';

/** Long enough to read two sentences; the activity list keeps the entry after. */
const TOAST_MS = 10_000;

function ToastCard({ toast }: { toast: Toast }) {
  const Icon = LEVEL_ICONS[toast.level];
  useEffect(() => {
    const timer = window.setTimeout(() => dismissToast(toast.id), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast.id]);
  return (
    <div className={`toast toast--${toast.level}`} role="status" data-testid="toast">
      <Icon size={16} className="toast__icon" aria-hidden="true" />
      <div className="toast__text">
        <strong>{toast.title}</strong>
        {toast.body && <p>{toast.body}</p>}
        {toast.engine && (
          <a className="toast__link" href={feedsHash(toast.engine, toast.runId)} onClick={() => dismissToast(toast.id)}>
            <ExternalLink size={12} aria-hidden="true" /> Open
          </a>
        )}
      </div>
      <button type="button" className="button button--icon" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
        <X size={14} aria-hidden="true" />
      </button>
    </div>
  );
}

export function ActivityNotifier() {
  const toasts = useToasts();
  const notify = useMemo(
    () =>
      createNotifier({
        mode: runsInBrowser ? 'browser' : 'electron',
        notifyInMain: (message) => call('app:notify', message),
        page: browserNotifications(),
        storage: localStorage,
      }),
    [],
  );
  useEvent('activity:added', (entry) => {
    if (!entry.notify || !claimNotification(entry, localStorage)) return;
    void notify({ title: entry.title, body: entry.body }).then((outcome) => {
      if (outcome === 'toast') {
        pushToast({
          title: entry.title,
          body: entry.body,
          level: entry.level,
          engine: entry.engine,
          runId: entry.runId,
        });
      }
    });
  });
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastCard key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
