import type { PdfPage, PdfTextItem } from './reader.js';

/**
 * Turns pdf.js's positioned text into plain text lines: rows of items become
 * lines, running headers/footers and page numbers go, a wider vertical gap
 * becomes a blank line (a paragraph), and a line the typesetter wrapped is
 * joined to the next, its line-break hyphen removed ("étran-" + "gers").
 */

interface Row {
  text: string;
  y: number;
  right: number;
  size: number;
  page: number;
  /** Distance from the page's top and bottom edges. */
  top: number;
  bottom: number;
}

/** Items on one baseline (within a fraction of the font size) make one row. */
function rowsOf(page: PdfPage, pageIndex: number): Row[] {
  const items = page.items.filter((item) => item.text.trim() !== '');
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    const head = row?.[0];
    if (row && head && Math.abs(head.y - item.y) <= Math.max(2, 0.3 * Math.max(head.height, item.height))) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    const items = [...row].sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const item of items) {
      const gap = item.x - end;
      if (text !== '' && gap > 0.15 * item.height && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
      text += item.text;
      end = item.x + item.width;
    }
    const y = items[0]?.y ?? 0;
    const size = Math.max(...items.map((item) => item.height), 1);
    return { text: text.replace(/\s+/g, ' ').trim(), y, right: end, size, page: pageIndex, top: page.height - y, bottom: y };
  });
}

const PAGE_NUMBER = /^(?:-\s*)?(?:page\s+)?\d{1,3}(?:\s*(?:\/|sur)\s*\d{1,3})?(?:\s*-)?$/iu;
/** Headers and footers live in this band at the top and bottom of a page (A4: about 60 pt). */
const MARGIN_SHARE = 0.075;

const masked = (text: string) => text.replace(/\d+/g, '#').toLowerCase();

/** Page numbers in the margins, and margin lines that repeat on several pages. */
function runningLines(rows: Row[], pages: PdfPage[]): Set<Row> {
  const inMargin = (row: Row) => {
    const height = pages[row.page]?.height ?? 842;
    return row.top <= height * MARGIN_SHARE || row.bottom <= height * MARGIN_SHARE;
  };
  const seen = new Map<string, Set<number>>();
  for (const row of rows.filter(inMargin)) {
    const key = masked(row.text);
    seen.set(key, (seen.get(key) ?? new Set()).add(row.page));
  }
  const running = new Set<Row>();
  for (const row of rows) {
    if (!inMargin(row)) continue;
    if (PAGE_NUMBER.test(row.text) || (pages.length > 1 && (seen.get(masked(row.text))?.size ?? 0) >= 2)) running.add(row);
  }
  return running;
}

/** Compound-word parts whose hyphen is real even at a line end ("Sous-" + "préfectures", "pouvez-" + "vous"). */
const KEEP_BEFORE = /(?:^|[\s'’(])(?:sous|vice|demi|semi|mi|non|ex|anti|après|avant|arrière|contre|entre|grand|quasi|sans|post|pré|extra|porte|chef)-$/iu;
const KEEP_AFTER = /^(?:vous|nous|ils?|elles?|on|en|y|ci|là|t|moi|toi|lui|leur|même|mêmes)\b/u;

/** Joins a wrapped line to its continuation, dropping a hyphen that only the line break put there. */
export function joinWrapped(line: string, next: string): string {
  // Inside an unclosed <https://…> the break is not a space.
  if (/<https?:[^>]*$/iu.test(line)) return line + next;
  const hyphen = /(\p{Ll})-$/u.exec(line);
  if (hyphen) {
    if (/^\p{Ll}/u.test(next) && !KEEP_BEFORE.test(line) && !KEEP_AFTER.test(next)) return line.slice(0, -1) + next;
    return line + next;
  }
  return `${line} ${next}`;
}

/** The page's text as lines, blank lines between paragraphs and between pages. */
export function layoutPdfText(pages: PdfPage[]): string {
  const all = pages.flatMap((page, index) => rowsOf(page, index));
  const running = runningLines(all, pages);
  const rows = all.filter((row) => !running.has(row));
  // The right edge of the text block: a line reaching it was wrapped by the typesetter.
  const rights = rows.map((row) => row.right).sort((a, b) => a - b);
  const blockRight = rights[Math.floor(rights.length * 0.95)] ?? 0;
  const out: string[] = [];
  let current: string | null = null;
  let previous: Row | null = null;
  const flush = () => {
    if (current !== null) out.push(current);
    current = null;
  };
  for (const row of rows) {
    const newPage = previous !== null && row.page !== previous.page;
    const gap = previous !== null && !newPage ? previous.y - row.y : 0;
    const paragraphBreak = newPage || (previous !== null && gap > 1.6 * Math.max(previous.size, row.size));
    const wrapped = previous !== null && !paragraphBreak && previous.right >= blockRight - 10 * previous.size;
    if (current !== null && wrapped) current = joinWrapped(current, row.text);
    else {
      flush();
      if (paragraphBreak && out.length > 0) out.push('');
      current = row.text;
    }
    previous = row;
  }
  flush();
  return out.join('\n') + '\n';
}
