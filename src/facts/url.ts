import type { FactOf } from './fact.js';
import { isDemarchesPath } from './form.js';

type UrlRole = FactOf<'url'>['role'];

/** The same démarches-simplifiées procedures are re-hosted under this name, with the same slugs. */
const DS_HOSTS = new Set(['demarches-simplifiees.fr', 'demarche.numerique.gouv.fr']);
const TRACKING = /^(?:utm_\w+|xtor|at_\w+|fbclid|gclid)$/i;

function parse(url: string): URL | null {
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
  } catch {
    return null;
  }
}

export function urlRole(url: string): UrlRole {
  const u = parse(url);
  if (!u) return 'page';
  const host = u.hostname.replace(/^www\./, '');
  if ((DS_HOSTS.has(host) && u.pathname.startsWith('/commencer/')) || isDemarchesPath(u.pathname)) return 'online-procedure';
  if (host === 'administration-etrangers-en-france.interieur.gouv.fr') return 'online-procedure';
  if (host === 'rdv-prefecture.interieur.gouv.fr' || u.pathname.includes('/booking/create/')) return 'appointment';
  if (/\.pdf$/i.test(u.pathname) || /\/contenu\/telechargement\/|\/content\/download\//i.test(u.pathname)) return 'form';
  return 'page';
}

/**
 * A URL's identity: scheme and "www." do not matter, the two démarches-simplifiées
 * hosts are one, tracking parameters and a trailing slash are dropped. A `#!/`
 * client route is kept (it selects different content); other fragments are not.
 * The path keeps its case and hyphens: a URL is exact, unlike PDF prose.
 */
export function canonicalUrl(url: string): string {
  const u = parse(url.trim());
  if (!u) return url.trim();
  let host = u.hostname.toLowerCase().replace(/^www\./, '');
  // The form's path says which service it is, on any host (tests serve it on loopback).
  const demarches = DS_HOSTS.has(host) || isDemarchesPath(u.pathname);
  if (demarches) host = 'demarches-simplifiees.fr';
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = u.pathname.replace(/\/+$/, '');
  const fragment = u.hash.startsWith('#!') ? u.hash : '';
  return `${host}${u.port && !demarches ? `:${u.port}` : ''}${path}${query}${fragment}`;
}

const SCHEME_URL = /https?:\/\/[^\s<>"'()[\]]+/gi;
/**
 * A link printed without its scheme: "www.x.gouv.fr/…", any "….gouv.fr", or a
 * host with a path ("demarches-simplifiees.fr/commencer/…"). Never inside an
 * email (after "@") or a longer URL (after "/"), never a file name ("liste.pdf").
 */
const BARE_URL =
  /(?<![\w@./:%-])(?:www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+|(?:[a-z0-9-]+\.)+gouv\.fr|(?:[a-z0-9-]+\.)+(?:fr|com|org|net|eu)(?=\/[\w-]))(?::\d+)?(?:\/[^\s<>"'()[\]]*)?/gi;
/** Cheap pre-check: most texts print no bare link. */
const MAY_HOLD_BARE_URL = /www\.|\.(?:fr|com|org|net|eu)\b/i;
const TRAILING_PUNCTUATION = /[.,;:!?*]+$/;

/**
 * URLs printed in text (Markdown and <...> wrappers allowed): absolute http(s)
 * URLs, and bare links, which are kept as printed (`canonicalUrl` reads them
 * as https, so they match their https:// form).
 */
export function findUrls(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(SCHEME_URL)) found.push(m[0].replace(TRAILING_PUNCTUATION, ''));
  if (!MAY_HOLD_BARE_URL.test(text)) return found;
  const withoutSchemeUrls = text.replace(SCHEME_URL, (url) => ' '.repeat(url.length));
  for (const m of withoutSchemeUrls.matchAll(BARE_URL)) found.push(m[0].replace(TRAILING_PUNCTUATION, ''));
  return found;
}
