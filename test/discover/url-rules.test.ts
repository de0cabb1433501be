import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseRobots } from '../../src/discover/robots.js';
import { parseSitemap } from '../../src/discover/sitemap.js';
import { checkUrl } from '../../src/discover/url-rules.js';
import { linkRelevance } from '../../src/discover/words.js';

const hosts = new Set(['www.orne.gouv.fr']);
const verdict = (url: string) => {
  const checked = checkUrl(url, hosts);
  return checked.kind === 'ok' ? 'ok' : checked.why;
};

describe('which URLs discovery may request', () => {
  it.each([
    ['https://www.orne.gouv.fr/Demarches/Etrangers#main', 'ok'],
    ['https://www.orne.gouv.fr/Actualites?page=3', 'ok'],
    ['https://www.orne.gouv.fr/Actualites?page=4', 'query-trap'],
    ['https://www.orne.gouv.fr/Agenda?mois=2025-04', 'query-trap'],
    ['https://www.orne.gouv.fr/Agenda?d=2025-04-01', 'query-trap'],
    ['https://www.orne.gouv.fr/Recherche?SearchText=aes', 'query-trap'],
    ['https://www.orne.gouv.fr/Actualites?q=aes', 'query-trap'],
    ['https://www.orne.gouv.fr/contenu/telechargement/1/2/file/dossier.pdf', 'not-a-page'],
    ['https://www.orne.gouv.fr/var/ide/storage/images/logo.png?v=1', 'not-a-page'],
    ['https://www.orne.gouv.fr/dsfr/dsfr.min.css', 'not-a-page'],
    ['https://www.calvados.gouv.fr/Demarches', 'off-site'],
    ['mailto:pref@orne.gouv.fr', 'not-http'],
  ])('%s: %s', (url, expected) => {
    expect(verdict(url)).toBe(expected);
  });

  it('follows only links about procedures for foreigners', () => {
    expect(linkRelevance('Admission exceptionnelle au séjour', 'https://x/a')).toBe(1);
    expect(linkRelevance('', 'https://x/Demarches/Etrangers/Regularisation')).toBe(0.6);
    expect(linkRelevance('Titre de séjour', 'https://x/b')).toBe(0.3);
    expect(linkRelevance('Démarches', 'https://x/c')).toBe(0.1);
    expect(linkRelevance('Fête de la science', 'https://x/Actualites/Fete')).toBe(0);
  });
});

describe('robots.txt', () => {
  const robots = parseRobots('https://www.orne.gouv.fr/robots.txt', 'User-agent: *\nDisallow: /prive/\nCrawl-delay: 2\n\nUser-agent: aes-watch\nDisallow: /lent/\nSitemap: /sitemap-index.xml\n', 'aes-watch/0.1 (+https://x)');
  it('applies our group, and lists sitemaps as absolute URLs', () => {
    expect(robots.allows('https://www.orne.gouv.fr/lent/page')).toBe(false);
    expect(robots.allows('https://www.orne.gouv.fr/prive/page')).toBe(true);
    expect(robots.sitemaps).toEqual(['https://www.orne.gouv.fr/sitemap-index.xml']);
  });
});

describe('sitemaps', () => {
  const urlset = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://www.orne.gouv.fr/A </loc><lastmod>2024-07-03</lastmod></url><url><loc>https://www.orne.gouv.fr/B</loc></url></urlset>';
  it('reads a urlset, plain or gzipped', () => {
    const expected = { kind: 'urlset', pages: [{ loc: 'https://www.orne.gouv.fr/A', lastmod: '2024-07-03' }, { loc: 'https://www.orne.gouv.fr/B', lastmod: null }] };
    expect(parseSitemap(Buffer.from(urlset))).toEqual(expected);
    expect(parseSitemap(gzipSync(urlset))).toEqual(expected);
  });
  it('reads an index with one sitemap', () => {
    expect(parseSitemap(Buffer.from('<sitemapindex><sitemap><loc>https://x/s.xml.gz</loc></sitemap></sitemapindex>'))).toEqual({ kind: 'index', sitemaps: [{ loc: 'https://x/s.xml.gz', lastmod: null }] });
  });
  it('says what is wrong with anything else', () => {
    expect(parseSitemap(Buffer.from('<html><body>Not found</body></html>'))).toMatchObject({ kind: 'unreadable' });
    expect(parseSitemap(Buffer.from([0x1f, 0x8b, 1, 2, 3]))).toMatchObject({ kind: 'unreadable', detail: expect.stringContaining('gzip') });
  });
});
