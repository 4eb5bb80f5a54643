import { useEffect } from 'react';
import type { EnginesSnapshot } from '../../preload/contract';
import { useEvent, useRequest } from '../api/hooks';
import { lastOpenedType, reopenType, useOpenType } from './catalog/catalog-route';
import { EnginesList } from './catalog/EnginesList';
import { useDebounced } from './catalog/use-debounced';
import { TypeGridPage } from './catalog/TypeGridPage';
import type { PageProps } from './page-props';

const COUNTS_RELOAD_DELAY_MS = 800;

/** The engines list, or the grid of the type opened from it (kept in the URL, last one reopened). */
export function CatalogPage({ navigate }: PageProps) {
  const engines = useRequest('engines:list', { refresh: false });
  const open = useOpenType();
  useEvent('engines:changed', (snapshot: EnginesSnapshot) => engines.set(snapshot));
  useEvent('accounts:changed', () => engines.reload());
  // Counts (items, pending, conflicts) move with edits and syncs; read them again once a burst settles.
  const reloadCounts = useDebounced(engines.reload, COUNTS_RELOAD_DELAY_MS);
  useEvent('catalog:changed', reloadCounts);
  useEvent('sync:pendingChanged', reloadCounts);

  const snapshot = engines.data;
  const engine = open ? snapshot?.engines.find((candidate) => candidate.hashid === open.engine) : undefined;
  const type = open ? engine?.types.find((candidate) => candidate.name === open.type) : undefined;

  useEffect(() => {
    if (open || !snapshot) return;
    const last = lastOpenedType();
    const known =
      last && snapshot.engines.some((e) => e.hashid === last.engine && e.types.some((t) => t.name === last.type));
    if (last && known) reopenType(last);
  }, [open, snapshot]);

  if (open && engine && type) return <TypeGridPage key={`${engine.hashid}/${type.name}`} engine={engine} type={type} />;
  if (open && !snapshot) return null;
  return <EnginesList navigate={navigate} engines={engines} missing={open} />;
}
