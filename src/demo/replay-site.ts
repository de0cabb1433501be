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
    readFile(join(dataDir, answer.page), 'utf8').then(
      (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shell(body)),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    replayUrl: (url) => {
      const parsed = new URL(url);
      return `${origin}/${parsed.hostname}${parsed.pathname}${parsed.search}${parsed.hash}`;
    },
    setRound: (next) => void (round = next),
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
