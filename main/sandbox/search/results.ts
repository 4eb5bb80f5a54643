/**
 * Results as search-api-v5.md shows them: each with `dfid` ({hashid}@{type}@{md5(id)}),
 * `type` and `id`, shaped by the transformer.
 */
import type { SandboxDb } from '../store/database';
import { md5 } from '../store/items';
import type { ItemDoc } from '../store/records';

/** '' is no transformer: the results carry every stored field. */
export const TRANSFORMERS = ['', 'basic', 'onlyid'] as const;
export type Transformer = (typeof TRANSFORMERS)[number];

export function dfidOf(hashid: string, type: string, id: string): string {
  return `${hashid}@${type}@${md5(id)}`;
}

/**
 * basic returns the document's id, title, description, link and image_link, plus `url` and
 * `image_url` copies of the two links because the document's own sample response (and the
 * layers built on it) use those names. onlyid returns the id. Every transformer keeps dfid
 * and type, which stats calls and getItems need.
 */
export function shapeResult(doc: ItemDoc, hashid: string, type: string, transformer: Transformer) {
  const marks = { dfid: dfidOf(hashid, type, doc.id), type };
  switch (transformer) {
    case 'onlyid':
      return { id: doc.id, ...marks };
    case 'basic':
      return {
        id: doc.id,
        title: doc.title,
        description: doc.description,
        link: doc.link,
        image_link: doc.image_link,
        url: doc.link,
        image_url: doc.image_link,
        ...marks,
      };
    case '':
      return { ...doc, ...marks };
  }
}

/** The stored documents of these rowids (one query for the whole page). */
export function documentsOf(db: SandboxDb, rowids: number[]): Map<number, ItemDoc> {
  if (rowids.length === 0) return new Map();
  const rows = db
    .prepare('SELECT rowid, doc FROM items WHERE rowid IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify(rowids)) as Array<[number, string]>;
  return new Map(rows.map(([rowid, doc]) => [rowid, JSON.parse(doc) as ItemDoc]));
}
