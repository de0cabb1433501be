/** A procedure line, or `null` where a page header or page number was removed. */
export type ProcedureLine = string | null;

const LIST_ITEM = /^(?:[-*•]\s|\d{1,2}[.)]\s|Étape\s+\d)/u;
/** A line ending on one of these words is cut mid-sentence ("contactez le" / "Bureau..."). */
const OPEN_END = /\b(?:le|la|les|l['’]|de|du|des|d['’]|à|au|aux|et|ou|en|par|pour|sur|un|une|votre|vos|son|sa|ses)$/iu;

/** `[EDF](#)` is a link the PDF lost: keep the word, drop the marker. Real targets stay. */
function unlink(text: string): string {
  return text.replace(/\[([^\]]+)\]\(#?\)/g, '$1');
}

/** Whether line `b` continues line `a`, i.e. the PDF broke a sentence there. */
function continues(a: string, b: string): boolean {
  if (/[.:;!?]\**$/u.test(a) || LIST_ITEM.test(b)) return false;
  return /^\p{Ll}/u.test(b) || /\p{L}-$/u.test(a) || OPEN_END.test(a);
}

/** What joins a line ending in `a` to the next: a hyphen at a line end is kept (it may be real) but the break goes. */
function glue(a: string): string {
  return /\p{L}-$/u.test(a) ? '' : ' ';
}

function joinLines(lines: string[]): string {
  const out: string[] = [];
  // A break is judged on the line before it, not on the whole sentence joined so far (which grows with each line).
  let previous: string | undefined;
  for (const line of lines) {
    if (previous !== undefined && continues(previous, line)) out[out.length - 1] += glue(previous) + line;
    else out.push(line);
    previous = line;
  }
  return out.join('\n');
}

/**
 * The reproduced official text, cleaned: page headers gone, stray link markers
 * unwrapped, sentences the PDF broke over lines (or over a page break) rejoined.
 * Paragraphs are separated by one blank line; short lines such as address
 * lines stay on their own.
 */
export function cleanProcedure(lines: ProcedureLine[]): string {
  const paragraphs: { lines: string[]; afterBreak: boolean }[] = [];
  let current: string[] = [];
  let afterBreak = false;
  let pendingBreak = false;
  const flush = () => {
    if (current.length > 0) paragraphs.push({ lines: current, afterBreak });
    current = [];
  };
  for (const raw of lines) {
    if (raw === null) {
      flush();
      pendingBreak = true;
      continue;
    }
    const text = unlink(raw).trim();
    if (text === '') {
      flush();
      continue;
    }
    if (current.length === 0) {
      afterBreak = pendingBreak;
      pendingBreak = false;
    }
    current.push(text);
  }
  flush();
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    const text = joinLines(paragraph.lines);
    const prev = out[out.length - 1];
    const prevLast = prev?.slice(prev.lastIndexOf('\n') + 1);
    const first = text.split('\n')[0] ?? '';
    if (paragraph.afterBreak && prev !== undefined && prevLast !== undefined && continues(prevLast, first)) {
      out[out.length - 1] = prev + glue(prevLast) + text;
    } else out.push(text);
  }
  return out.join('\n\n');
}
