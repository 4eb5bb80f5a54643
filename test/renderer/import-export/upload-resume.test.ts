import { describe, expect, it } from 'vitest';
import type { PendingSnapshot, SyncProgress, SyncRunSummary } from '../../../preload/contract';
import {
  forgetUpload,
  rememberUpload,
  resumeOffer,
  resumeText,
  uploadsStarted,
} from '../../../renderer/pages/import-export/upload-resume';

const scope = { engine: 'e1', type: 'product' };

function run(state: SyncRunSummary['state'], runScope: SyncRunSummary['scope'] = scope): SyncRunSummary {
  return {
    id: 7,
    scope: runScope,
    state,
    startedAt: '2026-11-25T10:00:00Z',
    endedAt: null,
    error: null,
    counts: { synced: 100, failed: 0, conflict: 0, 'not-sent': 120 },
    failedTypes: [],
  };
}

function pending(counts: Partial<PendingSnapshot['groups'][number]['counts']> = {}): PendingSnapshot {
  const full = { edited: 100, created: 20, deleted: 0, failed: 3, conflicts: 1, ...counts };
  return {
    groups: [{ engine: 'e1', engineName: 'Outdoor shop', type: 'product', counts: full, items: [], more: 0 }],
    total: full.edited + full.created + full.deleted + full.failed + full.conflicts,
    requests: 2,
    etaSeconds: 1,
  };
}

const running = { state: 'running' } as SyncProgress;

describe('the banner offering to resume an upload that stopped short', () => {
  it.each(['paused', 'cancelled', 'failed'] as const)('shows for an upload whose last run was %s', (state) => {
    const offer = resumeOffer({ lastRun: run(state), pending: pending(), uploads: [scope], live: null });
    expect(offer).toEqual({ ...scope, engineName: 'Outdoor shop', left: 120, stopped: state });
  });

  it('says the type and the changes left to send, without the failed and conflicting ones', () => {
    const offer = resumeOffer({ lastRun: run('paused'), pending: pending(), uploads: [scope], live: null });
    expect(offer && resumeText(offer, String)).toBe(
      'Upload of product in Outdoor shop stopped with 120 changes left to send (it was paused).',
    );
  });

  it('stays hidden after a finished upload, or while a sync runs', () => {
    expect(resumeOffer({ lastRun: run('completed'), pending: pending(), uploads: [scope], live: null })).toBeNull();
    expect(resumeOffer({ lastRun: run('paused'), pending: pending(), uploads: [scope], live: running })).toBeNull();
  });

  it('stays hidden when nothing is left to send', () => {
    const none = pending({ edited: 0, created: 0, deleted: 0 });
    expect(resumeOffer({ lastRun: run('paused'), pending: none, uploads: [scope], live: null })).toBeNull();
  });

  it('stays hidden for syncs the import did not start (everything, or another type)', () => {
    expect(resumeOffer({ lastRun: run('paused', {}), pending: pending(), uploads: [scope], live: null })).toBeNull();
    expect(resumeOffer({ lastRun: run('paused'), pending: pending(), uploads: [], live: null })).toBeNull();
    const other = run('paused', { engine: 'e1', type: 'article' });
    expect(resumeOffer({ lastRun: other, pending: pending(), uploads: [scope], live: null })).toBeNull();
  });

  it('stays hidden before the last run and the pending changes are read', () => {
    expect(resumeOffer({ lastRun: undefined, pending: pending(), uploads: [scope], live: null })).toBeNull();
    expect(resumeOffer({ lastRun: run('paused'), pending: undefined, uploads: [scope], live: null })).toBeNull();
  });
});

describe('the uploads the wizard remembers across a restart', () => {
  function memory(initial: string | null = null) {
    let value = initial;
    return {
      getItem: () => value,
      setItem: (_key: string, next: string) => {
        value = next;
      },
    };
  }

  it('remembers a type once, and forgets it when its upload finished', () => {
    const storage = memory();
    rememberUpload(scope, storage);
    rememberUpload(scope, storage);
    rememberUpload({ engine: 'e2', type: 'product' }, storage);
    expect(uploadsStarted(storage)).toEqual([scope, { engine: 'e2', type: 'product' }]);
    forgetUpload(scope, storage);
    expect(uploadsStarted(storage)).toEqual([{ engine: 'e2', type: 'product' }]);
  });

  it('a damaged entry reads as no uploads', () => {
    expect(uploadsStarted(memory('{not json'))).toEqual([]);
    expect(uploadsStarted(memory('[{"engine": 1}]'))).toEqual([]);
  });
});
