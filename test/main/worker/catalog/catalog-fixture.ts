/**
 * A small mirrored catalog in a real account database, with the catalog service over it
 * and the events it sends: what the grid tests edit, view, undo and sync.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventChannel, EventPayload, FilterSpec, SortSpec, ViewSpec } from '../../../../preload/contract';
import { CatalogService } from '../../../../main/worker/catalog/service';
import { Databases } from '../../../../main/worker/store/databases';
import { saveEngines, saveTypes } from '../../../../main/worker/store/engines';
import type { SqliteDatabase } from '../../../../main/worker/store/open';
import type { Profile } from '../../../../main/worker/store/profiles';

export const ENGINE = 'eng1';
export const TYPE = 'product';

export type Doc = Record<string, unknown>;

const BRANDS = ['Acme', 'Borealis', 'Cobalt', 'Dune'];
const COLORS = ['Red', 'Blue', 'Green'];

/** Item n of the sample type: ids P-000..., prices, brands, categories, a flag, an image, a date. */
export function sampleDoc(n: number): Doc {
  return {
    id: `P-${String(n).padStart(3, '0')}`,
    title: `${COLORS[n % COLORS.length]} ${n % 2 === 0 ? 'linen shirt' : 'wool scarf'} ${n}`,
    description: `A ${n % 2 === 0 ? 'light shirt' : 'warm scarf'} for every day.`,
    price: 10 + ((n * 7) % 50) + 0.5,
    sale_price: 5 + ((n * 3) % 20),
    brand: BRANDS[n % BRANDS.length],
    categories: [n % 2 === 0 ? 'Men > Clothing > Shirts' : 'Women > Accessories > Scarves'],
    tags: ['new', n % 3 === 0 ? 'sale' : 'regular'],
    in_stock: n % 5 !== 0,
    link: `https://shop.example.com/p/${n}`,
    image_link: `https://shop.example.com/media/${n}.jpg`,
    released: `2024-0${(n % 9) + 1}-15`,
  };
}

export interface Fixture {
  dir: string;
  dbs: Databases;
  db: SqliteDatabase;
  catalog: CatalogService;
  events: Array<{ channel: EventChannel; payload: unknown }>;
  view(options?: { sort?: SortSpec[]; filters?: FilterSpec[]; quick?: string; pendingOnly?: boolean }): ViewSpec;
  /** The stored row of an item, as push and mirror read it. */
  row(
    id: string,
  ): { doc: Doc; base: Doc | null; theirs: Doc | null; status: string; error: string | null; rev: number } | null;
  ids(view: ViewSpec): string[];
  /** A fresh service over the same folder: what a restart of the worker sees. */
  restart(): Fixture;
  close(): void;
}

const profile: Profile = {
  id: 'acct',
  name: 'Test',
  kind: 'doofinder',
  zone: 'eu1',
  managementUrl: null,
  searchUrl: null,
  state: 'ok',
  createdAt: new Date(0).toISOString(),
};

/** Rows as the mirror stores them (clean, seen in pass 1). */
export function storeMirrored(db: SqliteDatabase, docs: readonly Doc[], engine = ENGINE, type = TYPE): void {
  const insert = db.prepare("INSERT INTO items (engine, type, id, doc, status, seen) VALUES (?, ?, ?, ?, 'clean', 1)");
  db.transaction(() => {
    for (const doc of docs) insert.run(engine, type, String(doc.id), JSON.stringify(doc));
  })();
}

function open(dir: string, seed: readonly Doc[] | null): Fixture {
  const dbs = new Databases(dir);
  const db = dbs.account(profile.id);
  if (seed) {
    saveEngines(db, [{ hashid: ENGINE, name: 'Shop', siteUrl: '', language: 'en', currency: 'EUR' }]);
    saveTypes(db, ENGINE, [TYPE]);
    storeMirrored(db, seed);
  }
  const events: Fixture['events'] = [];
  const emit = <K extends EventChannel>(channel: K, payload: EventPayload<K>) => events.push({ channel, payload });
  const catalog = new CatalogService(dbs, { current: () => profile, requireCurrent: () => profile }, emit);
  const fixture: Fixture = {
    dir,
    dbs,
    db,
    catalog,
    events,
    view: (options = {}) => ({
      engine: ENGINE,
      type: TYPE,
      sort: options.sort ?? [],
      filters: options.filters ?? [],
      quick: options.quick ?? '',
      ...(options.pendingOnly ? { pendingOnly: true } : {}),
    }),
    row(id) {
      const raw = db
        .prepare('SELECT doc, base, theirs, status, error, rev FROM items WHERE engine = ? AND type = ? AND id = ?')
        .get(ENGINE, TYPE, id) as
        | { doc: string; base: string | null; theirs: string | null; status: string; error: string | null; rev: number }
        | undefined;
      if (!raw) return null;
      const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as Doc));
      return { ...raw, doc: parse(raw.doc) ?? {}, base: parse(raw.base), theirs: parse(raw.theirs) };
    },
    ids: (view) => catalog.rows({ view, start: 0, end: 100_000 }).rows.map((row) => row.id),
    restart() {
      catalog.stop();
      dbs.closeAll();
      return open(dir, null);
    },
    close() {
      catalog.stop();
      dbs.closeAll();
    },
  };
  return fixture;
}

export function catalogFixture(docs: readonly Doc[] = Array.from({ length: 40 }, (_, n) => sampleDoc(n))): Fixture {
  return open(mkdtempSync(join(tmpdir(), 'cs-catalog-')), docs);
}

/** An edit of one cell, as the grid sends it when the user types. */
export function typeInto(fixture: Fixture, id: string, field: string, value: string | null) {
  return fixture.catalog.edit({ engine: ENGINE, type: TYPE, origin: 'edit', cells: [{ id, field, value }] });
}
