import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { Fact } from '../facts/fact.js';
import { extractFacts } from '../facts/extract.js';
import { factKey } from '../facts/key.js';
import { looksLikeChallenge } from './challenge.js';
import { dropBoilerplate, findContentRoot } from './content.js';
import { findDownloads } from './downloads.js';
import { EXTRACTOR_VERSION, type ExtractOptions, type Extraction } from './extraction.js';
import { documentBase, rewriteLinks, type PageLink } from './links.js';
import { toMarkdown } from './markdown.js';
import { findAll, isWithin } from './select.js';
import { dropMedia } from './media.js';
import { titleWithoutSite } from './title.js';
import { normaliseInline, normaliseText } from './normalise.js';
import { dateStatements, isDateLine, pageDateOf, pickPageDate } from './page-date.js';

export { looksLikeChallenge } from './challenge.js';

/** Below this much visible text the page cannot hold a procedure: a shell, a stub or an error page. */
export const MIN_PROCEDURE_CHARS = 200;

/** Elements whose h1 is not the page's title (theme dialog, site header logo). */
const NOT_TITLE = '.fr-modal, dialog, .fr-header, .fr-footer, footer';

function oneLine(text: string): string {
  return normaliseInline(text).replace(/\s+/g, ' ').trim();
}

function titleOf($: CheerioAPI, root: Cheerio<Element>): string | null {
  const inRoot = findAll(root, 'h1').first();
  const h1 = inRoot.length > 0 ? inRoot : findAll($.root(), 'h1').filter((_, el) => !isWithin($(el), NOT_TITLE)).first();
  const text = oneLine(h1.text());
  if (text) return text;
  return titleWithoutSite($, oneLine);
}

/** When the content root holds no date (a narrow selector), the h1's own surroundings may. */
function dateNearTitle($: CheerioAPI): string | null {
  const h1 = findAll($.root(), 'h1').filter((_, el) => !isWithin($(el), NOT_TITLE)).first();
  if (h1.length === 0) return null;
  const parent = h1.parent();
  const area = parent.text().length < 500 ? parent.text() : h1.nextAll().slice(0, 3).text();
  return pickPageDate(dateStatements(oneLine(area)));
}

/** What a reader sees: Markdown link targets and markers do not count as procedure text. */
function visibleLength(text: string): number {
  return text
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/^[#\-*>\d.\s]+/gm, '')
    .replace(/[[\]*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim().length;
}

function emptyDetail($: CheerioAPI, length: number): string {
  const shell = findAll($.root(), '[id*=comarquage i], [class*=comarquage i], [id*=co-marquage i], script[src*="comarquage" i]').length > 0;
  const why = shell ? '; the page is a service-public.fr co-marquage shell filled by JavaScript' : '';
  return `main content has ${length} characters of text (fewer than ${MIN_PROCEDURE_CHARS})${why}`;
}

/**
 * Page facts found by the facts stage, after the download links' documents:
 * those are read from the markup, so they win over a reading of the same file
 * from the text (same key, or same href).
 */
function mergeFacts(documents: Fact[], found: Fact[]): Fact[] {
  const seen = new Set<string>();
  const hrefs = new Set(documents.flatMap((fact) => (fact.kind === 'document' && fact.href ? [fact.href] : [])));
  const merged: Fact[] = [];
  for (const fact of [...documents, ...found]) {
    const key = factKey(fact);
    if (seen.has(key)) continue;
    if (fact.kind === 'document' && !documents.includes(fact) && fact.href && hrefs.has(fact.href)) continue;
    seen.add(key);
    merged.push(fact);
  }
  return merged;
}

/**
 * Reads the procedure of one fetched page. Pure and synchronous: the same HTML
 * always gives the same Extraction, and pages that differ only by noise (tokens,
 * banners, navigation order, share links, typography) give the same text.
 */
export function extractProcedure(html: string, options: ExtractOptions): Extraction {
  if (looksLikeChallenge(html)) {
    return { kind: 'extraction-failed', reason: 'challenge', detail: 'the page is an anti-bot challenge or interstitial, not the prefecture page' };
  }
  const $ = load(html);
  const found = findContentRoot($, options.selector);
  if (found.kind === 'selector-missing') return { kind: 'extraction-failed', reason: 'selector-missing', detail: found.detail };
  const { root } = found;
  const title = titleOf($, root);

  dropBoilerplate($, root);
  dropMedia($, root);
  const links: PageLink[] = rewriteLinks($, root, documentBase($, options.baseUrl)).map((link) => ({
    text: oneLine(link.text),
    href: link.href,
  }));
  const documents = findDownloads($, root);

  const lines = normaliseText(toMarkdown(root.toArray())).split('\n');
  const pageUpdated = pageDateOf(lines) ?? dateNearTitle($);
  // The date is reported as `pageUpdated`; kept in the text, a date-only edit
  // would read as a content change.
  const text = normaliseText(lines.filter((line) => !isDateLine(line)).join('\n'));

  const length = visibleLength(text);
  if (length < MIN_PROCEDURE_CHARS) return { kind: 'extraction-failed', reason: 'empty', detail: emptyDetail($, length) };

  return {
    kind: 'extracted',
    title,
    pageUpdated,
    text,
    facts: mergeFacts(documents, extractFacts(text, links)),
    extractorVersion: EXTRACTOR_VERSION,
  };
}
