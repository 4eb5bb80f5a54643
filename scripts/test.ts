/**
 * `npm test`: makes sure the system packages the tests need are there (installing them as
 * root on Debian/Ubuntu), then runs typecheck, lint, formatting, unit, end-to-end and the
 * security scan (every suite, even after a failure) and ends with one line:
 * `N passed, N failed`. Exits non-zero on any failure.
 *   npm test -- unit e2e      run only these suites (typecheck lint format unit e2e scan)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDebianLike, missingPackages, planInstall } from './test/system-packages';
import { closingLine, countEslint, countVitest, type SuiteResult } from './test/summary';

const root = process.cwd();
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const scratch = mkdtempSync(join(tmpdir(), 'cs-test-'));
const allSuites = ['typecheck', 'lint', 'format', 'unit', 'e2e', 'scan'] as const;
type Suite = (typeof allSuites)[number];
const asked = process.argv.slice(2).filter((arg): arg is Suite => (allSuites as readonly string[]).includes(arg));
const suites: readonly Suite[] = asked.length ? asked : allSuites;

function heading(text: string): void {
  console.log(`\n\u25b6 ${text}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

// ---- System packages, and keytar built against them ----------------------------------

function ensureSystemPackages(): void {
  const debian = isDebianLike();
  const missing = missingPackages(undefined, debian);
  const plan = planInstall(
    missing.map((requirement) => requirement.pkg),
    { debian, root: process.getuid?.() === 0 },
  );
  if (plan.action === 'none') return;
  heading(`Installing what the tests need: ${missing.map((r) => `${r.pkg} (${r.why})`).join(', ')}`);
  if (plan.action === 'instruct') {
    console.error(`The tests need system packages that are missing. Run:\n  ${plan.command}`);
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }
  for (const command of plan.commands) {
    const result = spawnSync(command[0] ?? '', command.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(`"${command.join(' ')}" failed; install the packages above and run npm test again.`);
      console.log('\n0 passed, 1 failed');
      process.exit(1);
    }
  }
}

function keytarLoads(): boolean {
  return spawnSync(process.execPath, ['-e', "require('keytar')"], { cwd: root, stdio: 'ignore' }).status === 0;
}

/** npm drops keytar when libsecret headers were missing at install time; build it now that they are here. */
function ensureKeytar(): void {
  if (keytarLoads()) return;
  const lock = readJson<{ packages?: Record<string, { version?: string }> }>(join(root, 'package-lock.json'));
  const version = lock?.packages?.['node_modules/keytar']?.version ?? '7.9.0';
  heading(`Building keytar ${version} (npm skipped it at install: libsecret headers were missing then)`);
  const args = existsSync(join(root, 'node_modules', 'keytar'))
    ? ['rebuild', 'keytar']
    : ['install', '--no-save', '--no-audit', '--no-fund', `keytar@${version}`];
  spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (!keytarLoads()) console.error('keytar still does not load: the keychain tests will fail and say why.');
}

// ---- Suites ----------------------------------------------------------------------------

async function typecheck(): Promise<SuiteResult> {
  heading('Typecheck (tsc --noEmit, one project per runtime)');
  const projects = ['.', 'main', 'preload', 'renderer', 'test'];
  let passed = 0;
  for (const project of projects) {
    const code = await run(bin('tsc'), ['-p', project, '--noEmit']);
    if (code === 0) passed += 1;
    else console.error(`  typecheck failed in ${project === '.' ? 'the top-level project' : `${project}/`}`);
  }
  return { name: 'typecheck', passed, failed: projects.length - passed };
}

async function lint(): Promise<SuiteResult> {
  heading('Lint (ESLint: typescript-eslint, React hooks, layering rules)');
  const report = join(scratch, 'eslint.json');
  await run(bin('eslint'), ['.', '--format', 'json', '--output-file', report]);
  const { result, problems } = countEslint(readJson(report), root);
  for (const problem of problems) console.log(`  ${problem}`);
  console.log(`  ${result.passed} files clean, ${result.failed} with errors`);
  return result;
}

async function format(): Promise<SuiteResult> {
  heading('Formatting (prettier --check)');
  const code = await run(bin('prettier'), ['--check', '--log-level', 'warn', '.']);
  if (code !== 0) console.log('  Run `npx prettier --write .` to fix the files above.');
  return { name: 'format', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
}

async function vitest(project: 'unit' | 'e2e'): Promise<SuiteResult> {
  const report = join(scratch, `vitest-${project}.json`);
  const args = [
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--config',
    'test/vitest.config.ts',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ];
  // Both suites run beside a private, unlocked GNOME Keyring: keychain tests, and the
  // browser-mode app the end-to-end tests drive, use the real Secret Service.
  const keyring = process.platform === 'linux' && existsSync('/usr/bin/dbus-run-session');
  const title =
    project === 'unit'
      ? 'Unit and integration tests (vitest)'
      : 'End-to-end tests (vitest + playwright-core + Chromium, browser mode)';
  if (keyring) {
    heading(`${title}, inside a D-Bus session with an unlocked GNOME Keyring`);
    // A private keyring in a temp folder: nothing is left in the user's home.
    const env = {
      XDG_DATA_HOME: mkdtempSync(join(scratch, 'data-')),
      XDG_RUNTIME_DIR: mkdtempSync(join(scratch, 'run-')),
      CATALOG_STUDIO_TEST_KEYRING: '1',
    };
    const script = 'echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$0" "$@"';
    await run('dbus-run-session', ['--', 'sh', '-c', script, process.execPath, ...args], env);
  } else {
    heading(
      project === 'unit'
        ? 'Unit and integration tests (vitest)'
        : 'End-to-end tests (vitest + playwright-core + Chromium, browser mode)',
    );
    await run(process.execPath, args);
  }
  return countVitest(project, readJson(report));
}

async function scan(): Promise<SuiteResult> {
  heading('Security scan (Electronegativity over main/, preload/, renderer/; fails on HIGH)');
  const code = await run(bin('tsx'), ['scripts/security-scan.ts']);
  return { name: 'scan', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
}

// ---- Main ------------------------------------------------------------------------------

ensureSystemPackages();
ensureKeytar();

const runners: Record<Suite, () => Promise<SuiteResult>> = {
  typecheck,
  lint,
  format,
  unit: () => vitest('unit'),
  e2e: () => vitest('e2e'),
  scan,
};

const results: SuiteResult[] = [];
for (const suite of suites) results.push(await runners[suite]());

heading('Summary');
for (const r of results) {
  const skipped = r.skipped ? `, ${r.skipped} skipped` : '';
  const note = r.note ? ` (${r.note})` : '';
  console.log(
    `  ${r.failed ? 'FAIL' : 'ok  '} ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed${skipped}${note}`,
  );
}
console.log(`\n${closingLine(results)}`);
process.exit(results.some((r) => r.failed > 0) ? 1 : 0);
