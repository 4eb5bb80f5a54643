/** Words as FTS5's unicode61 tokenizer with remove_diacritics sees them: lowercase, unaccented, distinct. */
export function wordsOf(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== ''))];
}

/** Words with a digit are codes (SKUs, GTINs, sizes): spelling and sound do not apply to them. */
export const isCode = (word: string) => /\d/.test(word);
