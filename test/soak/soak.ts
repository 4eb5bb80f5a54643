/**
 * The soak (DESIGN.md section 9, reliability): edits across three types go through the real
 * path (`catalog:edit`, `catalog:create`, `catalog:delete` over the contract) into an app
 * whose process is SIGKILLed at random moments (mid-edit, mid-batch) and started again,
 * while syncs run against a sandbox that answers 5xx and 429, drops connections and lags.
 * At the end, after a final complete sync, the sandbox must hold exactly the local
 * documents: zero lost, zero duplicated, zero stuck in `pushing`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type {
  AccountsSnapshot,
  AccountView,
  EditReport,
  Envelope,
  EventChannel,
  MirrorProgressView,
  SyncProgress,
} from '../../preload/contract';
import { startSandbox, type Sandbox } from '../../main/sandbox/index';
import { AppKilled, startApp, type AppProcess } from './app-process';
import { compareWithServer, type AckedCell, type Verdict } from './compare';

export interface SoakOptions {
  edits: number;
  kills: number;
  /** Makes the run repeatable (edits, kill moments, faults); random when absent. */
  seed?: number;
  /** Items per type; by default a tenth of the edits (100 to 1,000), so items are edited again and again. */
  itemsPerType?: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  edits: number;
  kills: number;
  lost: number;
  duplicated: number;
  stuck: number;
  seed: number;
  seconds: number;
  verdict: Verdict;
}

const TYPES = [
  { name: 'product', profile: 'shop', seed: 31 },
  { name: 'store', profile: 'stores', seed: 32 },
  { name: 'outlet', profile: 'shop', seed: 33 },
] as const;

const COLORS = ['Black', 'Ivory', 'Navy', 'Olive', 'Rust', 'Teal', 'Sand'];
const AVAILABILITY = ['in stock', 'out of stock', 'preorder'];

/** mulberry32: small, fast and repeatable. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until<T>(what: string, find: () => T | undefined | null | false, timeoutMs = 120_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`soak: timed out waiting for ${what}`);
    await sleep(20);
  }
}

function unwrap<T>(envelope: Envelope<T>, what: string): T {
  if (envelope.ok) return envelope.value;
  throw new Error(`soak: ${what} failed: ${envelope.error.code}: ${envelope.error.message}`);
}

/** What the driver saw of one app process's events. */
class Observer {
  progressSeq = 0;
  lastProgress: SyncProgress | null = null;
  readonly mirrors = new Map<string, MirrorProgressView>();
  syncs = 0;

  onEvent = (channel: EventChannel, payload: unknown) => {
    if (channel === 'sync:progress') {
      this.progressSeq += 1;
      this.lastProgress = payload as SyncProgress;
      if (this.lastProgress.state !== 'running') this.syncs += 1;
    }
    if (channel === 'mirror:progress') {
      const view = payload as MirrorProgressView;
      this.mirrors.set(view.type, view);
    }
  };
}

/** Every cell the driver wrote, in order, to know which acknowledged value must survive. */
class EditLedger {
  private seq = 0;
  private readonly cells = new Map<string, { sent: number; acked: { seq: number; value: string } | null }>();

  sent(type: string, id: string, field: string): number {
    this.seq += 1;
    const key = `${type}\u0000${id}\u0000${field}`;
    const cell = this.cells.get(key) ?? { sent: 0, acked: null };
    cell.sent = this.seq;
    this.cells.set(key, cell);
    return this.seq;
  }

  acked(type: string, id: string, field: string, seq: number, value: string): void {
    const cell = this.cells.get(`${type}\u0000${id}\u0000${field}`);
    if (cell) cell.acked = { seq, value };
  }

  rejected(type: string, id: string, field: string): void {
    const cell = this.cells.get(`${type}\u0000${id}\u0000${field}`);
    if (cell) cell.acked = null;
  }

  /** Cells whose last write was acknowledged: the local document must hold that value. */
  settled(): AckedCell[] {
    const cells: AckedCell[] = [];
    for (const [key, cell] of this.cells) {
      if (!cell.acked || cell.acked.seq !== cell.sent) continue;
      const [type = '', id = '', field = ''] = key.split('\u0000');
      cells.push({ type, id, field, value: cell.acked.value });
    }
    return cells;
  }
}

