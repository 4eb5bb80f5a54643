/**
 * THE contract between the renderer and the rest of the app.
 *
 * Every request channel names its input schema (checked in main before any handler runs),
 * its output type, and where it is served: `worker` (the API worker: SQLite, network) or
 * `main` (things only the main process may touch, such as the OS keychain). Every event
 * channel names its payload type. Adding a channel is one entry here plus one handler; the
 * compiler then checks the renderer's call, the handler, and the router.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------
// Shared value types
// ---------------------------------------------------------------------------------------

export interface AppInfo {
  appName: string;
  version: string;
  /** Folder holding the app's databases (one per account, plus app.db). */
  dataDir: string;
  /** Seconds since the current API worker started (it restarts if it dies). */
  workerUptimeSeconds: number;
  workerStartedAt: string;
  /** How many times the worker was restarted since the app started. */
  workerRestarts: number;
  runtime: { node: string; electron: string | null; platform: string; mode: 'electron' | 'browser' };
}

export interface Pong {
  /** Echo of the renderer's timestamp, so it can measure the round trip. */
  sentAt: number;
  /** When the worker answered (epoch ms). */
  workerAt: number;
  workerThreadId: number;
}

export type WorkerStatus = 'starting' | 'ready' | 'restarting' | 'stopped';

export interface WorkerState {
  status: WorkerStatus;
  restarts: number;
  /** Why the worker last stopped, in words a user can read (never a stack). */
  lastExit: string | null;
  /** When it will be started again (epoch ms), while restarting. */
  retryAt: number | null;
}

export interface KeychainStatus {
  available: boolean;
  /** One sentence: why keys cannot be stored, when they cannot. */
  reason: string | null;
  /** What to install or start to make the keychain work, when it does not. */
  remedy: string | null;
  backend: string;
}

export interface StatusSnapshot {
  account: { id: string; name: string; kind: 'doofinder' | 'sandbox' } | null;
  /** offline: the last sync could not reach Doofinder; throttled: it stopped on 429s that would not go away. */
  sync: { state: 'idle' | 'syncing' | 'offline' | 'throttled'; pendingChanges: number; activity: string | null };
  rate: { requestsPerSecond: number; queued: number; pausedReason: string | null };
}

export type AccountKind = 'doofinder' | 'sandbox';

/**
 * Why an account cannot work right now, if it cannot: its key was refused (401), its
 * monthly plan is spent, the keychain is unavailable, or no key is stored for it.
 */
export type AccountState = 'ok' | 'needs_key' | 'quota' | 'keychain_unavailable' | 'missing_key';

export interface AccountView {
  id: string;
  name: string;
  kind: AccountKind;
  zone: string;
  managementUrl: string | null;
  searchUrl: string | null;
  state: AccountState;
  /** What to do about the state, in words; null when all is well. */
  stateMessage: string | null;
  current: boolean;
}

export interface AccountsSnapshot {
  accounts: AccountView[];
  currentId: string | null;
}

export type MirrorRunState = 'running' | 'paused' | 'completed' | 'cancelled' | 'failed';

export interface TypeView {
  name: string;
  serverCount: number | null;
  localCount: number;
  pendingCount: number;
  conflictCount: number;
  lastMirrorAt: string | null;
  mirrorState: MirrorRunState | 'never';
  mirrorError: string | null;
}

export interface EngineView {
  hashid: string;
  name: string;
  siteUrl: string;
  language: string;
  currency: string;
  types: TypeView[];
}

export interface EnginesSnapshot {
  accountId: string | null;
  engines: EngineView[];
  /** When the list was last read from the server; null if never. */
  refreshedAt: string | null;
  /** Why the last refresh failed, if it did (the list shown is then the stored one). */
  refreshError: string | null;
}

export interface MirrorProgressView {
  accountId: string;
  engine: string;
  type: string;
  runId: number;
  pass: number;
  state: MirrorRunState;
  fetched: number;
  total: number | null;
  percent: number | null;
  etaSeconds: number | null;
  itemsPerSecond: number | null;
  error: string | null;
  deletedOnServer?: number;
  conflicts?: number;
}

// ---- The catalog grid ------------------------------------------------------------------

/** What a field holds, detected from its values; it picks the cell editor and the checks. */
export type FieldKind =
  'id' | 'text' | 'number' | 'price' | 'boolean' | 'list' | 'categories' | 'url' | 'image' | 'date';

export interface FieldInfo {
  name: string;
  kind: FieldKind;
  /** How many items of the type have a value for it. */
  count: number;
}

export type RowStatus = 'clean' | 'dirty' | 'new' | 'deleted' | 'pushing' | 'failed' | 'conflict';

export interface GridRow {
  id: string;
  status: RowStatus;
  doc: Record<string, unknown>;
  /** Fields whose value differs from the server's (what will be sent). */
  changed: string[];
  /** Fields changed here and on the server to different values. */
  conflicts: string[];
  /** The server's values of the conflicting fields. */
  theirs: Record<string, unknown> | null;
  /** Why the server refused the item, when it did. */
  error: string | null;
}

export interface SortSpec {
  field: string;
  dir: 'asc' | 'desc';
}

/** A column filter: text contains/equals, number ranges, set membership, blank or not. */
export type FilterSpec =
  | { field: string; op: 'contains' | 'equals' | 'notContains' | 'startsWith'; value: string }
  | { field: string; op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  | { field: string; op: 'between'; from: number; to: number }
  | { field: string; op: 'blank' | 'notBlank' }
  | { field: string; op: 'in'; values: string[] };

/** The rows the grid shows, in order: a type of an engine, sorted, filtered and searched. */
export interface ViewSpec {
  engine: string;
  type: string;
  sort: SortSpec[];
  filters: FilterSpec[];
  /** Quick search over the text fields (full-text). */
  quick: string;
  /** Only rows with pending changes, failures or conflicts. */
  pendingOnly?: boolean;
}

/** A value that did not fit its column, reported instead of stored. */
export interface RejectedValue {
  id: string | null;
  field: string;
  value: string;
  reason: string;
  /** Position in the pasted block (0-based), when it came from a paste. */
  row?: number;
  column?: number;
}

export interface EditReport {
  /** The undoable action this made, or null when nothing changed. */
  actionId: number | null;
  summary: string;
  itemsChanged: number;
  rejected: RejectedValue[];
}

export interface PasteReport extends EditReport {
  /** Pasted rows below the view's last row, not stored: offered as new items (first column = id). */
  overflowRows: number;
}

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
  /** What undo / redo would do, in words ("Paste of 150 cells"). */
  undoSummary: string | null;
  redoSummary: string | null;
  /** The actions undo / redo would take (an `EditReport.actionId`): to tell "is it still mine" by id, not by words. */
  undoActionId: number | null;
  redoActionId: number | null;
}

export type ChangeOrigin =
  'edit' | 'paste' | 'fill' | 'replace' | 'csv' | 'server' | 'undo' | 'redo' | 'resolve' | 'sync';

export interface HistoryEntry {
  at: string;
  origin: ChangeOrigin;
  field: string | null;
  before: unknown;
  after: unknown;
  summary: string;
}

// ---- Sync ------------------------------------------------------------------------------

export interface PendingField {
  field: string;
  before: unknown;
  after: unknown;
}

