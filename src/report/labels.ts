import type { DocumentReport, EntryStatus, FormReport, ReasonCode, SourceReport } from './schema.js';
import type { FactKind } from '../facts/fact.js';
import type { NoSuccessorCode, SuccessorVia } from '../discover/successor.js';
import { DEFAULT_LANG, type Lang } from '../shared/lang.js';

export { DEFAULT_LANG, LANGS, type Lang } from '../shared/lang.js';

/**
 * Every word the editor-facing outputs print (HTML and Markdown reports,
 * issue bodies), in French (default) and English. JSON field names and
 * reason codes never go through here: they are a contract.
 * To add a label: add it to `Labels`, then to both `fr` and `en`.
 */
export interface Labels {
  lang: Lang;
  /** "label : value" in French typography, "label: value" in English. */
  colon: string;
  status: Record<EntryStatus, string>;
  reason: Record<ReasonCode, string>;
  factKind: Record<FactKind, string>;
  /** Display form of a channel fact's value (`postal`...); unknown values print as they are. */
  channel: Record<string, string>;
  yes: string;
  no: string;
  none: string;
  reportTitle: string;
  runFromTo: (from: string, to: string) => string;
  runCounts: (counts: { stale: number; unreachable: number; ok: number }) => string;
  guides: string;
  verdicts: string;
  summary: string;
  noEntries: string;
  reasonsCount: (n: number) => string;
  warnings: string;
  tableEntry: string;
  tableStatus: string;
  tableReasons: string;
  tableChanged: string;
  /** `changed` is null on an entry's first check: there is nothing to have changed from. */
  entryLine: (id: string, guideUpdated: string, changed: boolean | null) => string;
  guideFile: string;
  guideUpdated: (date: string) => string;
  changedSinceLastRun: string;
  unchangedSinceLastRun: string;
  firstCheck: string;
  consecutiveFailures: (n: number) => string;
  reasons: string;
  noReasons: string;
  factsHeading: string;
  factKindColumn: string;
  factGuideColumn: string;
  factPageColumn: string;
  factValueColumn: string;
  factFound: string;
  factNotFound: string;
  factMissing: string;
  factNewOnPage: string;
  noFacts: string;
  source: (n: number) => string;
  citedUrl: string;
  finalUrl: string;
  redirects: string;
  outcome: string;
  /** How the page was fetched; `reached`: its content came back (else the fetch was only tried). */
  fetchedWith: (mode: string, reached: boolean) => string;
  pageTitle: string;
  dates: string;
  pageDate: string;
  guideDate: string;
  notStated: string;
  afterTheGuide: string;
  snapshot: string;
  textSinceBaseline: string;
  removed: string;
  added: string;
  noCurrentText: string;
  noBaselineYet: string;
  noChange: string;
  tooManyChanges: string;
  sideBySide: string;
  before: string;
  after: string;
  diffAgainstBaseline: (url: string) => string;
  nextSteps: string;
  /** The time zone note after a local time. */
  parisTime: string;
  footerExtractor: string;
  /** What a source links to: documents and online forms. */
  linked: {
    documents: string;
    forms: string;
    documentStatus: Record<DocumentReport['status'], string>;
    formState: Record<FormReport['state'], string>;
    citedBy: Record<'guide' | 'page', string>;
    /** The link's detail at the reviewed baseline, e.g. "(avant : 524,1 Ko, 25/10/2022)". */
    previously: (detail: string) => string;
    documentColumn: string;
    statusColumn: string;
    detailColumn: string;
    textColumn: string;
    documentDiff: (title: string, url: string) => string;
  };
  /** The drafted guide section (`aes-watch propose`). */
  proposal: {
    summary: string;
    toReview: (n: number) => string;
    draftedFrom: (link: string, command: string) => string;
    reviewFirst: string;
    diff: string;
    section: string;
    copy: string;
    copied: string;
  };
  /** Successor discovery: where a gone page's procedure may live now. */
  successor: SuccessorLabels;
}

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
  /** `aes-watch discover`: what the search cost. */
  cost: (requests: number, reused: boolean) => string;
}

