import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/discover/page.js';
import { closenessOf, rankPage } from '../../src/discover/score.js';
import { profileFor } from '../../src/discover/trigger.js';
import { parseGuide } from '../../src/guide/parse.js';
import { calendarPage, DECOYS, orneSection, PATHS, sitePages } from '../support/current-cms.js';
import { guideDocument } from '../support/prefecture.js';

const entry = parseGuide(guideDocument('Testmandie', [orneSection('https://www.testorne.gouv.fr/old-a11663.html')]), 'guide.txt').entries[0]!;
const profile = profileFor(entry, []);
const pages: Record<string, string> = { ...sitePages(), [PATHS.calendar]: calendarPage('2025-03') };

function rank(path: string) {
  const url = `https://www.testorne.gouv.fr${path}`;
  const page = readPage(pages[path]!, url);
  const extraction = page.extraction.kind === 'extracted' ? page.extraction : null;
  return rankPage({ url, title: page.title, h1: page.h1, text: extraction?.text ?? null, facts: extraction?.facts ?? [] }, profile);
}

describe('ranking a candidate page', () => {
  it('gives the AES page under Démarches › Étrangers at least 0.7, with its evidence', () => {
    const right = rank(PATHS.aes);
    expect(right.score).toBeGreaterThanOrEqual(0.7);
    expect(right.matchedFacts.map((f) => f.kind).sort()).toEqual(['address', 'document', 'email']);
    expect(right.matchedWords).toContain('"admission exceptionnelle" in title');
    expect(right.matchedWords).toContain('"admission exceptionnelle" in path');
  });

  it.each(DECOYS)('ranks the decoy %s below the right page', (path) => {
    expect(rank(path).score).toBeLessThan(rank(PATHS.aes).score);
  });

  it('keeps every decoy but the other département\'s AES page under the 0.3 a successor needs', () => {
    const scores = Object.fromEntries(DECOYS.map((path) => [path, rank(path).score]));
    expect(scores[PATHS.otherDepartment]).toBeGreaterThanOrEqual(0.3);
    for (const path of [PATHS.titreSejour, PATHS.news, PATHS.calendar]) expect(scores[path], path).toBeLessThan(0.3);
  });

  it('would rank the robots.txt-disallowed copy highest of all, which is why robots.txt matters', () => {
    expect(rank(PATHS.disallowed).score).toBeGreaterThan(0.7);
  });

  it('measures closeness by shared word pairs, not shared vocabulary', () => {
    expect(closenessOf('envoyez le dossier par courrier', 'envoyez le dossier par courrier')).toBe(1);
    expect(closenessOf('courrier par dossier le envoyez', 'envoyez le dossier par courrier')).toBe(0);
    expect(closenessOf('', 'texte')).toBe(0);
  });
});
