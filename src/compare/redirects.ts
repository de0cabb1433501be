import type { Hop } from '../fetch/outcome.js';

export type RedirectClass =
  | { kind: 'none' }
  /** Another page now answers: the source moved. */
  | { kind: 'moved'; to: string }
  /** The site sends the old address to its home or a section root: the link is dead. */
  | { kind: 'to-home'; to: string };

/** Top-level sections of the État portal and of the old IDE sites (lower case). */
const SECTION_NAMES = new Set([
  'demarches',
  'demarches-administratives',
  'actualites',
  'publications',
  'politiques-publiques',
  'services-de-l-etat',
  'ma-prefecture',
  'contact',
  'plan-du-site',
]);

const SECTION_ROOTS = /^\/(index\.php\/?)?(accueil|home|index\.(html?|php))?\/?$/i;

function comparable(raw: string): URL | null {
  try {
    const url = new URL(raw);
    url.hash = '';
    return url;
  } catch {
    return null;
  }
}

const normalisedPath = (url: URL) => decodeURIComponent(url.pathname).replace(/\/+$/, '').toLowerCase() || '/';

/**
 * Classifies where a redirect chain ended. "Same page" tolerates scheme,
 * `www.`, trailing-slash and case changes; a home page, a one-segment section
 * root or an ancestor of the cited path means the page itself is gone.
 */
export function classifyRedirect(citedUrl: string, finalUrl: string, redirects: Hop[]): RedirectClass {
  if (redirects.length === 0) return { kind: 'none' };
  const cited = comparable(citedUrl);
  const final = comparable(finalUrl);
  if (!cited || !final) return { kind: 'moved', to: finalUrl };
  const host = (u: URL) => u.hostname.replace(/^www\./, '');
  const citedPath = normalisedPath(cited);
  const finalPath = normalisedPath(final);
  if (host(cited) === host(final) && citedPath === finalPath && cited.search === final.search) return { kind: 'none' };
  if (SECTION_ROOTS.test(final.pathname)) return { kind: 'to-home', to: finalUrl };
  const isAncestor = host(cited) === host(final) && citedPath.startsWith(finalPath + '/');
  const segments = finalPath.split('/').filter(Boolean);
  const isSection = segments.length === 1 && SECTION_NAMES.has(segments[0] ?? '');
  if (isAncestor || (isSection && final.search === '')) return { kind: 'to-home', to: finalUrl };
  return { kind: 'moved', to: finalUrl };
}
