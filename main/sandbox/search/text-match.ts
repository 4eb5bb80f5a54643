/**
 * The text side of a search: the query's words as FTS5 indexes them, the FTS5 expression
 * each query_name runs, and its matches with their scores (bm25 × df_manual_boost), cached
 * per engine until the next item write.
 */
import type { EngineColumns, TextMatch } from './engine-columns';
import type { FtsIndex } from './fts-index';
import { Vocabulary } from './vocabulary';

/** search-api-v5.md "The query_name parameter", in the order Doofinder tries them by default. */
export const QUERY_NAMES = ['match_and', 'match_or', 'fuzzy', 'phonetic_text'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

/** A word as an FTS5 string: the tokenizer split on every quote already, so none is left inside. */
const quoted = (word: string) => `"${word}"`;

function anyOf(words: string[]): string {
  return words.length === 1 ? quoted(words[0] as string) : `(${words.map(quoted).join(' OR ')})`;
}

/** Each typed word must match one of its stand-ins; null when a word has none (nothing can match). */
function expanded(words: string[], standIns: (word: string) => string[]): string | null {
  const groups: string[] = [];
  for (const word of words) {
    const found = standIns(word);
    if (found.length === 0) return null;
    groups.push(anyOf(found));
  }
  return groups.join(' AND ');
}

/**
 * The FTS5 expression a query_name runs for these words (never empty), or null when it
 * cannot match anything. fuzzy and phonetic_text require every word, like match_and, but
 * accept indexed words within the edit distance / with the same sound.
 */
export function expressionFor(name: QueryName, words: string[], vocabulary: () => Vocabulary): string | null {
  if (words.length === 0) return null;
  switch (name) {
    case 'match_and':
      return words.map(quoted).join(' AND ');
    case 'match_or':
      return words.map(quoted).join(' OR ');
    case 'fuzzy':
      return expanded(words, (word) => vocabulary().closeTo(word));
    case 'phonetic_text':
      return expanded(words, (word) => vocabulary().soundsLike(word));
  }
}

export function vocabularyOf(fts: FtsIndex, columns: EngineColumns): Vocabulary {
  columns.vocabulary ??= new Vocabulary(fts.vocabulary(columns.engineId, 'words'), () =>
    fts.vocabulary(columns.engineId, 'codes'),
  );
  return columns.vocabulary;
}

export function textMatch(fts: FtsIndex, columns: EngineColumns, expression: string): TextMatch {
  const cached = columns.textMatches.get(expression);
  if (cached) return cached;
  const { rowids, scores } = fts.match(columns.engineId, expression);
  const slots = new Int32Array(rowids.length);
  const boosted = new Float64Array(rowids.length);
  let count = 0;
  for (let index = 0; index < rowids.length; index += 1) {
    const slot = columns.slotOfRowid(rowids[index] as number);
    if (slot === undefined) continue;
    slots[count] = slot;
    boosted[count] = (scores[index] as number) * (columns.boosts[slot] as number);
    count += 1;
  }
  const match = { slots: slots.subarray(0, count), scores: boosted.subarray(0, count) };
  columns.textMatches.set(expression, match, count);
  return match;
}