export interface PendingItem {
  id: string;
  status: RowStatus;
  fields: PendingField[];
  error: string | null;
}

export interface PendingGroup {
  engine: string;
  engineName: string;
  type: string;
  counts: { edited: number; created: number; deleted: number; failed: number; conflicts: number };
  items: PendingItem[];
  /** More items than listed (the list is capped). */
  more: number;
}

export interface PendingSnapshot {
  groups: PendingGroup[];
  total: number;
  /** Requests a sync of everything would spend (each counts against the account's plan). */
  requests: number;
  /** At the account's rate limit. */
  etaSeconds: number;
}

export type DiscardScope =
  | { scope: 'all' }
  | { scope: 'type'; engine: string; type: string }
  | { scope: 'item'; engine: string; type: string; id: string }
  | { scope: 'field'; engine: string; type: string; id: string; field: string };

export interface SyncProgress {
  accountId: string;
  state: 'running' | 'paused' | 'completed' | 'cancelled' | 'failed';
  done: number;
  total: number;
  failed: number;
  batches: number;
  etaSeconds: number | null;
  error: string | null;
  /** The engine and type being pushed. */
  current: { engine: string; type: string } | null;
  /** The run whose per-item results `sync:results` lists. */
  runId?: number;
  /** What the run pushes (no engine and no type: everything), so Resume goes on with the same. */
  scope?: { engine?: string; type?: string };
}

/** What became of an item a sync was to send: conflicts are not sent until resolved. */
export type SyncItemOutcome = 'synced' | 'failed' | 'conflict' | 'not-sent';

export interface SyncRunSummary {
  id: number;
  /** What the sync was asked to push (no engine and no type: everything). */
  scope: { engine?: string; type?: string };
  state: SyncProgress['state'];
  startedAt: string;
  endedAt: string | null;
  error: string | null;
  /** Items per outcome over the whole run. */
  counts: Record<SyncItemOutcome, number>;
  /** Types with items Doofinder refused in this run (for "Retry failed" and "Export failed"). */
  failedTypes: Array<{ engine: string; engineName: string; type: string; failed: number }>;
}

export interface SyncItemResult {
  engine: string;
  engineName: string;
  type: string;
  id: string;
  /** What was to be sent: an edit, a new item or a deletion. */
  change: 'edit' | 'create' | 'delete';
  outcome: SyncItemOutcome;
  /** Doofinder's reason for a refusal, or why the item was not sent. */
  message: string | null;
}

export interface SyncResultsPage {
  /** Null when the account has not synced yet. */
  run: SyncRunSummary | null;
  /** Problems first (failed, conflict, not sent, synced), each in the order the sync met them. */
  rows: SyncItemResult[];
  /** Rows matching the outcome filter (all of the run's without one). */
  total: number;
}

// ---- CSV import and export -------------------------------------------------------------

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '|' | '\t';

/** How a file is read: detected, or as the user chose. */
export interface CsvDialect {
  encoding: CsvEncoding;
  /** Bytes of byte order mark skipped (0 without one). */
  bomLength: number;
  delimiter: CsvDelimiter;
}

/** Something wrong in a file, and where (1-based line and column, as an editor counts them). */
export interface CsvProblem {
  line: number;
  column: number | null;
  columnName: string | null;
  reason: string;
  /** An error makes the row invalid (not applied); a warning is applied and reported. */
  severity: 'error' | 'warning';
}

/** Where one column of a file goes: a field of the type (maybe a new one), or nowhere (null). */
export interface CsvColumnMapping {
  column: string;
  /** 0-based position in the row. */
  index: number;
  field: string | null;
  kind: FieldKind;
  isNew: boolean;
  matchedBy: 'name' | 'synonym' | 'new' | 'preset' | 'user' | 'none';
}

export interface CsvMapping {
  columns: CsvColumnMapping[];
  /** What separates a list's values in the file; null for ` %% ` or `|`. */
  listSeparator: string | null;
}

export interface CsvPreset {
  name: string;
  mapping: CsvMapping;
  savedAt: string;
}

/** merge: update and add; replace: also delete items missing from the file; add only; update only. */
export type CsvImportMode = 'merge' | 'replace' | 'add' | 'update';

export interface CsvImportCounts {
  new: number;
  changed: number;
  unchanged: number;
  invalid: number;
  /** Items the apply would delete (replace mode). */
  deleted: number;
  /** Rows the mode leaves alone (an existing id in add mode, a new one in update mode). */
  skipped: number;
  /** Valid rows that carry a warning. */
  warnings: number;
}

export interface CsvPreview {
  dialect: CsvDialect;
  columns: string[];
  headerLine: number;
  rows: Array<{ line: number; cells: string[]; problems: CsvProblem[] }>;
  /** A saved preset made for this header, else the proposed matching. */
  mapping: CsvMapping;
  preset: string | null;
}

export interface CsvDryRun {
  importId: number;
  counts: CsvImportCounts;
  rows: number;
  dialect: CsvDialect;
  columns: string[];
  mapping: CsvMapping;
}

export interface CsvChangedRow {
  line: number;
  id: string;
  fields: PendingField[];
}

export interface CsvProblemRow {
  line: number;
  id: string | null;
  outcome: 'new' | 'changed' | 'unchanged' | 'skipped' | 'invalid';
  problems: CsvProblem[];
}

/** A dry run's row of any outcome (`csv:rows`). */
export interface CsvStagedRow {
  line: number;
  id: string | null;
  outcome: CsvProblemRow['outcome'];
  /** The item the row would add (outcome new), else null. */
  doc: Record<string, unknown> | null;
  /** What the row would change, field by field (outcome changed), else empty. */
  fields: PendingField[];
  problems: CsvProblem[];
  /** Why the mode skips the row (outcome skipped). */
  note: string | null;
}

/** Import or export progress; `done` on the last one. */
export interface CsvProgress {
  task: 'dryRun' | 'apply' | 'export';
  file: string;
  rows: number;
  /** Dry run only: the bytes of the file read so far, and its size (for a percentage). */
  bytesRead?: number;
  bytesTotal?: number;
  done: boolean;
}

// ---- Files for import and export (how a file gets a path the worker can read or write) ----

/** A file the user picked in a dialog, or null when they cancelled it. */
export interface PickedFile {
  file: string | null;
}

/**
 * Electron's preload only (browser mode has no paths: files are uploaded to the host): the
 * absolute path of a file dropped on or picked in the page, '' when it has none.
 */
export interface DesktopFiles {
  pathForFile(file: { readonly name: string }): string;
}

// ---- Feeds: processing tasks, their history, logs and feed health ---------------------

/** Doofinder's task states (management-api-v1.md, "Processing Tasks"). */
export type FeedTaskState = 'PENDING' | 'STARTED' | 'SUCCESS' | 'FAILURE' | 'NOTFOUND' | 'WAITING';

/** What a run's result counts as, for the history's filter. */
export type FeedRunResult = 'running' | 'success' | 'failure' | 'unknown';

/** A hint the document gives for a task message ("Tasks messages"), with what to do about it. */
export interface FeedHint {
  kind: 'feed-empty' | 'no-changes';
  /** The document's explanation, in words a shop owner reads. */
  text: string;
  /** Both hints are overridden by processing again with force. */
  retryWithForce: true;
}

