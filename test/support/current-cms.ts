import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { startSite, type FixtureSite } from './site.js';

/**
 * A fixture prefecture site on the current CMS ("portail des services de
 * l'État", DSFR theme): header with a "Démarches" mega-menu, breadcrumb,
 * main content, "Mis à jour le". Content is invented; structure is real.
 * The guide's old pages are gone from it: one answers 404, another 301s home.
 * The AES page lives under Démarches › Étrangers, among decoys.
 */
export const PATHS = {
  old404: '/l-admission-exceptionnelle-au-sejour-aes-a11663.html',
  old301: '/Demarches-administratives/Etrangers/Admission-exceptionnelle-au-sejour-AES',
  home: '/',
  demarches: '/Demarches',
  etrangers: "/Demarches/Etrangers-dans-l-Orne",
  aes: '/Demarches/Etrangers-dans-l-Orne/Admission-exceptionnelle-au-sejour',
  titreSejour: '/Demarches/Etrangers-dans-l-Orne/Demander-un-titre-de-sejour',
  otherDepartment: '/Demarches/Etrangers-dans-le-Calvados/Admission-exceptionnelle-au-sejour',
  news: "/Actualites/Nouveaux-horaires-d-accueil-du-bureau-des-etrangers",
  disallowed: '/prive/Admission-exceptionnelle-au-sejour',
  calendar: "/Demarches/Etrangers-dans-l-Orne/Permanences-d-accueil-des-etrangers",
  permis: '/Demarches/Permis-de-conduire',
} as const;

export const DECOYS = [PATHS.titreSejour, PATHS.otherDepartment, PATHS.news, PATHS.calendar] as const;

const MEGA_MENU = `<nav class="fr-nav" role="navigation" aria-label="Menu principal"><ul class="fr-nav__list">
<li class="fr-nav__item"><a class="fr-nav__link" href="/Actualites">Actualités</a></li>
<li class="fr-nav__item"><button class="fr-nav__btn" aria-expanded="false" aria-controls="mega-menu-demarches">Démarches</button>
<div class="fr-collapse fr-mega-menu" id="mega-menu-demarches"><div class="fr-container"><div class="fr-grid-row">
<div class="fr-col-12"><p class="fr-mega-menu__title"><a class="fr-link" href="/Demarches">Démarches</a></p></div>
<div class="fr-col-12 fr-col-lg-3"><ul class="fr-mega-menu__list">
<li><a class="fr-nav__link" href="${PATHS.etrangers}">Étrangers dans l'Orne</a></li>
<li><a class="fr-nav__link" href="${PATHS.permis}">Permis de conduire</a></li>
<li><a class="fr-nav__link" href="/Demarches/Certificat-d-immatriculation">Certificat d'immatriculation</a></li>
</ul></div></div></div></div></li>
<li class="fr-nav__item"><a class="fr-nav__link" href="/Publications">Publications</a></li>
</ul></nav>`;

export interface CmsPageSpec {
  title: string;
  /** Breadcrumb items after "Accueil", as [text, href]. */
  crumbs?: [string, string][];
  /** dd/mm/yyyy */
  updated?: string;
  body: string;
}

