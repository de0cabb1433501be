import { stripFragment } from '../fetch/url.js';

/**
 * Which URLs discovery may request at all. It reads pages only: never files,
 * images, styles or scripts, never another site, and never the endless URL
 * spaces that calendars, search forms and deep pagination open.
 */

/** Files and assets: not pages, and not ours to download here. */
const NOT_A_PAGE =
  /\.(?:css|js|mjs|json|png|jpe?g|gif|svg|webp|avif|ico|bmp|tiff?|woff2?|ttf|eot|otf|mp[34]|m4a|webm|ogg|avi|mov|pdf|docx?|odt|xlsx?|ods|pptx?|odp|rtf|zip|gz|rar|7z|txt|csv|ics|xml)$/i;
/** The État portal's download and media paths, the old IDE sites' too. */
const FILE_PATHS = /\/(?:contenu\/telechargement|content\/download|var\/[^/]+\/storage|var\/ide_site|local\/cache-vignettes|IMG)\//i;
/** Site search and form submissions. */
const SEARCH_PATH = /\/(?:recherche|search|rechercher|resultats?)(?:\/|$)/i;
const SEARCH_KEY = /^(?:q|query|search|recherche|keywords?|mots?-?cles?|s|text|texte|searchtext|terms?|SearchText)$/i;
/** Calendars: a date in the query is one door of an endless corridor. */
const CALENDAR_KEY = /^(?:date|dates?_?\w*|day|jour|mois|month|an|annee|year|week|semaine|agenda|calendar|calendrier|cal|from|to|start_?date|end_?date|du|au)$/i;
const DATE_VALUE = /^\d{4}-\d{1,2}(?:-\d{1,2})?$|^\d{1,2}[/-]\d{1,2}[/-]\d{4}$|^\d{6,8}$/;
const PAGE_KEY = /^(?:page|p|pg|paged|pagination|offset|start)$/i;
/** Pagination beyond page 3 repeats listings the first pages already showed. */
export const MAX_PAGINATION = 3;

export type UrlVerdict = { kind: 'ok'; url: string } | { kind: 'skip'; why: 'not-http' | 'off-site' | 'not-a-page' | 'query-trap' };

/** The host and port a URL is on (`www.orne.gouv.fr`, `127.0.0.2:8080`). */
export function siteOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** The site's home page. */
export function homeOf(url: string): string {
  return new URL('/', url).href;
}

function isQueryTrap(url: URL): boolean {
  if (SEARCH_PATH.test(url.pathname)) return true;
  for (const [key, value] of url.searchParams) {
    if (SEARCH_KEY.test(key) || CALENDAR_KEY.test(key)) return true;
    if (DATE_VALUE.test(value)) return true;
    if (PAGE_KEY.test(key) && !(/^\d+$/.test(value) && Number(value) <= MAX_PAGINATION)) return true;
  }
  return false;
}

/** Whether discovery may request `raw` (resolved against `base`), and its canonical form: no fragment. */
export function checkUrl(raw: string, hosts: ReadonlySet<string>, base?: string): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { kind: 'skip', why: 'not-http' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'skip', why: 'not-http' };
  if (!hosts.has(url.host.toLowerCase())) return { kind: 'skip', why: 'off-site' };
  if (NOT_A_PAGE.test(url.pathname) || FILE_PATHS.test(url.pathname)) return { kind: 'skip', why: 'not-a-page' };
  if (isQueryTrap(url)) return { kind: 'skip', why: 'query-trap' };
  return { kind: 'ok', url: stripFragment(url.href) };
}
