const ACCENTED: Record<string, string> = {
  à: 'a', â: 'a', ä: 'a', á: 'a', é: 'e', è: 'e', ê: 'e', ë: 'e', î: 'i', ï: 'i', í: 'i', ô: 'o', ö: 'o', ó: 'o',
  ù: 'u', û: 'u', ü: 'u', ú: 'u', ÿ: 'y', ç: 'c', ñ: 'n', œ: 'oe', æ: 'ae', '’': "'", '‘': "'", ʼ: "'",
};
const FOLDED = new RegExp(`[${Object.keys(ACCENTED).join('')}]`, 'g');

/**
 * A cheap form of `normaliseForMatch` for reading wording, sentence by
 * sentence: lower case, French accents and ’ folded, spaces collapsed.
 * (Unicode normalisation costs more than all the wording checks together.)
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(FOLDED, (c) => ACCENTED[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}
