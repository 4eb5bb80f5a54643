/**
 * The built-in Sandbox account as a new user and an existing user meet it: a first start
 * seeds the two sample shops with a stats history and the Feed demo engine with its feed
 * file; a sandbox made before the Feed demo existed gets the engine on its next start, with
 * everything else left as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../../main/sandbox/index';
import { feedDemoCsv } from '../../../../main/sandbox/seed/feed-demo-csv';
import { openSandboxDb } from '../../../../main/sandbox/store/database';
import { startSandboxAccount } from '../../../../main/worker/accounts/sandbox-account';
import { sandboxFeedFile } from '../../../../main/worker/accounts/sandbox-feed';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sandbox-account-test-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const dbFile = () => join(dataDir, 'sandbox', 'sandbox.db');

interface EngineRow {
  id: number;
  hashid: string;
  name: string;
}

/** What the sandbox's data file holds, read after the sandbox is closed. */
function stored() {
  const db = openSandboxDb(dbFile());
  try {
    const engines = db.prepare('SELECT id, hashid, name FROM engines ORDER BY id').all() as EngineRow[];
    const items = (engine: EngineRow) =>
      db.prepare('SELECT count(*) FROM items WHERE engine_id = ?').pluck().get(engine.id);
    const sources = (engine: EngineRow) =>
      JSON.parse(
        db
          .prepare("SELECT sources FROM types WHERE engine_id = ? AND name = 'product'")
          .pluck()
          .get(engine.id) as string,
      ) as string[];
    return {
      engines: engines.map((engine) => ({ ...engine, items: items(engine), sources: sources(engine) })),
      searchEvents: db.prepare("SELECT count(*) FROM events WHERE kind = 'query'").pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('a first start', () => {
  it('seeds the two shops with a stats history, and the Feed demo engine reading a healthy feed', async () => {
    const sandbox = await startSandboxAccount(dataDir, null, 30);
    const listed = await fetch(`${sandbox.url}/v1/searchengines`, {
      headers: { Authorization: `Token ${sandbox.apiKey.split('-')[1]}` },
    });
    const names = ((await listed.json()) as { results: Array<{ name: string }> }).results.map((engine) => engine.name);
    await sandbox.close();

    expect(names).toEqual(['Fashion store', 'Outdoor shop', 'Feed demo']);
    const { engines, searchEvents } = stored();
    expect(engines.map(({ name, items, sources }) => ({ name, items, sources }))).toEqual([
      { name: 'Fashion store', items: 30, sources: [] },
      { name: 'Outdoor shop', items: 15, sources: [] },
      { name: 'Feed demo', items: 300, sources: [sandboxFeedFile(dataDir)] },
    ]);
    expect(searchEvents).toBeGreaterThan(0);
    expect(readFileSync(sandboxFeedFile(dataDir), 'utf8')).toBe(feedDemoCsv('healthy'));
  });
});

describe('a sandbox made before the Feed demo engine', () => {
  async function makeOldSandbox(): Promise<void> {
    const old = await startSandbox({ dataFile: dbFile(), seed: 'default', items: 30 });
    await old.close();
  }

  it('gets the engine and its feed on start, and keeps its shops, items and keys as they were', async () => {
    mkdirSync(join(dataDir, 'sandbox'), { recursive: true });
    await makeOldSandbox();
    const before = stored();
    expect(before.engines.map((engine) => engine.name)).toEqual(['Fashion store', 'Outdoor shop']);

    const sandbox = await startSandboxAccount(dataDir, null, 30);
    await sandbox.close();

    const after = stored();
    expect(after.engines.slice(0, 2)).toEqual(before.engines);
    expect(after.engines[2]).toMatchObject({ name: 'Feed demo', items: 300, sources: [sandboxFeedFile(dataDir)] });
    expect(after.searchEvents).toBe(before.searchEvents);
    expect(existsSync(sandboxFeedFile(dataDir))).toBe(true);
  });

  it('does not bring the engine back once the user has deleted it', async () => {
    await (await startSandboxAccount(dataDir, null, 30)).close();
    const db = openSandboxDb(dbFile());
    db.prepare("DELETE FROM engines WHERE name = 'Feed demo'").run();
    db.close();

    await (await startSandboxAccount(dataDir, null, 30)).close();

    expect(stored().engines.map((engine) => engine.name)).toEqual(['Fashion store', 'Outdoor shop']);
  });
});
