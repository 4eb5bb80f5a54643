/**
 * Resuming an upload after a restart: the wizard remembers which types it started uploading
 * (localStorage, so a reload or a restart keeps it), and when the page opens it offers to
 * resume one whose last sync run stopped short with changes still pending.
 */
import type { PendingSnapshot, SyncProgress, SyncRunSummary } from '../../../preload/contract';

export interface UploadScope {
  engine: string;
  type: string;
}

export interface ResumeOffer extends UploadScope {
  engineName: string;
  /** Changes still to send (edits, creations and deletions; failed and conflicting ones wait for the user). */
  left: number;
  /** How the last run ended: paused, cancelled, or failed (also a run the app's closing cut off). */
  stopped: 'paused' | 'cancelled' | 'failed';
}

const STOPPED = new Set<SyncProgress['state']>(['paused', 'cancelled', 'failed']);

/**
 * The banner to show, or null: the last run was scoped to a type this wizard uploaded, it
 * stopped short, that type still has changes to send, and no sync is running now.
 */
export function resumeOffer({
  lastRun,
  pending,
  uploads,
  live,
}: {
  lastRun: SyncRunSummary | null | undefined;
  pending: PendingSnapshot | undefined;
  uploads: readonly UploadScope[];
  live: SyncProgress | null;
}): ResumeOffer | null {
  if (!lastRun || !pending || live?.state === 'running') return null;
  if (!STOPPED.has(lastRun.state)) return null;
  const { engine, type } = lastRun.scope;
  if (!engine || !type) return null;
  if (!uploads.some((upload) => upload.engine === engine && upload.type === type)) return null;
  const group = pending.groups.find((candidate) => candidate.engine === engine && candidate.type === type);
  if (!group) return null;
  const left = group.counts.edited + group.counts.created + group.counts.deleted;
  if (left === 0) return null;
  return { engine, type, engineName: group.engineName, left, stopped: lastRun.state as ResumeOffer['stopped'] };
}

const STORAGE_KEY = 'catalog-studio.import.uploads';

function sameScope(a: UploadScope, b: UploadScope): boolean {
  return a.engine === b.engine && a.type === b.type;
}

/** The types the wizard started uploading and has not seen finish. */
export function uploadsStarted(storage: Pick<Storage, 'getItem'> = localStorage): UploadScope[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is UploadScope =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as UploadScope).engine === 'string' &&
        typeof (entry as UploadScope).type === 'string',
    );
  } catch {
    return []; // A damaged entry only costs the banner.
  }
}

export function rememberUpload(scope: UploadScope, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): void {
  const uploads = uploadsStarted(storage).filter((upload) => !sameScope(upload, scope));
  storage.setItem(STORAGE_KEY, JSON.stringify([...uploads, { engine: scope.engine, type: scope.type }]));
}

export function forgetUpload(scope: UploadScope, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): void {
  const uploads = uploadsStarted(storage);
  if (uploads.some((upload) => sameScope(upload, scope)))
    storage.setItem(STORAGE_KEY, JSON.stringify(uploads.filter((upload) => !sameScope(upload, scope))));
}

const STOPPED_TEXT: Record<ResumeOffer['stopped'], string> = {
  paused: 'it was paused',
  cancelled: 'it was cancelled',
  failed: 'it failed or the app closed during it',
};

/** "Upload of product in Outdoor shop stopped with 120 changes left to send (it was paused)." */
export function resumeText(offer: ResumeOffer, formatCount: (value: number) => string): string {
  return `Upload of ${offer.type} in ${offer.engineName} stopped with ${formatCount(offer.left)} ${
    offer.left === 1 ? 'change' : 'changes'
  } left to send (${STOPPED_TEXT[offer.stopped]}).`;
}

/** The sync state with its scope fixed, so the SyncBox's Sync and Resume keep to the upload's type (and its paused run). */
export function scopedSync<Sync extends { start: (scope?: UploadScope) => Promise<void> }>(
  sync: Sync,
  scope: UploadScope,
): Sync {
  return { ...sync, start: (given?: UploadScope) => sync.start(given ?? scope) };
}
