import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideEntry } from '../../src/guide/entry.js';
import { guideDate } from '../../src/propose/section-writer.js';
import type { Proposal } from '../../src/propose/schema.js';
import type { RunReport } from '../../src/report/schema.js';
import { demoRoundTwo, SUCCESSOR_PATH, type DemoScene } from './demo-scene.js';
import { tempFolder } from '../support/temp.js';

/** The four Normandy entries through the demo's round 2: new CEDEX, moved page, gone page, online-only. */
let scene: DemoScene;
beforeAll(async () => {
  scene = await demoRoundTwo();
});
afterAll(async () => scene?.close());

async function propose(args: string[]): Promise<Proposal> {
  const result = await scene.run(['propose', ...args, ...scene.common, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Proposal;
}

/** What discovery would have written in the last report for `id`: its successors, best first. */
async function setSuccessors(id: string, urls: string[]): Promise<void> {
  const path = join(scene.work, 'reports', 'latest.json');
  const json = JSON.parse(await readFile(path, 'utf8')) as { entries: { id: string; successors?: unknown[] }[] };
  for (const entry of json.entries) {
    if (entry.id === id) entry.successors = urls.map((url, i) => ({ url, title: null, pageUpdated: null, score: 0.9 - i / 10, via: 'walk', matchedFacts: [], matchedWords: [], closeness: 0, pagesVisited: 1 }));
  }
  await writeFile(path, JSON.stringify(json, null, 2));
}

/** The draft's lines without blank ones, for checking the blocks and their order. */
const blocks = (section: string) => section.split('\n').filter((line) => line.trim() !== '');

function expectGuideFrame(proposal: Proposal, header: string[], channel: string, url: string) {
  const lines = blocks(proposal.section);
  const at = (text: string) => lines.indexOf(text);
  expect(lines.slice(0, header.length)).toEqual(header);
  expect(at(`Dernière mise à jour : ${guideDate(new Date())}`)).toBe(header.length);
  expect(at(`La demande d'admission exceptionnelle se fait ${channel}.`)).toBe(header.length + 1);
  expect(at(`Les modalités sont consultables ici : <${url}>`)).toBe(header.length + 2);
  expect(at('Les modalités sont reproduites ici :')).toBe(header.length + 3);
  expect(lines.slice(-2)).toEqual(['Sous-préfectures', "Elles ne traitent pas les demandes d'AES."]);
  expect(proposal.source).toBe(url);
}

/** `aes-watch guide` reads the draft back into an entry citing the proposed URL. */
async function readBack(proposal: Proposal): Promise<GuideEntry> {
  const file = join(await tempFolder('aes-draft-'), 'draft.txt');
  await writeFile(file, proposal.section);
  const result = await scene.run(['guide', file, '--json']);
  expect(result.code).toBe(0);
  const { entries } = JSON.parse(result.stdout) as { entries: GuideEntry[] };
  expect(entries).toHaveLength(1);
  expect(entries[0]?.sources.map((s) => s.url)).toEqual([proposal.source]);
  return entries[0] as GuideEntry;
}

describe('aes-watch propose on the demo round 2', () => {
  it('Calvados: the new CEDEX replaces the old one, the rest of the section stays', async () => {
    const proposal = await propose(['14']);
    const cited = scene.site.replayUrl('https://www.calvados.gouv.fr/accueil-des-etrangers-dans-le-calvados-a9349.html#!/Particuliers/page/L1055');
    expectGuideFrame(proposal, ['Région Normandie', 'Département du Calvados (14)', 'Préfecture de Caen', 'Sous-préfectures : Bayeux, Lisieux, Vire Normandie', 'Préfecture de Caen'], 'par voie postale', cited);
    expect(blocks(proposal.section)).toContain('14038 CAEN CEDEX 9');
    expect(proposal.facts.changed).toEqual([
      {
        from: { kind: 'address', value: expect.stringContaining('14038 CAEN CEDEX 08') },
        to: { kind: 'address', value: expect.stringContaining('14038 CAEN CEDEX 9') },
      },
    ]);
    expect(proposal.facts.kept).toEqual([{ kind: 'channel', value: 'postal' }]);
    expect(proposal.facts.removed).toEqual([]);
    expect(proposal.diff).toMatch(/^-14038 CAEN CEDEX 08$/m);
    expect(proposal.diff).toMatch(/^\+14038 CAEN CEDEX 9$/m);
    expect(proposal.diff).toMatch(/^-Dernière mise à jour : 22\/02\/2023$/m);
    expect(proposal.needsReview).toEqual([]);
    const entry = await readBack(proposal);
    expect(entry.facts.find((f) => f.kind === 'address')).toMatchObject({ postcode: '14038', cedex: '9', street: 'Rue Daniel Huet' });
  });

  it('Manche: the draft cites the page where the old one now redirects, facts kept', async () => {
    const proposal = await propose(['50-manche']);
    const moved = scene.site.replayUrl('https://www.manche.gouv.fr/Demarches/Etrangers/Admission-exceptionnelle-au-sejour');
    expectGuideFrame(proposal, ['Région Normandie', 'Département de la Manche (50)', 'Préfecture Saint-Lô', 'Sous-préfectures : Avranches, Cherbourg-en-Cotentin, Coutances', 'Préfecture de Saint-Lô'], 'par voie dématérialisée', moved);
    expect(proposal.facts).toEqual({
      kept: [
        { kind: 'email', value: 'pref-regularisation@manche.gouv.fr' },
        { kind: 'channel', value: 'online' },
      ],
      changed: [],
      added: [],
      removed: [],
    });
    expect(proposal.diff).toContain(`+Les modalités sont consultables ici : <${moved}>`);
    expect(proposal.diff).toMatch(/^-Les modalités sont consultables ici : <.*Vous-etes-en-situation-irreguliere/m);
    const entry = await readBack(proposal);
    expect(entry.channels.recognised).toEqual(['online']);
  });

  it('Orne: the page is gone; propose drafts from the successor the check\'s discovery found on the current site', async () => {
    const found = scene.site.replayUrl('https://www.orne.gouv.fr/Demarches/Etrangers-dans-l-Orne/Admission-exceptionnelle-au-sejour-AES');
    const result = await scene.run(['propose', '61', ...scene.common, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.trim()).toBe(`61-orne: the cited page is gone; drafting from the successor discovery found: ${found}`);
    const proposal = JSON.parse(result.stdout) as Proposal;
    expectGuideFrame(proposal, ['Région Normandie', "Département de l'Orne (61)", 'Préfecture Alençon', 'Sous-préfectures : Argentan, Mortagne-au-Perche', "Préfecture d'Alençon"], 'par voie postale', found);
    expect(proposal.diff).toContain(`+Les modalités sont consultables ici : <${found}>`);
    expect(proposal.facts.removed).toEqual([]);
    expect(proposal.facts.kept).toEqual(expect.arrayContaining([{ kind: 'email', value: 'pref-etran-gers@orne.gouv.fr' }, { kind: 'channel', value: 'postal' }]));
    const entry = await readBack(proposal);
    expect(entry.facts.find((f) => f.kind === 'address')).toMatchObject({ postcode: '61018', city: 'ALENCON' });
  });

  it('Orne: a gone page is not drafted from its old snapshot; --source drafts from its successor', async () => {
    await setSuccessors('61-orne', []);
    const refused = await scene.run(['propose', '61', ...scene.common]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/61-orne: .* is gone \(HTTP 404\) since the last check, and discovery found no successor; pass --source <URL>/);
    expect(refused.stdout).toBe('');

    const successor = scene.orne.url(SUCCESSOR_PATH);
    const proposal = await propose(['61', '--source', successor]);
    expectGuideFrame(proposal, ['Région Normandie', "Département de l'Orne (61)", 'Préfecture Alençon', 'Sous-préfectures : Argentan, Mortagne-au-Perche', "Préfecture d'Alençon"], 'par voie postale', successor);
    const lines = blocks(proposal.section);
    const address = lines.indexOf("Préfecture de l'Orne");
    expect(lines.slice(address, address + 5)).toEqual(["Préfecture de l'Orne", "Bureau de l'immigration et de l'intégration", '39, rue Saint-Blaise', 'CS 30529', '61018 ALENCON CEDEX']);
    expect(lines).toContain('- Dossier de demande AES (format pdf - 611,4 ko - 02/09/2024)');
    expect(proposal.facts.changed).toEqual([
      { from: { kind: 'document', value: 'Dossier de demande AES' }, to: { kind: 'document', value: 'Dossier de demande AES' } },
    ]);
    expect(proposal.facts.kept).toEqual(
      expect.arrayContaining([
        { kind: 'email', value: 'pref-etran-gers@orne.gouv.fr' },
        { kind: 'address', value: expect.stringContaining('61018 ALENCON CEDEX') },
        { kind: 'channel', value: 'postal' },
      ]),
    );
    expect(proposal.diff).toMatch(/^-Dossier de demande AES \(format pdf - 524\.1 ko - 25\/10\/2022\)$/m);
    expect(proposal.needsReview).toEqual([]);
    const entry = await readBack(proposal);
    expect(entry.facts.find((f) => f.kind === 'document')).toMatchObject({ date: '2024-09-02' });
  });

  it('Orne: without --source, propose drafts from the best successor discovery found that still answers', async () => {
    const successor = scene.orne.url(SUCCESSOR_PATH);
    await setSuccessors('61-orne', [scene.orne.url('/Demarches/Etrangers/retiree'), successor]);
    const result = await scene.run(['propose', '61', ...scene.common, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`61-orne: the cited page is gone; drafting from the successor discovery found: ${successor}`);
    const proposal = JSON.parse(result.stdout) as Proposal;
    expect(proposal.source).toBe(successor);
    expect(blocks(proposal.section)).toContain(`Les modalités sont consultables ici : <${successor}>`);
    expect(blocks(proposal.section)).toContain('- Dossier de demande AES (format pdf - 611,4 ko - 02/09/2024)');
  });

  it('Seine-Maritime: online only now, the postal address and channel go, the démarches-simplifiées link comes', async () => {
    const proposal = await propose(['76']);
    const cited = scene.site.replayUrl(
      'https://www.seine-maritime.gouv.fr/Demarches-administratives/Etrangers-en-Seine-Maritime/SEJOUR-Demander-un-titre-de-sejour-ou-un-document-de-voyage-en-Seine-Maritime/Je-suis-en-situation-irreguliere/Je-releve-de-la-prefecture-de-Rouen',
    );
    expectGuideFrame(proposal, ['Région Normandie', 'Département de la Seine-Maritime (76)', 'Préfecture Rouen', 'Sous-préfectures : Dieppe, Le Havre', 'Préfecture de Rouen'], 'par voie dématérialisée', cited);
    expect(proposal.facts.added).toEqual([{ kind: 'url', value: 'https://www.demarches-simplifiees.fr/commencer/76-aes' }]);
    expect(proposal.facts.removed).toEqual([
      { kind: 'address', value: expect.stringContaining('76036 ROUEN CEDEX') },
      { kind: 'channel', value: 'postal' },
    ]);
    expect(proposal.facts.kept).toEqual([{ kind: 'channel', value: 'online' }]);
    expect(proposal.diff).toMatch(/^-La demande d'admission exceptionnelle se fait par voie postale et par voie dématérialisée\.$/m);
    expect(proposal.diff).toMatch(/^\+La demande d'admission exceptionnelle se fait par voie dématérialisée\.$/m);
    expect(proposal.diff).toMatch(/^-7 places de la Madeleine$/m);
    const entry = await readBack(proposal);
    expect(entry.channels.recognised).toEqual(['online']);
    expect(entry.facts).toContainEqual({ kind: 'url', value: 'https://www.demarches-simplifiees.fr/commencer/76-aes', role: 'online-procedure' });
  });

  it('prints the unified diff for people, and one JSON proposal per entry for several entries', async () => {
    const plain = await scene.run(['propose', '14', ...scene.common]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^--- .*normandie\.txt \(current\)$/m);
    expect(plain.stdout).toMatch(/^\+\+\+ .*normandie\.txt \(proposed\)$/m);
    expect(plain.stdout).toMatch(/^\+14038 CAEN CEDEX 9$/m);
    const several = await scene.run(['propose', '14', '50', ...scene.common, '--json']);
    expect(several.code).toBe(0);
    expect((JSON.parse(several.stdout) as Proposal[]).map((p) => p.entryId)).toEqual(['14-calvados', '50-manche']);
    const unknown = await scene.run(['propose', '99', ...scene.common]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('aes-watch: propose: no guide entry matches "99"');
  });

  it('--write puts every draft in the guide; the next check finds no missing fact and no gone page', async () => {
    for (const args of [['14'], ['50'], ['61', '--source', scene.orne.url(SUCCESSOR_PATH)], ['76']]) {
      const result = await scene.run(['propose', ...args, ...scene.common, '--write']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/wrote the draft into/);
    }
    const written = await readFile(scene.guide, 'utf8');
    expect(written).toContain('14038 CAEN CEDEX 9');
    expect(written).toContain(scene.orne.url(SUCCESSOR_PATH));
    const check = await scene.run(['check', ...scene.common, '--fetch', 'http', '--json']);
    expect(check.code, check.stderr).toBe(0);
    const report = JSON.parse(check.stdout) as RunReport;
    expect(report.entries.map((e) => e.id)).toEqual(['14-calvados', '50-manche', '61-orne', '76-seine-maritime']);
    for (const entry of report.entries) {
      const codes = entry.reasons.map((r) => r.code);
      expect(codes, entry.id).not.toContain('fact-missing');
      expect(codes, entry.id).not.toContain('source-gone');
      expect(codes, entry.id).not.toContain('source-moved');
      expect(entry.facts.missing, entry.id).toEqual([]);
    }
  });
});
