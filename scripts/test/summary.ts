/** Turning each tool's report into passed/failed counts for the closing line. */

export interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped?: number;
  note?: string;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{ status: string; name: string; message?: string; assertionResults: unknown[] }>;
}

/** Counts tests; a test file that failed before any test ran (a crash on import) counts as one failure. */
export function countVitest(name: string, report: VitestReport | null): SuiteResult {
  if (!report) return { name, passed: 0, failed: 1, note: 'vitest wrote no report (it crashed or was killed)' };
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  );
  return {
    name,
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles.length,
    skipped: report.numPendingTests + report.numTodoTests,
    ...(brokenFiles.length ? { note: `${brokenFiles.length} file(s) failed to load` } : {}),
  };
}

interface EslintFileResult {
  filePath: string;
  errorCount: number;
  fatalErrorCount?: number;
  warningCount: number;
  messages: Array<{ line?: number; column?: number; ruleId: string | null; message: string; severity: number }>;
}

/** One check per linted file: clean or not. */
export function countEslint(
  results: EslintFileResult[] | null,
  root: string,
): { result: SuiteResult; problems: string[] } {
  if (!results) return { result: { name: 'lint', passed: 0, failed: 1, note: 'eslint wrote no report' }, problems: [] };
  const problems = results.flatMap((file) =>
    file.messages.map(
      (m) =>
        `${file.filePath.replace(`${root}/`, '')}:${m.line ?? 0}:${m.column ?? 0} ${m.severity === 2 ? 'error' : 'warning'} ${m.message} (${m.ruleId ?? 'parse'})`,
    ),
  );
  const failed = results.filter((file) => file.errorCount > 0).length;
  return { result: { name: 'lint', passed: results.length - failed, failed }, problems };
}

export function closingLine(results: SuiteResult[]): string {
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  return `${passed} passed, ${failed} failed`;
}
