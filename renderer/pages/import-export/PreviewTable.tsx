/** The first rows as the parser reads them, with the encoding and delimiter it chose (both changeable). */
import { TriangleAlert } from 'lucide-react';
import type { CsvDelimiter, CsvEncoding, CsvPreview } from '../../../preload/contract';
import { groupProblems } from './dry-run-summary';

export const ENCODINGS: Array<{ value: CsvEncoding; label: string }> = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'utf-16le', label: 'UTF-16 LE' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
  { value: 'windows-1252', label: 'Windows-1252 (Western)' },
];

export const DELIMITERS: Array<{ value: CsvDelimiter; label: string }> = [
  { value: ',', label: 'Comma  ,' },
  { value: ';', label: 'Semicolon  ;' },
  { value: '|', label: 'Pipe  |' },
  { value: '\t', label: 'Tab' },
];

/** Rows shown: enough to judge the reading, few enough to leave room for the mapping. */
const SHOWN_ROWS = 6;

export function ReadingOptions({
  preview,
  onEncoding,
  onDelimiter,
}: {
  preview: CsvPreview;
  onEncoding: (encoding: CsvEncoding) => void;
  onDelimiter: (delimiter: CsvDelimiter) => void;
}) {
  const { dialect } = preview;
  return (
    <div className="reading-options">
      <label className="inline-field">
        <span>Encoding</span>
        <select
          className="input input--small"
          value={dialect.encoding}
          onChange={(event) => onEncoding(event.target.value as CsvEncoding)}
          data-testid="import-encoding"
        >
          {ENCODINGS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Delimiter</span>
        <select
          className="input input--small"
          value={dialect.delimiter}
          onChange={(event) => onDelimiter(event.target.value as CsvDelimiter)}
          data-testid="import-delimiter"
        >
          {DELIMITERS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <span className="muted">
        Header on line {preview.headerLine} · {preview.columns.length} columns
        {dialect.bomLength > 0 ? ' · byte order mark skipped' : ''}
      </span>
    </div>
  );
}

export function PreviewTable({ preview }: { preview: CsvPreview }) {
  const rows = preview.rows.slice(0, SHOWN_ROWS);
  const problems = rows.flatMap((row) => row.problems);
  return (
    <>
      <div className="table-wrap table-wrap--preview">
        <table className="data-table" data-testid="import-preview">
          <thead>
            <tr>
              <th className="data-table__line">Line</th>
              {preview.columns.map((column, index) => (
                <th key={index}>{column || <span className="muted">(no name)</span>}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.line}
                className={row.problems.some((p) => p.severity === 'error') ? 'is-invalid' : undefined}
              >
                <td className="data-table__line">{row.line}</td>
                {preview.columns.map((_, index) => {
                  const problem = row.problems.find((p) => p.column === index + 1);
                  return (
                    <td key={index} title={problem?.reason} className={problem ? `has-${problem.severity}` : undefined}>
                      {row.cells[index] ?? ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="muted">The file has a header but no rows.</p>}
      {problems.length > 0 && (
        <ul className="ie-problems">
          {groupProblems(problems).map((problem) => (
            <li key={problem.text} className={problem.severity === 'error' ? 'text-danger' : 'tone-warn-text'}>
              <TriangleAlert size={13} aria-hidden="true" /> {problem.text}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