/** One type's item count after a run, next to the previous run's and the local mirror's. */
export interface FeedTypeCount {
  type: string;
  count: number;
  previous: number | null;
  mirror: number | null;
}

/** Something about a finished run that a shop owner should look at. */
export interface FeedHealthFlag {
  kind: 'drop' | 'empty-type' | 'field-vanished';
  type: string;
  field: string | null;
  /** The compared figures: items (drop, empty-type) or the share of items with the field, 0-1. */
  before: number;
  after: number;
  message: string;
}

export interface FeedHealth {
  checkedAt: string;
  /** What the counts were compared with: the previous run's, else the mirror's. */
  baseline: 'previous-run' | 'mirror' | 'none';
  counts: FeedTypeCount[];
  flags: FeedHealthFlag[];
}

export interface FeedRunView {
  id: number;
  engine: string;
  /** The task id from the `link` Doofinder answered; null for a run only seen through `tasks/process`. */
  taskId: string | null;
  /** Started by this app, or seen when the app polled `tasks/process`. */
  origin: 'app' | 'elsewhere';
  force: boolean;
  state: FeedTaskState;
  result: FeedRunResult;
  message: string;
  /** Null when the run was first seen already finished. */
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  /** While running: when the next poll is due, and why polling waits, if it does (a sync using the budget). */
  nextPollAt: string | null;
  pollNote: string | null;
  hint: FeedHint | null;
  /** Filled after a finished run's counts were read; null before or when they could not be. */
  health: FeedHealth | null;
}

export interface FeedRunsPage {
  runs: FeedRunView[];
  total: number;
  /** The run being polled now, if any (also in `runs` when it matches the filter). */
  active: FeedRunView | null;
}

export interface FeedLogLine {
  /** As Doofinder sent it (ISO-like, no zone). */
  date: string;
  level: string;
  message: string;
  /** The line a message names ("at line number: 2"), else null. */
  line: number | null;
}

export interface FeedLogsPage {
  /** When the lines were last read from the server; null if never (then `lines` is empty). */
  fetchedAt: string | null;
  /** Why the last read failed, if it did (the stored lines are shown). */
  error: string | null;
  lines: FeedLogLine[];
  /** Lines matching the filter. */
  total: number;
  /** Lines per level over all stored lines, for the filter's counts. */
  levels: Record<string, number>;
}

export interface FeedSettings {
  /** A type losing more than this share of its items since the baseline is flagged (0-100). */
  dropPercent: number;
}

// ---- Activity (the app's list of things that happened; feed runs notify) --------------

export interface ActivityEntry {
  id: number;
  at: string;
  level: 'info' | 'success' | 'warning' | 'error';
  /** What the entry is about; the renderer links it to its page. */
  kind: 'feed-run';
  engine: string | null;
  title: string;
  body: string;
  /** The feed run the entry is about (kind feed-run). */
  runId: number | null;
  /** Show a desktop notification for it (new entries only). */
  notify: boolean;
  /** Offer to mirror the engine again (a successful feed run changed its items). */
  offerRemirror: boolean;
  read: boolean;
}

export interface ActivityPage {
  entries: ActivityEntry[];
  unread: number;
}

// ---- Stats (management-api-v1.md, "Statistics") ---------------------------------------

export interface StatsRange {
  /** YYYYMMDD, inclusive, as the API takes it. */
  from: string;
  to: string;
}

export interface StatsDay {
  /** YYYY-MM-DD as the API answers it. */
  date: string;
  searches: number;
  queries: number;
  clicks: number;
  requests: number;
  api: number;
  parser: number;
}

export type StatsTopKind = 'searches' | 'clicked' | 'opportunities' | 'noresults';

export interface StatsTopEntry {
  term: string;
  count: number;
  url: string | null;
}

/** One part of the page: fetched (all pages), being generated by Doofinder (202), being read, or failed. */
export type StatsPartState = 'ready' | 'generating' | 'loading' | 'error';

export interface StatsPart<T> {
  state: StatsPartState;
  rows: T[];
  /** When the rows shown were read; null if never (nothing cached for this range). */
  fetchedAt: string | null;
  /** The 202's message while generating; the error in words when failed. */
  message: string | null;
  /** While generating: when the app asks again. */
  nextCheckAt: string | null;
}

export interface StatsView {
  engine: string;
  range: StatsRange;
  aggregates: StatsPart<StatsDay>;
  tops: Record<StatsTopKind, StatsPart<StatsTopEntry>>;
}

export interface UsageView {
  /** YYYY-MM */
  month: string;
  /** From this month's aggregates over the account's engines; null until read. */
  monthApiRequests: number | null;
  monthAllRequests: number | null;
  /** Management API requests this app sent for the account this month (the rate limiter counts each). */
  appRequests: number;
  /** appRequests / monthApiRequests, 0-1; null without aggregates. */
  appShare: number | null;
  /**
   * What a full sync would send now, per engine: a mirror of every type plus pushing what is
   * pending. `mirrorRequests` is null while a type's item count is unknown (never counted nor mirrored).
   */
  syncCost: Array<{ engine: string; engineName: string; mirrorRequests: number | null; pushRequests: number }>;
  fetchedAt: string | null;
  error: string | null;
}

// ---- Search tester (search-api-v5.md) and relevance cases ------------------------------

export type SearchQueryName = 'match_and' | 'match_or' | 'fuzzy' | 'phonetic_text';

/** One filter or exclusion on a field: terms (OR within the field unless *_execution=and), a range, or a geo circle. */
export type SearchFilterClause =
  | { kind: 'terms'; field: string; values: string[] }
  | {
      kind: 'range';
      field: string;
      gt?: number | string;
      gte?: number | string;
      lt?: number | string;
      lte?: number | string;
    }
  /** `point` is "lat,lon"; `distance` as Doofinder takes it ("200km", "5mi"). */
  | { kind: 'geo'; field: string; point: string; distance: string };

export type SearchSortClause =
  | { kind: 'field'; field: string; order: 'asc' | 'desc' }
  /** dfscore: Doofinder's own score of a result. */
  | { kind: 'score'; order: 'asc' | 'desc' }
  | { kind: 'geo'; field: string; point: string; order: 'asc' | 'desc' };

/** Every Search v5 parameter the tester sends, as the user set them (the worker spells them for the API). */
export interface SearchParamsView {
  query: string;
  page: number;
  rpp: number;
  transformer: 'none' | 'basic' | 'onlyid';
  /** Empty: every type. */
  types: string[];
  /** null: Doofinder chooses (and the answer says which it used). */
  queryName: SearchQueryName | null;
  filters: SearchFilterClause[];
  excludes: SearchFilterClause[];
  filterExecution: 'or' | 'and';
  excludeExecution: 'or' | 'and';
  sort: SearchSortClause[];
  /** On by default: testing must not count in the shop's stats. */
  nostats: boolean;
}

export interface SearchResultView {
  /** 1-based over the whole result list (page and rpp included). */
  rank: number;
  id: string;
  dfid: string;
  type: string;
  title: string | null;
  price: number | null;
  salePrice: number | null;
  image: string | null;
  link: string | null;
  /** dfscore, when the answer carries one. */
  score: number | null;
  /** Every field of the result as Doofinder sent it (for the columns the user picks). */
  fields: Record<string, unknown>;
}

