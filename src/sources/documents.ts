import { createHash } from 'node:crypto';
import type { Fact, FactOf } from '../facts/fact.js';
import { isFileHref } from '../facts/document.js';
import { hyphenLoose } from '../facts/normalise.js';
import { canonicalUrl } from '../facts/url.js';

/** At most this many documents are fetched per guide entry. */
export const MAX_DOCUMENTS_PER_ENTRY = 10;

/** A file an entry's page links to (or its guide names), watched like a page. */
export interface DocumentSource {
  url: string;
  title: string;
  /** The link's detail as printed now ("PDF - 524,1 Ko - 25/10/2022"). */
  format: string | null;
  size: string | null;
  date: string | null;
  /** The guide names it, or only the page links it. */
  citedBy: 'guide' | 'page';
  /** Folder name under the page source's `documents/`. */
  key: string;
}

type DocumentFact = FactOf<'document'>;

/** Readable file name plus a short hash of the exact URL. */
export function documentKey(url: string): string {
  let name = 'document';
  try {
    name = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? name);
  } catch {
    // An unparseable URL still gets a stable key from its hash.
  }
  const readable = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9.-]+/gi, '_').slice(-40) || 'document';
  return `${readable}-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`;
}

const linked = (fact: Fact): fact is DocumentFact & { href: string } => fact.kind === 'document' && fact.href !== null && isFileHref(fact.href);

function namedBy(guideDocuments: DocumentFact[], fact: DocumentFact): boolean {
  return guideDocuments.some(
    (named) => (named.href !== null && fact.href !== null && canonicalUrl(named.href) === canonicalUrl(fact.href)) || hyphenLoose(named.value) === hyphenLoose(fact.value),
  );
}

function toSource(fact: DocumentFact & { href: string }, citedBy: DocumentSource['citedBy']): DocumentSource {
  return { url: fact.href, title: fact.value, format: fact.format, size: fact.size, date: fact.date, citedBy, key: documentKey(fact.href) };
}

/**
 * The documents of one entry, per page source: every download link of each
 * page's procedure, plus the documents the guide itself links (on the first
 * page). Those the guide names come first; the entry's total stays within the cap.
 * `pages[i]` is null for a source that gave no page this run.
 */
export function documentSourcesOf(guideFacts: Fact[], pages: (Fact[] | null)[], limit = MAX_DOCUMENTS_PER_ENTRY): DocumentSource[][] {
  const guideDocuments = guideFacts.filter((fact): fact is DocumentFact => fact.kind === 'document');
  const seen = new Set<string>();
  const candidates: { page: number; source: DocumentSource }[] = [];
  const add = (page: number, fact: DocumentFact & { href: string }) => {
    const id = canonicalUrl(fact.href);
    if (seen.has(id)) return;
    seen.add(id);
    candidates.push({ page, source: toSource(fact, namedBy(guideDocuments, fact) ? 'guide' : 'page') });
  };
  const first = pages.findIndex((facts) => facts !== null);
  if (first >= 0) for (const fact of guideDocuments.filter(linked)) add(first, fact);
  pages.forEach((facts, page) => {
    for (const fact of (facts ?? []).filter(linked)) add(page, fact);
  });
  const kept = [...candidates.filter((c) => c.source.citedBy === 'guide'), ...candidates.filter((c) => c.source.citedBy === 'page')].slice(0, limit);
  return pages.map((_, page) => candidates.filter((c) => c.page === page && kept.includes(c)).map((c) => c.source));
}

/** Every download link of a page, uncapped: a stored document whose link is not among them is gone from the page. */
export function linkedDocumentKeys(facts: Fact[]): Set<string> {
  return new Set(facts.filter(linked).map((fact) => documentKey(fact.href)));
}
