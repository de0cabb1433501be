/** One line of a guide document, with its 1-based line number for problems. */
export interface Line {
  text: string;
  line: number;
}

/** The page header the PDF repeats on every page ("immigré·e·s", sometimes "immigré-e-s"). */
const PAGE_HEADER = /^gisti,\s*groupe\s+d['’]information\s+et\s+de\s+soutien\s+des\s+immigr[ée](?:[·.\-‐]?e[·.\-‐]?s|s)$/iu;
const PAGE_NUMBER = /^(?:\d{1,3}\s*\/\s*\d{1,3}|page\s+\d{1,3}(?:\s+(?:sur|\/)\s+\d{1,3})?)$/iu;
export const REGION = /^Région\s*:?\s+(.+?)\s*$/u;
/** Articles are matched case-sensitively: "de La Réunion" keeps "La" in the name. */
export const DEPARTMENT = /^D[ée]partement\s*:?\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?(.+?)\s*\(\s*([^()\s]{1,4})\s*\)\s*$/u;
export const PREFECTURE = /^Pr[ée]fecture\s*:?\s+(.+?)\s*$/u;
export const SUB_PREFECTURE_LIST = /^Sous-pr[ée]fectures?\s*:\s*(.*)$/iu;
export const SUB_PREFECTURE_HEADING = /^Sous-pr[ée]fectures?\s*:?$/iu;
export const UPDATED = /^Derni[èe]re\s+mise\s+à\s+jour\s*(?:le\s*)?:?\s*(.*)$/iu;
export const CHANNEL_SENTENCE = /^La demande d['’]admission exceptionnelle\b/iu;
export const CONSULT = /^Les modalités sont consultables\b/iu;
export const REPRODUCED = /^Les modalités sont reproduites ici\s*:?\s*(.*)$/iu;

/**
 * Every line ending a guide may use. U+2028 and U+2029 end a line too (text pasted from a
 * word processor): no line pattern reads across them. Whatever cuts a guide into lines
 * (the parser, `propose` when it puts a section back) uses this one, so line numbers agree.
 */
export const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;

/** Splits a document into lines, whatever its line endings. */
export function splitLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(LINE_BREAK)
    .map((t, i) => ({ text: t.trim(), line: i + 1 }));
}

/**
 * Indexes of page-header and page-number lines. The header may itself be broken
 * over up to four lines (as on the cover page), so consecutive lines are joined to test it.
 */
export function pageNoise(lines: Line[]): Set<number> {
  const noise = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? '';
    if (PAGE_NUMBER.test(text)) noise.add(i);
    if (!/^gisti,/iu.test(text)) continue;
    let joined = text;
    for (let j = i; j < Math.min(lines.length, i + 4); j++) {
      if (j > i) joined += ` ${lines[j]?.text ?? ''}`;
      if (PAGE_HEADER.test(joined.replace(/\s+/g, ' ').trim())) {
        for (let k = i; k <= j; k++) noise.add(k);
        break;
      }
    }
  }
  return noise;
}
