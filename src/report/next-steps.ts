import type { Lang } from '../shared/lang.js';
import type { EntryReport } from './schema.js';

/**
 * What the editor should do about an entry, by reason. `accept` is offered
 * only when the page still answers and its text is what changed: accepting a
 * moved or gone page would only hide it.
 */
export type NextStep =
  /** content-changed, fact-missing, page-updated, document-changed/-gone, form-closed: the page is fine, the guide is not. */
  | { kind: 'fix-guide-then-accept'; entryId: string; guideFile: string }
  /** source-moved: the guide should cite where the page lives now. */
  | { kind: 'cite-final-url'; entryId: string; guideFile: string; cited: string; final: string }
  /** source-gone: find the page that replaced it. */
  | { kind: 'find-new-page'; entryId: string; cited: string }
  /** fetch-failed, extraction-failed: nothing to conclude yet. */
  | { kind: 'check-by-hand'; cited: string };

export function nextSteps(entry: EntryReport): NextStep[] {
  const steps: NextStep[] = [];
  const codes = new Set(entry.reasons.map((r) => r.code));
  for (const reason of entry.reasons) {
    const source = entry.sources.find((s) => s.url === reason.sourceUrl);
    if (reason.code === 'source-moved' && source) {
      steps.push({ kind: 'cite-final-url', entryId: entry.id, guideFile: entry.guideFile, cited: source.url, final: source.finalUrl ?? source.url });
    } else if (reason.code === 'source-gone') {
      steps.push({ kind: 'find-new-page', entryId: entry.id, cited: reason.sourceUrl ?? source?.url ?? '' });
    } else if ((reason.code === 'fetch-failed' || reason.code === 'extraction-failed') && entry.status === 'unreachable') {
      steps.push({ kind: 'check-by-hand', cited: reason.sourceUrl ?? '' });
    }
  }
  // A changed or gone document, or a closed form, is checked and fixed the same way: in the guide, then accept.
  const guideToFix = ['content-changed', 'fact-missing', 'page-updated', 'document-changed', 'document-gone', 'form-closed', 'baseline-damaged'] as const;
  if (guideToFix.some((code) => codes.has(code))) {
    steps.unshift({ kind: 'fix-guide-then-accept', entryId: entry.id, guideFile: entry.guideFile });
  }
  // One step per distinct thing to do.
  return steps.filter((step, i) => steps.findIndex((other) => JSON.stringify(other) === JSON.stringify(step)) === i);
}

/** Prose with its URLs and file names kept apart, so each renderer can link or escape them its own way. */
export type StepPart = string | { url: string } | { code: string };

export interface StepText {
  parts: StepPart[];
  /** Commands to run verbatim. `npx aes-watch` works in a clone after `npm ci`, as the README says. */
  commands: string[];
}

export function stepText(step: NextStep, lang: Lang): StepText {
  const fr = lang === 'fr';
  switch (step.kind) {
    case 'fix-guide-then-accept':
      return {
        parts: fr
          ? ['Vérifiez la page de la préfecture, corrigez l’entrée dans ', { code: step.guideFile }, `, puis acceptez la page actuelle comme nouvelle version relue (ou sur GitHub : Actions → nightly → Run workflow, champ « accept » = ${step.entryId}) :`]
          : ['Check the prefecture page, fix the entry in ', { code: step.guideFile }, `, then accept the current page as the new reviewed baseline (or on GitHub: Actions → nightly → Run workflow, "accept" = ${step.entryId}):`],
        commands: [`npx aes-watch accept ${step.entryId}`],
      };
    case 'cite-final-url':
      return {
        parts: fr
          ? ['La page a déménagé : dans ', { code: step.guideFile }, ', citez sa nouvelle adresse ', { url: step.final }, ' à la place de ', { url: step.cited }, ', ou faites proposer la correction :']
          : ['The page moved: in ', { code: step.guideFile }, ', cite its new address ', { url: step.final }, ' instead of ', { url: step.cited }, ', or have the fix proposed:'],
        commands: [`npx aes-watch propose ${step.entryId}`],
      };
    case 'find-new-page':
      return {
        parts: fr
          ? ['La page ', { url: step.cited }, ' n’existe plus : ne l’acceptez pas, cherchez la page qui la remplace :']
          : ['The page ', { url: step.cited }, ' is gone: do not accept it, find the page that replaced it:'],
        commands: [`npx aes-watch discover ${step.entryId}`, `npx aes-watch propose ${step.entryId}`],
      };
    case 'check-by-hand':
      return {
        parts: fr
          ? ['Ouvrez ', { url: step.cited }, ' dans un navigateur ; si la page a déménagé, trouvez sa nouvelle adresse. Rien à accepter tant qu’elle ne répond pas.']
          : ['Open ', { url: step.cited }, ' in a browser; if the page moved, find its new address. Nothing to accept while it does not answer.'],
        commands: [],
      };
  }
}
