import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Five loopback "prefectures", each serving JS-rendered pages: a shell whose
 * script reads the `#!` route and fills the procedure in from a JSON call.
 */
const HOSTS = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6'];
const PAGES_PER_HOST = 4;
/** Simulated server think time on the JSON call, as a prefecture's API would have (loopback has none). */
const API_LATENCY_MS = 40;
/** Present only once the script has rendered the procedure. */
export const RENDERED = '#fiche address';
export const RENDERED_TEXT = '76036 ROUEN CEDEX';

export interface BenchPage {
  host: string;
  url: string;
}

function shell(id: number): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Accueil des étrangers ${id}</title>
<link rel="stylesheet" href="/css/site.css"><script src="/js/fiche.js" defer></script></head>
<body><div id="bandeau"><img src="/img/logo.png" alt="Préfet"></div>
<div id="contenu"><h1>Accueil des étrangers</h1><p>Mis à jour le 1${id % 10}/03/2025</p>
<div id="fiche"><p>Chargement de la fiche…</p></div></div><div id="pied">© Préfecture</div></body></html>`;
}

const SCRIPT = `(function () {
  var m = /^#!\\/Particuliers\\/page\\/([A-Z0-9]+)$/.exec(location.hash);
  if (!m) return;
  fetch('/api/fiche/' + m[1] + '.json').then(function (r) { return r.json(); }).then(function (f) {
    var el = document.getElementById('fiche'); el.textContent = '';
    var h = document.createElement('h2'); h.textContent = f.titre; el.appendChild(h);
    f.paragraphes.forEach(function (t) { var p = document.createElement('p'); p.textContent = t; el.appendChild(p); });
    var a = document.createElement('address'); a.textContent = f.adresse; el.appendChild(a);
  });
})();`;

function fiche(id: string): string {
  const paragraphes = Array.from({ length: 8 }, (_, i) => `Étape ${i + 1} de la fiche ${id} : joignez les pièces demandées.`);
  return JSON.stringify({ titre: `Admission exceptionnelle ${id}`, paragraphes, adresse: `Préfecture, bureau ${id}, ${RENDERED_TEXT}` });
}

async function serve(host: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const page = /^\/etrangers-a(\d+)\.html$/.exec(path);
    const api = /^\/api\/fiche\/([A-Z0-9]+)\.json$/.exec(path);
    if (page) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shell(Number(page[1])));
    else if (path === '/js/fiche.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(SCRIPT);
    else if (path === '/css/site.css') res.writeHead(200, { 'content-type': 'text/css' }).end('body{font-family:sans-serif}');
    else if (api) setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(fiche(api[1] ?? '')), API_LATENCY_MS);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return server;
}

/** Starts the five sites; `pages` lists 20 `#!` URLs, four per host. */
export async function startBenchSites(): Promise<{ pages: BenchPage[]; close(): Promise<void> }> {
  const servers = await Promise.all(HOSTS.map(serve));
  const pages = servers.flatMap((server, h) =>
    Array.from({ length: PAGES_PER_HOST }, (_, p) => {
      const { address, port } = server.address() as AddressInfo;
      const id = 1000 + h * PAGES_PER_HOST + p;
      return { host: address, url: `http://${address}:${port}/etrangers-a${id}.html#!/Particuliers/page/F${id}` };
    }),
  );
  const close = async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  };
  return { pages, close };
}
