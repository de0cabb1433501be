/** The postcode and city line of a French address: it closes an address block. */
export const POSTCODE_CITY = /(?<!\d)\d{5} +\p{Lu}/u;
/** Sentences end at . ! ? ; followed by a space and no lower-case letter (emails and URLs keep their dots). */
const SENTENCE_END = /(?<=[.!?;])\s+(?!\p{Ll})/u;
/** After "… à l'adresse suivante :", the address block that follows says where the file goes. */
const MAX_FOLLOWING_LINES = 6;
const MAX_BLOCK_LINE = 80;

export interface Sentence {
  sentence: string;
  /** The short lines after the sentence when it ends its line (an address block), computed on demand. */
  following: () => string;
}

const EMPHASIS = /\*\*|__|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)/g;

/** A line without its Markdown list, heading and emphasis marks. */
function plainLine(line: string): string {
  const unmarked = line.replace(/^\s*(?:#{1,6}\s+|[-*•]\s+|\d{1,2}[.)]\s+|>\s*)/u, '');
  // The emphasis pattern tries every position of the line: look for its characters first.
  return (/[*_]/.test(unmarked) ? unmarked.replace(EMPHASIS, '') : unmarked).trim();
}

/** The short lines after a lead such as "à l'adresse suivante :", up to the end of the address. */
function block(lines: string[]): string[] {
  const taken: string[] = [];
  for (const line of lines) {
    if (line === '') continue;
    if (taken.length >= MAX_FOLLOWING_LINES || line.length > MAX_BLOCK_LINE || /[.!?]$/.test(line)) break;
    taken.push(line);
    if (POSTCODE_CITY.test(line)) break;
  }
  return taken;
}

/** Each sentence of a Markdown or plain text, in order. */
export function sentences(text: string): Sentence[] {
  const lines = text.split('\n').map(plainLine);
  const found: Sentence[] = [];
  lines.forEach((line, i) => {
    const parts = line.split(SENTENCE_END).filter(Boolean);
    const following = () => block(lines.slice(i + 1)).join('\n');
    parts.forEach((sentence, j) => found.push({ sentence, following: j === parts.length - 1 ? following : () => '' }));
  });
  return found;
}
