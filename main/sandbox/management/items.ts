/**
 * Items (management-api-v1.md "Items"): one-item and bulk create, replace, partial update
 * and delete, and the scroll listing. Checks run in the order a client meets them: the
 * engine (404), the type (409), indexing in progress (409), the body (406), the bulk
 * limit (413), then each item (400 with `unindexed_items` naming each failure).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { bodyOf } from '../http/body';
import { HttpError, MESSAGES, notFound, v1Error } from '../http/errors';
import { managementUrls } from '../http/urls';
import { typeByName } from '../store/engines';
import { newItemId, withDefaults, type ItemFailure } from '../store/items';
import type { Engine, ItemDoc } from '../store/records';
import { engineOf } from './guard';
import { assertIndexable } from './types';

type Params = { hashid: string; type: string; id?: string };

interface Target {
  engine: Engine;
  type: string;
  urls: ReturnType<typeof managementUrls>;
}

function target(ctx: SandboxContext, request: FastifyRequest, forWrite: boolean): Target {
  const engine = engineOf(ctx, request);
  const { type } = request.params as Params;
  const known = typeByName(ctx.db, engine.id, type);
  if (!known) throw v1Error(409, MESSAGES.undefinedType);
  if (forWrite) {
    assertIndexable(ctx, engine);
    if (known.kind !== 'api') throw v1Error(409, MESSAGES.lockedType(type));
  }
  return { engine, type, urls: managementUrls(request, engine.hashid) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body of a one-item operation: an object, never a list or nothing. */
function oneItem(request: FastifyRequest): Record<string, unknown> {
  const body = bodyOf(request);
  if (body.kind === 'invalid') throw v1Error(406, MESSAGES.badJson);
  if (body.kind === 'empty' || body.value === null) throw v1Error(406, MESSAGES.noItem);
  if (Array.isArray(body.value)) throw v1Error(406, MESSAGES.singleWithList);
  if (!isObject(body.value)) throw v1Error(406, MESSAGES.badJson);
  return body.value;
}

/** The body of a bulk operation: a non-empty list of at most `bulkLimit` objects. */
function itemList(
  ctx: SandboxContext,
  request: FastifyRequest,
  emptyMessage: string,
  notListMessage: string,
): Array<Record<string, unknown>> {
  const body = bodyOf(request);
  if (body.kind === 'invalid') throw v1Error(406, MESSAGES.badJson);
  if (body.kind === 'empty') throw v1Error(406, emptyMessage);
  if (!Array.isArray(body.value)) throw v1Error(406, notListMessage);
  if (body.value.length === 0) throw v1Error(406, emptyMessage);
  if (body.value.length > ctx.config.bulkLimit) throw v1Error(413, MESSAGES.tooManyItems);
  if (!body.value.every(isObject)) throw v1Error(406, notListMessage);
  return body.value;
}

/** An item id as given: numbers are accepted and kept as their text (ids are strings). */
function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function shown(doc: Record<string, unknown>, t: Target, id: string) {
  const url = t.urls.item(t.type, id);
  return { ...doc, url, df_url: url };
}

function unindexed(failures: Record<string, ItemFailure>): HttpError {
  return new HttpError(400, { detail: MESSAGES.unindexed, unindexed_items: failures });
}

