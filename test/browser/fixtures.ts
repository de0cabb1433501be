import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Route } from '../support/site.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/browser/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

/** The path an old "-aNNNN.html" prefecture page is served at, and the route its guide entry cites. */
export const SHELL_PATH = '/accueil-des-etrangers-dans-le-calvados-a9349.html';
export const CLIENT_ROUTE = '#!/Particuliers/page/L1055';

/** Routes of a prefecture site whose procedure only appears once the co-marquage script has run. */
export function jsRenderedRoutes(options: { shellPath?: string; ficheDelayMs?: number } = {}): Record<string, Route> {
  const delay = options.ficheDelayMs ?? 0;
  return {
    [options.shellPath ?? SHELL_PATH]: { body: fixture('accueil-etrangers-a9349.html') },
    '/squelettes/js/comarquage.js': {
      body: fixture('comarquage.js'),
      headers: { 'content-type': 'text/javascript; charset=utf-8' },
    },
    '/squelettes/css/prefecture.css': {
      body: 'body{font-family:sans-serif}#contenu{max-width:60em}',
      headers: { 'content-type': 'text/css' },
    },
    '/api/comarquage/Particuliers/L1055.json': (_req, res) => {
      // Simulated server latency (bench only); zero in tests, and never a sleep in the test itself.
      const send = () =>
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(fixture('fiche-L1055.json'));
      if (delay > 0) setTimeout(send, delay);
      else send();
    },
  };
}

/** The sentence only the rendered page contains. */
export const RENDERED_TEXT = 'Pôle régional d\'instruction des titres de séjour';
