import type { Fact, FactOf } from './fact.js';
import { findAddresses } from './address.js';
import { findChannels } from './channel.js';
import { findDocuments, isFileHref, type Link } from './document.js';
import { factKey } from './key.js';
import { hyphenLoose } from './normalise.js';
import { findUrls, urlRole } from './url.js';

export type { Link };

/** The look-behind makes the scan start only at the beginning of a word, not inside one. */
const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;
/** 01 23 45 67 89, 01.23.45.67.89, 0123456789, 0 806 000 126, +33 (0)1 23 45 67 89. */
const PHONE = /(?<![\d+])(?:(?:\+|00)33[ .]?(?:\(0\)[ .]?)?|0[ .]?)[1-9](?:[ .-]?\d){8}(?!\d)/g;
const MD_LINK = /\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

/** A hyphen at a line end between two letters: the PDF broke the word there. */
const HYPHEN_BREAK = /(?<=\p{L})-[ \t]*\n[ \t]*(?=\p{L})/gu;

/** Undo what a PDF or HTML conversion does to spacing without touching values. */
function prepare(text: string): string {
  const spaced = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u202F\u2007\u2009]/g, ' ')
    .replace(/\u00AD/g, '');
  // HYPHEN_BREAK looks behind at every position: look for a hyphen ending a line first.
  return /-[ \t]*\n/.test(spaced) ? spaced.replace(HYPHEN_BREAK, '-') : spaced;
}

function markdownLinks(text: string): Link[] {
  return [...text.matchAll(MD_LINK)]
    .map((m) => ({ text: m[1] ?? '', href: m[2] ?? '' }))
    .filter((l) => l.href !== '' && l.href !== '#');
}

function emails(text: string, links: Link[]): FactOf<'email'>[] {
  // EMAIL tries every word of the text: most texts without an "@" are settled at once.
  const printed = text.includes('@') ? [...text.matchAll(EMAIL)].map((m) => m[0]) : [];
  const mailto = links.filter((l) => /^mailto:/i.test(l.href)).map((l) => decodeURIComponent(l.href.slice(7).split('?')[0] ?? ''));
  return [...printed, ...mailto]
    .map((e) => e.replace(/^[.\-_]+|[.\-_]+$/g, ''))
    .filter((e) => e.includes('@'))
    .map((value) => ({ kind: 'email', value }));
}

function urls(text: string, links: Link[]): FactOf<'url'>[] {
  const hrefs = links.map((l) => l.href).filter((h) => /^https?:\/\//i.test(h));
  return [...findUrls(text), ...hrefs].map((value) => ({ kind: 'url', value, role: urlRole(value) }));
}

function phones(text: string): FactOf<'phone'>[] {
  return [...text.matchAll(PHONE)].map((m) => ({ kind: 'phone', value: m[0].trim() }));
}

/** The same document seen as text and as a link: keep one, filling in what each side knows. */
function mergeDocuments(docs: FactOf<'document'>[]): FactOf<'document'>[] {
  const merged: FactOf<'document'>[] = [];
  // Each title is normalised once, not once per document compared with it.
  const titles: string[] = [];
  for (const doc of docs) {
    const title = hyphenLoose(doc.value);
    const twin = merged.find((m, i) => titles[i] === title && (m.date === null || doc.date === null || m.date === doc.date));
    if (!twin) {
      merged.push({ ...doc });
      titles.push(title);
      continue;
    }
    twin.format ??= doc.format;
    twin.size ??= doc.size;
    twin.date ??= doc.date;
    twin.href ??= doc.href;
  }
  return merged;
}

function dedupe(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const key = factKey(fact);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Typed facts in procedure text (Markdown or plain), in order of kind: emails,
 * phones, URLs, addresses, documents, channels. Values are kept as printed;
 * duplicates (same `factKey`) are dropped. `links` are the page's anchors, for
 * targets the text does not show.
 */
export function extractFacts(text: string, links: Link[] = []): Fact[] {
  const clean = prepare(text);
  const allLinks = [...links, ...markdownLinks(clean)];
  const urlFacts = urls(clean, allLinks);
  const documents = mergeDocuments(findDocuments(clean, allLinks.filter((l) => isFileHref(l.href))));
  return dedupe([
    ...emails(clean, allLinks),
    ...phones(clean),
    ...urlFacts,
    ...findAddresses(clean),
    ...documents,
    ...findChannels(clean, urlFacts.map((u) => u.role)),
  ]);
}
