/** The activity list as the shell keeps it: newest first, no entry twice, the unread count beside it. */
import type { ActivityEntry, ActivityPage } from '../../../preload/contract';

/** How many entries the panel keeps; older ones stay in the worker's list. */
export const ACTIVITY_LIMIT = 100;

export function withAddedEntry(page: ActivityPage, entry: ActivityEntry): ActivityPage {
  if (page.entries.some((existing) => existing.id === entry.id)) return page;
  const entries = [entry, ...page.entries].sort((a, b) => b.id - a.id).slice(0, ACTIVITY_LIMIT);
  return { entries, unread: page.unread + (entry.read ? 0 : 1) };
}

export function withAllRead(page: ActivityPage, unread = 0): ActivityPage {
  return { entries: page.entries.map((entry) => (entry.read ? entry : { ...entry, read: true })), unread };
}

export function withEntryRead(page: ActivityPage, id: number, unread: number): ActivityPage {
  return { entries: page.entries.map((entry) => (entry.id === id ? { ...entry, read: true } : entry)), unread };
}

/** "9+" past nine, as a badge has room for. */
export function unreadBadge(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 9 ? '9+' : String(unread);
}
