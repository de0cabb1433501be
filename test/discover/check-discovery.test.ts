import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workspace } from '../check/fixture-run.js';
import { PATHS, orneSection, startCmsSite, type CmsSite, type CmsSiteOptions } from '../support/current-cms.js';

/**
 * `aes-watch check` against a fixture prefecture on the current CMS: when the
 * guide's page is gone, the report names the page that replaced it.
 */
const sites: CmsSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
});

async function scene(host: string, cited: string, options: CmsSiteOptions = {}) {
  const site = await startCmsSite(host, options);
  sites.push(site);
  const ws = await workspace();
  await ws.writeGuide([orneSection(site.url(cited))]);
  return { site, ws };
}

const paths = (site: CmsSite) => site.requests.map((r) => r.path);

describe('check: successor discovery', () => {
  it('names the AES page under Démarches › Étrangers when the cited page 301s to the home page', async () => {
    const { site, ws } = await scene('127.0.61.1', PATHS.old301);
    const { report } = await ws.check('--fetch', 'http');
    const entry = report.entries[0]!;

    expect(entry.status).toBe('stale');
    expect(entry.reasons.map((r) => r.code)).toContain('source-gone');
    expect(entry.successors[0]).toMatchObject({ url: site.url(PATHS.aes), title: 'Admission exceptionnelle au séjour', pageUpdated: '2024-07-03', via: 'sitemap' });
    expect(entry.successors[0]!.score).toBeGreaterThanOrEqual(0.7);
    expect(entry.successors[0]!.matchedFacts.map((f) => f.kind).sort()).toEqual(['address', 'document', 'email']);
    expect(entry.successors[0]!.pagesVisited).toBeGreaterThan(0);
    for (const other of entry.successors.slice(1)) expect(other.score).toBeLessThan(entry.successors[0]!.score);
    expect(entry.successorsReason).toBeNull();

    // robots.txt first, then only what it allows: never /prive/, never assets, forms or calendar months.
    const discovery = paths(site).filter((p) => p !== PATHS.old301 && p !== '/');
    expect(discovery[0]).toBe('/robots.txt');
    expect(paths(site).filter((p) => p.startsWith('/prive/'))).toEqual([]);
    expect(paths(site).filter((p) => /\.(css|js|png|pdf)|Recherche|mois=/.test(p))).toEqual([]);
    expect(new Set(site.requests.map((r) => r.headers['user-agent']))).toEqual(new Set([expect.stringMatching(/^aes-watch\//)]));
  });

  it('searches a site without a sitemap by walking from the home page', async () => {
    const { site, ws } = await scene('127.0.61.2', PATHS.old404, { sitemap: 'none' });
    const { report } = await ws.check('--fetch', 'http');
    const entry = report.entries[0]!;

    expect(entry.successors[0]).toMatchObject({ url: site.url(PATHS.aes), via: 'walk' });
    expect(entry.successors[0]!.score).toBeGreaterThanOrEqual(0.7);
    expect(paths(site)).toContain('/sitemap.xml');
    expect(paths(site).filter((p) => p.startsWith('/prive/') || p.includes('mois='))).toEqual([]);
  });

  it('follows a sitemap index to a gzipped sitemap', async () => {
    const { site, ws } = await scene('127.0.61.3', PATHS.old404, { sitemap: 'gzip-index' });
    const { report } = await ws.check('--fetch', 'http');

    expect(report.entries[0]!.successors[0]).toMatchObject({ url: site.url(PATHS.aes), via: 'sitemap' });
    expect(paths(site)).toEqual(expect.arrayContaining(['/sitemap-index.xml', '/sitemaps/pages.xml.gz']));
  });

  it('gives no successor and the reason on a site with neither sitemap nor usable links', async () => {
    const maintenance = '<!DOCTYPE html><html lang="fr"><head><title>Site en maintenance</title></head><body><main><h1>Site en maintenance</h1><p>Revenez plus tard.</p><p><a href="/Mentions-legales">Mentions légales</a></p></main></body></html>';
    const { ws } = await scene('127.0.61.4', PATHS.old404, { sitemap: 'none', pages: { '/': maintenance } });
    const { report } = await ws.check('--fetch', 'http');
    const entry = report.entries[0]!;

    expect(entry.successors).toEqual([]);
    expect(entry.successorsReason).toMatchObject({ code: 'nothing-to-search' });
  });

  it('fetches nothing but robots.txt from a site whose robots.txt disallows everything', async () => {
    const { site, ws } = await scene('127.0.61.5', PATHS.old404, { robots: 'User-agent: *\nDisallow: /\n' });
    const { report } = await ws.check('--fetch', 'http');

    expect(report.entries[0]!.successors).toEqual([]);
    expect(report.entries[0]!.successorsReason).toMatchObject({ code: 'robots-disallowed' });
    expect(paths(site)).toEqual([PATHS.old404, '/robots.txt']);
  });

  it('searches when the cited page moved to a section page without the procedure', async () => {
    const { site, ws } = await scene('127.0.61.6', PATHS.old404);
    site.set(PATHS.old404, { status: 301, headers: { location: PATHS.etrangers } });
    const { report } = await ws.check('--fetch', 'http');
    const entry = report.entries[0]!;

    expect(entry.reasons.map((r) => r.code)).toContain('source-moved');
    expect(entry.successors[0]).toMatchObject({ url: site.url(PATHS.aes), via: 'redirect' });
  });

  it('searches when the procedure left the cited page', async () => {
    const { site, ws } = await scene('127.0.61.7', PATHS.old404);
    site.set(PATHS.old404, { body: `<html><body><main><h1>AES</h1><p>Cette page a été déplacée. Consultez la rubrique <a href="${PATHS.etrangers}">Étrangers dans l'Orne</a>.</p></main></body></html>` });
    const { report } = await ws.check('--fetch', 'http');
    const entry = report.entries[0]!;

    expect(entry.reasons.map((r) => r.code)).toContain('extraction-failed');
    // The stub links to the section, not the page: the sitemap finds it.
    expect(entry.successors[0]).toMatchObject({ url: site.url(PATHS.aes), via: 'sitemap' });
    expect(paths(site)).toContain(PATHS.etrangers);
  });

  it('does not search for an entry whose page is fine', async () => {
    const { site, ws } = await scene('127.0.61.8', PATHS.aes);
    const { report } = await ws.check('--fetch', 'http');

    expect(report.entries[0]!.successors).toEqual([]);
    expect(report.entries[0]!.successorsReason).toBeNull();
    // The page and the document it links to (read by the check), and nothing else: no robots.txt, no search.
    expect(paths(site).filter((p) => !p.startsWith('/contenu/telechargement/'))).toEqual([PATHS.aes]);
  });

  it('writes "Nouvelle page probable :" into the Markdown and HTML reports and the issue draft', async () => {
    const { site, ws } = await scene('127.0.61.9', PATHS.old404);
    const { report } = await ws.check('--fetch', 'http');
    const id = report.entries[0]!.id;

    const markdown = await readFile(join(ws.reports, 'latest.md'), 'utf8');
    expect(markdown).toContain(`- Nouvelle page probable : Admission exceptionnelle au séjour, <${site.url(PATHS.aes)}> (score 0,`);
    const html = await readFile(join(ws.reports, 'latest.html'), 'utf8');
    expect(html).toMatch(/<strong>Nouvelle page probable :<\/strong> Admission exceptionnelle au séjour, <a class="url" href="http:\/\/127\.0\.61\.9:\d+\/Demarches\/Etrangers-dans-l-Orne\/Admission-exceptionnelle-au-sejour"/);
    const issue = await readFile(join(ws.reports, 'issues', `${id}.md`), 'utf8');
    expect(issue).toContain('**Nouvelle page probable :** Admission exceptionnelle au séjour');
    expect(issue).toMatch(/faits du guide trouvés : pref-etrangers@testorne\.gouv\.fr/);
  });
});

describe('check: discovery is polite', () => {
  it('never fetches more than discovery.maxPages requests for an entry', async () => {
    // A big foreigners' section, none of it the AES procedure: the search can only run out of budget.
    const filler = Object.fromEntries(
      Array.from({ length: 80 }, (_, i) => [`/Demarches/Etrangers-dans-l-Orne/Fiche-${i}`, `<html><head><title>Étrangers : fiche ${i}</title></head><body><main><h1>Étrangers : fiche ${i}</h1><p>${'Texte de la fiche pour les étrangers. '.repeat(10)}</p>${[1, 2, 3].map((d) => `<a href="/Demarches/Etrangers-dans-l-Orne/Fiche-${(i * 3 + d) % 80}">Étrangers : fiche suivante</a>`).join(' ')}</main></body></html>`]),
    );
    const { site, ws } = await scene('127.0.61.10', PATHS.old404, { pages: { '/': '<html><body><a href="/Demarches/Etrangers-dans-l-Orne/Fiche-0">Étrangers</a></body></html>', ...filler } });
    const { report } = await ws.check('--fetch', 'http');
    expect(report.entries[0]!.successorsReason).toMatchObject({ code: 'no-candidate', detail: expect.stringContaining('budget of 30 requests is spent') });
    expect(site.requests.length - 1).toBe(30);

    site.requests.length = 0;
    await writeFile(join(ws.dir, 'small.json'), JSON.stringify({ discovery: { maxPages: 10 } }));
    await ws.check('--fetch', 'http', '--config', join(ws.dir, 'small.json'));
    expect(site.requests.length - 1).toBeLessThanOrEqual(10);
  });

  it('stops asking a site that keeps failing', async () => {
    const { site, ws } = await scene('127.0.61.12', PATHS.old404, { sitemap: 'none' });
    // The home page answers; every page it links to is down.
    for (const path of Object.values(PATHS)) if (path !== '/' && path !== PATHS.old404) site.set(path, { status: 503 });
    site.set('/Demarches/Certificat-d-immatriculation', { status: 503 });
    const { report } = await ws.check('--fetch', 'http');

    expect(report.entries[0]!.successorsReason).toMatchObject({ code: 'no-candidate' });
    const afterHome = paths(site).slice(paths(site).indexOf('/') + 1);
    expect(afterHome).toHaveLength(3);
  });

  it('still sends one request at a time to a host, discovery included', async () => {
    const site = await startCmsSite('127.0.61.11', { latencyMs: 3 });
    sites.push(site);
    const ws = await workspace();
    await ws.writeGuide([
      orneSection(site.url(PATHS.old404)),
      { ...orneSection(site.url(PATHS.old301)), code: '72', departmentPhrase: 'de la Sarthe' },
    ]);
    const { report } = await ws.check('--fetch', 'http');

    expect(report.entries.map((e) => e.successors[0]?.url)).toEqual([site.url(PATHS.aes), site.url(PATHS.aes)]);
    expect(site.requests.length).toBeGreaterThan(10);
    expect(site.maxInFlight()).toBe(1);
  });
});
