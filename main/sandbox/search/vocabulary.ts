/**
 * The words an engine's index holds (FTS5's vocabulary), for the two query_names that match
 * words the shopper did not type exactly: `fuzzy` (edit distance) and `phonetic_text`
 * (Double Metaphone codes). Built once per engine from FTS5 (a scan of the whole index),
 * then taught the words of each item written, so edits never pay for a rebuild; words of
 * deleted items linger, which only costs an expansion that matches nothing.
 */
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import { isCode } from './words';

export interface VocabularyTerm {
  term: string;
  /** How many items contain the word: commoner words are preferred when there are too many. */
  docs: number;
}

/** At most this many indexed words stand in for one typed word, so the FTS5 query stays small. */
const MAX_EXPANSIONS = 50;

/**
 * A stand-in much rarer than the commonest one is dropped: bm25 would rank its few items
 * (a product code one letter off) above those of the word the shopper meant. Elasticsearch
 * blends the frequencies of fuzzy expansions for the same reason.
 */
const MIN_SHARE_OF_COMMONEST = 0.01;

/**
 * Elasticsearch's AUTO fuzziness (what Doofinder's fuzzy query runs on): words of 1–2
 * characters must match exactly, 3–5 may differ by one edit, longer ones by two.
 */
export function allowedEdits(word: string): number {
  if (word.length <= 2) return 0;
  return word.length <= 5 ? 1 : 2;
}

function phoneticCodes(word: string): string[] {
  return [...new Set(doubleMetaphone(word))].filter((code) => code !== '');
}

function best(found: Array<VocabularyTerm & { edits: number }>): string[] {
  const commonest = found.reduce((max, entry) => Math.max(max, entry.docs), 0);
  return found
    .filter((entry) => entry.docs >= commonest * MIN_SHARE_OF_COMMONEST)
    .sort((a, b) => a.edits - b.edits || b.docs - a.docs || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, MAX_EXPANSIONS)
    .map((entry) => entry.term);
}

/** Terms of one kind (words or codes) by length, for edit-distance lookups. */
class TermsByLength {
  readonly known = new Map<string, VocabularyTerm>();
  private readonly byLength = new Map<number, VocabularyTerm[]>();

  add(entry: VocabularyTerm): void {
    if (this.known.has(entry.term)) return;
    this.known.set(entry.term, entry);
    const list = this.byLength.get(entry.term.length) ?? [];
    list.push(entry);
    this.byLength.set(entry.term.length, list);
  }

  within(word: string, edits: number): Array<VocabularyTerm & { edits: number }> {
    const found: Array<VocabularyTerm & { edits: number }> = [];
    for (let length = word.length - edits; length <= word.length + edits; length += 1) {
      for (const entry of this.byLength.get(length) ?? []) {
        const edited = distance(word, entry.term);
        if (edited <= edits) found.push({ ...entry, edits: edited });
      }
    }
    return found;
  }
}

export class Vocabulary {
  private readonly words = new TermsByLength();
  private codes: TermsByLength | null = null;
  private readonly sounds = new Map<string, VocabularyTerm[]>();

  /**
   * @param words the index's words without digits
   * @param loadCodes the index's words with digits (most of a catalog's vocabulary: GTINs,
   *   SKUs), loaded only when a shopper types a code
   */
  constructor(
    words: VocabularyTerm[],
    private readonly loadCodes: () => VocabularyTerm[],
  ) {
    for (const entry of words) this.addWord(entry);
  }

  /** Words of an item just written. */
  learn(words: string[]): void {
    for (const term of words) {
      if (!isCode(term)) this.addWord({ term, docs: 1 });
      else this.codes?.add({ term, docs: 1 });
    }
  }

  /** Indexed words within the allowed edit distance of `word`, closest (then commonest) first. */
  closeTo(word: string): string[] {
    const terms = isCode(word) ? this.codeTerms() : this.words;
    const edits = allowedEdits(word);
    if (edits === 0) return terms.known.has(word) ? [word] : [];
    return best(terms.within(word, edits));
  }

  /** Indexed words sharing a Double Metaphone code with `word`; codes and numbers match exactly. */
  soundsLike(word: string): string[] {
    const codes = isCode(word) ? [] : phoneticCodes(word);
    if (codes.length === 0) return (isCode(word) ? this.codeTerms() : this.words).known.has(word) ? [word] : [];
    const found = new Map<string, VocabularyTerm & { edits: number }>();
    for (const code of codes) {
      for (const entry of this.sounds.get(code) ?? []) {
        // Among words that sound alike, the ones also spelt alike come first.
        if (!found.has(entry.term)) found.set(entry.term, { ...entry, edits: distance(word, entry.term) });
      }
    }
    return best([...found.values()]);
  }

  private addWord(entry: VocabularyTerm): void {
    if (this.words.known.has(entry.term)) return;
    this.words.add(entry);
    for (const code of phoneticCodes(entry.term)) {
      const list = this.sounds.get(code) ?? [];
      list.push(entry);
      this.sounds.set(code, list);
    }
  }

  private codeTerms(): TermsByLength {
    if (!this.codes) {
      this.codes = new TermsByLength();
      for (const entry of this.loadCodes()) this.codes.add(entry);
    }
    return this.codes;
  }
}
