import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The demo's local stand-in for the prefecture sites: `http://127.0.0.1:PORT/<host>/<path>`
 * answers what `https://<host>/<path>` said in the current round of data/demo/replay.json.
 */
const Answer = z.union([
  z.object({ page: z.string() }),
  z.object({ redirect: z.string() }),
  z.object({ status: z.number().int() }),
  /** A linked document, served as bytes. */
  z.object({ file: z.string() }),
]);
const Replay = z.object({ rounds: z.record(z.string(), z.record(z.string(), Answer)) });

function shell(body: string): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Les services de l'État</title></head><body>
<header class="fr-header"><nav class="fr-nav"><a href="/">Accueil</a> <a href="/Demarches">Démarches</a></nav></header>
<main id="main" role="main"><div class="fr-container">${body}</div></main>
<footer class="fr-footer">© ${new Date().getFullYear()} Préfecture — Sélectionnez votre thématique</footer></body></html>`;
}

export interface ReplaySite {
  origin: string;
  /** Maps a real source URL to its replay address. */
  replayUrl(url: string): string;
  setRound(round: string): void;
  /** `fetch` as the demo's checks see the web: every real URL is answered by the replay, nothing leaves the machine. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

export async function startReplaySite(dataDir: string): Promise<ReplaySite> {
  const replay = Replay.parse(JSON.parse(await readFile(join(dataDir, 'replay.json'), 'utf8')));
  let round = Object.keys(replay.rounds)[0] ?? '1';
  const server = createServer((req, res) => {
    const key = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0] ?? '');
    const answer = replay.rounds[round]?.[key];
    if (!answer || 'status' in answer) return void res.writeHead(answer?.status ?? 404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Page introuvable</h1>');
    if ('redirect' in answer) return void res.writeHead(301, { location: `/${answer.redirect}` }).end();
    if ('file' in answer) {
      return void readFile(join(dataDir, answer.file)).then(
        (bytes) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(bytes),
        () => res.writeHead(500).end(),
      );
    }
    readFile(join(dataDir, answer.page), 'utf8').then(
      (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shell(body)),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const replayUrl = (url: string) => {
    const parsed = new URL(url);
    return `${origin}/${parsed.hostname}${parsed.pathname}${parsed.search}${parsed.hash}`;
  };
  return {
    origin,
    replayUrl,
    fetch: (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return globalThis.fetch(url.startsWith(origin) ? url : replayUrl(url), init);
    },
    setRound: (next) => void (round = next),
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
