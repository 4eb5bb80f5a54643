/**
 * Which type's grid is open: it lives in the URL hash (#/catalog/{engine}/{type}), so reloads
 * and the back button keep it; the last one opened is remembered so the Catalog page reopens
 * it, until the user goes back to the engines list.
 */
import { useMemo, useSyncExternalStore } from 'react';

export interface OpenType {
  engine: string;
  type: string;
}

const LAST_KEY = 'catalog-studio.catalog.last-type';
const PREFIX = '#/catalog/';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function typeFromHash(hash: string): OpenType | null {
  if (!hash.startsWith(PREFIX)) return null;
  const [engine, type] = hash.slice(PREFIX.length).split('/').map(decodeURIComponent);
  return engine && type ? { engine, type } : null;
}

function currentHash(): string {
  return window.location.hash;
}

/** The open type, or null on the engines list (the same object while the hash stays). */
export function useOpenType(): OpenType | null {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return useMemo(() => typeFromHash(hash), [hash]);
}

export function openType(engine: string, type: string): void {
  localStorage.setItem(LAST_KEY, JSON.stringify({ engine, type }));
  window.location.hash = `/catalog/${encodeURIComponent(engine)}/${encodeURIComponent(type)}`;
}

/** Back to the engines list: forgets the last type, so the list stays put. */
export function closeType(): void {
  localStorage.removeItem(LAST_KEY);
  window.location.hash = '/catalog';
}

export function lastOpenedType(): OpenType | null {
  try {
    const value = JSON.parse(localStorage.getItem(LAST_KEY) ?? 'null') as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { engine, type } = value as Record<string, unknown>;
    return typeof engine === 'string' && typeof type === 'string' ? { engine, type } : null;
  } catch {
    return null;
  }
}

/** Reopens a type without adding a history entry (the Catalog page landing on the last type). */
export function reopenType(open: OpenType): void {
  const url = new URL(window.location.href);
  url.hash = `/catalog/${encodeURIComponent(open.engine)}/${encodeURIComponent(open.type)}`;
  window.location.replace(url.href);
}
