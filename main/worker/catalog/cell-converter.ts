/**
 * Converts the cells of one action against their columns' kinds, reporting what does not
 * fit (with its place in a pasted block) and noting new columns as they appear.
 */
import type { FieldKind } from '../../../preload/contract';
import type { CatalogContext } from './context';
import type { EditSession } from './edit-session';
import { cellInput, rejection } from './cell-input';

export class CellConverter {
  private readonly kindOf: (field: string) => FieldKind | undefined;
  private readonly added = new Set<string>();

  constructor(
    private readonly ctx: CatalogContext,
    private readonly session: EditSession,
    private readonly engine: string,
    private readonly type: string,
  ) {
    this.kindOf = ctx.fields.kindOf(engine, type);
  }

  /** The value to store, or `undefined` when the text was rejected (and reported). */
  value(id: string | null, field: string, text: string | null, at?: { row: number; column: number }): unknown {
    const kind = this.kindOf(field);
    const converted = cellInput(field, text, kind);
    if (!converted.ok) {
      this.session.reject(rejection(id, field, text, converted.reason, at));
      return undefined;
    }
    if (kind === undefined && converted.value !== null && !this.added.has(field)) {
      this.added.add(field);
      this.ctx.fields.addField(this.engine, this.type, field);
    }
    return converted.value;
  }
}
