/**
 * Carts per engine and session (search-api-v5.md "Registering cart items"), in the `carts`
 * table. "The API holds a cart's information up to one hour, after which it will be
 * discarded if there's been no checkout or addition or removal of items in it": every
 * change stamps the whole cart, and carts idle for `cartTtlMs` on the sandbox clock go.
 */
import type { SandboxContext } from '../context';

export interface CartLine {
  datatype: string;
  itemId: string;
  amount: number;
}

function discardIdle(ctx: SandboxContext, engineId: number): void {
  ctx.db
    .prepare(
      `DELETE FROM carts WHERE engine_id = ? AND session_id IN (
         SELECT session_id FROM carts WHERE engine_id = ? GROUP BY session_id HAVING max(updated_at) <= ?)`,
    )
    .run(engineId, engineId, ctx.clock.now() - ctx.config.cartTtlMs);
}

function touch(ctx: SandboxContext, engineId: number, sessionId: string): void {
  ctx.db
    .prepare('UPDATE carts SET updated_at = ? WHERE engine_id = ? AND session_id = ?')
    .run(ctx.clock.now(), engineId, sessionId);
}

/** Adds `amount` of an item, creating the cart or the line as needed. */
export function addToCart(ctx: SandboxContext, engineId: number, sessionId: string, line: CartLine): void {
  ctx.db.transaction(() => {
    discardIdle(ctx, engineId);
    ctx.db
      .prepare(
        `INSERT INTO carts (engine_id, session_id, datatype, item_id, amount, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (engine_id, session_id, datatype, item_id) DO UPDATE SET amount = amount + excluded.amount`,
      )
      .run(engineId, sessionId, line.datatype, line.itemId, line.amount, ctx.clock.now());
    touch(ctx, engineId, sessionId);
  })();
}

/** Takes `amount` off an item's line, dropping the line when nothing is left of it. */
export function removeFromCart(ctx: SandboxContext, engineId: number, sessionId: string, line: CartLine): void {
  ctx.db.transaction(() => {
    discardIdle(ctx, engineId);
    const key = [engineId, sessionId, line.datatype, line.itemId];
    ctx.db
      .prepare(
        'UPDATE carts SET amount = amount - ? WHERE engine_id = ? AND session_id = ? AND datatype = ? AND item_id = ?',
      )
      .run(line.amount, ...key);
    ctx.db
      .prepare(
        'DELETE FROM carts WHERE engine_id = ? AND session_id = ? AND datatype = ? AND item_id = ? AND amount <= 0',
      )
      .run(...key);
    touch(ctx, engineId, sessionId);
  })();
}

/** Empties the cart and returns what it held. */
export function takeCart(ctx: SandboxContext, engineId: number, sessionId: string): CartLine[] {
  return ctx.db.transaction(() => {
    discardIdle(ctx, engineId);
    const lines = ctx.db
      .prepare(
        `SELECT datatype, item_id AS itemId, amount FROM carts WHERE engine_id = ? AND session_id = ?
          ORDER BY datatype, item_id`,
      )
      .all(engineId, sessionId) as CartLine[];
    ctx.db.prepare('DELETE FROM carts WHERE engine_id = ? AND session_id = ?').run(engineId, sessionId);
    return lines;
  })();
}
