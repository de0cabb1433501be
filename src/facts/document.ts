import type { FactOf } from './fact.js';
import { frenchDateToIso } from './normalise.js';

type DocumentFact = FactOf<'document'>;
export interface Link {
  text: string;
  href: string;
}

const FORMATS = 'pdf|docx?|odt|xlsx?|ods|rtf|zip|jpe?g|png|txt|csv';
const SIZE = String.raw`\d+(?:[.,]\d+)?\s*(?:[kmg]i?[ob]|octets?)`;
const DATE = String.raw`\d{1,2}\/\d{1,2}\/\d{4}`;
/** eZ Publish / old sites: "Dossier de demande AES (format pdf - 524.1 ko - 25/10/2022)". */
const PAREN_DETAIL = new RegExp(String.raw`\(\s*(?:format\s+)?(${FORMATS})\s*[-–]\s*(${SIZE})\s*(?:[-–]\s*(${DATE}))?\s*\)`, 'giu');
/** DSFR `span.fr-link__detail`: "PDF - 524,1 Ko - 25/10/2022". */
const BARE_DETAIL = new RegExp(String.raw`\b(${FORMATS})\s*[-–]\s*(${SIZE})\s*(?:[-–]\s*(${DATE}))?`, 'giu');
/** The same, for the first match only (no `lastIndex` to carry between links). */
const FIRST_PAREN_DETAIL = new RegExp(PAREN_DETAIL.source, 'iu');
const FIRST_BARE_DETAIL = new RegExp(BARE_DETAIL.source, 'iu');
const HAS_SIZE = /\d\s*(?:[kmg]i?[ob]|octet)/i;
const FILE_HREF = /\.(pdf|docx?|odt|xlsx?|ods|rtf|zip)(?:[?#]|$)|\/contenu\/telechargement\/|\/content\/download\//i;

export function isFileHref(href: string): boolean {
  return FILE_HREF.test(href);
}

function cleanTitle(text: string): string {
  return text
    .replace(/\]\([^)]*\)/g, '')
    .replace(/^[\s\-*•>#[\]]+|[\s\-–:*[\]]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function make(title: string, format: string | null, size: string | null, date: string | null, href: string | null): DocumentFact {
  return { kind: 'document', value: title, format: format?.toLowerCase() ?? null, size, date: date ? frenchDateToIso(date) : null, href };
}

/** The title for a detail found at `index` of `line`: what precedes it, or the previous non-empty line. */
function titleBefore(lines: string[], i: number, line: string, index: number): string {
  const before = cleanTitle(line.slice(0, index));
  if (before) return before;
  for (let j = i - 1; j >= 0; j--) {
    const prev = cleanTitle(lines[j] ?? '');
    if (prev) return prev;
  }
  return '';
}

function hrefFor(title: string, links: Link[]): string | null {
  const link = links.find((l) => isFileHref(l.href) && cleanTitle(l.text).startsWith(title));
  return link?.href ?? null;
}

/** Linked documents with their stated format, size and date, from text and from links. */
export function findDocuments(text: string, links: Link[]): DocumentFact[] {
  const found: DocumentFact[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!HAS_SIZE.test(line)) return; // cheap pre-check before the detail patterns
    const taken: [number, number][] = [];
    for (const m of line.matchAll(PAREN_DETAIL)) {
      const index = m.index ?? 0;
      taken.push([index, index + m[0].length]);
      const title = titleBefore(lines, i, line, index);
      if (title) found.push(make(title, m[1] ?? null, m[2] ?? null, m[3] ?? null, hrefFor(title, links)));
    }
    for (const m of line.matchAll(BARE_DETAIL)) {
      const index = m.index ?? 0;
      if (taken.some(([a, b]) => index >= a && index < b)) continue;
      const title = titleBefore(lines, i, line, index);
      if (title) found.push(make(title, m[1] ?? null, m[2] ?? null, m[3] ?? null, hrefFor(title, links)));
    }
  });
  for (const link of links) {
    if (!isFileHref(link.href)) continue;
    const detail = FIRST_PAREN_DETAIL.exec(link.text) ?? FIRST_BARE_DETAIL.exec(link.text);
    const title = cleanTitle(detail ? link.text.slice(0, detail.index) : link.text);
    if (!title) continue;
    const ext = /\.(\w+)(?:[?#]|$)/.exec(link.href)?.[1] ?? null;
    found.push(make(title, detail?.[1] ?? ext, detail?.[2] ?? null, detail?.[3] ?? null, link.href));
  }
  return found;
}
