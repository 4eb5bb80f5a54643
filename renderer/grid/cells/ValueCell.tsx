import type { CustomCellRendererProps } from 'ag-grid-react';
import { Check, Download, ImageOff, Square, SquareCheck } from 'lucide-react';
import { useState } from 'react';
import type { FieldKind, GridRow } from '../../../preload/contract';
import { displayText, listItems, valueText } from '../cell-values';
import type { GridContext } from '../grid-context';

function Thumbnail({ url }: { url: string }) {
  const [broken, setBroken] = useState(false);
  return (
    <span className="thumb-cell">
      {broken ? (
        <span className="thumb thumb--broken" title="The image could not be loaded">
          <ImageOff size={12} aria-hidden="true" />
        </span>
      ) : (
        <img
          className="thumb"
          src={url}
          alt=""
          loading="lazy"
          referrerPolicy="no-referrer"
          onError={() => setBroken(true)}
        />
      )}
      <span className="thumb-cell__url">{url}</span>
    </span>
  );
}

function Chips({ items, paths }: { items: string[]; paths: boolean }) {
  return (
    <span className="chips">
      {items.map((item, index) => (
        <span key={`${index}-${item}`} className={`chip${paths ? ' chip--path' : ''}`}>
          {item}
        </span>
      ))}
    </span>
  );
}

/** A value as its kind reads best: chips for lists, a thumbnail for images, a box for booleans. */
export function ValueView({ kind, value }: { kind: FieldKind; value: unknown }) {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'image':
      return typeof value === 'string' ? <Thumbnail url={value} /> : <>{displayText(kind, value)}</>;
    case 'boolean':
      return value === true || value === 'true' ? (
        <SquareCheck size={14} className="bool bool--on" aria-label="Yes" />
      ) : (
        <Square size={14} className="bool" aria-label="No" />
      );
    case 'list':
    case 'categories':
      return <Chips items={listItems(value)} paths={kind === 'categories'} />;
    default:
      return <>{displayText(kind, value)}</>;
  }
}

/** A field changed here and on Doofinder: both values, and one click keeps either. */
function ConflictView({
  row,
  field,
  kind,
  context,
}: {
  row: GridRow;
  field: string;
  kind: FieldKind;
  context: GridContext;
}) {
  const theirs = row.theirs?.[field];
  return (
    <span className="conflict" data-testid="conflict-cell">
      <span
        className="conflict__value conflict__value--mine"
        title={`Mine (changed here): ${valueText(row.doc[field])}`}
      >
        <ValueView kind={kind} value={row.doc[field]} />
      </span>
      <button
        type="button"
        className="mini-button"
        aria-label={`Keep mine for ${field} of ${row.id}`}
        title="Keep my value"
        onClick={() => context.resolve({ id: row.id, field }, 'mine')}
      >
        <Check size={12} aria-hidden="true" />
      </button>
      <span className="conflict__value conflict__value--theirs" title={`Theirs (on Doofinder): ${valueText(theirs)}`}>
        <ValueView kind={kind} value={theirs} />
      </span>
      <button
        type="button"
        className="mini-button"
        aria-label={`Take theirs for ${field} of ${row.id}`}
        title="Take the value on Doofinder"
        onClick={() => context.resolve({ id: row.id, field }, 'theirs')}
      >
        <Download size={12} aria-hidden="true" />
      </button>
    </span>
  );
}

export function ValueCell({ data, value, colDef, context }: CustomCellRendererProps<GridRow, unknown, GridContext>) {
  const field = colDef?.colId;
  if (!data || !field) return null;
  const kind = context.kindOf(field);
  if (data.conflicts.includes(field)) return <ConflictView row={data} field={field} kind={kind} context={context} />;
  return <ValueView kind={kind} value={value} />;
}
