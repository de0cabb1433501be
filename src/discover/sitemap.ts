import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';

/**
 * Sitemaps (sitemaps.org protocol), read with fast-xml-parser: a `urlset`
 * lists pages with their `lastmod`, a `sitemapindex` lists further sitemaps.
 * Either may come gzipped. The protocol caps a sitemap at 50 000 URLs and
 * 50 MB uncompressed; we hold to the same caps.
 */
export interface SitemapPage {
  loc: string;
  lastmod: string | null;
}

export type Sitemap =
  | { kind: 'urlset'; pages: SitemapPage[] }
  | { kind: 'index'; sitemaps: SitemapPage[] }
  | { kind: 'unreadable'; detail: string };

export const MAX_SITEMAP_URLS = 50_000;
const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

const isGzip = (bytes: Uint8Array) => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

function entries(list: unknown): SitemapPage[] {
  if (!Array.isArray(list)) return [];
  const pages: SitemapPage[] = [];
  for (const item of list.slice(0, MAX_SITEMAP_URLS)) {
    if (typeof item !== 'object' || item === null) continue;
    const { loc, lastmod } = item as { loc?: unknown; lastmod?: unknown };
    if (typeof loc !== 'string' || loc.trim() === '') continue;
    pages.push({ loc: loc.trim(), lastmod: typeof lastmod === 'string' && lastmod.trim() !== '' ? lastmod.trim() : null });
  }
  return pages;
}

export function parseSitemap(bytes: Uint8Array): Sitemap {
  let xml: string;
  try {
    xml = (isGzip(bytes) ? gunzipSync(bytes, { maxOutputLength: MAX_UNCOMPRESSED_BYTES }) : Buffer.from(bytes)).toString('utf8');
  } catch (error) {
    return { kind: 'unreadable', detail: `gzip: ${(error as Error).message}` };
  }
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    return { kind: 'unreadable', detail: `XML: ${(error as Error).message}` };
  }
  const urlset = doc.urlset as { url?: unknown } | undefined;
  if (urlset !== undefined) return { kind: 'urlset', pages: entries(urlset?.url) };
  const index = doc.sitemapindex as { sitemap?: unknown } | undefined;
  if (index !== undefined) return { kind: 'index', sitemaps: entries(index?.sitemap) };
  return { kind: 'unreadable', detail: 'neither <urlset> nor <sitemapindex>' };
}