export interface SearchFacetView {
  name: string;
  /** The label from the engine's options, when it has one. */
  label: string | null;
  kind: 'terms' | 'range';
  /** terms: values and counts; range: one bucket per range with its bounds and stats. */
  buckets: Array<{ key: string; count: number; from?: number; to?: number; min?: number; max?: number }>;
  /** Results without the field (terms facets). */
  missing: number | null;
}

export interface SearchRequestView {
  /** The URL as sent, without the token (it travels in the Authorization header). */
  url: string;
  /** A copyable curl command; the token shows as {token} (use `search:curl` with reveal to get it). */
  curl: string;
  /** Every query-string parameter as sent, in order, for the raw view. */
  params: Array<[string, string]>;
}

export interface SearchAnswerView {
  request: SearchRequestView;
  status: number;
  tookMs: number;
  total: number;
  totalFound: number | null;
  maxScore: number | null;
  /** The query type that answered. */
  queryName: string | null;
  page: number;
  rpp: number;
  results: SearchResultView[];
  facets: SearchFacetView[];
  /** The `filter` the answer echoes, as sent back. */
  appliedFilter: unknown;
  /** The whole response body, for the raw JSON view. */
  raw: unknown;
}

export interface SearchOptionsView {
  engine: string;
  currency: { code: string; symbol: string | null; format: string | null } | null;
  facets: Array<{ name: string; label: string | null; kind: 'terms' | 'range' }>;
  sortOptions: Array<{ field: string; order: 'asc' | 'desc'; label: string | null }>;
  /** Fields usable for filters and sorts, with their kind as the mirror or the answer shows them. */
  fields: Array<{ name: string; kind: FieldKind }>;
  geoFields: string[];
  types: string[];
  raw: unknown;
}

/** How a result moved from side A to side B of a comparison. */
export interface RankChangeView {
  id: string;
  title: string | null;
  rankA: number | null;
  rankB: number | null;
  change: 'up' | 'down' | 'same' | 'new' | 'gone';
}

export interface SearchCompareView {
  a: SearchAnswerView;
  b: SearchAnswerView;
  changes: RankChangeView[];
  k: number;
  jaccard: number;
  /** Rank-biased overlap (extrapolated, Webber et al. 2010) with its persistence `p`. */
  rbo: number;
  p: number;
}

export type SearchEventKind = 'click' | 'add-to-cart' | 'remove-from-cart' | 'clear-cart' | 'checkout' | 'visit';

export interface SearchEventAnswer {
  kind: SearchEventKind;
  status: number;
  /** What the server answered, as text. */
  body: string;
  request: SearchRequestView;
}

export interface RelevanceMetricsView {
  ndcg: number;
  precision: number;
  /** One query: the reciprocal rank; a case: the mean (MRR). */
  mrr: number;
  err: number;
}

export interface RelevanceQueryView {
  id: number;
  position: number;
  query: string;
  params: SearchParamsView;
  /** The results of the case's latest run for this query, with the current grades (null: ungraded). */
  results: Array<SearchResultView & { grade: number | null }>;
  /** Metrics of those results with the current grades; null before the query has run. */
  metrics: RelevanceMetricsView | null;
  /** Graded share of the top k (0-1) and how many of the top k are ungraded. */
  coverage: number;
  ungradedInTopK: number;
  /** Judgments of this query, including results that did not come back. */
  judged: number;
  lastRunAt: string | null;
  error: string | null;
}

export interface RelevanceCaseView {
  id: number;
  name: string;
  engine: string;
  k: number;
  threshold: number;
  queries: RelevanceQueryView[];
  /** Mean over queries that ran; null before any. */
  metrics: RelevanceMetricsView | null;
  runs: number;
  lastRunAt: string | null;
}

export interface RelevanceCaseSummary {
  id: number;
  name: string;
  engine: string;
  queries: number;
  runs: number;
  lastRunAt: string | null;
  metrics: RelevanceMetricsView | null;
}

/** Something the app knows changed on the engine between two runs, so a score change can be traced. */
export interface RelevanceChangeView {
  kind: 'sync' | 'import' | 'feed';
  at: string;
  summary: string;
}

export interface RelevanceRunView {
  id: number;
  caseId: number;
  startedAt: string;
  endedAt: string | null;
  state: 'running' | 'completed' | 'cancelled' | 'failed';
  /** Queries run so far and in all. */
  done: number;
  total: number;
  /** Mean metrics over the queries, with the grades as they were when the run ended. */
  metrics: RelevanceMetricsView | null;
  /** What changed on the engine since the previous run of the case. */
  changesSince: RelevanceChangeView[];
  error: string | null;
}

export interface RelevanceRunCompareView {
  before: RelevanceRunView;
  after: RelevanceRunView;
  queries: Array<{
    queryId: number;
    query: string;
    before: RelevanceMetricsView | null;
    after: RelevanceMetricsView | null;
    /** Results that moved, appeared or went, by id. */
    moved: RankChangeView[];
  }>;
}

// ---------------------------------------------------------------------------------------
// Errors every channel may answer with
// ---------------------------------------------------------------------------------------

