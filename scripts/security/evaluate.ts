export interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  filename: string;
  location: string;
  description: string;
}

export interface ScanVerdict {
  findings: Finding[];
  high: Finding[];
  /** Files Electronegativity could not parse: unscanned code is a failure, not a pass. */
  unparsed: string[];
  /** CSV lines this reader could not understand: also a failure, never a silent pass. */
  unreadable: string[];
  passed: boolean;
}

/*
 * Electronegativity writes its CSV by hand: the `sample` column is not quoted and holds raw
 * source (quotes and commas included), so a CSV parser splits it wrongly. Every other
 * column has a known shape, so a row is read from both ends around the sample.
 */
const ROW = /^(\w+),"(\w+)","(\w+)","([^"]*)","([^"]*)",(.*),"([^"]*)",(\S+)$/s;

/** A row starts with a check id and a quoted severity; anything else continues a multi-line sample. */
const ROW_START = /^\w+,"\w+","\w+",/;

function rowsOf(lines: string[]): string[] {
  const rows: string[] = [];
  for (const line of lines) {
    if (ROW_START.test(line) || rows.length === 0) rows.push(line);
    else rows[rows.length - 1] += `\n${line}`;
  }
  return rows;
}

/** Reads Electronegativity's CSV (`-o scan.csv`) and the parse errors it printed without `-o`. */
export function evaluateScan(csv: string, consoleOutput: string): ScanVerdict {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (!lines[0]?.startsWith('issue, severity, confidence')) {
    return { findings: [], high: [], unparsed: [], unreadable: [lines[0] ?? '(empty file)'], passed: false };
  }
  const findings: Finding[] = [];
  const unreadable: string[] = [];
  for (const line of rowsOf(lines.slice(1))) {
    const match = ROW.exec(line);
    if (!match) {
      unreadable.push(line);
      continue;
    }
    const [, issue = '', severity = '', confidence = '', filename = '', location = '', , description = ''] = match;
    findings.push({
      issue,
      severity: severity.toUpperCase(),
      confidence: confidence.toUpperCase(),
      filename,
      location,
      description,
    });
  }
  const high = findings.filter((finding) => finding.severity === 'HIGH');
  const unparsed = [...consoleOutput.matchAll(/^Error parsing (.+)$/gm)].map((match) => match[1] ?? '');
  return {
    findings,
    high,
    unparsed,
    unreadable,
    passed: high.length === 0 && unparsed.length === 0 && unreadable.length === 0,
  };
}