export function registerItemRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  // ---- Scroll --------------------------------------------------------------------------
  app.get('/:hashid/items/:type', (request) => {
    const t = target(ctx, request, false);
    const query = request.query as { scroll_id?: unknown; rpp?: unknown };
    const now = ctx.clock.now();
    let scroll: { scroll_id: string; rpp: number; after_rowid: number };
    if (typeof query.scroll_id === 'string' && query.scroll_id !== '') {
      const found = ctx.db
        .prepare(
          'SELECT scroll_id, rpp, after_rowid, expires_at FROM scrolls WHERE scroll_id = ? AND engine_id = ? AND type = ?',
        )
        .get(query.scroll_id, t.engine.id, t.type) as (typeof scroll & { expires_at: number }) | undefined;
      if (!found || found.expires_at <= now) {
        throw v1Error(
          404,
          'Scroll not found: a scroll_id expires 5 minutes after its last request. Start the scroll again.',
        );
      }
      scroll = found;
    } else {
      const asked = Math.trunc(Number(query.rpp ?? 10));
      const rpp = Number.isFinite(asked) && asked > 0 ? Math.min(asked, 100) : 10;
      scroll = { scroll_id: randomBytes(24).toString('base64url'), rpp, after_rowid: 0 };
      ctx.db
        .prepare(
          'INSERT INTO scrolls (scroll_id, engine_id, type, rpp, after_rowid, expires_at) VALUES (?, ?, ?, ?, 0, ?)',
        )
        .run(scroll.scroll_id, t.engine.id, t.type, rpp, now + ctx.config.scrollTtlMs);
    }
    const page = ctx.items.page(t.engine.id, t.type, scroll.after_rowid, scroll.rpp);
    const last = page.at(-1)?.rowid ?? scroll.after_rowid;
    ctx.db
      .prepare('UPDATE scrolls SET after_rowid = ?, expires_at = ? WHERE scroll_id = ?')
      .run(last, now + ctx.config.scrollTtlMs, scroll.scroll_id);
    ctx.db.prepare('DELETE FROM scrolls WHERE expires_at <= ?').run(now);
    return {
      scroll_id: scroll.scroll_id,
      count: ctx.items.count(t.engine.id, t.type),
      next: `${t.urls.items(t.type)}?scroll_id=${encodeURIComponent(scroll.scroll_id)}`,
      results: page.map(({ doc }) => {
        const url = t.urls.item(t.type, doc.id);
        return { ...doc, url, df_url: url };
      }),
    };
  });

  // ---- Create: one item (201) or a list (200) --------------------------------------------
  app.post('/:hashid/items/:type', (request, reply) => {
    const t = target(ctx, request, true);
    const body = bodyOf(request);
    if (body.kind === 'json' && Array.isArray(body.value)) {
      const list = itemList(ctx, request, MESSAGES.noItems, MESSAGES.needsList);
      return bulkPut(
        ctx,
        t,
        list.map((item) => ({ ...item, id: idOf(item.id) ?? newItemId() })),
        reply,
      );
    }
    const item = oneItem(request);
    const doc = { ...item, id: idOf(item.id) ?? newItemId() } as ItemDoc;
    const [result] = ctx.items.put(t.engine.id, t.type, [doc]);
    if (result && 'failure' in result) throw unindexed({ [doc.id]: result.failure });
    return reply.status(201).send(shown(withDefaults(doc), t, doc.id));
  });

  // ---- Bulk replace, bulk partial update, bulk delete --------------------------------------
  app.put('/:hashid/items/:type', (request, reply) => {
    const t = target(ctx, request, true);
    const list = itemList(ctx, request, MESSAGES.noItems, MESSAGES.needsList);
    if (list.some((item) => idOf(item.id) === null)) throw v1Error(409, MESSAGES.missingIds);
    return bulkPut(
      ctx,
      t,
      list.map((item) => ({ ...item, id: idOf(item.id) as string })),
      reply,
    );
  });

  app.patch('/:hashid/items/:type', (request) => {
    const t = target(ctx, request, true);
    const list = itemList(ctx, request, MESSAGES.noItems, MESSAGES.needsList);
    if (list.some((item) => idOf(item.id) === null)) throw v1Error(409, MESSAGES.missingIds);
    const patches = list.map((item) => ({ ...item, id: idOf(item.id) as string }));
    const results = ctx.items.patch(t.engine.id, t.engine.hashid, t.type, patches);
    const failures: Record<string, ItemFailure> = {};
    results.forEach((result, index) => {
      if ('failure' in result) failures[patches[index]?.id ?? ''] = result.failure;
    });
    if (Object.keys(failures).length > 0) throw unindexed(failures);
    // "Only the updated attributes for every item are returned in the response."
    return patches;
  });

  app.delete('/:hashid/items/:type', (request) => {
    const t = target(ctx, request, true);
    const list = itemList(ctx, request, MESSAGES.needsIds, MESSAGES.needsIds);
    const ids = list.map((item) => idOf(item.id));
    if (ids.some((id) => id === null)) throw v1Error(406, MESSAGES.needsIds);
    return ctx.items.delete(t.engine.id, t.type, ids as string[]);
  });

  // ---- One item ------------------------------------------------------------------------
  app.get('/:hashid/items/:type/:id', (request) => {
    const t = target(ctx, request, false);
    const id = (request.params as Params).id ?? '';
    const doc = ctx.items.get(t.engine.id, t.type, id);
    if (!doc) throw notFound();
    return shown(doc, t, id);
  });

  app.put('/:hashid/items/:type/:id', (request, reply) => {
    const t = target(ctx, request, true);
    const id = (request.params as Params).id ?? '';
    // "the url's {item_id} value is always used"
    const doc = { ...oneItem(request), id } as ItemDoc;
    const [result] = ctx.items.put(t.engine.id, t.type, [doc]);
    if (!result || 'failure' in result)
      throw unindexed({
        [id]: result && 'failure' in result ? result.failure : { status: '500', reason: 'not stored', type: 'unknown' },
      });
    return reply.status(result.created ? 201 : 200).send(shown(withDefaults(doc), t, id));
  });

  app.patch('/:hashid/items/:type/:id', (request) => {
    const t = target(ctx, request, true);
    const id = (request.params as Params).id ?? '';
    const patch = { ...oneItem(request), id } as ItemDoc;
    const [result] = ctx.items.patch(t.engine.id, t.engine.hashid, t.type, [patch]);
    if (!result) throw notFound();
    if ('failure' in result) {
      if (result.failure.status === '404') throw notFound();
      throw unindexed({ [id]: result.failure });
    }
    const url = t.urls.item(t.type, id);
    return { ...patch, df_url: url, url };
  });

  app.delete('/:hashid/items/:type/:id', (request, reply) => {
    const t = target(ctx, request, true);
    const id = (request.params as Params).id ?? '';
    const { success } = ctx.items.delete(t.engine.id, t.type, [id]);
    if (success.length === 0) throw notFound();
    return reply.status(204).send();
  });
}

function bulkPut(ctx: SandboxContext, t: Target, docs: ItemDoc[], reply: FastifyReply) {
  const results = ctx.items.put(t.engine.id, t.type, docs);
  const failures: Record<string, ItemFailure> = {};
  results.forEach((result, index) => {
    if ('failure' in result) failures[docs[index]?.id ?? ''] = result.failure;
  });
  if (Object.keys(failures).length > 0) throw unindexed(failures);
  return reply.status(200).send(docs.map((doc) => shown(withDefaults(doc), t, doc.id)));
}
