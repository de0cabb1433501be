import { describe, expect, it } from 'vitest';
import type { SourceObservation } from '../../src/compare/observation.js';
import { compareTexts } from '../../src/compare/text-diff.js';
import { judgeEntry } from '../../src/compare/verdict.js';
import { extractFacts } from '../../src/facts/extract.js';
import type { GuideEntry } from '../../src/guide/entry.js';
import { parseGuide } from '../../src/guide/parse.js';
import type { DocumentReport, FormReport } from '../../src/report/schema.js';
import { guideDocument, postalGuideText, type GuideSectionSpec } from '../support/prefecture.js';
import { documentReport, formReport } from './document-report.js';

/**
 * judgeEntry on its own: a guide entry parsed from a guide document, and what
 * the fetch and extract stages would have observed on its pages.
 */
const MAIN = 'https://www.calvados.gouv.fr/Demarches/Sejour/AES';
const CONTACT = 'https://www.calvados.gouv.fr/Demarches/Sejour/Contact';

function entryOf(spec: Partial<GuideSectionSpec> = {}): GuideEntry {
  const section = { code: '14', departmentPhrase: 'du Calvados', prefecture: 'Testville', url: MAIN, procedure: postalGuideText(), ...spec };
  const [entry] = parseGuide(guideDocument('Normandie', [section]), 'guide.txt').entries;
  if (!entry) throw new Error('the guide did not parse');
  return entry;
}

type Content = Extract<SourceObservation, { kind: 'content' }>;

function page(text: string, o: Partial<Content> = {}): Content {
  return {
    kind: 'content',
    url: MAIN,
    finalUrl: MAIN,
    httpStatus: 200,
    redirects: [],
    redirect: { kind: 'none' },
    fetchedWith: 'http',
    title: 'Admission exceptionnelle au séjour',
    pageUpdated: '2023-01-14',
    text,
    facts: extractFacts(text),
    fromBaseline: null,
    baselineText: null,
    baselinePageUpdated: null,
    storedNew: false,
    snapshotPath: 'snapshots/14-calvados/page.txt',
    ...o,
  };
}

const failed = (url = CONTACT): SourceObservation => ({
  kind: 'failed',
  url,
  reason: 'fetch-failed',
  detail: 'HTTP 503',
  outcome: 'http-error',
  finalUrl: url,
  httpStatus: 503,
  redirects: [],
  fetchedWith: 'http',
});

const gone = (url = CONTACT): SourceObservation => ({ kind: 'gone', url, finalUrl: url, httpStatus: 404, redirects: [], fetchedWith: 'http', detail: 'HTTP 404' });

const document = (o: Partial<DocumentReport>): DocumentReport => documentReport({ size: '524,1 Ko', date: '2022-10-25', ...o });

const closedForm: FormReport = formReport({ finalUrl: 'https://www.demarches-simplifiees.fr/commencer/aes-calvados' });

/** The page as it reads when it agrees with the guide. */
const AGREEING = postalGuideText();
/** The same page once the email moved to the contact page. */
const NO_EMAIL = AGREEING.replace(/Pour toute question[^\n]*/, 'Pour toute question, utilisez le formulaire de contact.');

const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