/** A page of the current CMS, with the assets, search form and share links real pages carry. */
export function cmsPage(spec: CmsPageSpec): string {
  const crumbs = [['Accueil', '/'], ...(spec.crumbs ?? [])]
    .map(([text, href]) => `<li><a class="fr-breadcrumb__link" href="${href}">${text}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>${spec.title} - Les services de l'État dans l'Orne</title>
<link rel="stylesheet" href="/dsfr/dsfr.min.css"><script type="module" src="/dsfr/dsfr.module.min.js"></script></head>
<body>
<div class="fr-skiplinks"><a href="#main">Accéder au contenu</a></div>
<header role="banner" class="fr-header"><div class="fr-header__body"><p class="fr-header__service-title">Les services de l'État dans l'Orne</p>
<img src="/var/ide/storage/images/logo.png?v=8af3" alt="Préfecture">
<form class="fr-search-bar" action="/Recherche" method="get"><input name="SearchText"><button>Rechercher</button></form></div>
<div class="fr-header__menu">${MEGA_MENU}</div></header>
<main id="main" role="main"><div class="fr-container">
<nav class="fr-breadcrumb" aria-label="vous êtes ici :"><ol class="fr-breadcrumb__list">${crumbs}</ol></nav>
<h1>${spec.title}</h1>
${spec.updated ? `<p class="fr-text--sm">Mis à jour le ${spec.updated}</p>` : ''}
<div class="fr-share"><p>Partager la page</p><a href="https://www.facebook.com/sharer.php?u=x">Facebook</a></div>
<div class="fr-text">${spec.body}</div>
</div></main>
<footer class="fr-footer"><a href="/Plan-du-site">Plan du site</a> <a href="/Mentions-legales">Mentions légales</a></footer>
</body></html>`;
}

/** The procedure as the guide reproduces it (and as the page said when last reviewed). */
export const GUIDE_PROCEDURE = `*Cette démarche s'effectue **uniquement par courrier.***

Étape 1 : Imprimez le dossier :

Dossier de demande AES (format pdf - 512 ko - 10/01/2023)

Étape 2 : Complétez votre dossier en y joignant l'ensemble des pièces justificatives demandées selon votre situation

Étape 3 : Envoyez le tout en recommandé avec accusé de réception à l'adresse suivante :

Monsieur le Préfet de Testorne

Bureau de l'immigration et de l'intégration

12, rue des Essais

CS 10 001

61099 TESTVILLE CEDEX

Pour toute question : pref-etrangers@testorne.gouv.fr`;

const ORNE_STEPS = `<p><em>Cette démarche s'effectue <strong>uniquement par courrier.</strong></em></p>
<h2>Étape 1 : Imprimez le dossier</h2>
<div class="fr-downloads-group"><ul><li><a href="/contenu/telechargement/4711/38012/file/dossier-aes.pdf">Dossier de demande AES <span class="fr-link__detail">PDF - 512 Ko - 10/01/2023</span></a></li></ul></div>
<h2>Étape 2 : Complétez votre dossier</h2>
<p>Complétez votre dossier en y joignant l'ensemble des pièces justificatives demandées selon votre situation.</p>
<h2>Étape 3 : Envoyez le tout</h2>
<p>Envoyez le tout en recommandé avec accusé de réception à l'adresse suivante :</p>
<p>Monsieur le Préfet de Testorne<br>Bureau de l'immigration et de l'intégration<br>12, rue des Essais<br>CS 10 001<br>61099 TESTVILLE CEDEX</p>
<p>Pour toute question : pref-etrangers@testorne.gouv.fr</p>`;

const ETRANGERS_CRUMBS: [string, string][] = [['Démarches', PATHS.demarches], ["Étrangers dans l'Orne", PATHS.etrangers]];

function listing(links: [string, string][]): string {
  return `<ul>${links.map(([href, text]) => `<li><a href="${href}">${text}</a></li>`).join('')}</ul>`;
}

/** The pages of the site, by path (HTML). */
export function sitePages(options: { aesUpdated?: string; aesExtra?: string } = {}): Record<string, string> {
  return {
    [PATHS.home]: cmsPage({
      title: 'Accueil',
      body: `<h2>À la une</h2>${listing([
        [PATHS.news, "Nouveaux horaires d'accueil du bureau des étrangers"],
        ['/Actualites/Fete-de-la-science', 'Fête de la science'],
      ])}<p>Bienvenue sur le site des services de l'État dans l'Orne.</p>`,
    }),
    [PATHS.demarches]: cmsPage({
      title: 'Démarches',
      crumbs: [['Démarches', PATHS.demarches]],
      body: listing([
        [PATHS.etrangers, "Étrangers dans l'Orne"],
        [PATHS.permis, 'Permis de conduire'],
      ]),
    }),
    [PATHS.etrangers]: cmsPage({
      title: "Étrangers dans l'Orne",
      crumbs: ETRANGERS_CRUMBS,
      body: listing([
        [PATHS.aes, 'Admission exceptionnelle au séjour'],
        [PATHS.disallowed, 'Admission exceptionnelle au séjour : version de travail'],
        [PATHS.titreSejour, 'Demander un titre de séjour'],
        [PATHS.calendar, "Permanences d'accueil des étrangers"],
        [PATHS.otherDepartment, 'Vous résidez dans le Calvados ? Admission exceptionnelle au séjour dans le Calvados'],
      ]),
    }),
    [PATHS.aes]: cmsPage({
      title: 'Admission exceptionnelle au séjour',
      crumbs: [...ETRANGERS_CRUMBS, ['Admission exceptionnelle au séjour', PATHS.aes]],
      updated: options.aesUpdated ?? '03/07/2024',
      body: `<p>Depuis le 1er juillet 2024, votre dossier doit être complet dès son dépôt.</p>${options.aesExtra ?? ''}${ORNE_STEPS}`,
    }),
    [PATHS.disallowed]: cmsPage({
      title: 'Admission exceptionnelle au séjour (AES)',
      crumbs: [...ETRANGERS_CRUMBS],
      updated: '03/07/2024',
      body: ORNE_STEPS,
    }),
    [PATHS.titreSejour]: cmsPage({
      title: 'Demander un titre de séjour',
      crumbs: [...ETRANGERS_CRUMBS, ['Demander un titre de séjour', PATHS.titreSejour]],
      updated: '12/09/2024',
      body: `<p>La première demande et le renouvellement d'un titre de séjour se font en ligne, sur le site de l'administration numérique pour les étrangers en France (ANEF).</p>
<p><a href="https://administration-etrangers-en-france.interieur.gouv.fr/particuliers/#/">Faire ma demande sur l'ANEF</a></p>
<p>Préparez votre passeport, un justificatif de domicile et une photographie d'identité. Le récépissé vous est envoyé par courriel.</p>
<p>Pour toute question : pref-etrangers@testorne.gouv.fr</p>`,
    }),
    [PATHS.otherDepartment]: cmsPage({
      title: 'Admission exceptionnelle au séjour dans le Calvados',
      crumbs: [['Démarches', PATHS.demarches]],
      updated: '15/05/2024',
      body: `<p><em>Cette démarche s'effectue uniquement par courrier.</em></p>
<h2>Étape 1 : Téléchargez le formulaire</h2>
<div class="fr-downloads-group"><ul><li><a href="/contenu/telechargement/99/1/file/formulaire-calvados.pdf">Formulaire AES Calvados <span class="fr-link__detail">PDF - 300 Ko - 02/02/2024</span></a></li></ul></div>
<h2>Étape 2 : Envoyez le tout</h2>
<p>Envoyez le tout en recommandé avec accusé de réception à l'adresse suivante :</p>
<p>Préfecture du Testcalvados<br>Bureau du séjour<br>1, place de la Gare<br>14099 CAENVILLE CEDEX 8</p>
<p>Pour toute question : pref-sejour@testcalvados.gouv.fr</p>`,
    }),
    [PATHS.news]: cmsPage({
      title: "Nouveaux horaires d'accueil du bureau des étrangers",
      crumbs: [['Actualités', '/Actualites']],
      updated: '02/09/2024',
      body: `<p>À partir du 1er octobre 2024, le bureau des étrangers vous accueille du lundi au jeudi, de 9 h à 12 h, uniquement sur rendez-vous.</p>
<p>Les demandes d'admission exceptionnelle au séjour (AES) se font toujours par courrier : elles ne sont pas reçues au guichet.</p>
<p>Le guichet remet les titres de séjour prêts, sur présentation de la convocation reçue par SMS ou par courriel.</p>`,
    }),
    [PATHS.permis]: cmsPage({
      title: 'Permis de conduire',
      crumbs: [['Démarches', PATHS.demarches]],
      body: `<p>Toutes les démarches liées au permis de conduire se font en ligne sur le site de l'ANTS. Le service est gratuit; méfiez-vous des sites qui vous font payer ces démarches. Les points d'accueil numérique de la préfecture et des sous-préfectures vous aident à les faire.</p>`,
    }),
  };
}

/** One month of the permanences calendar: links to the month before and after, forever. */
export function calendarPage(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const shift = (d: number) => {
    const date = new Date(Date.UTC(y, m - 1 + d, 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  return cmsPage({
    title: "Permanences d'accueil des étrangers",
    crumbs: ETRANGERS_CRUMBS,
    body: `<p>Permanences du mois ${month} : lundi et jeudi matin.</p>
<p><a href="${PATHS.calendar}?mois=${shift(-1)}">Permanences des étrangers : mois précédent</a> · <a href="${PATHS.calendar}?mois=${shift(1)}">Permanences des étrangers : mois suivant</a></p>`,
  });
}

export type SitemapMode = 'plain' | 'gzip-index' | 'none';

export function sitemapXml(origin: string, entries: [string, string][]): string {
  const urls = entries.map(([path, lastmod]) => `<url><loc>${origin}${path}</loc><lastmod>${lastmod}</lastmod></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

export interface CmsSite extends FixtureSite {
  /** Every answer: path and status. */
  served: { path: string; status: number }[];
  /** Most requests in flight at once. */
  maxInFlight(): number;
  /** Replace a page (HTML) or any file, keeping ETags right. */
  put(path: string, body: string | Buffer, contentType?: string): void;
  /** The prefecture edits a page: new HTML, and a new `lastmod` in the sitemap. */
  edit(path: string, html: string, lastmod: string): void;
  robots: string;
}

export interface CmsSiteOptions {
  sitemap?: SitemapMode;
  /** robots.txt body; `Sitemap:` lines are added for the plain and gzip modes. */
  robots?: string;
  /** Answer after this many ms (a network's latency), so overlapping requests would show. */
  latencyMs?: number;
  pages?: Record<string, string>;
  lastmod?: Record<string, string>;
}

export const DEFAULT_ROBOTS = 'User-agent: *\nDisallow: /prive/\nDisallow: /Recherche\n';

/** Starts the site on `host`. Every answer carries an ETag and honours If-None-Match. */
export async function startCmsSite(host: string, options: CmsSiteOptions = {}): Promise<CmsSite> {
  const files = new Map<string, { body: Buffer; type: string }>();
  const served: CmsSite['served'] = [];
  let inFlight = 0;
  let peak = 0;
  const answer = (req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    const send = () => {
      served.push({ path: req.url ?? '/', status });
      res.writeHead(status, headers).end(body, () => (inFlight -= 1));
    };
    if (options.latencyMs) setTimeout(send, options.latencyMs);
    else send();
  };
  const site = await startSite({}, host);
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const [pathname, query = ''] = path.split('?') as [string, string?];
    if (pathname === PATHS.old301) return answer(req, res, 301, { location: '/' }, '');
    if (pathname === PATHS.calendar) {
      const month = /mois=(\d{4}-\d{2})/.exec(query ?? '')?.[1] ?? '2025-03';
      return answer(req, res, 200, { 'content-type': 'text/html; charset=utf-8' }, calendarPage(month));
    }
    const file = files.get(pathname);
    if (!file) return answer(req, res, 404, { 'content-type': 'text/html; charset=utf-8' }, '<h1>Page introuvable</h1>');
    const etag = `"${createHash('sha1').update(file.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return answer(req, res, 304, { etag }, '');
    return answer(req, res, 200, { 'content-type': file.type, etag }, file.body);
  };
  const put = (path: string, body: string | Buffer, type = 'text/html; charset=utf-8') => {
    files.set(path, { body: Buffer.isBuffer(body) ? body : Buffer.from(body), type });
    site.set(path, serve);
  };
  // Paths the site does not know still go through `serve`, for the 404s and the calendar.
  for (const path of [PATHS.old301, PATHS.old404, PATHS.calendar, '/sitemap.xml', '/robots.txt']) site.set(path, serve);

  const pages = options.pages ?? sitePages();
  for (const [path, html] of Object.entries(pages)) put(path, html);
  const mode = options.sitemap ?? 'plain';
  let robots = options.robots ?? DEFAULT_ROBOTS;
  const lastmods = new Map(Object.keys(pages).concat(PATHS.calendar).map((path) => [path, options.lastmod?.[path] ?? '2024-07-03']));
  const buildSitemap = () => sitemapXml(site.origin, [...lastmods.entries()]);
  const edit = (path: string, html: string, lastmod: string) => {
    put(path, html);
    lastmods.set(path, lastmod);
    if (mode === 'plain') put('/sitemap.xml', buildSitemap(), 'application/xml');
    if (mode === 'gzip-index') put('/sitemaps/pages.xml.gz', gzipSync(buildSitemap()), 'application/gzip');
  };
  if (mode !== 'none') {
    const xml = buildSitemap();
    if (mode === 'plain') {
      put('/sitemap.xml', xml, 'application/xml');
      robots += `Sitemap: ${site.origin}/sitemap.xml\n`;
    } else {
      put('/sitemaps/pages.xml.gz', gzipSync(xml), 'application/gzip');
      put('/sitemap-index.xml', `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${site.origin}/sitemaps/pages.xml.gz</loc></sitemap></sitemapindex>`, 'application/xml');
      robots += `Sitemap: ${site.origin}/sitemap-index.xml\n`;
    }
  }
  put('/robots.txt', robots, 'text/plain; charset=utf-8');
  return { ...site, served, maxInFlight: () => peak, put, edit, robots };
}

/** A guide entry for the fixture site's département, citing `url`. */
export function orneSection(url: string) {
  return { code: '61', departmentPhrase: "de l'Orne", prefecture: 'Testville', url, procedure: GUIDE_PROCEDURE };
}
