/** A file's encoding and delimiter: detected, or as the user chose them. */
import { decodedText } from './decode';
import { detectDelimiter, type Delimiter } from './delimiter';
import { detectEncoding, type CsvEncoding, type EncodingChoice } from './encoding';

export interface CsvDialect extends EncodingChoice {
  delimiter: Delimiter;
}

export interface DialectOverrides {
  encoding?: CsvEncoding | undefined;
  delimiter?: Delimiter | undefined;
}

/** Enough of the file to see its header and first rows. */
const SAMPLE_BYTES = 64 * 1024;

export async function detectDialect(file: string, overrides: DialectOverrides = {}): Promise<CsvDialect> {
  const encoding = await detectEncoding(file, overrides.encoding);
  if (overrides.delimiter) return { ...encoding, delimiter: overrides.delimiter };
  let sample = '';
  for await (const text of decodedText(file, encoding, { maxBytes: SAMPLE_BYTES })) sample += text;
  return { ...encoding, delimiter: detectDelimiter(sample) };
}