async function seededSandbox(itemsPerType: number): Promise<{ sandbox: Sandbox; apiKey: string; hashid: string }> {
  const sandbox = await startSandbox({
    seed: {
      accounts: [
        {
          engines: [
            {
              name: 'Soak',
              types: TYPES.map((type) => ({
                name: type.name,
                generate: { count: itemsPerType, seed: type.seed, profile: type.profile },
              })),
            },
          ],
        },
      ],
    },
  });
  const account = sandbox.seeded?.accounts[0];
  return { sandbox, apiKey: account?.apiKey ?? '', hashid: account?.engines[0]?.hashid ?? '' };
}

async function control(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<void> {
  await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * Counts what the sandbox did to the app's requests (injected faults, limits), read from its
 * request log as it goes: the log keeps only its latest entries.
 */
class FaultTally {
  private seq = 0;
  requests = 0;
  readonly outcomes: Record<string, number> = {};

  constructor(private readonly sandbox: Sandbox) {}

  async read(): Promise<void> {
    for (;;) {
      const answer = await fetch(`${this.sandbox.url}/_sandbox/requests?since=${this.seq}&limit=5000`);
      const { requests } = (await answer.json()) as { requests: Array<{ seq: number; outcome: string | null }> };
      for (const request of requests) {
        this.seq = Math.max(this.seq, request.seq);
        this.requests += 1;
        if (request.outcome) this.outcomes[request.outcome] = (this.outcomes[request.outcome] ?? 0) + 1;
      }
      if (requests.length < 5000) return;
    }
  }

  /** Reads past what the log holds now, so only what comes next is counted. */
  async skip(): Promise<void> {
    await this.read();
    this.requests = 0;
    for (const outcome of Object.keys(this.outcomes)) delete this.outcomes[outcome];
  }

  describe(): string {
    const outcomes = Object.entries(this.outcomes).map(([outcome, count]) => `${count} ${outcome}`);
    return `${this.requests} requests, ${outcomes.length > 0 ? outcomes.join(', ') : 'no faults'}`;
  }
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = randomSource(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const itemsPerType = options.itemsPerType ?? Math.min(1_000, Math.max(100, Math.round(options.edits / 10)));
  const started = Date.now();
  log(`Soak: ${options.edits} edits, ${options.kills} kills, ${itemsPerType} items in each of 3 types, seed ${seed}`);

  const { sandbox, apiKey, hashid } = await seededSandbox(itemsPerType);
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-soak-'));
  const keys: Record<string, string> = {};
  let observer = new Observer();
  let app: AppProcess = startApp({ dataDir, keys, onEvent: observer.onEvent });
  const ledger = new EditLedger();
  let profileId = '';

  /** A new app process on the same data, once its account has its key again. */
  /** Time spent starting app processes again, for the report. */
  const restarts = { count: 0, ms: 0 };
  const restart = async () => {
    const began = Date.now();
    observer = new Observer();
    app = startApp({ dataDir, keys, onEvent: observer.onEvent });
    await accountReady();
    restarts.count += 1;
    restarts.ms += Date.now() - began;
  };
  const accountReady = async () => {
    for (;;) {
      const list = await app.call<AccountsSnapshot>('accounts:list');
      const account = list.ok ? list.value.accounts.find((candidate) => candidate.id === profileId) : undefined;
      if (account?.state === 'ok') return;
      await sleep(30);
    }
  };

  try {
    // ---- The account, its engine and three mirrored types (no faults yet) ----
    const added = unwrap(
      await app.call<AccountView>('accounts:add', {
        name: 'Soak',
        apiKey,
        managementUrl: sandbox.url,
        searchUrl: sandbox.url,
      }),
      'accounts:add',
    );
    profileId = added.id;
    keys[profileId] = apiKey;
    const accountDb = join(dataDir, 'accounts', `${profileId}.db`);
    unwrap(await app.call('engines:list', { refresh: true }), 'engines:list');
    for (const type of TYPES) unwrap(await app.call('mirror:start', { engine: hashid, type: type.name }), 'mirror');
    await until('the mirrors', () => TYPES.every((type) => observer.mirrors.get(type.name)?.state === 'completed'));
    unwrap(await app.call('sync:settings', { autoSync: true }), 'sync:settings');
    const ids = new Map<string, string[]>(
      TYPES.map((type) => [
        type.name,
        sandbox.ctx.db.prepare('SELECT id FROM items WHERE type = ? ORDER BY rowid').pluck().all(type.name) as string[],
      ]),
    );
    const untouchable = new Set<string>();
    log(`Mirrored ${itemsPerType * TYPES.length} items; faults on, editing...`);

    const faults = new FaultTally(sandbox);
    await faults.skip();
    await control(sandbox, 'POST', '/faults', {
      rules: [{ path: '/items', error5xx: 0.12, status429: 0.06, drop: 0.1, latencyMs: [0, 250] }],
      seed,
    });

    // ---- Edits, syncs and kills ----
    const killAt = Array.from({ length: options.kills }, () =>
      Math.floor((0.05 + random() * 0.9) * options.edits),
    ).sort((a, b) => a - b);
    let kills = 0;
    let sent = 0;
    /** The kill scheduled and not yet done (a holder: closures set it). */
    const scheduled: { kill: Promise<void> | null } = { kill: null };
    let creates = 0;
    let nextReport = 0;

    let cutBatches = 0;
    /** Batches seen out at the last kill: rows a kill leaves pushing may be older ones not yet sent again. */
    let batchesOut = new Set<string>();
    const afterKill = (when: string) => {
      kills += 1;
      const out = batchesPushing(accountDb);
      const cut = [...out].filter((batch) => !batchesOut.has(batch)).length;
      batchesOut = out;
      if (cut > 0) cutBatches += 1;
      log(`  kill ${kills} ${when}: ${countRows(accountDb, "status = 'pushing'")} rows pushing, ${cut} batch(es) cut`);
    };
    const killSoon = (delayMs: number) => {
      const target = app;
      scheduled.kill = sleep(delayMs).then(async () => {
        if (!target.alive) return;
        await target.kill();
        afterKill(`after ${sent} edits`);
        await faults.read();
      });
    };

    const operation = (): { channel: string; input: unknown; count: number; after: (report: EditReport) => void } => {
      const type = pick(TYPES).name;
      const pool = (ids.get(type) ?? []).filter((id) => !untouchable.has(`${type}/${id}`));
      const roll = random();
      if (roll < 0.03) {
        creates += 1;
        const id = `soak-${type}-${creates}`;
        untouchable.add(`${type}/${id}`);
        return {
          channel: 'catalog:create',
          input: { engine: hashid, type, id, copyOf: pick(pool) },
          count: 1,
          after: () => {
            untouchable.delete(`${type}/${id}`);
            ids.get(type)?.push(id);
          },
        };
      }
      if (roll < 0.05) {
        const id = pick(pool);
        untouchable.add(`${type}/${id}`);
        return {
          channel: 'catalog:delete',
          input: { engine: hashid, type, ids: [id] },
          count: 1,
          after: () => undefined,
        };
      }
      const size = Math.min(options.edits - sent, 1 + Math.floor(random() * 40));
      const cells = Array.from({ length: size }, () => {
        const id = pick(pool);
        const field = pick(['title', 'price', 'color', 'availability'] as const);
        const value =
          field === 'title'
            ? `Soak ${sent} ${Math.floor(random() * 1e6)}`
            : field === 'price'
              ? (random() * 300).toFixed(2)
              : field === 'color'
                ? pick(COLORS)
                : pick(AVAILABILITY);
        return { id, field, value, seq: ledger.sent(type, id, field) };
      });
      return {
        channel: 'catalog:edit',
        input: {
          engine: hashid,
          type,
          origin: 'edit',
          cells: cells.map(({ id, field, value }) => ({ id, field, value })),
        },
        count: size,
        after: (report) => {
          for (const cell of cells) ledger.acked(type, cell.id, cell.field, cell.seq, cell.value);
          for (const rejected of report.rejected) if (rejected.id) ledger.rejected(type, rejected.id, rejected.field);
        },
      };
    };

    /** After a kill: wait for it to be counted, then a new app process on the same data. */
    const ensureAlive = async () => {
      if (app.alive) return;
      if (scheduled.kill) await scheduled.kill;
      scheduled.kill = null;
      await restart();
    };

    while (sent < options.edits) {
      await ensureAlive();
      if (killAt.length > 0 && sent >= (killAt[0] ?? 0)) {
        // The previous kill lands first, so every kill point falls among the edits.
        if (scheduled.kill) await scheduled.kill;
        await ensureAlive();
        killAt.shift();
        // A sync under way, so the kill may cut a batch in flight.
        await app.call('sync:start', {}).catch(() => undefined);
        killSoon(random() * 1_000);
      }
      const op = operation();
      sent += op.count;
      try {
        const envelope = await app.call<EditReport>(op.channel, op.input);
        if (envelope.ok) op.after(envelope.value);
        else if (envelope.error.code !== 'worker_unavailable') {
          throw new Error(`soak: ${op.channel} failed: ${envelope.error.code}: ${envelope.error.message}`);
        }
        if (random() < 0.15) await app.call('sync:start', {});
      } catch (error) {
        if (!(error instanceof AppKilled)) throw error;
      }
      if (sent >= nextReport) {
        log(`  ${sent} edits sent, ${kills} kills`);
        nextReport += Math.max(500, Math.round(options.edits / 10));
      }
      await sleep(random() * 60);
    }
    if (scheduled.kill) await scheduled.kill;
    scheduled.kill = null;
    // Kill points the edits outran (the last ones): kill during the syncs that follow.
    while (kills < options.kills) {
      await ensureAlive();
      await app.call('sync:start', {}).catch(() => undefined);
      await sleep(random() * 1_500);
      await app.kill();
      afterKill('after the edits');
    }
    await ensureAlive();

    // ---- What the edits left goes out with the faults still on, then a final complete sync without ----
    const pushable = "status IN ('dirty', 'new', 'deleted', 'pushing')";
    log(
      `Edits done (${sent}, ${kills} kills, ${cutBatches} of them cut a batch out); ${countRows(accountDb, pushable)} rows to push, syncing through the faults...`,
    );
    for (let round = 0; round < 4 && countRows(accountDb, pushable) > 0; round += 1)
      await syncToEnd(app, () => observer);
    await faults.read();
    log(`  With faults on, the sandbox saw ${faults.describe()}`);
    log(`  ${restarts.count} restarts took ${(restarts.ms / 1000).toFixed(1)} s in all`);
    log(`Faults off, final sync of ${countRows(accountDb, pushable)} rows...`);
    await control(sandbox, 'DELETE', '/faults');
    for (let round = 0; round < 6 && countRows(accountDb, pushable) > 0; round += 1)
      await syncToEnd(app, () => observer);
    await app.stop();

    const verdict = compareWithServer({ accountDb, sandbox, hashid, acked: ledger.settled() });
    for (const problem of verdict.problems) log(`  problem: ${problem}`);
    log(
      `Checked ${verdict.localItems} local items against ${verdict.serverItems} on the server, and ${verdict.ackedCells} acknowledged edits, after ${Math.round((Date.now() - started) / 1000)} s`,
    );
    return {
      edits: sent,
      kills,
      lost: verdict.lost,
      duplicated: verdict.duplicated,
      stuck: verdict.stuck,
      seed,
      seconds: Math.round((Date.now() - started) / 1000),
      verdict,
    };
  } catch (error) {
    log(`The app's last words:\n${app.stderrTail()}`);
    throw error;
  } finally {
    if (app.alive) await app.kill();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Rows of the account matching `where`, read beside the app (WAL lets a reader in). */
function countRows(file: string, where: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM items WHERE ${where}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Ids of the batches whose rows are marked pushing (push.ts keeps `{"id": ...}` in `batch`). */
function batchesPushing(file: string): Set<string> {
  const db = new Database(file, { readonly: true });
  try {
    const ids = db
      .prepare("SELECT DISTINCT json_extract(batch, '$.id') FROM items WHERE status = 'pushing' AND json_valid(batch)")
      .pluck()
      .all() as string[];
    return new Set(ids);
  } finally {
    db.close();
  }
}

/** Starts a sync (or joins the one running) and waits for it to end. */
async function syncToEnd(app: AppProcess, observer: () => Observer): Promise<SyncProgress> {
  const before = observer().syncs;
  const answer = await app.call<SyncProgress>('sync:start', {});
  if (answer.ok && answer.value.state !== 'running') return answer.value;
  if (!answer.ok && answer.error.code !== 'busy')
    throw new Error(`soak: the final sync failed: ${answer.error.message}`);
  await until('the final sync', () => observer().syncs > before, 600_000);
  const last = observer().lastProgress;
  if (!last) throw new Error('soak: no sync progress');
  return last;
}
