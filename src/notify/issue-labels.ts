import { labelsFor, type Labels, type Lang } from '../report/labels.js';

/**
 * The words of issue titles, bodies and closing comments, in French (default)
 * and English. Verdict, reason and fact names come from the report's labels.
 */
export interface IssueLabels {
  report: Labels;
  title: (who: string, date: string, kind: 'stale' | 'unreachable', reasons: string) => string;
  introStale: (who: string, date: string) => string;
  introUnreachable: (who: string, date: string) => string;
  entryId: string;
  runReport: string;
  fullRunReport: string;
  diffCut: (shown: number, total: number, where: string) => string;
  diffWhereLinked: string;
  diffWhereLocal: string;
  changesHeading: string;
  why: string;
  more: (n: number) => string;
  facts: string;
  factsMissing: string;
  factsAdded: string;
  guideDateLine: (date: string) => string;
  pageDateLine: (date: string, newer: boolean) => string;
  noPageDate: string;
  sources: string;
  cited: string;
  finalUrl: string;
  outcome: string;
  redirect: (status: number) => string;
  pageTitle: string;
  forTheEditor: string;
  updateGisti: string;
  resolvedStale: string;
  resolvedUnreachable: string;
  proposalHeading: string;
  proposalIntro: (write: string, show: string) => string;
  proposalCheck: string;
  proposalCut: (shown: number, total: number, where: string) => string;
}

const fr: IssueLabels = {
  report: labelsFor('fr'),
  title: (who, date, kind, reasons) => `${who} : l’entrée du guide du ${date} ${kind === 'stale' ? 'est à revoir' : 'est injoignable'}${reasons}`,
  introStale: (who, date) => `L’entrée du guide pour ${who}, datée du ${date}, ne correspond plus à la page officielle qu’elle cite.`,
  introUnreachable: (who, date) =>
    `L’entrée du guide pour ${who}, datée du ${date}, n’a pas pu être vérifiée : chaque source qu’elle cite a échoué (téléchargement ou extraction) lors de plusieurs vérifications consécutives. Les détails ci-dessous datent de l’ouverture ou de la dernière mise à jour de ce ticket.`,
  entryId: 'Identifiant de l’entrée :',
  runReport: 'rapport de la vérification',
  fullRunReport: 'Rapport complet :',
  diffCut: (shown, total, where) => `_Diff coupé pour tenir dans le ticket : ${shown} lignes sur ${total}. Le diff complet est dans ${where}._`,
  diffWhereLinked: 'le rapport complet dont le lien suit',
  diffWhereLocal: 'le rapport de la vérification (`latest.json`)',
  changesHeading: '### Changements depuis la version relue',
  why: '### Pourquoi',
  more: (n) => `- … et ${n} de plus (voir le rapport de la vérification)`,
  facts: '### Faits',
  factsMissing: 'Indiqués par le guide, introuvables sur la page :',
  factsAdded: 'Sur la page, absents du guide :',
  guideDateLine: (date) => `- Guide, « Dernière mise à jour » : ${date}`,
  pageDateLine: (date, newer) => `- Page, « Mis à jour le » : ${date}${newer ? ' (plus récente que le guide)' : ''}`,
  noPageDate: '- Page : aucune date trouvée',
  sources: '### Sources',
  cited: 'Citée :',
  finalUrl: 'URL finale :',
  outcome: 'Résultat :',
  redirect: (status) => `Redirection ${status} depuis`,
  pageTitle: 'Titre de la page :',
  forTheEditor: '### Que faire',
  updateGisti: 'Mettre à jour l’entrée dans le guide du GISTI (procédure, mode de dépôt, adresses, date)',
  resolvedStale:
    'aes-watch : cette entrée du guide correspond de nouveau à ses sources (verdict : à jour, `ok`), ce ticket est donc fermé. Il sera rouvert si l’entrée redevient à revoir.',
  resolvedUnreachable: 'aes-watch : les sources de cette entrée du guide ont de nouveau pu être récupérées, ce ticket est donc fermé.',
  proposalHeading: '### Proposition de section du guide',
  proposalIntro: (write, show) => `Rédigée d’après la page ci-dessous. Relisez-la, puis lancez ${write} (ou ${show} pour la revoir).`,
  proposalCheck: 'À vérifier :',
  proposalCut: (shown, total, where) => `_Proposition coupée pour tenir dans le ticket : ${shown} lignes sur ${total}. La section entière est dans ${where}._`,
};

const en: IssueLabels = {
  report: labelsFor('en'),
  title: (who, date, kind, reasons) => `${who}: guide entry of ${date} ${kind === 'stale' ? 'is stale' : 'is unreachable'}${reasons}`,
  introStale: (who, date) => `The guide entry for ${who}, dated ${date}, no longer matches the official page it cites.`,
  introUnreachable: (who, date) =>
    `The guide entry for ${who}, dated ${date}, could not be checked: every source it cites failed to fetch or extract in several consecutive runs. The details below are from when this issue was opened or last updated.`,
  entryId: 'Entry id:',
  runReport: 'run report',
  fullRunReport: 'Full run report:',
  diffCut: (shown, total, where) => `_Diff cut to fit the issue: ${shown} of ${total} lines shown. The full diff is in ${where}._`,
  diffWhereLinked: 'the full run report linked below',
  diffWhereLocal: 'the run report (`latest.json`)',
  changesHeading: '### Changes since the reviewed snapshot',
  why: '### Why',
  more: (n) => `- … and ${n} more (see the run report)`,
  facts: '### Facts',
  factsMissing: 'Stated by the guide, no longer found on the page:',
  factsAdded: 'On the page, not in the guide:',
  guideDateLine: (date) => `- Guide, "Dernière mise à jour": ${date}`,
  pageDateLine: (date, newer) => `- Page, "Mis à jour le": ${date}${newer ? ' (newer than the guide)' : ''}`,
  noPageDate: '- Page: no date found',
  sources: '### Sources',
  cited: 'Cited:',
  finalUrl: 'Final URL:',
  outcome: 'Outcome:',
  redirect: (status) => `Redirect: ${status} from`,
  pageTitle: 'Page title:',
  forTheEditor: '### For the editor',
  updateGisti: 'Update the guide entry in the GISTI guide (procedure, channel, addresses, date)',
  resolvedStale: 'aes-watch: this guide entry matches its sources again (verdict: ok), so this issue is closed. It reopens if the entry goes stale again.',
  resolvedUnreachable: 'aes-watch: the sources of this guide entry were fetched successfully again, so this issue is closed.',
  proposalHeading: '### Proposed guide section',
  proposalIntro: (write, show) => `Drafted from the page below. Review it, then run ${write} (or ${show} to see it again).`,
  proposalCheck: 'To check:',
  proposalCut: (shown, total, where) => `_Proposal cut to fit the issue: ${shown} of ${total} lines shown. The whole section is in ${where}._`,
};

const ISSUE_LABELS: Record<Lang, IssueLabels> = { fr, en };

export function issueLabelsFor(lang: Lang = 'fr'): IssueLabels {
  return ISSUE_LABELS[lang];
}
