/**
 * /5/stats/* (search-api-v5.md "Registering clicks", "Registering cart items", and the npm
 * client's init, checkout and banner calls). Each answers 200 with the JSON string "OK" (the
 * npm client JSON-parses every 200) and records an event for Management v1's stats.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { searchEngineAccess } from '../http/auth';
import { recordEvent } from '../stats/events';
import type { Engine, ItemDoc } from '../store/records';
import { addToCart, type CartLine, removeFromCart, takeCart } from './carts';
import { searchError } from './search-error';
import { single } from './search-params';

type Query = Record<string, unknown>;

const DFID = /^([0-9a-f]{32})@([\w-]+)@([0-9a-f]{32})$/i;

function ok(reply: FastifyReply): FastifyReply {
  return reply.type('application/json; charset=utf-8').send('"OK"');
}

function required(query: Query, name: string, call: string): string {
  const value = single(query, name);
  if (value === undefined || value === '') throw searchError(`${call} needs ${name}.`);
  return value;
}

function caller(ctx: SandboxContext, request: FastifyRequest, call: string): { engine: Engine; query: Query } {
  const query = request.query as Query;
  return { engine: searchEngineAccess(ctx, request, required(query, 'hashid', call)), query };
}

/** The item a click names: by dfid ({hashid}@{type}@{md5(id)}), or by id and datatype (the npm client). */
function clickedItem(ctx: SandboxContext, engine: Engine, query: Query): { type: string; doc: ItemDoc } {
  const dfid = single(query, 'dfid');
  if (dfid !== undefined && dfid !== '') {
    const match = DFID.exec(dfid);
    if (!match) throw searchError(`dfid "${dfid}" is not a Doofinder id: it has the form {hashid}@{type}@{md5(id)}.`);
    const [, hashid = '', type = '', hash = ''] = match;
    const columns = ctx.columns.engine(engine.id);
    const slot = hashid.toLowerCase() === engine.hashid ? columns.slotOfDfid(type, hash) : undefined;
    const doc = slot === undefined ? null : ctx.items.get(engine.id, type, columns.ids[slot] as string);
    if (!doc) throw searchError(`dfid "${dfid}" does not name an item of this search engine.`);
    return { type, doc };
  }
  const id = single(query, 'id');
  const datatype = single(query, 'datatype');
  if (!id || !datatype) throw searchError('click needs dfid, or id and datatype.');
  const doc = ctx.items.get(engine.id, datatype, id);
  if (!doc) throw searchError(`There is no item "${id}" of type "${datatype}" in this search engine.`);
  return { type: datatype, doc };
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

function cartLine(query: Query, call: string): CartLine {
  const amountText = single(query, 'amount') ?? '1';
  if (!/^\d+$/.test(amountText) || Number(amountText) < 1) {
    throw searchError(`${call}: amount must be a whole number of at least 1; got "${amountText}".`);
  }
  return {
    datatype: single(query, 'datatype') || 'product',
    itemId: required(query, 'item_id', call),
    amount: Number(amountText),
  };
}

export function registerStatsRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/stats/init', (request, reply) => {
    const { engine, query } = caller(ctx, request, 'init');
    recordEvent(ctx, { engineId: engine.id, kind: 'init', sessionId: required(query, 'session_id', 'init') });
    return ok(reply);
  });

  app.get('/stats/click', (request, reply) => {
    const { engine, query } = caller(ctx, request, 'click');
    const { type, doc } = clickedItem(ctx, engine, query);
    const searched = single(query, 'query');
    recordEvent(ctx, {
      engineId: engine.id,
      kind: 'click',
      // Management v1's top clicked items show the title and link as they were when clicked.
      term: text(doc.title),
      detail: text(doc.link),
      itemType: type,
      itemId: doc.id,
      sessionId: single(query, 'session_id') ?? null,
      query: searched === undefined || searched === '' ? null : searched,
    });
    return ok(reply);
  });

  app.get('/stats/add-to-cart', (request, reply) => {
    const { engine, query } = caller(ctx, request, 'add-to-cart');
    const sessionId = required(query, 'session_id', 'add-to-cart');
    const line = cartLine(query, 'add-to-cart');
    addToCart(ctx, engine.id, sessionId, line);
    const title = single(query, 'title');
    const price = single(query, 'price');
    recordEvent(ctx, {
      engineId: engine.id,
      kind: 'add_to_cart',
      itemType: line.datatype,
      itemId: line.itemId,
      amount: line.amount,
      sessionId,
      term: title ?? null,
      detail: price === undefined ? null : JSON.stringify({ price }),
    });
    return ok(reply);
  });

  app.get('/stats/remove-from-cart', (request, reply) => {
    const { engine, query } = caller(ctx, request, 'remove-from-cart');
    const sessionId = required(query, 'session_id', 'remove-from-cart');
    const line = cartLine(query, 'remove-from-cart');
    removeFromCart(ctx, engine.id, sessionId, line);
    recordEvent(ctx, {
      engineId: engine.id,
      kind: 'remove_from_cart',
      itemType: line.datatype,
      itemId: line.itemId,
      amount: line.amount,
      sessionId,
    });
    return ok(reply);
  });

  app.get('/stats/clear-cart', (request, reply) => {
    const { engine, query } = caller(ctx, request, 'clear-cart');
    const sessionId = required(query, 'session_id', 'clear-cart');
    takeCart(ctx, engine.id, sessionId);
    recordEvent(ctx, { engineId: engine.id, kind: 'clear_cart', sessionId });
    return ok(reply);
  });

  // "If the checkout hashid and session ID match a cart, that cart will be stored in the stats."
  app.get('/stats/checkout', (request, reply) => {
    const { engine, query } = caller(ctx, request, 'checkout');
    const sessionId = required(query, 'session_id', 'checkout');
    const lines = takeCart(ctx, engine.id, sessionId);
    ctx.db.transaction(() => {
      for (const line of lines) {
        recordEvent(ctx, {
          engineId: engine.id,
          kind: 'checkout',
          itemType: line.datatype,
          itemId: line.itemId,
          amount: line.amount,
          sessionId,
        });
      }
      // A checkout without a (live) cart still happened; it is recorded with nothing in it.
      if (lines.length === 0) recordEvent(ctx, { engineId: engine.id, kind: 'checkout', amount: 0, sessionId });
    })();
    return ok(reply);
  });

  for (const kind of ['img_display', 'img_click'] as const) {
    app.get(`/stats/${kind}`, (request, reply) => {
      const { engine, query } = caller(ctx, request, kind);
      recordEvent(ctx, {
        engineId: engine.id,
        kind,
        itemType: 'banner',
        itemId: required(query, 'img_id', kind),
        sessionId: single(query, 'session_id') ?? null,
      });
      return ok(reply);
    });
  }
}
