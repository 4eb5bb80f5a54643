/** The CSV channels: preview, dry run and its pages, apply, results file, export, mapping presets. */
import type { HandlersFor } from '../../../preload/contract';
import type { WorkerRuntime } from '../runtime';

type CsvChannel = Extract<keyof HandlersFor<'worker'>, `csv:${string}`>;

export function csvHandlers({ csv }: WorkerRuntime): Pick<HandlersFor<'worker'>, CsvChannel> {
  return {
    'csv:preview': (input) => csv.preview(input),
    'csv:dryRun': (input) => csv.dryRun(input),
    'csv:changes': (input) => csv.changes(input),
    'csv:problems': (input) => csv.problems(input),
    'csv:rows': (input) => csv.rows(input),
    'csv:deletions': (input) => csv.deletions(input),
    'csv:apply': (input) => csv.apply(input),
    'csv:discard': (input) => csv.discard(input),
    'csv:results': (input) => csv.results(input),
    'csv:export': (input) => csv.export(input),
    'csv:presets': ({ engine, type }) => ({ presets: csv.presets(engine, type) }),
    'csv:savePreset': (input) => csv.savePreset(input),
    'csv:deletePreset': (input) => ({ deleted: csv.deletePreset(input) }),
    'csv:cancel': () => csv.cancel(),
  };
}
