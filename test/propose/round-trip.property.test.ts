import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideFactsOf, judgeEntry } from '../../src/compare/verdict.js';
import { extractProcedure } from '../../src/extract/extract.js';
import { factPresent } from '../../src/facts/match.js';
import { parseGuide } from '../../src/guide/parse.js';
import { draftProposal, type PageReading } from '../../src/propose/draft.js';
import { decodeGuideFile } from '../../src/propose/guide-file.js';
import { ROOT, ORNE_SUCCESSOR } from './demo-scene.js';

/**
 * Every guide entry of the test suite's fixtures against every page of it
 * that has a procedure: the draft reads back through the guide parser into an
 * entry citing the page, each of its facts is on the page, and a check of the
 * written guide against that page finds no fact missing.
 */
const shell = (body: string) =>
  `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Les services de l'État</title></head><body><main id="main">${body}</main></body></html>`;

const PAGE_DIRS = ['test/fixtures/pages', 'test/fixtures/browser', 'data/demo/round-1', 'data/demo/round-2'];
const pages: PageReading[] = [];
for (const dir of PAGE_DIRS) {
  for (const name of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.html')).sort()) {
    const raw = readFileSync(join(ROOT, dir, name), 'utf8');
    const html = /<html/i.test(raw) ? raw : shell(raw);
    const url = `https://www.example.gouv.fr/${dir.replace(/\W+/g, '-')}/${name.replace(/\.html$/, '')}`;
    const read = extractProcedure(html, { baseUrl: url });
    if (read.kind === 'extracted') pages.push({ url, text: read.text, facts: read.facts });
  }
}
{
  const url = 'https://www.orne.gouv.fr/Demarches/Etrangers/Admission-exceptionnelle-au-sejour';
  const read = extractProcedure(ORNE_SUCCESSOR, { baseUrl: url });
  if (read.kind === 'extracted') pages.push({ url, text: read.text, facts: read.facts });
}

const GUIDES = ['data/guides/normandie.txt', ...readdirSync(join(ROOT, 'test/fixtures/guides')).map((n) => `test/fixtures/guides/${n}`)];
const cases = GUIDES.flatMap((file) => {
  const guide = decodeGuideFile(readFileSync(join(ROOT, file)))!;
  const { entries } = parseGuide(guide.text, file);
  return entries.flatMap((entry) => pages.map((page) => ({ file, guide, entries, entry, page })));
});

describe('propose → guide → facts, over every fixture entry and page', () => {
  it('has real cases: pages with procedures and entries from every guide that parses', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(new Set(cases.map((c) => c.file)).size).toBeGreaterThanOrEqual(5);
  });

  it.each(cases.map((c) => [`${c.entry.id} ← ${c.page.url.split('/').slice(-2).join('/')}`, c] as const))('%s', (_, c) => {
    const draft = draftProposal({ guide: c.guide, file: c.file, entry: c.entry, fileEntries: c.entries, page: c.page, today: new Date('2026-12-01T09:00:00Z') });
    // The whole written guide parses, and the entry cites the page it was drafted from.
    expect(draft.draftEntry, draft.proposal.needsReview.join('\n')).not.toBeNull();
    const entry = draft.draftEntry!;
    expect(entry.sources.map((s) => s.url)).toEqual([c.page.url]);
    expect(entry.updated).toBe('2026-12-01');
    // Every fact of the draft is on the page.
    const notOnPage = guideFactsOf(entry).filter((fact) => !factPresent(fact, c.page.facts, c.page.text));
    expect(notOnPage).toEqual([]);
    // The check, fed that page, finds nothing missing.
    const verdict = judgeEntry(entry, [
      { kind: 'content', url: c.page.url, finalUrl: c.page.url, httpStatus: 200, redirects: [], redirect: { kind: 'none' }, fetchedWith: 'http', title: null, pageUpdated: null, text: c.page.text, facts: c.page.facts, fromBaseline: null, baselineText: null, baselinePageUpdated: null, storedNew: true, snapshotPath: 'x' },
    ]);
    expect(verdict.reasons.filter((r) => r.code === 'fact-missing')).toEqual([]);
    // Every other entry of the file reads back unchanged.
    const others = parseGuide(draft.guideText, c.file).entries.filter((e) => e.id !== c.entry.id);
    expect(others.map(({ location: _, ...rest }) => rest)).toEqual(c.entries.filter((e) => e.id !== c.entry.id).map(({ location: _, ...rest }) => rest));
  });
});
