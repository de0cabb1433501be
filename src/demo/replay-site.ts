import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as z from 'zod/mini';
import '../shared/zod-english.js';

/**
 * The demo's local stand-in for the prefecture sites: one local server per
 * host (`http://127.0.0.1:PORT/<path>` answers what `https://<host>/<path>`
 * said in the current round of data/demo/replay.json), so root-relative
 * links, robots.txt and sitemaps work as on the real sites.
 */
const Answer = z.union([
  z.object({ page: z.string() }),
  z.object({ redirect: z.string() }),
  z.object({ status: z.int() }),
  /** A file served as bytes: a linked document (PDF by default), robots.txt. */
  z.object({ file: z.string(), contentType: z._default(z.string(), 'application/pdf') }),
]);
const Replay = z.object({ rounds: z.record(z.string(), z.record(z.string(), Answer)) });

function shell(body: string): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Les services de l'État</title></head><body>
<header class="fr-header"><nav class="fr-nav"><a href="/">Accueil</a> <a href="/Demarches">Démarches</a></nav></header>
<main id="main" role="main"><div class="fr-container">${body}</div></main>
<footer class="fr-footer">© ${new Date().getFullYear()} Préfecture — Sélectionnez votre thématique</footer></body></html>`;
}

export interface ReplaySite {
  /** The first host's address. */
  origin: string;
  /** Maps a real source URL to its replay address. */
  replayUrl(url: string): string;
  setRound(round: string): void;
  /** `fetch` as the demo's checks see the web: every real URL is answered by the replay, nothing leaves the machine. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

/** "www.orne.gouv.fr/a/b" → ["www.orne.gouv.fr", "/a/b"]. */
function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return slash === -1 ? [key, '/'] : [key.slice(0, slash), key.slice(slash)];
}

export async function startReplaySite(dataDir: string): Promise<ReplaySite> {
  const replay = Replay.parse(JSON.parse(await readFile(join(dataDir, 'replay.json'), 'utf8')));
  let round = Object.keys(replay.rounds)[0] ?? '1';
  const hosts = [...new Set(Object.values(replay.rounds).flatMap((answers) => Object.keys(answers).map((key) => splitKey(key)[0])))];
  const origins = new Map<string, string>();

  const answer = (host: string) => (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const found = replay.rounds[round]?.[`${host}${path}`];
    if (!found || 'status' in found) return void res.writeHead(found?.status ?? 404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Page introuvable</h1>');
    if ('redirect' in found) {
      const [toHost, toPath] = splitKey(found.redirect);
      return void res.writeHead(301, { location: `${origins.get(toHost) ?? ''}${toPath}` }).end();
    }
    if ('file' in found) {
      return void readFile(join(dataDir, found.file)).then(
        (bytes) => res.writeHead(200, { 'content-type': found.contentType }).end(bytes),
        () => res.writeHead(500).end(),
      );
    }
    readFile(join(dataDir, found.page), 'utf8').then(
      (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shell(body)),
      () => res.writeHead(500).end(),
    );
  };

  const servers: Server[] = [];
  for (const host of hosts) {
    const server = createServer(answer(host));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origins.set(host, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    servers.push(server);
  }
  const replayUrl = (url: string) => {
    const parsed = new URL(url);
    // A host the replay does not know answers 404 from the first one: still nothing leaves the machine.
    return `${origins.get(parsed.hostname) ?? origins.get(hosts[0] ?? '') ?? ''}${parsed.pathname}${parsed.search}${parsed.hash}`;
  };
  const local = [...origins.values()];
  return {
    origin: origins.get(hosts[0] ?? '') ?? '',
    replayUrl,
    fetch: (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return globalThis.fetch(local.some((origin) => url.startsWith(origin)) ? url : replayUrl(url), init);
    },
    setRound: (next) => void (round = next),
    close: () => Promise.all(servers.map((server) => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))))).then(() => undefined),
  };
}
