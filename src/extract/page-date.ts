import { isoDate } from '../facts/normalise.js';

/**
 * The page's own date statements: "Mis à jour le 14/03/2023", "Mise à jour le
 * 02/02/2021", "Publié le …", "Vérifié le 1er mars 2025", with or without an hour.
 */
export type DateStatement = { kind: 'updated' | 'verified' | 'published'; date: string };

const MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6,
  juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
};

const NUMERIC = String.raw`\d{1,2}[/.-]\d{1,2}[/.-]\d{4}`;
const WORDED = String.raw`\d{1,2}(?:er)?\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\s+\d{4}`;
const DATE = `(${NUMERIC}|${WORDED})`;
const HOUR = String.raw`(?:\s*(?:à|-|,)?\s*\d{1,2}\s*(?:h|:)\s*\d{2}(?:\s*(?:min|mn))?)?`;
const LEAD = String.raw`(mis(?:e)?\s+à\s+jour|derni[èe]re\s+mise\s+à\s+jour|date\s+de\s+mise\s+à\s+jour|modifi[ée]e?|v[ée]rifi[ée]e?|publi[ée]e?|date\s+de\s+publication)`;
const STATEMENT = new RegExp(String.raw`${LEAD}\s*(?:le|:)?\s*:?\s*${DATE}${HOUR}`, 'giu');
/** A line that is nothing but date statements (plus short trailing credit, as on service-public.fr). */
const DATE_LINE_START = new RegExp(String.raw`^[\s*_>-]*${LEAD}\s*(?:le|:)?\s*:?\s*${DATE}`, 'iu');
const MAX_DATE_LINE = 160;

function toIso(text: string): string | null {
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (numeric) return isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const worded = /^(\d{1,2})(?:er)?\s+(\S+)\s+(\d{4})$/u.exec(text);
  if (!worded) return null;
  const month = MONTHS[(worded[2] ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()];
  return month ? isoDate(Number(worded[3]), month, Number(worded[1])) : null;
}

function kindOf(lead: string): DateStatement['kind'] {
  const word = lead.toLowerCase();
  if (/^v/.test(word)) return 'verified';
  if (/^publi|publication/.test(word)) return 'published';
  return 'updated';
}

export function dateStatements(text: string): DateStatement[] {
  const found: DateStatement[] = [];
  for (const m of text.matchAll(STATEMENT)) {
    const date = toIso((m[2] ?? '').replace(/\s+/g, ' '));
    if (date) found.push({ kind: kindOf(m[1] ?? ''), date });
  }
  return found;
}

/** Whether a text line is the page's date stamp rather than procedure text. */
export function isDateLine(line: string): boolean {
  return line.length <= MAX_DATE_LINE && DATE_LINE_START.test(line);
}

/**
 * The page's own date. A modification ("mis à jour") is what the comparer
 * needs: "Vérifié le" is a review stamp that moves without any change, so it
 * counts only when the page states no modification, and "Publié le" only when
 * it states neither. Among statements of the same kind the latest wins.
 */
export function pickPageDate(statements: DateStatement[]): string | null {
  for (const kind of ['updated', 'verified', 'published'] as const) {
    const dates = statements.filter((s) => s.kind === kind).map((s) => s.date).sort();
    if (dates.length > 0) return dates[dates.length - 1] ?? null;
  }
  return null;
}

/**
 * Finds the date in Markdown lines: first near the `# ` title (the header area,
 * where DSFR and IDE templates print it), else on any date line of the text.
 */
export function pageDateOf(lines: string[]): string | null {
  const dateLines = lines.map((line, i) => ({ line, i })).filter(({ line }) => isDateLine(line));
  if (dateLines.length === 0) return null;
  const title = lines.findIndex((line) => /^# /.test(line));
  if (title >= 0) {
    const near = dateLines.filter(({ i }) => nonEmptyBetween(lines, title, i) <= 4);
    const picked = pickPageDate(near.flatMap(({ line }) => dateStatements(line)));
    if (picked) return picked;
  }
  return pickPageDate(dateLines.flatMap(({ line }) => dateStatements(line)));
}

/** How many non-empty lines separate two line indexes (either order). */
function nonEmptyBetween(lines: string[], a: number, b: number): number {
  const [from, to] = a < b ? [a, b] : [b, a];
  let count = 0;
  for (let i = from + 1; i <= to; i++) if ((lines[i] ?? '').trim() !== '') count++;
  return count;
}
