import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { benchPage } from './fixtures.js';

/**
 * Child process of the discovery benchmark: N loopback prefectures on the
 * current CMS, each answering after a fixed latency, with ETags. Even sites
 * publish a sitemap; odd ones must be walked. Each holds a Démarches ›
 * Étrangers section with a dozen pages and the AES page, news, and the dead
 * old URLs of two guide entries (one 404, one 301 to the home page).
 */
const hosts = Number(process.argv[2] ?? 50);
const latencyMs = Number(process.argv[3] ?? 20);
let requests = 0;
const servers: Server[] = [];

const FICHES = 12;
const NEWS = 10;
const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${title} - Les services de l'État</title><link rel="stylesheet" href="/dsfr.min.css"></head><body>
<header class="fr-header"><nav class="fr-nav"><ul><li><a href="/Actualites">Actualités</a></li><li><a href="/Demarches">Démarches</a></li><li><a href="/Demarches/Etrangers">Étrangers</a></li><li><a href="/Demarches/Permis-de-conduire">Permis de conduire</a></li></ul></nav></header>
<main id="main"><h1>${title}</h1><p>Mis à jour le 03/07/2024</p>${body}</main><footer class="fr-footer">© 2025</footer></body></html>`;
const list = (links: [string, string][]) => `<ul>${links.map(([href, text]) => `<li><a href="${href}">${text}</a></li>`).join('')}</ul>`;
const filler = (what: string) => `<p>${`Informations pratiques sur ${what} pour les ressortissants étrangers du département. `.repeat(6)}</p>`;

function site(h: number, origin: string): Map<string, string> {
  const files = new Map<string, string>();
  const fiches = Array.from({ length: FICHES }, (_, k): [string, string] => [`/Demarches/Etrangers/Fiche-${k}`, `Étrangers : fiche pratique ${k}`]);
  const news = Array.from({ length: NEWS }, (_, k): [string, string] => [`/Actualites/Communique-${k}`, `Communiqué ${k}`]);
  files.set('/', page('Accueil', list(news)));
  files.set('/Demarches', page('Démarches', list([['/Demarches/Etrangers', 'Étrangers'], ['/Demarches/Permis-de-conduire', 'Permis de conduire']])));
  files.set('/Demarches/Etrangers', page('Étrangers', list([...fiches, ['/Demarches/Etrangers/Admission-exceptionnelle-au-sejour', 'Admission exceptionnelle au séjour']])));
  files.set('/Demarches/Permis-de-conduire', page('Permis de conduire', filler('le permis de conduire')));
  for (const [path, title] of fiches) files.set(path, page(title, filler(title)));
  for (const [path, title] of news) files.set(path, page(title, filler(title)));
  // The AES page states the facts of the site's first guide entry (page number 2h).
  files.set('/Demarches/Etrangers/Admission-exceptionnelle-au-sejour', benchPage(2 * h));
  files.set('/robots.txt', `User-agent: *\nDisallow: /prive/\n${h % 2 === 0 ? `Sitemap: ${origin}/sitemap.xml\n` : ''}`);
  if (h % 2 === 0) {
    const urls = [...files.keys()].filter((p) => p !== '/robots.txt').map((p) => `<url><loc>${origin}${p}</loc><lastmod>2024-07-03</lastmod></url>`);
    files.set('/sitemap.xml', `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`);
  }
  return files;
}

for (let h = 0; h < hosts; h += 1) {
  let files = new Map<string, string>();
  const server = createServer((req, res) => {
    requests += 1;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    setTimeout(() => {
      if (path.startsWith('/Demarches-administratives/')) return void res.writeHead(301, { location: '/' }).end();
      const body = files.get(path);
      if (body === undefined) return void res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Page introuvable</h1>');
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      const type = path.endsWith('.xml') ? 'application/xml' : path.endsWith('.txt') ? 'text/plain' : 'text/html; charset=utf-8';
      res.writeHead(200, { 'content-type': type, etag }).end(body);
    }, latencyMs);
  });
  await new Promise<void>((resolve) => server.listen(0, `127.0.2.${h + 1}`, resolve));
  const origin = `http://127.0.2.${h + 1}:${(server.address() as AddressInfo).port}`;
  files = site(h, origin);
  servers.push(server);
}

process.send?.({ ready: servers.map((s) => `http://${(s.address() as AddressInfo).address}:${(s.address() as AddressInfo).port}`) });
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ stats: { requests } });
  if (message === 'reset') requests = 0;
  if (message === 'exit') {
    for (const server of servers) server.closeAllConnections(), server.close();
    process.exit(0);
  }
});
