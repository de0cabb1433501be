import type { CheerioAPI } from 'cheerio';
import { findAll } from './select.js';

/** Segments of a `<title>` that name the site, not the page. */
const SITE_NAME = /services de l['’]État|^préfe(?:t|cture)\b|^sous-préfecture\b|gouv\.fr|^portail\b|site officiel|^ministère\b|^accueil$/iu;
const SEPARATOR = /\s+[-–—|·:]\s+/u;

/**
 * The page's `<title>` without the site's name: "Admission exceptionnelle au
 * séjour - Les services de l'État dans l'Oise" → "Admission exceptionnelle au
 * séjour". The site name is the `og:site_name` when the page declares one,
 * else any segment that names a prefecture, the State's services or a gouv.fr host.
 */
export function titleWithoutSite($: CheerioAPI, oneLine: (text: string) => string): string | null {
  const title = oneLine(findAll($.root(), 'title').first().text());
  if (!title) return null;
  const site = oneLine(findAll($.root(), 'meta[property="og:site_name"]').attr('content') ?? '');
  const segments = title.split(SEPARATOR);
  const pageSegments = segments.filter((segment) => segment !== site && !SITE_NAME.test(segment));
  if (pageSegments.length === segments.length) return title; // no site name to drop
  // eZ Publish prints the page's path, "Page / Section / Accueil": the page comes first.
  const page = pageSegments[0]?.split(/\s+\/\s+/u)[0]?.trim();
  return page || title;
}
