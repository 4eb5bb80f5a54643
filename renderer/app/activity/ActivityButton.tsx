/**
 * The bell in the status bar: the unread count, and a panel of what happened (feed runs that
 * finished or failed), newest first. Escape or a click outside closes it.
 */
import { Bell } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { unreadBadge } from './activity-list';
import { ActivityPanel } from './ActivityPanel';
import { useActivity } from './use-activity';

export function ActivityButton() {
  const activity = useActivity();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const unread = activity.page?.unread ?? 0;
  const badge = unreadBadge(unread);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    }
    function onPointerDown(event: PointerEvent) {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    }
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('pointerdown', onPointerDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <div className="activity" ref={root}>
      <button
        ref={button}
        type="button"
        className="status-bar__item status-bar__button activity__bell"
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={unread > 0 ? `Activity: ${unread} unread` : 'Activity'}
        title="What happened: feed runs that finished or failed"
        onClick={() => setOpen(!open)}
        data-testid="activity-button"
      >
        <Bell size={14} aria-hidden="true" />
        Activity
        {badge && (
          <span className="activity__count" data-testid="activity-unread">
            {badge}
          </span>
        )}
      </button>
      {open && (
        <ActivityPanel
          activity={activity}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </div>
  );
}
