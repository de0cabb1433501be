/**
 * Fixture prefecture pages and guide documents written for the tests: real
 * DSFR structure, invented content. Each test bends one thing (an email, a
 * CEDEX, a date) and checks what aes-watch makes of it.
 */
export interface ProcedureSpec {
  title?: string;
  /** dd/mm/yyyy, printed as "Mis à jour le". */
  updated?: string;
  /** The procedure as HTML paragraphs/lists. */
  body: string;
  /** Values that differ on every fetch of a real site. */
  noise?: { nonce: string; year: number; cookieId: string; shareQuery: string; navOrder?: 'a' | 'b' };
}

const DEFAULT_NOISE = { nonce: 'n0nce-1', year: 2025, cookieId: 'ck-1', shareQuery: 'utm_source=x', navOrder: 'a' as const };

export function dsfrPage(spec: ProcedureSpec): string {
  const noise = { ...DEFAULT_NOISE, ...spec.noise };
  const nav = ['<li><a href="/Actualites">Actualités</a></li>', '<li><a href="/Demarches">Démarches</a></li>', '<li><a href="/Publications">Publications</a></li>'];
  if (noise.navOrder === 'b') nav.reverse();
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>${spec.title ?? 'Admission exceptionnelle au séjour'} - Les services de l'État</title>
<script nonce="${noise.nonce}">window.__token = "${noise.nonce}";</script></head>
<body>
<div class="fr-skiplinks"><a href="#main">Accéder au contenu</a></div>
<header class="fr-header"><div class="fr-header__brand">Préfecture de Testville</div><nav class="fr-nav"><ul>${nav.join('')}</ul></nav></header>
<div class="fr-consent-banner" id="${noise.cookieId}">Ce site utilise des cookies. <button>Accepter</button></div>
<main id="main" role="main"><div class="fr-container">
<nav class="fr-breadcrumb"><a href="/">Accueil</a> › <a href="/Demarches">Démarches</a></nav>
<h1>${spec.title ?? 'Admission exceptionnelle au séjour'}</h1>
${spec.updated ? `<p class="fr-text--sm">Mis à jour le ${spec.updated}</p>` : ''}
<div class="fr-share"><p>Partager la page</p><a href="https://www.facebook.com/sharer.php?u=https%3A%2F%2Fexample%2F&${noise.shareQuery}">Facebook</a></div>
<div class="fr-text">${spec.body}</div>
<form><input type="hidden" name="csrf" value="${noise.nonce}"></form>
</div></main>
<footer class="fr-footer"><p>© ${noise.year} Préfecture de Testville. Sélectionnez votre thématique.</p></footer>
</body></html>`;
}

/** A postal procedure in the style of the Calvados entry. */
export function postalProcedure(o: { street?: string; cedex?: string; email?: string } = {}): string {
  return `<p>DEMANDE D'ADMISSION EXCEPTIONNELLE AU SÉJOUR : votre demande doit être envoyée uniquement par courrier à l'adresse suivante :</p>
<p>Préfecture de Testville<br>Bureau du séjour et des naturalisations<br>Admission exceptionnelle au séjour<br>${o.street ?? '12 rue des Essais'}<br>${o.cedex ?? '14099 TESTVILLE CEDEX 08'}</p>
<p>Pour toute question, écrivez à ${o.email ?? 'pref-sejour@testville.gouv.fr'}. Joignez à votre envoi la copie de votre passeport, un justificatif de domicile de moins de trois mois et tout document attestant de votre présence en France.</p>`;
}

export function onlineOnlyProcedure(): string {
  return `<p>Depuis le 1er mars 2025, la demande d'admission exceptionnelle au séjour se fait uniquement en ligne, sur la plateforme démarches simplifiées :</p>
<p><a href="https://www.demarches-simplifiees.fr/commencer/99-aes">Déposer une demande d'admission exceptionnelle au séjour</a></p>
<p>Les demandes envoyées par courrier ne sont plus traitées. Préparez les pièces justificatives au format PDF avant de commencer votre démarche en ligne.</p>`;
}

export interface GuideSectionSpec {
  code: string;
  /** "du Calvados", "de la Manche"... */
  departmentPhrase: string;
  prefecture: string;
  channel?: string;
  url: string;
  /** Further cited pages, printed as "et ici : <url>". */
  moreUrls?: string[];
  procedure: string;
  updated?: string;
}

/** A guide document in the GISTI series format, citing fixture URLs. */
export function guideDocument(region: string, sections: GuideSectionSpec[]): string {
  const header = "gisti, groupe d'information et de soutien des immigré·e·s";
  const body = sections.map(
    (s) => `${header}

Région ${region}
Département ${s.departmentPhrase} (${s.code})
Préfecture ${s.prefecture}
Sous-préfectures : Aval, Amont

Préfecture de ${s.prefecture}

Dernière mise à jour : ${s.updated ?? '22/02/2023'}

La demande d'admission exceptionnelle se fait ${s.channel ?? 'par voie postale'}.

Les modalités sont consultables ici : <${s.url}>${(s.moreUrls ?? []).map((u) => `\net ici : <${u}>`).join('')}

Les modalités sont reproduites ici :

${s.procedure}

Sous-préfectures

Elles ne traitent pas les demandes d'AES.
`,
  );
  return `${header}\n\n**Modalités de dépôt d'une demande d'admission\nexceptionnelle**\n\nRégion ${region}\n\n${sections.map((s) => `Département ${s.departmentPhrase} (${s.code})`).join('\n\n')}\n\n${body.join('\n')}`;
}

/** The guide's reproduction of postalProcedure(), as a PDF extraction prints it. */
export function postalGuideText(o: { street?: string; cedex?: string; email?: string } = {}): string {
  return `DEMANDE D'ADMISSION EXCEPTIONNELLE AU SÉJOUR : Votre demande doit être envoyée uniquement par courrier à l'adresse suivante :

Préfecture de Testville

Bureau du séjour et des naturalisations

Admission exceptionnelle au séjour

${o.street ?? '12 rue des Essais'}

${o.cedex ?? '14099 TESTVILLE CEDEX 08'}

Pour toute question, écrivez à ${o.email ?? 'pref-sejour@testville.gouv.fr'}.`;
}
