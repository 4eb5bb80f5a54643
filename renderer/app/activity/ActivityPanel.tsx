import { CheckCheck, CircleAlert, CircleCheck, Info, TriangleAlert, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { ActivityEntry } from '../../../preload/contract';
import { formatAgo } from '../format';
import { useNow } from '../useNow';
import { ActivityEntryActions } from './ActivityEntryActions';
import type { ActivityState } from './use-activity';

export const LEVEL_ICONS = {
  info: Info,
  success: CircleCheck,
  warning: TriangleAlert,
  error: CircleAlert,
} as const;

function EntryRow({
  entry,
  now,
  onOpen,
}: {
  entry: ActivityEntry;
  now: number;
  onOpen: (entry: ActivityEntry) => void;
}) {
  const Icon = LEVEL_ICONS[entry.level];
  return (
    <li
      className={`activity-entry activity-entry--${entry.level}${entry.read ? '' : ' activity-entry--unread'}`}
      data-testid="activity-entry"
      data-level={entry.level}
    >
      <Icon size={16} className="activity-entry__icon" aria-label={entry.level} />
      <div className="activity-entry__text">
        <div className="activity-entry__title">
          <strong>{entry.title}</strong>
          <time className="muted" dateTime={entry.at} title={new Date(entry.at).toLocaleString()}>
            {formatAgo(entry.at, now)}
          </time>
        </div>
        {entry.body && <p className="activity-entry__body">{entry.body}</p>}
        <ActivityEntryActions entry={entry} onOpen={onOpen} />
      </div>
    </li>
  );
}

export function ActivityPanel({ activity, onClose }: { activity: ActivityState; onClose: () => void }) {
  const now = useNow(30_000);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  const entries = activity.page?.entries ?? [];

  /** The entry's Open link changes the address itself (#/feeds/{engine}/run/{id}); this marks it read and closes. */
  function open(entry: ActivityEntry) {
    if (!entry.read) activity.markRead(entry.id);
    onClose();
  }

  return (
    <div
      ref={panel}
      className="activity-panel"
      role="dialog"
      aria-label="Activity"
      tabIndex={-1}
      data-testid="activity-panel"
    >
      <header className="activity-panel__header">
        <h2>Activity</h2>
        <button
          type="button"
          className="button button--ghost"
          disabled={(activity.page?.unread ?? 0) === 0}
          onClick={activity.markAllRead}
          data-testid="activity-mark-all"
        >
          <CheckCheck size={14} aria-hidden="true" /> Mark all read
        </button>
        <button type="button" className="button button--icon" aria-label="Close" onClick={onClose}>
          <X size={15} aria-hidden="true" />
        </button>
      </header>
      {activity.error && (
        <p className="form__error activity-panel__error" role="alert">
          {activity.error}
        </p>
      )}
      {entries.length === 0 ? (
        <p className="activity-panel__empty muted">
          Nothing yet. When a feed run finishes or fails, it is listed here and shown as a desktop notification.
        </p>
      ) : (
        <ul className="activity-panel__list">
          {entries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} now={now} onOpen={open} />
          ))}
        </ul>
      )}
    </div>
  );
}
