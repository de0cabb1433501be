import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { findAll } from './select.js';

/** Analytics and ad parameters: they differ per visit or per share and say nothing about the target. */
const TRACKING_PARAM = /^(?:utm_\w+|xtor|xtref|at_\w+|pk_\w+|mtm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|phpsessid|jsessionid|sid)$/i;

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|ico)$/i;

export interface PageLink {
  text: string;
  href: string;
}

/** The URL links resolve against: the page's `<base href>` if any, else the fetched URL. */
export function documentBase($: CheerioAPI, baseUrl: string): URL | null {
  const page = parseUrl(baseUrl);
  const declared = findAll($.root(), 'base[href]').first().attr('href');
  if (declared) return parseUrl(declared, page ?? undefined) ?? page;
  return page;
}

function parseUrl(href: string, base?: URL): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/**
 * An absolute href without tracking parameters or session ids, or null when
 * the link leads nowhere (`#`, an in-page anchor, `javascript:`).
 */
export function cleanHref(raw: string, base: URL | null): string | null {
  const href = raw.trim();
  if (href === '' || href.startsWith('#') || /^javascript:/i.test(href)) return null;
  const url = parseUrl(href, base ?? undefined);
  if (!url) return href;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return url.href;
  url.pathname = url.pathname.replace(/;jsessionid=[^/]*/i, '');
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  }
  // A same-page anchor on another URL is still the same target page.
  if (url.hash && !url.hash.startsWith('#!')) url.hash = '';
  return url.href;
}

/**
 * Rewrites every link under `root` in place: kept links get a clean absolute
 * href and lose their (often volatile) attributes; dead links become plain text.
 */
export function rewriteLinks($: CheerioAPI, root: Cheerio<Element>, base: URL | null): PageLink[] {
  const links: PageLink[] = [];
  findAll(root, 'a').each((_, element) => {
    const a = $(element);
    const href = cleanHref(a.attr('href') ?? '', base);
    // A link to an image keeps its words: image URLs carry cache tokens and versions that change alone.
    if (href === null || IMAGE_FILE.test(href.replace(/[?#].*$/, ''))) {
      a.replaceWith(a.contents());
      return;
    }
    for (const name of Object.keys(element.attribs)) {
      if (name !== 'href') a.removeAttr(name);
    }
    a.attr('href', href);
    links.push({ text: a.text().replace(/\s+/g, ' ').trim(), href });
  });
  return links;
}
