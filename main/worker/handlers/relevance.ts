/** The relevance cases channels: cases, queries, grades, runs and their history, CSV of judgments. */
import type { HandlersFor } from '../../../preload/contract';
import type { WorkerRuntime } from '../runtime';

type RelevanceChannel = Extract<keyof HandlersFor<'worker'>, `relevance:${string}`>;

export function relevanceHandlers({ relevance }: WorkerRuntime): Pick<HandlersFor<'worker'>, RelevanceChannel> {
  return {
    'relevance:cases': () => relevance.cases(),
    'relevance:case': (input) => relevance.caseView(input),
    'relevance:saveCase': (input) => relevance.saveCase(input),
    'relevance:deleteCase': (input) => relevance.deleteCase(input),
    'relevance:saveQuery': (input) => relevance.saveQuery(input),
    'relevance:deleteQuery': (input) => relevance.deleteQuery(input),
    'relevance:grade': (input) => relevance.grade(input),
    'relevance:run': (input) => relevance.run(input),
    'relevance:cancel': (input) => relevance.cancel(input),
    'relevance:runs': (input) => relevance.runs(input),
    'relevance:compareRuns': (input) => relevance.compareRuns(input),
    'relevance:import': (input) => relevance.import(input),
    'relevance:export': (input) => relevance.export(input),
  };
}
