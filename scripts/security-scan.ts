/**
 * Electronegativity over main/, preload/ and renderer/. It exits 0 whatever it finds and
 * its SARIF has no severity, so this reads its CSV and fails on any HIGH finding. With -o
 * it skips files it cannot parse without a word, so a second run without -o (in parallel)
 * collects those, and they fail the scan too.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronVersion } from './launch/electron-binary';
import { evaluateScan } from './security/evaluate';

const root = process.cwd();
const tree = mkdtempSync(join(tmpdir(), 'cs-scan-'));
for (const folder of ['main', 'preload', 'renderer'])
  cpSync(join(root, folder), join(tree, folder), { recursive: true });
const csvFile = join(tree, 'scan.csv');
const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const base = [cli, '-i', tree, '-e', electronVersion(root), '-r', '-v', 'false'];

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(output));
  });
}

/*
 * Electronegativity writes the CSV's header (truncating) and its rows (appending) with two
 * fs.writeFile calls it does not order: when the rows land first, the header overwrites the
 * start of the first row. That shows as an unreadable line, so the scan runs again (at most
 * three times); a CSV still unreadable then fails the scan as before.
 */
async function scan() {
  const [, consoleOutput] = await Promise.all([run([...base, '-o', csvFile]), run(base)]);
  return evaluateScan(readFileSync(csvFile, 'utf8'), consoleOutput);
}

let verdict = await scan();
for (let attempt = 2; attempt <= 3 && verdict.unreadable.length > 0; attempt += 1) verdict = await scan();

const bySeverity = new Map<string, number>();
for (const finding of verdict.findings) bySeverity.set(finding.severity, (bySeverity.get(finding.severity) ?? 0) + 1);
const counts = [...bySeverity].map(([severity, count]) => `${count} ${severity}`).join(', ') || 'no findings';
console.log(`Electronegativity: ${counts}.`);
for (const finding of verdict.findings) {
  console.log(
    `  ${finding.severity} ${finding.issue} ${finding.filename}:${finding.location} (${finding.confidence}): ${finding.description}`,
  );
}
for (const line of verdict.unreadable) console.log(`  Could not read this line of the scan's CSV: ${line}`);
for (const file of verdict.unparsed) console.log(`  Could not parse ${file.replace(tree, '.')}: it was not scanned.`);
process.exit(verdict.passed ? 0 : 1);
