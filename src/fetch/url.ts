/**
 * URL helpers for cited prefecture pages. Old "-aNNNN.html" sites address
 * service-public.fr co-marquage content with a `#!/...` fragment that no server
 * ever sees, so the HTTP fetcher drops it and the browser fetcher needs it.
 */

/** The URL without its fragment (`#...` or `#!...`), as a server would receive it. */
export function stripFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * The client-side route of a hash-bang URL, without the `#!` marker
 * (`https://x/a.html#!/Particuliers/page/L1055` → `/Particuliers/page/L1055`),
 * or null when the URL has no non-empty `#!` fragment.
 */
export function clientRoute(url: string): string | null {
  const hash = url.indexOf('#');
  if (hash === -1 || url[hash + 1] !== '!') return null;
  const route = url.slice(hash + 2);
  return route === '' ? null : route;
}
