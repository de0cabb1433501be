import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { FactOf } from '../facts/fact.js';
import { isFileHref } from '../facts/document.js';
import { isoDate } from '../facts/normalise.js';
import { normaliseInline } from './normalise.js';
import { findAll } from './select.js';

type DocumentFact = FactOf<'document'>;

/** DSFR detail "PDF - 524,1 Ko - 25/10/2022"; old sites "(format pdf - 120 ko - 15/01/2021)". */
const DETAIL = /\(?\s*(?:format\s+)?\b(pdf|docx?|odt|xlsx?|ods|rtf|zip|jpe?g|png|txt|csv)\s*[-–]\s*(\d+(?:[.,]\d+)?\s*(?:[kmg]i?[ob]|octets?))\s*(?:[-–]\s*(\d{1,2})\/(\d{1,2})\/(\d{4}))?\s*\)?/iu;

function clean(text: string): string {
  return normaliseInline(text).replace(/\s+/g, ' ').trim();
}

function parseDetail(text: string): { format: string; size: string; date: string | null } | null {
  const m = DETAIL.exec(text);
  if (!m) return null;
  const date = m[5] ? isoDate(Number(m[5]), Number(m[4]), Number(m[3])) : null;
  return { format: (m[1] ?? '').toLowerCase(), size: (m[2] ?? '').replace(/\s+/g, ' '), date };
}

/** The detail an old template prints right after the link, in the same text node. */
function detailAfter(link: Cheerio<Element>): string {
  const next = link.get(0)?.next;
  return next && next.type === 'text' ? next.data.slice(0, 80) : '';
}

/**
 * Download links as `document` facts. Links are chosen by href, not class:
 * several prefecture sites emit `<a id="… class="fr-link fr-link--download"" …>`,
 * where the unterminated id swallows the class. Call after links are rewritten
 * (hrefs absolute and clean) and before the HTML is turned into Markdown.
 */
export function findDownloads($: CheerioAPI, root: Cheerio<Element>): DocumentFact[] {
  const documents: DocumentFact[] = [];
  findAll(root, 'a[href]').each((_, element) => {
    const link = $(element);
    const href = link.attr('href') ?? '';
    if (!isFileHref(href)) return;
    const detailNode = findAll(link, '.fr-link__detail');
    const detailText = detailNode.length > 0 ? detailNode.text() : '';
    const title = clean(detailNode.length > 0 ? findAll(link.clone(), '.fr-link__detail').remove().end().text() : link.text());
    if (!title) return;
    const detail = parseDetail(clean(detailText)) ?? parseDetail(clean(link.text())) ?? parseDetail(clean(detailAfter(link)));
    const ext = /\.(\w{2,5})(?:[?#]|$)/.exec(href)?.[1]?.toLowerCase() ?? null;
    documents.push({
      kind: 'document',
      value: detail && !detailNode.length ? title.replace(DETAIL, '').trim() || title : title,
      format: detail?.format ?? ext,
      size: detail?.size ?? null,
      date: detail?.date ?? null,
      href,
    });
  });
  return documents;
}
