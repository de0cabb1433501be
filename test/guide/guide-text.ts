import { beforeEach, it, vi } from 'vitest';
import type { GuideEntry, GuideProblem } from '../../src/guide/entry.js';

/**
 * Loads a guide module afresh, inside the calling test. The parser's tables
 * (its line patterns, month names, channel wordings...) are built when its
 * modules load; loading them in the test is what lets Stryker's per-test
 * coverage see that this test depends on them (a module loaded once at the top
 * of the file counts for no test), so a mutant in a table is run against it.
 */
export async function fresh<T>(load: () => Promise<T>): Promise<T> {
  if (!loadedInThisTest) vi.resetModules();
  loadedInThisTest = true;
  return load();
}
let loadedInThisTest = false;
beforeEach(() => {
  loadedInThisTest = false;
});

/**
 * Like `it.each`, but one test that checks every case in turn (naming the case
 * that fails): the modules are loaded once per test, and Stryker runs each
 * mutant against a few dozen tests rather than hundreds.
 */
export function itEach<T extends unknown[] | [unknown]>(cases: readonly T[]) {
  return (title: string, check: (...args: T) => Promise<void>) =>
    it(title.replace(/%[sjid]/g, '…'), async () => {
      for (const c of cases) {
        try {
          await check(...c);
        } catch (error) {
          if (error instanceof Error) error.message = `case ${JSON.stringify(c)}: ${error.message}`;
          throw error;
        }
      }
    });
}

export const freshParser = async () => (await fresh(() => import('../../src/guide/parse.js'))).parseGuide;

/**
 * One département section of a guide, as an editor types it, line by line.
 * Every part can be replaced (or dropped with []) to write the variation a test needs.
 */
export interface SectionParts {
  region?: string[];
  department?: string;
  prefecture?: string[];
  subPrefectures?: string[];
  updated?: string[];
  channel?: string[];
  consult?: string[];
  reproduced?: string[];
  closing?: string[];
}

export function sectionText(parts: SectionParts = {}): string {
  const lines = [
    ...(parts.region ?? ['Région Normandie']),
    parts.department ?? 'Département du Calvados (14)',
    ...(parts.prefecture ?? ['Préfecture de Caen']),
    ...(parts.subPrefectures ?? ['Sous-préfectures : Bayeux, Lisieux et Vire Normandie']),
    '',
    ...(parts.updated ?? ['Dernière mise à jour : 22/02/2023']),
    '',
    ...(parts.channel ?? ["La demande d'admission exceptionnelle se fait par voie postale."]),
    '',
    ...(parts.consult ?? ['Les modalités sont consultables ici : <https://www.calvados.gouv.fr/aes>']),
    '',
    ...(parts.reproduced ?? ['Les modalités sont reproduites ici :', '', 'Envoyez votre dossier complet par courrier à la préfecture.']),
    '',
    ...(parts.closing ?? ['Sous-préfectures', '', "Elles ne traitent pas les demandes d'AES."]),
  ];
  return `${lines.join('\n')}\n`;
}

/** Parses a one-section guide: its entry (or null) and its problems' messages. */
export async function parseSection(parts: SectionParts = {}): Promise<{ entry: GuideEntry | null; messages: string[]; problems: GuideProblem[] }> {
  const parsed = (await freshParser())(sectionText(parts), 'guide.txt');
  return { entry: parsed.entries[0] ?? null, messages: parsed.problems.map((p) => p.message), problems: parsed.problems };
}

/** The entry of a section that must parse without problems. */
export async function entryOf(parts: SectionParts = {}): Promise<GuideEntry> {
  const { entry, messages } = await parseSection(parts);
  if (!entry || messages.length > 0) throw new Error(`expected an entry, got problems: ${messages.join('; ')}`);
  return entry;
}
