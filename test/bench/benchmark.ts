/** What `npm run bench -- <name>` runs: a benchmark prints progress through `log` and returns its figures. */
export type Log = (line: string) => void;

export interface Benchmark {
  /** Options after the name, e.g. ["--items", "100000"]. */
  run(args: string[], log: Log): Promise<Record<string, unknown>>;
}
