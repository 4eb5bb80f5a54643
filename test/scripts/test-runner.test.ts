import { describe, expect, it } from 'vitest';
import { planInstall } from '../../scripts/test/system-packages';
import { closingLine, countEslint, countVitest } from '../../scripts/test/summary';

describe('npm test: system packages', () => {
  it('does nothing when everything is there', () => {
    expect(planInstall([], { debian: true, root: true })).toEqual({ action: 'none' });
  });

  it('installs what is missing when it runs as root on Debian or Ubuntu', () => {
    expect(planInstall(['chromium', 'libsecret-1-dev'], { debian: true, root: true })).toEqual({
      action: 'install',
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'libsecret-1-dev'],
      ],
    });
  });

  it('prints the one command to run otherwise', () => {
    expect(planInstall(['chromium'], { debian: true, root: false })).toEqual({
      action: 'instruct',
      command: 'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium',
    });
    expect(planInstall(['chromium'], { debian: false, root: true })).toMatchObject({ action: 'instruct' });
  });
});

describe('npm test: the closing line', () => {
  const report = (passed: number, failed: number, files: Array<{ status: string; assertionResults: unknown[] }>) => ({
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: 1,
    numTodoTests: 0,
    testResults: files.map((file) => ({ ...file, name: 'f' })),
  });

  it('sums every suite into "N passed, N failed"', () => {
    expect(
      closingLine([
        { name: 'a', passed: 3, failed: 1 },
        { name: 'b', passed: 4, failed: 0 },
      ]),
    ).toBe('7 passed, 1 failed');
  });

  it('counts a test file that crashed before running any test as a failure', () => {
    const counted = countVitest(
      'unit',
      report(5, 0, [
        { status: 'failed', assertionResults: [] },
        { status: 'passed', assertionResults: [1] },
      ]),
    );
    expect(counted).toMatchObject({ passed: 5, failed: 1, skipped: 1 });
  });

  it('counts a vitest run that wrote no report as a failure, never as a pass', () => {
    expect(countVitest('e2e', null)).toMatchObject({ passed: 0, failed: 1 });
    expect(countEslint(null, '/r').result).toMatchObject({ passed: 0, failed: 1 });
  });

  it('counts lint per file', () => {
    const { result, problems } = countEslint(
      [
        { filePath: '/r/a.ts', errorCount: 0, warningCount: 0, messages: [] },
        {
          filePath: '/r/b.ts',
          errorCount: 1,
          warningCount: 0,
          messages: [{ line: 2, column: 3, ruleId: 'x', message: 'bad', severity: 2 }],
        },
      ],
      '/r',
    );
    expect(result).toMatchObject({ passed: 1, failed: 1 });
    expect(problems).toEqual(['b.ts:2:3 error bad (x)']);
  });
});
