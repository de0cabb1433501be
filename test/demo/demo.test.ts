import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/story.js';
import { tempFolder } from '../support/temp.js';

/** The Normandy seed guide end to end, against the bundled replay of its four prefecture pages. */
describe('npm run demo', () => {
  it('records baselines in round 1 and finds every prefecture change in round 2', async () => {
    const work = join(await tempFolder('aes-demo-'), 'demo');
    const out = new PassThrough();
    let printed = '';
    out.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const { rounds, reportsDir } = await runDemo(resolve(import.meta.dirname, '../..'), work, out);

    expect(rounds[0].report?.entries.map((e) => [e.id, e.status])).toEqual([
      ['14-calvados', 'ok'],
      ['50-manche', 'ok'],
      ['61-orne', 'ok'],
      ['76-seine-maritime', 'ok'],
    ]);
    const reasons = Object.fromEntries(rounds[1].report!.entries.map((e) => [e.id, [...new Set(e.reasons.map((r) => r.code))].sort()]));
    expect(reasons).toEqual({
      '14-calvados': ['content-changed', 'fact-missing'],
      '50-manche': ['source-moved'],
      '61-orne': ['source-gone'],
      '76-seine-maritime': ['content-changed', 'fact-missing', 'page-updated'],
    });
    const seine = rounds[1].report!.entries.find((e) => e.id === '76-seine-maritime')!;
    expect(seine.facts.added).toContainEqual({ kind: 'url', value: 'https://www.demarches-simplifiees.fr/commencer/76-aes' });
    // What the pages link to is replayed too: the Orne dossier is read, the Seine-Maritime form is open.
    const orne = rounds[0].report!.entries.find((e) => e.id === '61-orne')!;
    expect(orne.sources[0]?.documents?.map((d) => [d.title, d.read, d.status])).toEqual([['Dossier de demande AES', 'text', 'new']]);
    expect(seine.sources[0]?.forms?.map((f) => [f.id, f.state])).toEqual([['demarches-simplifiees:76-aes', 'open']]);
    expect((await readdir(join(reportsDir, 'issues'))).sort()).toEqual(['14-calvados.md', '50-manche.md', '61-orne.md', '76-seine-maritime.md']);
    expect(await readFile(join(reportsDir, 'latest.md'), 'utf8')).toContain('-14038 CAEN CEDEX 08');
    expect(printed).toContain('Change report for editors:');
    // Orne's page is gone; its successor is found on the prefecture's current site.
    const gone = rounds[1].report!.entries.find((e) => e.id === '61-orne')!;
    expect(gone.successors[0]).toMatchObject({ title: "L'admission exceptionnelle au séjour (AES)", via: 'walk' });
    expect(gone.successors[0]!.url).toMatch(/\/Demarches\/Etrangers-dans-l-Orne\/Admission-exceptionnelle-au-sejour-AES$/);
    expect(gone.successors[0]!.score).toBeGreaterThanOrEqual(0.7);
    expect(printed).toContain('Orne: the cited page is gone, and its current site has a likely new page');
    expect(await readFile(join(reportsDir, 'issues', '61-orne.md'), 'utf8')).toContain('Nouvelle page probable');
  });
});
