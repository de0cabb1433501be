/**
 * Text forms used to compare facts. Each form drops only presentation noise
 * (case, accents, spacing, quotes, PDF hyphenation), never letters or digits.
 */

const HYPHEN_BREAK = /(?<=\p{L})-[ \t]*\r?\n\s*(?=\p{L})/gu;

/** Case, accents, NBSP/NNBSP, ’ vs ', dashes and line breaks no longer matter. */
export function normaliseForMatch(text: string): string {
  const visible = text.replace(/\u00AD/g, ''); // soft hyphen: invisible in print
  // A hyphen at a line end stays, the break goes. That pattern looks behind at every position: look for such a hyphen first.
  const joined = /-[ \t]*\r?\n/.test(visible) ? visible.replace(HYPHEN_BREAK, '-') : visible;
  return joined
    .normalize('NFKD') // also folds U+00A0 / U+202F into plain spaces and ligatures into letters
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘ʼ′`]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Like normaliseForMatch, and a hyphen between two letters is ignored: the PDF
 * adds such hyphens at line ends ("pref-etran-gers"), and once the line break is
 * lost nobody can tell them from real ones ("pref-regularisation"). Letters and
 * digits still have to be identical, so "pref-regul" never equals "pref-regularisation".
 */
export function hyphenLoose(text: string): string {
  return normaliseForMatch(text).replace(/(?<=\p{L})-(?=\p{L})/gu, '');
}

/** Letters and digits only: for address parts ("39, Rue Saint-Blaise" = "39 rue Saint Blaise"). */
export function compact(text: string): string {
  return normaliseForMatch(text).replace(/[^a-z0-9]/g, '');
}

/** "25/10/2022" → "2022-10-25"; null when it is not a real calendar date. */
export function frenchDateToIso(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Compiles `source` with `\b` as a Unicode word edge (JS's `\b` ignores "é"):
 * a `\b` opening a word (at the start, or after `|` or `(`) only looks behind,
 * one closing a word only looks ahead, which keeps the regex fast.
 */
export function wordRegExp(source: string, flags = 'iu'): RegExp {
  const edge = /\\b/g;
  const compiled = source.replace(edge, (_, offset: number) => {
    const before = source.slice(0, offset);
    const opens = before === '' || /(?:\||\((?:\?:)?)$/.test(before);
    return opens ? String.raw`(?<![\p{L}\p{N}_])` : String.raw`(?![\p{L}\p{N}_])`;
  });
  return new RegExp(compiled, flags.includes('u') ? flags : `${flags}u`);
}

/**
 * `wordRegExp(source, flags).test`, with the word edges compiled only when needed.
 * Each edge is a Unicode letter class, which a case-insensitive regex folds at
 * every compile (milliseconds each); the same pattern without its `\b`s is cheap
 * and can only match more, so a text it does not match is settled without them.
 */
export function wordTest(source: string, flags = 'iu'): (text: string) => boolean {
  const loose = new RegExp(source.replace(/\\b/g, ''), flags.includes('u') ? flags : `${flags}u`);
  let exact: RegExp | null = null;
  return (text) => loose.test(text) && (exact ??= wordRegExp(source, flags)).test(text);
}
