/**
 * `catalog:replace`: find and replace over the view (or one field of it), as one action;
 * `preview` only counts. Values are matched as the grid shows them (value-text.ts) and the
 * replaced text is converted back by the column's kind, so "12,5" replaced in a price is
 * still a number, and text that no longer fits is reported.
 */
import type { EditReport, RequestInput } from '../../../preload/contract';
import type { CatalogContext } from './context';
import type { EditSession } from './edit-session';
import { CellConverter } from './cell-converter';
import { cells } from './cell-input';
import { cellsChangedBy } from './edit-cells';
import { ID_FIELD } from './field-sql';
import { rowsByRowids, type ItemRow } from './item-rows';
import { isDeleted } from './row-rules';
import type { SqlPart } from './view-sql';
import { valueText } from './value-text';

type ReplaceInput = RequestInput<'catalog:replace'>;

/** Rows read per step (documents are parsed in steps, not all at once). */
const STEP = 2_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a cell's text becomes, or null if the text does not match. */
function replacer(input: ReplaceInput): (text: string) => string | null {
  const { find, replace, matchCase, wholeCell } = input;
  if (wholeCell) {
    const wanted = matchCase ? find : find.toLowerCase();
    return (text) => ((matchCase ? text : text.toLowerCase()) === wanted ? replace : null);
  }
  const pattern = new RegExp(escapeRegExp(find), matchCase ? 'g' : 'gi');
  return (text) => {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) return null;
    pattern.lastIndex = 0;
    return text.replace(pattern, () => replace);
  };
}

/**
 * A SQL test that every document holding the text passes (so rows without it are never
 * parsed), when one can be written: the stored JSON holds the text as is unless the text
 * has characters JSON escapes; LIKE ignores only ASCII case; list cells are joined with |.
 */
function prefilter(input: ReplaceInput): SqlPart | null {
  const { find, matchCase } = input;
  if (/["\\|\p{Cc}]/u.test(find)) return null;
  if (matchCase) return { sql: 'instr(doc, ?) > 0', params: [find] };
  if (/[^\x20-\x7e]/.test(find)) return null;
  return { sql: "doc LIKE ? ESCAPE '\\'", params: [`%${find.replace(/[\\%_]/g, (char) => `\\${char}`)}%`] };
}

interface Hit {
  row: ItemRow;
  texts: Map<string, string>;
}

/** Rows of the view with matching cells, step by step. */
function* hits(ctx: CatalogContext, input: ReplaceInput): Generator<Hit> {
  const change = replacer(input);
  const rowids = ctx.views.members(input.view, prefilter(input));
  for (let at = 0; at < rowids.length; at += STEP) {
    for (const row of rowsByRowids(ctx.db, rowids.slice(at, at + STEP))) {
      if (isDeleted(row)) continue;
      const fields = input.field ? [input.field] : Object.keys(row.doc);
      const texts = new Map<string, string>();
      for (const field of fields) {
        if (field === ID_FIELD) continue;
        const next = change(valueText(row.doc[field]));
        if (next !== null) texts.set(field, next);
      }
      if (texts.size > 0) yield { row, texts };
    }
  }
}

export function previewReplace(ctx: CatalogContext, input: ReplaceInput): EditReport & { matches: number } {
  let matches = 0;
  let found = 0;
  for (const hit of hits(ctx, input)) {
    matches += hit.texts.size;
    found += 1;
  }
  return {
    actionId: null,
    summary: `${cells(matches)} in ${found} ${found === 1 ? 'item' : 'items'} match`,
    itemsChanged: found,
    rejected: [],
    matches,
  };
}

/** Applies the replacement; returns its summary and how many cells matched. */
export function replaceAll(
  ctx: CatalogContext,
  session: EditSession,
  input: ReplaceInput,
): { summary: string; matches: number } {
  const convert = new CellConverter(ctx, session, input.view.engine, input.view.type);
  let matches = 0;
  let changed = 0;
  for (const { row, texts } of hits(ctx, input)) {
    matches += texts.size;
    const values = new Map<string, unknown>();
    for (const [field, text] of texts) {
      const value = convert.value(row.id, field, text);
      if (value !== undefined) values.set(field, value);
    }
    if (values.size === 0) continue;
    const before = session.changes.length;
    session.setFields(row, values);
    changed += cellsChangedBy(session, before);
  }
  return { summary: `Replace of "${input.find}" with "${input.replace}" in ${cells(changed)}`, matches };
}