describe('judgeEntry', () => {
  it('finds an entry whose page agrees with it ok, every guide fact checked and found', () => {
    const verdict = judgeEntry(entryOf(), [page(AGREEING)]);
    expect(verdict.status).toBe('ok');
    expect(verdict.reasons).toEqual([]);
    expect(verdict.facts.checked.map((f) => `${f.kind}:${f.found}`).sort()).toEqual(['address:true', 'channel:true', 'email:true']);
    expect(verdict.facts.missing).toEqual([]);
    expect(verdict.changedSinceLastRun).toBe(false);
  });

  it('reports a guide fact gone from the page, with its value', () => {
    const verdict = judgeEntry(entryOf(), [page(NO_EMAIL)]);
    expect(verdict.status).toBe('stale');
    expect(verdict.reasons).toEqual([{ code: 'fact-missing', detail: 'email "pref-sejour@testville.gouv.fr" is no longer on the page', sourceUrl: null }]);
  });

  it('checks the channel the guide states in its own sentence, once, even when the procedure names another', () => {
    // The guide says "en ligne" while its reproduced procedure (and the page) say "par courrier".
    const verdict = judgeEntry(entryOf({ channel: 'en ligne' }), [page(AGREEING)]);
    const channels = verdict.facts.checked.filter((f) => f.kind === 'channel');
    expect(channels.map((c) => `${c.value}:${c.found}`).sort()).toEqual(['online:false', 'postal:true']);
    expect(verdict.status).toBe('stale');
    expect(verdict.reasons.map((r) => r.detail)).toEqual(['channel "online" is no longer on the page']);
  });

  it('checks a channel stated both by the sentence and the procedure only once', () => {
    const verdict = judgeEntry(entryOf(), [page(AGREEING)]);
    expect(verdict.facts.checked.filter((f) => f.kind === 'channel')).toEqual([{ kind: 'channel', value: 'postal', found: true }]);
  });

  it('never checks an unclear ("unknown") channel of the guide', () => {
    const entry = entryOf();
    const unclear = { ...entry, facts: [...entry.facts, { kind: 'channel' as const, value: 'unknown' as const }] };
    const verdict = judgeEntry(unclear, [page(AGREEING)]);
    expect(verdict.status).toBe('ok');
    expect(verdict.facts.checked.map((f) => f.value)).not.toContain('unknown');
  });

  it('still checks a known channel next to an unclear one', () => {
    const entry = entryOf();
    const facts = [...entry.facts.filter((f) => f.kind !== 'channel'), { kind: 'channel' as const, value: 'unknown' as const }, { kind: 'channel' as const, value: 'online' as const }];
    const verdict = judgeEntry({ ...entry, facts }, [page(AGREEING)]);
    expect(verdict.facts.missing).toEqual([{ kind: 'channel', value: 'online' }]);
  });

  it('counts the added and removed lines of a change, without the diff header', () => {
    const baseline = AGREEING;
    const current = AGREEING.replace('12 rue des Essais', '3 boulevard du Général Vanier')
      .replace('Admission exceptionnelle au séjour\n\n', '')
      .replace('Pour toute question', 'Le dossier complet est obligatoire.\n\nPour toute question');
    const verdict = judgeEntry(entryOf(), [page(current, { fromBaseline: compareTexts(baseline, current, { before: 'baseline', after: 'current' }), baselineText: baseline })]);
    const changed = verdict.reasons.find((r) => r.code === 'content-changed');
    expect(changed).toEqual({ code: 'content-changed', detail: 'the procedure differs from the reviewed baseline (+3 −3 lines)', sourceUrl: MAIN });
  });

  it('says nothing of a baseline the page still matches', () => {
    const verdict = judgeEntry(entryOf(), [page(AGREEING, { fromBaseline: compareTexts(AGREEING, AGREEING, { before: 'a', after: 'b' }), baselineText: AGREEING })]);
    expect(verdict.reasons).toEqual([]);
  });

  it('reports a moved source with where it went', () => {
    const to = 'https://www.calvados.gouv.fr/Demarches/Titres-de-sejour/AES';
    const verdict = judgeEntry(entryOf(), [page(AGREEING, { redirect: { kind: 'moved', to }, finalUrl: to })]);
    expect(verdict.status).toBe('stale');
    expect(verdict.reasons).toEqual([{ code: 'source-moved', detail: `now redirects to ${to}`, sourceUrl: MAIN }]);
  });

  it('reports a damaged baseline with why, for the editor', () => {
    const verdict = judgeEntry(entryOf(), [page(AGREEING, { baselineDamaged: 'the baseline file is not valid JSON' })]);
    expect(verdict.status).toBe('stale');
    expect(verdict.reasons).toHaveLength(1);
    expect(verdict.reasons[0]?.code).toBe('baseline-damaged');
    expect(verdict.reasons[0]?.detail).toContain('the baseline file is not valid JSON');
  });

  describe('page dates', () => {
    const judged = (pageUpdated: string | null, baselinePageUpdated: string | null = null) =>
      judgeEntry(entryOf({ updated: '22/02/2023' }), [page(AGREEING, { pageUpdated, baselinePageUpdated })]);

    it('reports a page updated after the guide, with both dates', () => {
      expect(judged('2023-03-01').reasons).toEqual([
        { code: 'page-updated', detail: "the page was updated on 2023-03-01, after the guide's 2023-02-22", sourceUrl: MAIN },
      ]);
    });

    it('says nothing of a page updated on the guide day or before, or undated', () => {
      expect(judged('2023-02-22').status).toBe('ok');
      expect(judged('2023-01-14').status).toBe('ok');
      expect(judged(null).status).toBe('ok');
    });

    it('says nothing of a page date the editor already accepted, but reports a later one', () => {
      expect(judged('2023-03-01', '2023-03-01').status).toBe('ok');
      expect(codes(judged('2023-04-02', '2023-03-01').reasons)).toEqual(['page-updated']);
    });
  });

  describe('several sources', () => {
    it('finds a guide fact on any of the pages', () => {
      const contact = page('Pour toute question, écrivez à pref-sejour@testville.gouv.fr.', { url: CONTACT, finalUrl: CONTACT });
      const verdict = judgeEntry(entryOf({ moreUrls: [CONTACT] }), [page(NO_EMAIL), contact]);
      expect(verdict.status).toBe('ok');
      expect(verdict.facts.missing).toEqual([]);
    });

    it('does not judge facts when one source failed: the entry is unreachable, not stale', () => {
      const verdict = judgeEntry(entryOf({ moreUrls: [CONTACT] }), [page(NO_EMAIL), failed()]);
      expect(verdict.status).toBe('unreachable');
      expect(verdict.facts).toEqual({ checked: [], missing: [], added: [] });
      expect(verdict.reasons).toEqual([{ code: 'fetch-failed', detail: 'HTTP 503', sourceUrl: CONTACT }]);
    });

    it('lets a gone source make the entry stale even when another failed', () => {
      const verdict = judgeEntry(entryOf({ moreUrls: [CONTACT] }), [failed(MAIN), gone()]);
      expect(verdict.status).toBe('stale');
      expect(verdict.reasons).toEqual([
        { code: 'fetch-failed', detail: 'HTTP 503', sourceUrl: MAIN },
        { code: 'source-gone', detail: 'HTTP 404', sourceUrl: CONTACT },
      ]);
    });

    it('judges the facts on the pages that answered when another is gone', async () => {
      const verdict = judgeEntry(entryOf({ moreUrls: [CONTACT] }), [page(AGREEING), gone()]);
      expect(verdict.status).toBe('stale');
      expect(verdict.facts.checked.map((f) => f.found)).toEqual([true, true, true]);
      expect(codes(verdict.reasons)).toEqual(['source-gone']);
    });

    it('judges no facts when every source is gone', () => {
      const verdict = judgeEntry(entryOf({ moreUrls: [CONTACT] }), [gone(MAIN), gone()]);
      expect(verdict.status).toBe('stale');
      expect(verdict.facts).toEqual({ checked: [], missing: [], added: [] });
      expect(codes(verdict.reasons)).toEqual(['source-gone', 'source-gone']);
    });

    it('is unreachable when a document failed on one of two pages', () => {
      const contact = page(AGREEING, { url: CONTACT, finalUrl: CONTACT });
      const failedDocument = document({ status: 'failed', reason: 'fetch-failed', detail: 'HTTP 500' });
      const verdict = judgeEntry(entryOf({ moreUrls: [CONTACT] }), [page(AGREEING, { documents: [document({}), failedDocument] }), contact]);
      expect(verdict.status).toBe('unreachable');
    });

    it('has changed since last run when any page stored a new snapshot', () => {
      const contact = page(AGREEING, { url: CONTACT, finalUrl: CONTACT });
      expect(judgeEntry(entryOf({ moreUrls: [CONTACT] }), [page(AGREEING, { storedNew: true }), contact]).changedSinceLastRun).toBe(true);
      expect(judgeEntry(entryOf({ moreUrls: [CONTACT] }), [page(AGREEING), { ...contact, storedNew: true }]).changedSinceLastRun).toBe(true);
      expect(judgeEntry(entryOf({ moreUrls: [CONTACT] }), [page(AGREEING), contact]).changedSinceLastRun).toBe(false);
    });
  });

  describe('documents and forms', () => {
    it('judges a page without any document or form information', () => {
      const bare = page(AGREEING);
      delete bare.documents;
      delete bare.forms;
      expect(judgeEntry(entryOf(), [bare]).status).toBe('ok');
    });

    it('makes the entry stale when a linked document changed', () => {
      const verdict = judgeEntry(entryOf(), [page(AGREEING, { documents: [document({ status: 'unchanged' }), document({ status: 'changed' })] })]);
      expect(verdict.status).toBe('stale');
      expect(verdict.reasons).toEqual([
        { code: 'document-changed', detail: '"Dossier de demande AES" differs from the reviewed baseline', sourceUrl: 'https://www.calvados.gouv.fr/content/download/1/dossier-aes.pdf' },
      ]);
    });

    it('makes the entry stale when a form the guide relies on closed', () => {
      const verdict = judgeEntry(entryOf(), [page(AGREEING, { forms: [closedForm] })]);
      expect(verdict.status).toBe('stale');
      expect(codes(verdict.reasons)).toEqual(['form-closed']);
    });

    it('makes the entry unreachable when a document failed, still judging the facts', () => {
      const verdict = judgeEntry(entryOf(), [page(AGREEING, { documents: [document({ status: 'failed', reason: 'fetch-failed', detail: 'HTTP 500' })] })]);
      expect(verdict.status).toBe('unreachable');
      expect(verdict.facts.checked.length).toBeGreaterThan(0);
      const withMissingFact = judgeEntry(entryOf(), [page(NO_EMAIL, { documents: [document({ status: 'failed', reason: 'fetch-failed', detail: 'HTTP 500' })] })]);
      expect(withMissingFact.status).toBe('stale');
      expect(codes(withMissingFact.reasons).sort()).toEqual(['fact-missing', 'fetch-failed']);
    });

    it('is ok when the linked documents are unchanged or new', () => {
      const verdict = judgeEntry(entryOf(), [page(AGREEING, { documents: [document({ status: 'unchanged' }), document({ status: 'new' })] })]);
      expect(verdict.status).toBe('ok');
    });
  });
});
