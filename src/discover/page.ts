import { load } from 'cheerio';
import { extractProcedure } from '../extract/extract.js';
import type { Extraction } from '../extract/extraction.js';
import { normaliseInline } from '../extract/normalise.js';

/** What discovery reads from one page: its names, its links (menus included), and its procedure. */
export interface ReadPage {
  url: string;
  /** The `<title>`, without the site's " - Les services de l'État…" suffix. */
  title: string | null;
  h1: string | null;
  links: { href: string; text: string }[];
  extraction: Extraction;
}

/** Links kept per page: a mega-menu has a few hundred; more is a generated page. */
const MAX_LINKS = 600;

const oneLine = (text: string) => normaliseInline(text).replace(/\s+/g, ' ').trim();

export function readPage(html: string, url: string): ReadPage {
  const $ = load(html);
  const title = oneLine($('title').first().text()).replace(/\s+[-|–]\s+[^-|–]*$/, '') || null;
  const h1 = oneLine($('h1').filter((_, el) => $(el).closest('.fr-header, .fr-modal, footer').length === 0).first().text()) || null;
  const links: ReadPage['links'] = [];
  // Only anchors: a form's action, a script's or an image's source is never followed.
  $('a[href]').each((_, element) => {
    if (links.length >= MAX_LINKS) return false;
    const anchor = $(element);
    if (anchor.closest('form').length > 0) return;
    const href = anchor.attr('href')?.trim();
    if (!href) return;
    links.push({ href, text: oneLine(`${anchor.text()} ${anchor.attr('title') ?? ''}`) });
    return;
  });
  return { url, title, h1, links, extraction: extractProcedure(html, { baseUrl: url }) };
}
