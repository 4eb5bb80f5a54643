/**
 * Where each column of the file goes: a field of the type, a new field (named here), or
 * nowhere; with the kind its values are read as. The id column is required.
 */
import type { CsvColumnMapping, CsvMapping, CsvPreview, FieldInfo, FieldKind } from '../../../preload/contract';
import { setColumnKind, setColumnTarget } from './mapping-edit';

export const KIND_LABELS: Record<FieldKind, string> = {
  id: 'Id',
  text: 'Text',
  number: 'Number',
  price: 'Price',
  boolean: 'Yes / no',
  list: 'List',
  categories: 'Categories (a > b)',
  url: 'Link',
  image: 'Image link',
  date: 'Date',
};

const MATCH_TEXT: Record<CsvColumnMapping['matchedBy'], string> = {
  name: 'same name',
  synonym: 'synonym',
  preset: 'preset',
  new: 'new field',
  user: 'your choice',
  none: 'ignored',
};

/** A select's value for a column: a field, a new one, or nowhere. */
function targetValue(column: CsvColumnMapping): string {
  if (column.field === null) return 'ignore';
  return column.isNew ? 'new' : `field:${column.field}`;
}

function samples(preview: CsvPreview, index: number): string {
  const values = preview.rows.map((row) => row.cells[index] ?? '').filter((value) => value.trim() !== '');
  return values
    .slice(0, 3)
    .map((value) => (value.length > 40 ? `${value.slice(0, 39)}…` : value))
    .join(' · ');
}

function newFieldName(column: string, index: number): string {
  const base = column
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(base) ? base : `column_${base || index + 1}`;
}

export function MappingTable({
  preview,
  mapping,
  fields,
  onChange,
}: {
  preview: CsvPreview;
  mapping: CsvMapping;
  fields: readonly FieldInfo[];
  onChange: (mapping: CsvMapping) => void;
}) {
  const known = fields.filter((field) => field.name !== 'id');
  return (
    <div className="table-wrap">
      <table className="data-table mapping-table" data-testid="import-mapping">
        <thead>
          <tr>
            <th className="data-table__line">#</th>
            <th>Column in the file</th>
            <th>First values</th>
            <th>Goes to</th>
            <th>Read as</th>
            <th>Matched by</th>
          </tr>
        </thead>
        <tbody>
          {mapping.columns.map((column) => (
            <tr
              key={column.index}
              className={column.field === null ? 'is-ignored' : undefined}
              data-column={column.column}
            >
              <td className="data-table__line">{column.index + 1}</td>
              <td className="mapping-table__column">{column.column || <span className="muted">(no name)</span>}</td>
              <td className="mapping-table__samples">
                {samples(preview, column.index) || <span className="muted">empty</span>}
              </td>
              <td>
                <div className="mapping-table__target">
                  <select
                    className="input input--small"
                    aria-label={`Where column ${column.column || column.index + 1} goes`}
                    value={targetValue(column)}
                    onChange={(event) => {
                      const value = event.target.value;
                      const choice =
                        value === 'ignore'
                          ? ({ to: 'ignore' } as const)
                          : value === 'new'
                            ? ({ to: 'new', name: newFieldName(column.column, column.index) } as const)
                            : ({ to: 'field', field: value.slice('field:'.length) } as const);
                      onChange(setColumnTarget(mapping, column.index, choice, fields));
                    }}
                  >
                    <option value="ignore">Ignore this column</option>
                    <option value="field:id">id (the item’s id)</option>
                    {known.map((field) => (
                      <option key={field.name} value={`field:${field.name}`}>
                        {field.name}
                      </option>
                    ))}
                    <option value="new">New field…</option>
                  </select>
                  {column.isNew && (
                    <input
                      className="input input--small input--mono"
                      aria-label={`Name of the new field for column ${column.column || column.index + 1}`}
                      value={column.field ?? ''}
                      onChange={(event) =>
                        onChange(
                          setColumnTarget(mapping, column.index, { to: 'new', name: event.target.value }, fields),
                        )
                      }
                    />
                  )}
                </div>
              </td>
              <td>
                <select
                  className="input input--small"
                  aria-label={`How column ${column.column || column.index + 1} is read`}
                  value={column.kind}
                  disabled={column.field === null || column.field === 'id'}
                  onChange={(event) => onChange(setColumnKind(mapping, column.index, event.target.value as FieldKind))}
                >
                  {(Object.keys(KIND_LABELS) as FieldKind[])
                    .filter((kind) => kind !== 'id' || column.field === 'id')
                    .map((kind) => (
                      <option key={kind} value={kind}>
                        {KIND_LABELS[kind]}
                      </option>
                    ))}
                </select>
              </td>
              <td>
                <span className={`pill${column.field === null ? '' : column.isNew ? ' pill--warn' : ' pill--ok'}`}>
                  {column.field === null ? 'ignored' : MATCH_TEXT[column.matchedBy]}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