const fr: Labels = {
  lang: 'fr',
  colon: ' : ',
  status: { ok: 'à jour', stale: 'à revoir', unreachable: 'injoignable' },
  reason: {
    'fact-missing': 'faits absents de la page',
    'content-changed': 'contenu modifié',
    'page-updated': 'page mise à jour',
    'source-moved': 'page déplacée',
    'source-gone': 'page disparue',
    'fetch-failed': 'page injoignable',
    'extraction-failed': 'procédure illisible',
    'baseline-damaged': 'référence endommagée',
    'document-changed': 'document modifié',
    'document-gone': 'document disparu',
    'form-closed': 'formulaire en ligne fermé',
  },
  factKind: { email: 'courriel', address: 'adresse', phone: 'téléphone', url: 'lien', document: 'document', channel: 'mode de dépôt' },
  channel: { postal: 'par courrier', online: 'en ligne', appointment: 'sur rendez-vous', 'in-person': 'sur place', unknown: 'non précisé par la page' },
  yes: 'oui',
  no: 'non',
  none: 'aucun',
  reportTitle: 'aes-watch : rapport de changements',
  runFromTo: (from, to) => `Vérification du ${from} au ${to}`,
  runCounts: ({ stale, unreachable, ok }) => `**${stale} à revoir**, ${unreachable} injoignable(s), ${ok} à jour`,
  guides: 'guides',
  verdicts: 'Verdicts',
  summary: 'Résumé',
  noEntries: 'Aucune entrée du guide n’a été vérifiée.',
  reasonsCount: (n) => `${n} motif(s)`,
  warnings: 'Avertissements',
  tableEntry: 'entrée',
  tableStatus: 'verdict',
  tableReasons: 'motifs',
  tableChanged: 'changé depuis la dernière vérification',
  entryLine: (id, guideUpdated, changed) =>
    `Entrée \`${id}\`, guide mis à jour le ${guideUpdated} ; ${changed === null ? fr.firstCheck : `changé depuis la dernière vérification : ${changed ? 'oui' : 'non'}`}.`,
  guideFile: 'guide',
  guideUpdated: (date) => `guide mis à jour le ${date}`,
  changedSinceLastRun: 'changé depuis la dernière vérification',
  unchangedSinceLastRun: 'inchangé depuis la dernière vérification',
  firstCheck: 'première vérification',
  consecutiveFailures: (n) => `${n} échec(s) consécutif(s)`,
  reasons: 'Motifs',
  noReasons: 'Aucun : les pages disent toujours ce que dit le guide.',
  factsHeading: 'Faits : le guide et la page',
  factKindColumn: 'Type',
  factGuideColumn: 'Le guide dit',
  factPageColumn: 'La page',
  factValueColumn: 'valeur',
  factFound: '✓ l’indique',
  factNotFound: '✗ introuvable',
  factMissing: 'absent de la page',
  factNewOnPage: 'nouveau sur la page',
  noFacts: 'Aucun fait à comparer.',
  source: (n) => `Source ${n}`,
  citedUrl: 'URL citée',
  finalUrl: 'URL finale',
  redirects: 'Redirections',
  outcome: 'Résultat',
  fetchedWith: (mode, reached) => `${reached ? 'récupérée' : 'tentée'} ${mode === 'browser' ? 'avec le navigateur' : 'en HTTP'}`,
  pageTitle: 'Titre de la page',
  dates: 'Dates',
  pageDate: 'Page',
  guideDate: 'Guide',
  notStated: 'non indiquée',
  afterTheGuide: '(après le guide)',
  snapshot: 'Instantané',
  textSinceBaseline: 'Texte de la procédure depuis la version relue',
  removed: 'supprimé',
  added: 'ajouté',
  noCurrentText: 'Pas de texte actuel : la page n’a pas pu être lue.',
  noBaselineYet: 'Pas encore de version relue ; le texte actuel :',
  noChange: 'Aucun changement depuis la version relue.',
  tooManyChanges: 'Trop de changements pour un diff mot à mot ; le diff ligne à ligne :',
  sideBySide: 'La procédure a presque entièrement changé : avant et après, côte à côte.',
  before: 'Avant (version relue)',
  after: 'Après (page actuelle)',
  diffAgainstBaseline: (url) => `Différences avec la version relue (${url}) :`,
  nextSteps: 'Que faire',
  parisTime: 'heure de Paris',
  footerExtractor: 'extracteur',
  linked: {
    documents: 'Documents',
    forms: 'Formulaires en ligne',
    documentStatus: { new: 'nouveau (pas encore de référence relue)', unchanged: 'inchangé', changed: 'modifié', gone: 'disparu', failed: 'illisible' },
    formState: { open: 'ouvert', closed: 'fermé', unknown: 'inconnu' },
    citedBy: { guide: 'cité par le guide', page: 'lien de la page' },
    previously: (detail) => `(avant : ${detail})`,
    documentColumn: 'document',
    statusColumn: 'statut',
    detailColumn: 'format, taille, date',
    textColumn: 'texte depuis la référence relue',
    documentDiff: (title, url) => `Texte du document « ${title} » depuis la référence relue (${url}) :`,
  },

  proposal: {
    summary: 'Proposition de section du guide',
    toReview: (n) => `${n} point(s) à vérifier`,
    draftedFrom: (link, command) => `Rédigée d’après ${link}. Relisez-la, puis ${command}.`,
    reviewFirst: 'À vérifier avant d’écrire :',
    diff: 'Différences avec la section actuelle',
    section: 'Section proposée',
    copy: 'Copier la section',
    copied: 'Copié',
  },
  successor: {
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
    cost: (n, reused) => (reused ? 'résultat gardé réutilisé : le site n’a pas changé' : `${n} requête(s)`),
  },
};

