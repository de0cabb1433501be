import { createHash } from 'node:crypto';
import { decodeBody } from '../fetch/charset.js';
import { followable, type Crawler } from './crawler.js';
import { readPage } from './page.js';
import { parseSitemap, type SitemapPage } from './sitemap.js';
import type { SiteAnswer } from './site-client.js';
import { siteOf } from './url-rules.js';
import type { Anchor, VisitedPage } from './visited.js';
import { linkRelevance } from './words.js';

/** Sitemaps read per search: an index's children past these few are not worth the budget. */
const MAX_SITEMAPS = 4;

const sha = (lines: string[]) => createHash('sha256').update([...lines].sort().join('\n')).digest('hex');

export const sitemapFingerprint = (pages: SitemapPage[]) => sha(pages.map((p) => `${p.loc} ${p.lastmod ?? ''}`));

/** The home page's links about procedures for foreigners: banners and news teasers come and go, the menu stays. */
export const linksFingerprint = (links: VisitedPage['links']) => sha(links.map((link) => link.url));

function homeFingerprint(answer: Extract<SiteAnswer, { kind: 'ok' }>, hosts: ReadonlySet<string>): string {
  return linksFingerprint(followable(readPage(decodeBody(answer.body, answer.contentType).text, answer.url), hosts));
}

export interface SitemapRead {
  pages: SitemapPage[];
  anchor: Anchor | null;
}

/**
 * Reads the site's sitemaps: the first one that answers becomes the anchor;
 * an index's children are read best-named first (`sitemap-demarches.xml`
 * before `sitemap-actualites.xml`).
 */
export async function readSitemaps(urls: string[], crawler: Crawler): Promise<SitemapRead> {
  const onSite = (url: string) => crawler.hosts.has(siteOf(url) ?? '');
  const queue = urls.filter(onSite);
  const pages: SitemapPage[] = [];
  let anchor: Anchor | null = null;
  let reads = 0;
  while (queue.length > 0 && reads < MAX_SITEMAPS) {
    const url = queue.shift()!;
    reads += 1;
    const answer = await crawler.fetch(url, null, onSite);
    if (answer.kind !== 'ok') continue;
    const sitemap = parseSitemap(answer.body);
    if (sitemap.kind === 'unreadable') continue;
    const listed = sitemap.kind === 'urlset' ? sitemap.pages : sitemap.sitemaps;
    anchor ??= { kind: 'sitemap', url, validators: answer.validators, fingerprint: sitemapFingerprint(listed) };
    if (sitemap.kind === 'urlset') pages.push(...sitemap.pages);
    else {
      const children = sitemap.sitemaps.map((s) => s.loc).filter(onSite);
      queue.push(...children.sort((a, b) => linkRelevance('', b) - linkRelevance('', a)));
    }
  }
  return { pages, anchor };
}

/** Whether the anchor still reads the same; a changed one comes back with the answer, to be used rather than fetched again. */
export async function anchorChanged(anchor: Anchor, crawler: Crawler): Promise<{ changed: false } | { changed: true; answer: SiteAnswer }> {
  const answer = await crawler.session.get(anchor.url, { validators: anchor.validators, mayFollow: (url) => crawler.hosts.has(siteOf(url) ?? '') });
  // A site that does not answer tonight has not told us anything new.
  if (answer.kind === 'not-modified' || answer.kind === 'failed' || answer.kind === 'refused') return { changed: false };
  if (anchor.kind === 'sitemap') {
    const sitemap = parseSitemap(answer.body);
    const listed = sitemap.kind === 'urlset' ? sitemap.pages : sitemap.kind === 'index' ? sitemap.sitemaps : [];
    if (sitemapFingerprint(listed) === anchor.fingerprint) return { changed: false };
  } else if (homeFingerprint(answer, crawler.hosts) === anchor.fingerprint) return { changed: false };
  return { changed: true, answer };
}
