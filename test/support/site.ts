import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local fixture "prefecture" site on a loopback address. Any 127.x.y.z works,
 * so several hosts (one per prefecture) can run side by side.
 */
export type Route =
  | { status?: number; body?: string | Buffer; headers?: Record<string, string> }
  | ((req: IncomingMessage, res: ServerResponse) => void);

export interface FixtureSite {
  host: string;
  port: number;
  /** `http://host:port` */
  origin: string;
  url(path: string): string;
  /** Replace or add routes while the site runs (e.g. the prefecture edits its page). */
  set(path: string, route: Route): void;
  /** Every request seen: method, path and headers. */
  requests: { method: string; path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startSite(routes: Record<string, Route> = {}, host = '127.0.0.1'): Promise<FixtureSite> {
  const table = new Map(Object.entries(routes));
  const requests: FixtureSite['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const route = table.get(path) ?? table.get(path.split('?')[0] ?? path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Page introuvable</h1>');
      return;
    }
    if (typeof route === 'function') return route(req, res);
    res.writeHead(route.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...route.headers });
    res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    host,
    port,
    origin,
    url: (path) => origin + path,
    set: (path, route) => void table.set(path, route),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
