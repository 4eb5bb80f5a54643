/**
 * The Feeds page's single-key shortcuts: R reads the logs again, P moves focus to Process now
 * (focus only: a run costs requests, so starting one takes Enter too). They never fire while
 * typing, with a modifier (Ctrl/Cmd + digit switches pages), or over a dialog.
 */

export type FeedsShortcut = 'refresh-logs' | 'focus-process';

export interface ShortcutPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element that has focus: tag name and whether it is editable. */
  targetTag: string;
  targetEditable: boolean;
  dialogOpen: boolean;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function feedsShortcut(press: ShortcutPress): FeedsShortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.dialogOpen) return null;
  if (press.targetEditable || TYPING_TAGS.has(press.targetTag.toUpperCase())) return null;
  const key = press.key.toLowerCase();
  if (key === 'r') return 'refresh-logs';
  if (key === 'p') return 'focus-process';
  return null;
}
