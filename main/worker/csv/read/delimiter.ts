/**
 * Which of `,` `;` `|` or tab separates the cells, from the first lines of the text:
 * the candidate that appears outside quotes in the header and the same number of times on
 * most of the lines after it (a `,` inside a price "12,50" or a description must not win
 * over the `;` PrestaShop writes).
 */
export const delimiters = [',', ';', '|', '\t'] as const;
export type Delimiter = (typeof delimiters)[number];

const SAMPLE_LINES = 20;

/** Unquoted counts of each candidate, per line (a quoted cell may hold line breaks). */
function countsPerLine(text: string): Array<Map<string, number>> {
  const lines: Array<Map<string, number>> = [];
  let counts = new Map<string, number>();
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') {
      lines.push(counts);
      counts = new Map();
      if (lines.length >= SAMPLE_LINES) return lines;
    } else if (!quoted && (delimiters as readonly string[]).includes(char))
      counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  if (counts.size > 0) lines.push(counts);
  return lines;
}

export function detectDelimiter(sample: string): Delimiter {
  const lines = countsPerLine(sample.replace(/^\n+/, '')).filter((counts, index) => index === 0 || counts.size > 0);
  const [header, ...rest] = lines;
  if (!header) return ',';
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const delimiter of delimiters) {
    const inHeader = header.get(delimiter) ?? 0;
    if (inHeader === 0) continue;
    // Rows agreeing with the header count; more than the header is a trailing delimiter, still agreeing.
    const exact = rest.filter((counts) => (counts.get(delimiter) ?? 0) === inHeader).length;
    const atLeast = rest.filter((counts) => (counts.get(delimiter) ?? 0) >= inHeader).length;
    const score = (exact * 2 + atLeast) * 1000 + inHeader;
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}
