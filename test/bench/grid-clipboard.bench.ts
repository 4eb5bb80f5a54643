/**
 * `npm run bench -- grid-clipboard [--rows N] [--runs N]`
 *
 * The renderer's side of a large paste and copy, which runs in the page while the user
 * waits: a block as Excel puts it on the clipboard (CRLF rows, some cells quoted because
 * they hold a tab, a line break or quotes) parsed (`parseTsv`), planned onto a selection
 * (`planPaste`), and the request it becomes serialized (the size that crosses to the
 * worker); then the same rows written back as TSV (`toTsv`, a copy). The worker's side of the
 * paste is the `grid` benchmark (c). Target: a 10,000 x 3 paste parsed and planned in under
 * 100 ms (a frame budget the user does not notice next to the worker's write).
 */
import { parseArgs } from 'node:util';
import { planPaste, type PasteColumn } from '../../renderer/grid/paste-plan';
import { parseTsv, toTsv } from '../../renderer/grid/tsv';
import type { Benchmark } from './benchmark';
import { percentile, round, thousands, wholeOption } from './measure';

const COLUMNS: PasteColumn[] = [
  { field: 'id', editable: false },
  { field: 'title', editable: true },
  { field: 'description', editable: true },
  { field: 'price', editable: true },
];

/** Every tenth description spans two lines and quotes a word, as product copy does. */
function clipboardText(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i += 1) {
    const description =
      i % 10 === 0
        ? `"The ""Ridgeline"" jacket, size ${i}.\nWind and rain proof."`
        : `Lightweight shell number ${i}, packs into its own pocket.`;
    lines.push(`Ridgeline jacket ${i}\t${description}\t${(i % 300) + 19.99}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

function timed<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

export const gridClipboard: Benchmark = {
  run(args, log) {
    const { values } = parseArgs({ args, options: { rows: { type: 'string' }, runs: { type: 'string' } } });
    const rows = wholeOption(values.rows, 'rows', 10_000, 1, 2_000_000);
    const runs = wholeOption(values.runs, 'runs', 30, 1, 1_000);
    const text = clipboardText(rows);
    log(`A ${thousands(rows)} x 3 block (${round(text.length / 1e6)} MB of text), ${runs} runs each...`);

    const parse: number[] = [];
    const plan: number[] = [];
    const request: number[] = [];
    const copy: number[] = [];
    let requestBytes = 0;
    for (let run = 0; run < runs; run += 1) {
      const parsed = timed(() => parseTsv(text));
      if (parsed.value.length !== rows) throw new Error(`parsed ${parsed.value.length} rows, not ${rows}`);
      parse.push(parsed.ms);
      const planned = timed(() => planPaste(parsed.value, { top: 0, bottom: 0, left: 1, right: 1 }, COLUMNS, rows));
      if (planned.value.kind !== 'block') throw new Error(`the paste was planned as ${planned.value.kind}`);
      plan.push(planned.ms);
      const { fields, rows: block, startRow } = planned.value;
      const body = timed(() => JSON.stringify({ view: {}, startRow, fields, rows: block }));
      request.push(body.ms);
      requestBytes = body.value.length;
      copy.push(timed(() => toTsv(parsed.value)).ms);
    }

    const figures = {
      rows,
      runs,
      textMb: round(text.length / 1e6),
      requestMb: round(requestBytes / 1e6),
      parseMs: { p50: percentile(parse, 50), p95: percentile(parse, 95) },
      planMs: { p50: percentile(plan, 50), p95: percentile(plan, 95) },
      requestJsonMs: { p50: percentile(request, 50), p95: percentile(request, 95) },
      copyTsvMs: { p50: percentile(copy, 50), p95: percentile(copy, 95) },
      parseAndPlanP95Ms: round(percentile(parse, 95) + percentile(plan, 95)),
      targetMs: 100,
    };
    log(
      `parse p50 ${figures.parseMs.p50} ms, plan p50 ${figures.planMs.p50} ms, request JSON p50 ${figures.requestJsonMs.p50} ms (${figures.requestMb} MB), copy as TSV p50 ${figures.copyTsvMs.p50} ms`,
    );
    return Promise.resolve(figures);
  },
};