export const errorCodes = [
  'invalid_input',
  // Doofinder said no: the key was refused (401), or another error it answered.
  'auth_failed',
  'unreachable',
  'doofinder_error',
  // Something is already running that this request would collide with (a mirror, say).
  'busy',
  'forbidden',
  'unknown_channel',
  'worker_unavailable',
  'disconnected',
  'keychain_unavailable',
  'not_found',
  'internal',
  // The user stopped it (a CSV dry run or export): nothing was left half done.
  'cancelled',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** What the renderer receives when a request fails: safe to show, never a stack or a secret. */
export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

// ---------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------

export type Runs = 'worker' | 'main';

/** A phantom value: carries a type for the compiler, never read at run time. */
const returns = <T>() => undefined as unknown as T;

const inWorker = <I extends z.ZodType, O>(input: I, output: O) => ({ runs: 'worker' as const, input, output });
const inMain = <I extends z.ZodType, O>(input: I, output: O) => ({ runs: 'main' as const, input, output });

const hostUrl = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/?#]+(:\d+)?\/?$/, 'a host such as https://eu1-api.doofinder.com or http://127.0.0.1:8080')
  .nullable()
  .optional();
const accountName = z.string().trim().min(1, 'a name is required').max(80);
const apiKey = z.string().trim().min(1, 'an API key is required').max(200);
const typeRef = z.object({ engine: z.string().regex(/^\w{1,64}$/), type: z.string().regex(/^\w{1,100}$/) }).strict();
const fieldName = z.string().min(1).max(200);
/** A cell's new value: text as typed or pasted (the worker converts it by the column's kind), or null to clear. */
const cellValue = z.string().max(1_000_000).nullable();
const filterSpec = z.union([
  z
    .object({ field: fieldName, op: z.enum(['contains', 'equals', 'notContains', 'startsWith']), value: z.string() })
    .strict(),
  z.object({ field: fieldName, op: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']), value: z.number() }).strict(),
  z.object({ field: fieldName, op: z.literal('between'), from: z.number(), to: z.number() }).strict(),
  z.object({ field: fieldName, op: z.enum(['blank', 'notBlank']) }).strict(),
  z.object({ field: fieldName, op: z.literal('in'), values: z.array(z.string()) }).strict(),
]);
const viewSpec = z
  .object({
    engine: z.string(),
    type: z.string(),
    sort: z.array(z.object({ field: fieldName, dir: z.enum(['asc', 'desc']) }).strict()).max(5),
    filters: z.array(filterSpec).max(30),
    quick: z.string().max(200),
    pendingOnly: z.boolean().optional(),
  })
  .strict();
const discardScope = z.union([
  z.object({ scope: z.literal('all') }).strict(),
  z.object({ scope: z.literal('type'), engine: z.string(), type: z.string() }).strict(),
  z.object({ scope: z.literal('item'), engine: z.string(), type: z.string(), id: z.string() }).strict(),
  z
    .object({ scope: z.literal('field'), engine: z.string(), type: z.string(), id: z.string(), field: fieldName })
    .strict(),
]);

/** A file the worker reads or writes: an absolute path to a .csv, .tsv or .txt file. */
const csvPath = z
  .string()
  .max(4096)
  .regex(/^(?:\/|[A-Za-z]:[\\/]).*\.(?:csv|tsv|txt)$/i, 'an absolute path to a .csv, .tsv or .txt file');
const csvEncoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']);
const csvDelimiter = z.enum([',', ';', '|', '\t']);
const fieldKind = z.enum(['id', 'text', 'number', 'price', 'boolean', 'list', 'categories', 'url', 'image', 'date']);
const csvMapping = z
  .object({
    columns: z
      .array(
        z
          .object({
            column: z.string().max(1_000),
            index: z.number().int().min(0),
            field: fieldName.nullable(),
            kind: fieldKind,
            isNew: z.boolean(),
            matchedBy: z.enum(['name', 'synonym', 'new', 'preset', 'user', 'none']),
          })
          .strict(),
      )
      .max(2_000),
    listSeparator: z.string().min(1).max(10).nullable(),
  })
  .strict();
const csvPage = z
  .object({ importId: z.number().int(), afterLine: z.number().int().min(0), limit: z.number().int().min(1).max(5_000) })
  .strict();

const yyyymmdd = z.string().regex(/^\d{8}$/, 'a date as YYYYMMDD');
const statsRange = z
  .object({ from: yyyymmdd, to: yyyymmdd })
  .strict()
  .refine((range) => range.from <= range.to, 'the range must start on or before its end');

const bound = z.union([z.number().finite(), z.string().max(100)]);
const searchFilterClause = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('terms'), field: fieldName, values: z.array(z.string().max(1_000)).min(1).max(200) })
    .strict(),
  z
    .object({
      kind: z.literal('range'),
      field: fieldName,
      gt: bound.optional(),
      gte: bound.optional(),
      lt: bound.optional(),
      lte: bound.optional(),
    })
    .strict(),
  z
    .object({ kind: z.literal('geo'), field: fieldName, point: z.string().max(100), distance: z.string().max(40) })
    .strict(),
]);
const searchSortClause = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: fieldName, order: z.enum(['asc', 'desc']) }).strict(),
  z.object({ kind: z.literal('score'), order: z.enum(['asc', 'desc']) }).strict(),
  z
    .object({ kind: z.literal('geo'), field: fieldName, point: z.string().max(100), order: z.enum(['asc', 'desc']) })
    .strict(),
]);
/**
 * What the user set; deliberately loose where Doofinder has limits (query length, rpp, page):
 * the worker checks those and names the field, so the tester can show why next to it.
 */
const searchParams = z
  .object({
    query: z.string().max(10_000),
    page: z.number().int().min(1).max(100_000),
    rpp: z.number().int().min(1).max(10_000),
    transformer: z.enum(['none', 'basic', 'onlyid']),
    types: z.array(z.string().max(100)).max(50),
    queryName: z.enum(['match_and', 'match_or', 'fuzzy', 'phonetic_text']).nullable(),
    filters: z.array(searchFilterClause).max(50),
    excludes: z.array(searchFilterClause).max(50),
    filterExecution: z.enum(['or', 'and']),
    excludeExecution: z.enum(['or', 'and']),
    sort: z.array(searchSortClause).max(10),
    nostats: z.boolean(),
  })
  .strict();
const engineId = z.string().regex(/^\w{1,64}$/);
const grade = z.number().int().min(0).max(3);

