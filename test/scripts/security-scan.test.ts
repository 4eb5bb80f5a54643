import { describe, expect, it } from 'vitest';
import { evaluateScan } from '../../scripts/security/evaluate';

const header = 'issue, severity, confidence, filename, location, sample, description, url';
const cspRow =
  'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0",<meta http-equiv="Content-Security-Policy" content="default-src \'self\', x" />,"One or more CSP directives detected seems to be vulnerable",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK';
const highRow =
  'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","main/window.ts","12:4",const w = new BrowserWindow({ nodeIntegration: true }),"Disable nodeIntegration for untrusted origins",https://github.com/doyensec/electronegativity/wiki/NODE_INTEGRATION_JS_CHECK';

describe('security scan verdict', () => {
  it('reads rows whose unquoted sample holds quotes and commas', () => {
    const verdict = evaluateScan(`${header}\n${cspRow}\n`, '');
    expect(verdict.findings).toEqual([
      expect.objectContaining({
        issue: 'CSP_GLOBAL_CHECK',
        severity: 'LOW',
        filename: 'renderer/index.html',
        location: '5:0',
      }),
    ]);
    expect(verdict.passed).toBe(true);
  });

  it('reads a row whose sample spans several lines (a meta tag split by the formatter)', () => {
    const split = cspRow.replace('content=', '\n      content=');
    const verdict = evaluateScan(`${header}\n${split}\n${highRow}\n`, '');
    expect(verdict.unreadable).toEqual([]);
    expect(verdict.findings.map((finding) => finding.severity)).toEqual(['LOW', 'HIGH']);
  });

  it('fails on any HIGH finding', () => {
    const verdict = evaluateScan(`${header}\n${cspRow}\n${highRow}\n`, '');
    expect(verdict.high).toHaveLength(1);
    expect(verdict.passed).toBe(false);
  });

  it('fails when a file could not be parsed, because it was not scanned', () => {
    const verdict = evaluateScan(
      `${header}\n`,
      'Starting scan...\nError parsing /tmp/x/renderer/bad.ts - Unexpected token (1:13)\n',
    );
    expect(verdict.unparsed).toEqual(['/tmp/x/renderer/bad.ts - Unexpected token (1:13)']);
    expect(verdict.passed).toBe(false);
  });

  it('fails rather than passes when the CSV is not what it expects', () => {
    expect(evaluateScan('', '').passed).toBe(false);
    expect(evaluateScan(`${header}\nsomething else entirely\n`, '').passed).toBe(false);
  });
});
