/** The Feeds page's keys (shortcuts.ts): R clicks the logs' Refresh, P focuses Process now. */
import { useEffect, type RefObject } from 'react';
import { feedsShortcut } from './shortcuts';

export function useFeedsShortcuts(targets: {
  refreshRef: RefObject<HTMLButtonElement | null>;
  processRef: RefObject<HTMLButtonElement | null>;
}): void {
  const { refreshRef, processRef } = targets;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target instanceof HTMLElement ? event.target : document.body;
      const shortcut = feedsShortcut({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        targetTag: target.tagName,
        targetEditable: target.isContentEditable,
        // A modal run's details, or the activity panel: keys belong to them.
        dialogOpen: document.querySelector('dialog[open], [role="dialog"]') !== null,
      });
      if (!shortcut) return;
      event.preventDefault();
      if (shortcut === 'refresh-logs') refreshRef.current?.click();
      else processRef.current?.focus();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [refreshRef, processRef]);
}
