import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { availableParallelism } from 'node:os';
import type { AddressInfo } from 'node:net';
import pLimit from 'p-limit';
import { launchChromium } from '../src/fetch/browser-launch.js';
import { createBrowserFetcher } from '../src/fetch/browser.js';
import { locateBrowser } from '../src/fetch/locate-browser.js';
import type { BenchResult } from './result.js';

/**
 * Browser mode over 20 JS-rendered fixture pages spread over 5 loopback
 * "prefectures": one BrowserFetcher with one page at a time per host, against
 * a plain one-page-at-a-time Playwright loop over the same pages.
 */
const HOSTS = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6'];
const PAGES_PER_HOST = 4;
/** Simulated server think time on the JSON call, as a prefecture's API would have (loopback has none). */
const API_LATENCY_MS = 40;
const RENDERED = '#fiche address';

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
  return JSON.stringify({ titre: `Admission exceptionnelle ${id}`, paragraphes, adresse: `Préfecture, bureau ${id}, 76036 ROUEN CEDEX` });
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Busy CPU time of the whole machine (Linux), in ms: shows when a loop is CPU-bound rather than waiting. */
function machineBusyMs(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = fields;
    return (user + nice + system + irq + softirq) * 10; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

export async function run(): Promise<BenchResult[]> {
  const location = await locateBrowser(process.env);
  if (location.kind === 'missing') {
    return [{ name: 'browser: skipped', value: 0, unit: '', note: location.message }];
  }
  const servers = await Promise.all(HOSTS.map(serve));
  const urls = servers.flatMap((server, h) =>
    Array.from({ length: PAGES_PER_HOST }, (_, p) => {
      const { address, port } = server.address() as AddressInfo;
      const id = 1000 + h * PAGES_PER_HOST + p;
      return { host: address, url: `http://${address}:${port}/etrangers-a${id}.html#!/Particuliers/page/F${id}` };
    }),
  );
  try {
    // The fetcher: one browser, pages in parallel across hosts, one at a time per host.
    const fetcher = createBrowserFetcher({ timeoutMs: 30_000, userAgent: 'aes-watch-bench/0.1', env: process.env });
    const perHost = new Map(HOSTS.map((host) => [host, pLimit(1)]));
    const durations: number[] = [];
    let rendered = 0;
    // Launch outside the timed part: both loops are timed with a running browser.
    await fetcher.fetch({ url: `${urls[0]?.url ?? ''}`, waitFor: RENDERED });
    const started = performance.now();
    await Promise.all(
      urls.map(({ host, url }) =>
        perHost.get(host)!(async () => {
          const t0 = performance.now();
          const outcome = await fetcher.fetch({ url });
          durations.push(performance.now() - t0);
          if (outcome.kind === 'fetched' && outcome.html.includes('76036 ROUEN CEDEX')) rendered += 1;
        }),
      ),
    );
    const parallelTotal = performance.now() - started;
    const launches = fetcher.launches();
    await fetcher.close();

    // The plain loop: launch once, then newPage/goto/wait/content one page at a time.
    const browser = await launchChromium(location);
    let sequentialTotal = 0;
    let loopCpuMs: number | null = null;
    try {
      const warmUp = await browser.newPage();
      await warmUp.goto(urls[0]?.url ?? '');
      await warmUp.close();
      const busy0 = machineBusyMs();
      const t0 = performance.now();
      for (const { url } of urls) {
        const page = await browser.newPage();
        await page.goto(url);
        await page.waitForSelector(RENDERED);
        await page.content();
        await page.close();
      }
      sequentialTotal = performance.now() - t0;
      const busy1 = machineBusyMs();
      if (busy0 !== null && busy1 !== null) loopCpuMs = (busy1 - busy0) / urls.length;
    } finally {
      await browser.close();
    }
    const speedup = sequentialTotal / parallelTotal;
    const pageMedian = median(durations);
    return [
      { name: 'browser: launches for 20 pages', value: launches, unit: 'launches', target: '1', met: launches === 1 },
      {
        name: 'browser: median per page (parallel pages)',
        value: round(pageMedian),
        unit: 'ms',
        target: '< 250 ms',
        met: pageMedian < 250,
        note: `${rendered}/${urls.length} pages rendered; each page: fresh context, route blocking, render wait, full-page PNG`,
      },
      { name: 'browser: total for 20 pages on 5 hosts', value: round(parallelTotal), unit: 'ms', note: `${round(parallelTotal / urls.length)} ms a page amortised` },
      {
        name: 'browser: plain sequential Playwright loop total',
        value: round(sequentialTotal),
        unit: 'ms',
        note:
          `${round(sequentialTotal / urls.length)} ms a page` +
          (loopCpuMs === null ? '' : `, ${Math.round(loopCpuMs)} ms of CPU a page on ${availableParallelism()} CPUs`),
      },
      { name: 'browser: speedup over the sequential loop', value: round(speedup), unit: 'x', target: '>= 2x', met: speedup >= 2 },
    ];
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