export const requests = {
  'app:info': inWorker(z.void(), returns<AppInfo>()),
  'app:ping': inWorker(z.object({ sentAt: z.number().finite() }).strict(), returns<Pong>()),
  'app:status': inWorker(z.void(), returns<StatusSnapshot>()),
  'app:workerState': inMain(z.void(), returns<WorkerState>()),
  'keychain:status': inMain(z.void(), returns<KeychainStatus>()),

  'accounts:list': inWorker(z.void(), returns<AccountsSnapshot>()),
  /** Checks the key by listing the account's engines, stores it in the keychain, then saves the account. */
  'accounts:add': inMain(
    z.object({ name: accountName, apiKey, managementUrl: hostUrl, searchUrl: hostUrl }).strict(),
    returns<AccountView>(),
  ),
  /** A new key (checked first) replaces the stored one; hosts and name change as given. */
  'accounts:update': inMain(
    z
      .object({
        id: z.string().min(1),
        name: accountName.optional(),
        apiKey: apiKey.optional(),
        managementUrl: hostUrl,
        searchUrl: hostUrl,
      })
      .strict(),
    returns<AccountView>(),
  ),
  /** Removes the account, its keychain entry and its local data. */
  'accounts:remove': inMain(z.object({ id: z.string().min(1) }).strict(), returns<{ removed: true }>()),
  'accounts:switch': inWorker(z.object({ id: z.string().min(1) }).strict(), returns<AccountsSnapshot>()),

  /** The current account's engines and types; `refresh` reads them from the server first. */
  'engines:list': inWorker(z.object({ refresh: z.boolean() }).strict(), returns<EnginesSnapshot>()),
  /** Starts (or resumes) mirroring a type; progress arrives as `mirror:progress` events. */
  'mirror:start': inWorker(typeRef, returns<MirrorProgressView>()),
  'mirror:cancel': inWorker(typeRef, returns<{ cancelled: boolean }>()),

  // ---- The catalog grid (all changes are local until synced; each is one undoable action) ----
  'catalog:fields': inWorker(typeRef, returns<{ fields: FieldInfo[] }>()),
  'catalog:rows': inWorker(
    z.object({ view: viewSpec, start: z.number().int().min(0), end: z.number().int().min(0) }).strict(),
    returns<{ rows: GridRow[]; total: number }>(),
  ),
  /** Sets cells by item id (typing, clearing, a paste onto a selection). Values are text as typed. */
  'catalog:edit': inWorker(
    z
      .object({
        engine: z.string(),
        type: z.string(),
        origin: z.enum(['edit', 'paste', 'fill']),
        cells: z.array(z.object({ id: z.string(), field: fieldName, value: cellValue }).strict()).max(2_000_000),
      })
      .strict(),
    returns<EditReport>(),
  ),
  /** Pastes a block (rows of cells, as TSV gives them) down the view from `startRow`, into `fields`. */
  'catalog:paste': inWorker(
    z
      .object({
        view: viewSpec,
        startRow: z.number().int().min(0),
        fields: z.array(fieldName).min(1),
        rows: z.array(z.array(z.string())),
      })
      .strict(),
    returns<PasteReport>(),
  ),
  /** Pasted rows that fell past the last row, created as new items (the first column is the id). */
  'catalog:pasteNew': inWorker(
    z
      .object({
        engine: z.string(),
        type: z.string(),
        fields: z.array(fieldName).min(1),
        rows: z.array(z.array(z.string())),
      })
      .strict(),
    returns<EditReport>(),
  ),
  /** Copies the first row's values of `fields` down to every row up to `endRow` (Ctrl+D). */
  'catalog:fill': inWorker(
    z
      .object({
        view: viewSpec,
        startRow: z.number().int().min(0),
        endRow: z.number().int().min(0),
        fields: z.array(fieldName).min(1),
      })
      .strict(),
    returns<EditReport>(),
  ),
  /** Rows of the view as TSV (copy), for a block too large to have been loaded by the grid. */
  'catalog:copy': inWorker(
    z
      .object({
        view: viewSpec,
        startRow: z.number().int().min(0),
        endRow: z.number().int().min(0),
        fields: z.array(fieldName).min(1),
      })
      .strict(),
    returns<{ tsv: string; rows: number }>(),
  ),
  /** Find and replace over the view (or one field of it); `preview` only counts. */
  'catalog:replace': inWorker(
    z
      .object({
        view: viewSpec,
        field: fieldName.nullable(),
        find: z.string().min(1),
        replace: z.string(),
        matchCase: z.boolean(),
        wholeCell: z.boolean(),
        preview: z.boolean(),
      })
      .strict(),
    returns<EditReport & { matches: number }>(),
  ),
  'catalog:create': inWorker(
    z
      .object({
        engine: z.string(),
        type: z.string(),
        id: z.string().regex(/^[\w-]{1,200}$/, 'word characters and - only'),
        copyOf: z.string().nullable(),
      })
      .strict(),
    returns<EditReport>(),
  ),
  /** Marks items deleted (kept, struck through, until synced); items made here go at once. */
  'catalog:delete': inWorker(
    z.object({ engine: z.string(), type: z.string(), ids: z.array(z.string()).min(1) }).strict(),
    returns<EditReport>(),
  ),
  'catalog:undo': inWorker(z.void(), returns<EditReport>()),
  'catalog:redo': inWorker(z.void(), returns<EditReport>()),
  'catalog:undoState': inWorker(z.void(), returns<UndoState>()),
  'catalog:itemHistory': inWorker(
    z.object({ engine: z.string(), type: z.string(), id: z.string() }).strict(),
    returns<{ entries: HistoryEntry[] }>(),
  ),
  /** Settles conflicts: keep mine or take theirs, for one cell, one item or every conflict of the view. */
  'catalog:resolve': inWorker(
    z
      .object({
        view: viewSpec,
        target: z.union([z.object({ id: z.string(), field: fieldName.nullable() }).strict(), z.literal('view')]),
        keep: z.enum(['mine', 'theirs']),
      })
      .strict(),
    returns<EditReport>(),
  ),
  /** Column layout (order, widths, visibility, sort) per engine and type, kept across restarts. */
  'catalog:layout': inWorker(typeRef, returns<{ layout: unknown }>()),
  'catalog:saveLayout': inWorker(
    z.object({ engine: z.string(), type: z.string(), layout: z.unknown() }).strict(),
    returns<{ saved: true }>(),
  ),

  // ---- Sync ----
  'sync:pending': inWorker(z.void(), returns<PendingSnapshot>()),
  'sync:discard': inWorker(discardScope, returns<EditReport>()),
  /** Pushes every pending change of the current account (or one type); progress as `sync:progress`. */
  'sync:start': inWorker(
    z.object({ engine: z.string().optional(), type: z.string().optional() }).strict(),
    returns<SyncProgress>(),
  ),
  'sync:pause': inWorker(z.void(), returns<SyncProgress | null>()),
  'sync:cancel': inWorker(z.void(), returns<SyncProgress | null>()),
  /** Failed rows become pending again. */
  'sync:retryFailed': inWorker(
    z.object({ engine: z.string(), type: z.string() }).strict(),
    returns<{ retried: number }>(),
  ),
  /** The failed rows with their reasons, as CSV (id, reason, fields). */
  'sync:exportFailed': inWorker(
    z.object({ engine: z.string(), type: z.string() }).strict(),
    returns<{ csv: string; rows: number }>(),
  ),
  'sync:settings': inWorker(z.object({ autoSync: z.boolean().optional() }).strict(), returns<{ autoSync: boolean }>()),
  /** A sync's result per item (the last sync's without `run`), problems first, a page at a time. */
  'sync:results': inWorker(
    z
      .object({
        run: z.number().int().positive().optional(),
        outcome: z.enum(['synced', 'failed', 'conflict', 'not-sent']).optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(1_000).optional(),
      })
      .strict(),
    returns<SyncResultsPage>(),
  ),

  // ---- CSV import and export (files by absolute path, .csv/.tsv/.txt; a main-side dialog picks them) ----
  /** The first rows as the parser sees them, the detected (or chosen) encoding and delimiter, and a mapping. */
  'csv:preview': inWorker(
    z
      .object({
        file: csvPath,
        engine: z.string(),
        type: z.string(),
        rows: z.number().int().min(0).max(1_000),
        encoding: csvEncoding.optional(),
        delimiter: csvDelimiter.optional(),
      })
      .strict(),
    returns<CsvPreview>(),
  ),
  /** Stages the file and compares it with the catalog; nothing changes until `csv:apply`. Progress as `csv:progress`. */
  'csv:dryRun': inWorker(
    z
      .object({
        file: csvPath,
        engine: z.string(),
        type: z.string(),
        mode: z.enum(['merge', 'replace', 'add', 'update']),
        mapping: csvMapping.nullable(),
        encoding: csvEncoding.optional(),
        delimiter: csvDelimiter.optional(),
      })
      .strict(),
    returns<CsvDryRun>(),
  ),
  /** Changed items of a dry run, field by field (before -> after), a page at a time in file order. */
  'csv:changes': inWorker(csvPage, returns<{ rows: CsvChangedRow[] }>()),
  /** Invalid rows and warnings of a dry run, with line, column and reason, a page at a time. */
  'csv:problems': inWorker(csvPage, returns<{ rows: CsvProblemRow[] }>()),
  /** A dry run's rows of one outcome (new items with their document, say), a page at a time in file order. */
  'csv:rows': inWorker(
    csvPage.extend({ outcome: z.enum(['new', 'changed', 'unchanged', 'skipped', 'invalid']) }).strict(),
    returns<{ rows: CsvStagedRow[] }>(),
  ),
  /** Items replace mode would delete, a page at a time (in id order). */
  'csv:deletions': inWorker(
    z.object({ importId: z.number().int(), afterId: z.string(), limit: z.number().int().min(1).max(5_000) }).strict(),
    returns<{ ids: string[] }>(),
  ),
  /** Applies a dry run as one undoable action; the changes then sync like any edit. */
  'csv:apply': inWorker(
    z.object({ importId: z.number().int() }).strict(),
    returns<EditReport & { importId: number }>(),
  ),
  /** Drops a dry run's staged rows. */
  'csv:discard': inWorker(z.object({ importId: z.number().int() }).strict(), returns<{ discarded: boolean }>()),
  /** Writes the results file (line,id,outcome,message): after the dry run, or after the sync with each item's fate. */
  'csv:results': inWorker(
    z.object({ importId: z.number().int(), file: csvPath, stage: z.enum(['dryRun', 'sync']) }).strict(),
    returns<{ file: string; rows: number }>(),
  ),
  /** Writes items (all, a view, or ids) as CSV, TSV or a Doofinder feed file. Progress as `csv:progress`. */
  'csv:export': inWorker(
    z
      .object({
        file: csvPath,
        target: z.union([
          z.object({ scope: z.literal('all'), engine: z.string(), type: z.string() }).strict(),
          z.object({ scope: z.literal('view'), view: viewSpec }).strict(),
          z
            .object({
              scope: z.literal('ids'),
              engine: z.string(),
              type: z.string(),
              ids: z.array(z.string()).max(2_000_000),
            })
            .strict(),
        ]),
        /** Fields in the grid's order; null for every field of the type. */
        columns: z.array(fieldName).min(1).nullable(),
        format: z.enum(['csv', 'tsv', 'feed']),
        delimiter: csvDelimiter.optional(),
        listJoiner: z.string().min(1).max(10).optional(),
        bom: z.boolean(),
      })
      .strict(),
    returns<{ file: string; rows: number }>(),
  ),
  'csv:presets': inWorker(typeRef, returns<{ presets: CsvPreset[] }>()),
  'csv:savePreset': inWorker(
    z
      .object({ engine: z.string(), type: z.string(), name: z.string().trim().min(1).max(80), mapping: csvMapping })
      .strict(),
    returns<CsvPreset>(),
  ),
  'csv:deletePreset': inWorker(
    z.object({ engine: z.string(), type: z.string(), name: z.string() }).strict(),
    returns<{ deleted: boolean }>(),
  ),
  /** Stops the running dry run (nothing stays staged) or export (its partial file is removed); its call fails with `cancelled`. */
  'csv:cancel': inWorker(z.void(), returns<{ cancelled: boolean }>()),

  // ---- Files (main: the OS dialogs) ----
  /** Electron's open dialog for a file to import (.csv, .tsv, .txt); browser mode uploads instead. */
  'files:pickImport': inMain(z.void(), returns<PickedFile>()),
  /** Electron's save dialog for an export or results file; browser mode downloads instead. */
  'files:pickExport': inMain(
    z
      .object({
        suggestedName: z
          .string()
          .max(200)
          .regex(/^[^/\\\0]+\.(?:csv|tsv|txt)$/i, 'a file name ending in .csv, .tsv or .txt'),
      })
      .strict(),
    returns<PickedFile>(),
  ),

  // ---- Feeds (management-api-v1.md "Processing Tasks", "List Tasks Logs") ----
  /** Starts processing the engine's feeds; the run is then polled in the background (`feeds:changed`). */
  'feeds:process': inWorker(
    z.object({ engine: z.string().regex(/^\w{1,64}$/), force: z.boolean() }).strict(),
    returns<FeedRunView>(),
  ),
  /** The engine's runs, newest first, filtered by result. */
  'feeds:runs': inWorker(
    z
      .object({
        engine: z.string(),
        result: z.enum(['running', 'success', 'failure', 'unknown']).optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    returns<FeedRunsPage>(),
  ),
  /** Asks `tasks/process` soon (lowest priority) to pick up runs started elsewhere; answers at once. */
  'feeds:check': inWorker(z.object({ engine: z.string() }).strict(), returns<{ scheduled: boolean }>()),
  /** The stored log lines, filtered; `refresh` reads `/logs` again first. */
  'feeds:logs': inWorker(
    z
      .object({
        engine: z.string(),
        refresh: z.boolean(),
        levels: z.array(z.string().max(20)).max(10).optional(),
        text: z.string().max(200).optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(5_000).optional(),
      })
      .strict(),
    returns<FeedLogsPage>(),
  ),
  'feeds:settings': inWorker(
    z.object({ dropPercent: z.number().min(1).max(100).optional() }).strict(),
    returns<FeedSettings>(),
  ),
  /** Sandbox account only: what the sample feed of its "Feed demo" engine contains, to try good and bad runs. */
  'feeds:sandboxScenario': inWorker(
    z.object({ scenario: z.enum(['healthy', 'bad-rows', 'empty', 'lost-products']) }).strict(),
    returns<{ scenario: string; file: string }>(),
  ),

  // ---- Activity ----
  'activity:list': inWorker(
    z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    returns<ActivityPage>(),
  ),
  'activity:markRead': inWorker(
    z.object({ ids: z.array(z.number().int()).max(1_000).nullable() }).strict(),
    returns<{ unread: number }>(),
  ),

  // ---- Stats (management-api-v1.md "Statistics") ----
  /** The cached answer at once (the page opens offline); with `refresh`, or nothing cached, reads it again in the background (`stats:changed`). */
  'stats:load': inWorker(
    z.object({ engine: z.string(), range: statsRange, refresh: z.boolean() }).strict(),
    returns<StatsView>(),
  ),
  /** Writes the aggregates or one top list of the cached answer as CSV. */
  'stats:export': inWorker(
    z
      .object({
        file: csvPath,
        engine: z.string(),
        range: statsRange,
        table: z.enum(['aggregates', 'searches', 'clicked', 'opportunities', 'noresults']),
      })
      .strict(),
    returns<{ file: string; rows: number }>(),
  ),
  /** This month's request count and the app's share of it; `refresh` reads the aggregates again. */
  'stats:usage': inWorker(z.object({ refresh: z.boolean() }).strict(), returns<UsageView>()),

  // ---- Notifications (main: Electron's Notification; browser mode uses the page's) ----
  'app:notify': inMain(
    z.object({ title: z.string().max(200), body: z.string().max(2_000) }).strict(),
    returns<{ shown: boolean }>(),
  ),

  // ---- Search tester (search-api-v5.md) ----
  /**
   * One search as the tester sets it, at interactive priority, never retried silently. A newer
   * call with the same `lane` cancels the older one still going (its call fails with `cancelled`).
   * Limits the document sets (query over 200 characters, rpp over 100, rpp*page over 1,000) fail
   * with `invalid_input` and `details.field` naming the parameter, before anything is sent.
   */
  'search:run': inWorker(
    z.object({ engine: engineId, params: searchParams, lane: z.string().max(40).optional() }).strict(),
    returns<SearchAnswerView>(),
  ),
  /** The engine's `/5/options` (facets, sort options, currency) plus the fields and types the tester offers. */
  'search:options': inWorker(z.object({ engine: engineId }).strict(), returns<SearchOptionsView>()),
  /** The curl command of a search; with `reveal`, the real token instead of {token}. Sends nothing. */
  'search:curl': inWorker(
    z.object({ engine: engineId, params: searchParams, reveal: z.boolean() }).strict(),
    returns<{ curl: string }>(),
  ),
  /** Two searches (two parameter sets, or two engines) for the same query, and how their rankings differ. */
  'search:compare': inWorker(
    z
      .object({
        a: z.object({ engine: engineId, params: searchParams }).strict(),
        b: z.object({ engine: engineId, params: searchParams }).strict(),
        k: z.number().int().min(1).max(100),
        p: z.number().gt(0).lt(1),
      })
      .strict(),
    returns<SearchCompareView>(),
  ),
  /** A tracking event from a result: `/5/stats/*` with the tester's session id, or `/api/v2/stats/visit`. */
  'search:event': inWorker(
    z
      .object({
        engine: engineId,
        kind: z.enum(['click', 'add-to-cart', 'remove-from-cart', 'clear-cart', 'checkout', 'visit']),
        sessionId: z.string().min(1).max(100),
        dfid: z.string().max(300).optional(),
        itemId: z.string().max(300).optional(),
        type: z.string().max(100).optional(),
        amount: z.number().int().min(1).max(10_000).optional(),
        query: z.string().max(200).optional(),
        /** Visit only: the shop's store id (required by the API, 1 to 36 characters). */
        store: z.string().max(100).optional(),
      })
      .strict(),
    returns<SearchEventAnswer>(),
  ),

  // ---- Relevance cases ----
  'relevance:cases': inWorker(z.void(), returns<{ cases: RelevanceCaseSummary[] }>()),
  'relevance:case': inWorker(z.object({ id: z.number().int() }).strict(), returns<RelevanceCaseView>()),
  'relevance:saveCase': inWorker(
    z
      .object({
        id: z.number().int().optional(),
        name: z.string().trim().min(1).max(120),
        engine: engineId,
        k: z.number().int().min(1).max(100),
        threshold: z.number().int().min(1).max(3),
      })
      .strict(),
    returns<RelevanceCaseView>(),
  ),
  'relevance:deleteCase': inWorker(z.object({ id: z.number().int() }).strict(), returns<{ deleted: boolean }>()),
  'relevance:saveQuery': inWorker(
    z.object({ caseId: z.number().int(), id: z.number().int().optional(), params: searchParams }).strict(),
    returns<RelevanceCaseView>(),
  ),
  'relevance:deleteQuery': inWorker(
    z.object({ caseId: z.number().int(), id: z.number().int() }).strict(),
    returns<RelevanceCaseView>(),
  ),
  /** Grades a result of a query (null removes the grade); never re-runs anything. */
  'relevance:grade': inWorker(
    z.object({ queryId: z.number().int(), itemId: z.string().min(1).max(300), grade: grade.nullable() }).strict(),
    returns<RelevanceQueryView>(),
  ),
  /** Runs the case's queries (all, or the ones named) one at a time through the rate limiter; progress as `relevance:progress`. */
  'relevance:run': inWorker(
    z.object({ caseId: z.number().int(), queryIds: z.array(z.number().int()).max(500).optional() }).strict(),
    returns<RelevanceRunView>(),
  ),
  'relevance:cancel': inWorker(z.object({ caseId: z.number().int() }).strict(), returns<{ cancelled: boolean }>()),
  /** The case's runs, oldest first (for the metric over time). */
  'relevance:runs': inWorker(z.object({ caseId: z.number().int() }).strict(), returns<{ runs: RelevanceRunView[] }>()),
  'relevance:compareRuns': inWorker(
    z.object({ before: z.number().int(), after: z.number().int() }).strict(),
    returns<RelevanceRunCompareView>(),
  ),
  /** Judgments from a CSV of `query,id,grade` (a header row; queries not in the case are added). */
  'relevance:import': inWorker(
    z.object({ caseId: z.number().int(), file: csvPath }).strict(),
    returns<{ case: RelevanceCaseView; judgments: number; queriesAdded: number; problems: CsvProblem[] }>(),
  ),
  /** Writes the case's judgments as `query,id,grade`. */
  'relevance:export': inWorker(
    z.object({ caseId: z.number().int(), file: csvPath }).strict(),
    returns<{ file: string; rows: number }>(),
  ),
};

export const events = {
  /** The API worker started, died, or is being restarted. */
  'app:workerState': returns<WorkerState>(),
  /** Account, sync and rate-limiter state for the status bar. */
  'app:status': returns<StatusSnapshot>(),
  /** An account was added, changed, removed or switched to, or its state changed. */
  'accounts:changed': returns<AccountsSnapshot>(),
  /** The current account's engines or their counts changed (after a refresh or a mirror). */
  'engines:changed': returns<EnginesSnapshot>(),
  'mirror:progress': returns<MirrorProgressView>(),
  /** Rows of a type changed (an edit, undo, mirror, push): the grid refetches what it shows. */
  'catalog:changed': returns<{ accountId: string; engine: string; type: string; reason: ChangeOrigin }>(),
  'catalog:undoState': returns<UndoState>(),
  'sync:progress': returns<SyncProgress>(),
  /** Pending changes were added, pushed or discarded. */
  'sync:pendingChanged': returns<{ total: number }>(),
  /** A CSV dry run, apply or export moving on (rows so far). */
  'csv:progress': returns<CsvProgress>(),
  /** A feed run was started, moved on, finished, or its health was checked. */
  'feeds:changed': returns<{ accountId: string; engine: string; run: FeedRunView }>(),
  /** New log lines were read for an engine. */
  'feeds:logsChanged': returns<{ accountId: string; engine: string }>(),
  'activity:added': returns<ActivityEntry>(),
  /** A stats part moved on (generated, read, failed) for an engine and range. */
  'stats:changed': returns<{ accountId: string; view: StatsView }>(),
  /** A relevance run moved on (a query done) or ended. */
  'relevance:progress': returns<RelevanceRunView>(),
};

// ---------------------------------------------------------------------------------------
// Types derived from the maps above
// ---------------------------------------------------------------------------------------

type Requests = typeof requests;
export type RequestChannel = keyof Requests;
export type EventChannel = keyof typeof events;

export type RequestInput<K extends RequestChannel> = z.input<Requests[K]['input']>;
export type RequestOutput<K extends RequestChannel> = Requests[K]['output'];
export type EventPayload<K extends EventChannel> = (typeof events)[K];

export type ChannelsServedBy<R extends Runs> = {
  [K in RequestChannel]: Requests[K]['runs'] extends R ? K : never;
}[RequestChannel];

/** Channels without input take no argument at the call site. */
export type InputArgs<K extends RequestChannel> = [RequestInput<K>] extends [void | undefined]
  ? []
  : [input: RequestInput<K>];

export type Handler<K extends RequestChannel> = (
  input: z.output<Requests[K]['input']>,
) => Promise<RequestOutput<K>> | RequestOutput<K>;

/** Exactly one handler for every channel served by `R`: the compiler reports a missing one. */
export type HandlersFor<R extends Runs> = { [K in ChannelsServedBy<R>]: Handler<K> };

/**
 * What `window.api` is, in Electron (from the preload) and in browser mode (a WebSocket shim).
 * Requests answer with an envelope so a typed error survives the process boundary intact.
 */
export interface Api {
  request<K extends RequestChannel>(channel: K, ...input: InputArgs<K>): Promise<Envelope<RequestOutput<K>>>;
  on<K extends EventChannel>(channel: K, listener: (payload: EventPayload<K>) => void): () => void;
}

export const requestChannels = Object.keys(requests) as RequestChannel[];
export const eventChannels = Object.keys(events) as EventChannel[];

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && Object.hasOwn(requests, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
