import type { NoSuccessorCode, SuccessorVia } from '../discover/successor.js';

/**
 * The words reports and issue bodies use for successor discovery, French
 * first (the editors' language) and English. To fold into the reports' common
 * labels module once there is one.
 */
export interface SuccessorLabels {
  heading: string;
  likelyNewPage: string;
  noNewPage: string;
  score: string;
  via: Record<SuccessorVia, string>;
  facts: string;
  words: string;
  closeness: string;
  updated: string;
  untitled: string;
  reasons: Record<NoSuccessorCode, string>;
}

const fr: SuccessorLabels = {
  heading: 'Où est passée la procédure',
  likelyNewPage: 'Nouvelle page probable :',
  noNewPage: 'Aucune nouvelle page trouvée :',
  score: 'score',
  via: { redirect: 'par la redirection', sitemap: 'par le plan du site', walk: 'en parcourant le site' },
  facts: 'faits du guide trouvés',
  words: 'mots',
  closeness: 'proximité avec le texte relu',
  updated: 'mise à jour le',
  untitled: '(sans titre)',
  reasons: {
    'no-candidate': 'aucune page lue ne convient',
    'nothing-to-search': 'rien à parcourir',
    'robots-disallowed': 'robots.txt l’interdit',
    'site-unreachable': 'le site ne répond pas',
  },
};

const en: SuccessorLabels = {
  heading: 'Where the procedure went',
  likelyNewPage: 'Likely new page:',
  noNewPage: 'No likely new page:',
  score: 'score',
  via: { redirect: 'via the redirect', sitemap: 'via the sitemap', walk: 'by walking the site' },
  facts: 'guide facts found',
  words: 'words',
  closeness: 'closeness to the reviewed text',
  updated: 'updated',
  untitled: '(untitled)',
  reasons: {
    'no-candidate': 'no page read fits',
    'nothing-to-search': 'nothing to search',
    'robots-disallowed': 'robots.txt forbids it',
    'site-unreachable': 'the site does not answer',
  },
};

export type SuccessorLang = 'fr' | 'en';

export function successorLabels(lang: SuccessorLang = 'fr'): SuccessorLabels {
  return lang === 'en' ? en : fr;
}

/** "0.92" as French or English prints it. */
export function formatScore(score: number, lang: SuccessorLang = 'fr'): string {
  const fixed = score.toFixed(2);
  return lang === 'fr' ? fixed.replace('.', ',') : fixed;
}