const en: Labels = {
  lang: 'en',
  colon: ': ',
  status: { ok: 'ok', stale: 'stale', unreachable: 'unreachable' },
  reason: {
    'fact-missing': 'facts missing',
    'content-changed': 'content changed',
    'page-updated': 'page updated',
    'source-moved': 'source moved',
    'source-gone': 'source gone',
    'fetch-failed': 'fetch failed',
    'extraction-failed': 'extraction failed',
    'baseline-damaged': 'reviewed baseline damaged',
    'document-changed': 'document changed',
    'document-gone': 'document gone',
    'form-closed': 'online form closed',
  },
  factKind: { email: 'email', address: 'address', phone: 'phone', url: 'url', document: 'document', channel: 'channel' },
  channel: {},
  yes: 'yes',
  no: 'no',
  none: 'none',
  reportTitle: 'aes-watch change report',
  runFromTo: (from, to) => `Run from ${from} to ${to}`,
  runCounts: ({ stale, unreachable, ok }) => `**${stale} stale**, ${unreachable} unreachable, ${ok} ok`,
  guides: 'guides',
  verdicts: 'Verdicts',
  summary: 'Summary',
  noEntries: 'No guide entries were checked.',
  reasonsCount: (n) => `${n} reason(s)`,
  warnings: 'Warnings',
  tableEntry: 'entry',
  tableStatus: 'status',
  tableReasons: 'reasons',
  tableChanged: 'changed since last run',
  entryLine: (id, guideUpdated, changed) =>
    `Entry \`${id}\`, guide updated ${guideUpdated}; ${changed === null ? en.firstCheck : `changed since last run: ${changed ? 'yes' : 'no'}`}.`,
  guideFile: 'guide',
  guideUpdated: (date) => `guide updated ${date}`,
  changedSinceLastRun: 'changed since the last run',
  unchangedSinceLastRun: 'unchanged since the last run',
  firstCheck: 'first check',
  consecutiveFailures: (n) => `${n} consecutive failed run(s)`,
  reasons: 'Reasons',
  noReasons: 'None: the pages still say what the guide says.',
  factsHeading: 'Facts: guide and page',
  factKindColumn: 'Kind',
  factGuideColumn: 'The guide says',
  factPageColumn: 'The page',
  factValueColumn: 'value',
  factFound: '✓ states it',
  factNotFound: '✗ not found',
  factMissing: 'missing',
  factNewOnPage: 'new on page',
  noFacts: 'No facts to compare.',
  source: (n) => `Source ${n}`,
  citedUrl: 'Cited URL',
  finalUrl: 'Final URL',
  redirects: 'Redirects',
  outcome: 'Outcome',
  fetchedWith: (mode, reached) => `${reached ? 'fetched' : 'tried'} with ${mode}`,
  pageTitle: 'Page title',
  dates: 'Dates',
  pageDate: 'Page',
  guideDate: 'Guide',
  notStated: 'not stated',
  afterTheGuide: '(after the guide)',
  snapshot: 'Snapshot',
  textSinceBaseline: 'Procedure text since the reviewed baseline',
  removed: 'removed',
  added: 'added',
  noCurrentText: 'No current text: the page could not be read.',
  noBaselineYet: 'No reviewed baseline yet; the current text:',
  noChange: 'No change since the reviewed baseline.',
  tooManyChanges: 'Too many changes for a word diff; the line diff:',
  sideBySide: 'Most of the procedure changed: before and after, side by side.',
  before: 'Before (reviewed baseline)',
  after: 'After (current page)',
  diffAgainstBaseline: (url) => `Diff against the reviewed baseline (${url}):`,
  nextSteps: 'Next steps',
  parisTime: 'Paris time',
  footerExtractor: 'extractor',
  linked: {
    documents: 'Documents',
    forms: 'Online forms',
    documentStatus: { new: 'new (no reviewed baseline yet)', unchanged: 'unchanged', changed: 'changed', gone: 'gone', failed: 'unreadable' },
    formState: { open: 'open', closed: 'closed', unknown: 'unknown' },
    citedBy: { guide: 'named by the guide', page: 'linked from the page' },
    previously: (detail) => `(before: ${detail})`,
    documentColumn: 'document',
    statusColumn: 'status',
    detailColumn: 'format, size, date',
    textColumn: 'text since the reviewed baseline',
    documentDiff: (title, url) => `Text of the document "${title}" since the reviewed baseline (${url}):`,
  },
  proposal: {
    summary: 'Proposed guide section',
    toReview: (n) => `${n} point(s) to check`,
    draftedFrom: (link, command) => `Drafted from ${link}. Review it, then ${command}.`,
    reviewFirst: 'To check before writing:',
    diff: 'Differences from the current section',
    section: 'Proposed section',
    copy: 'Copy the section',
    copied: 'Copied',
  },
  successor: {
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
    cost: (n, reused) => (reused ? 'stored result reused: the site has not changed' : `${n} request(s)`),
  },
};

const LABELS: Record<Lang, Labels> = { fr, en };

export function labelsFor(lang: Lang = DEFAULT_LANG): Labels {
  return LABELS[lang];
}

/** A fact's value as the editor reads it: channel codes in words, everything else as stated. */
export function factValue(labels: Labels, kind: FactKind, value: string): string {
  return kind === 'channel' ? (labels.channel[value] ?? value) : value;
}

/** How a source was fetched: "récupérée" only when its content came back, else "tentée"; null when no fetch was made. */
export function fetchMode(labels: Labels, source: Pick<SourceReport, 'fetchedWith' | 'outcome'>): string | null {
  return source.fetchedWith === null ? null : labels.fetchedWith(source.fetchedWith, source.outcome === 'fetched');
}
