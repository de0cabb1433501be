import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aesWatch } from '../support/cli.js';
import { guideDocument, postalGuideText } from '../support/prefecture.js';
import { tempFolder } from '../support/temp.js';

/** `aes-watch guide --json` says, for each sous-préfecture, whether it takes AES requests. */
async function guideJson(closing: string) {
  const dir = await tempFolder('aes-subpref-');
  const text = guideDocument('Normandie', [
    { code: '76', departmentPhrase: 'de la Seine-Maritime', prefecture: 'Rouen', url: 'https://www.seine-maritime.gouv.fr/aes', procedure: postalGuideText() },
  ])
    .replace('Sous-préfectures : Aval, Amont', 'Sous-préfectures : Dieppe, Le Havre')
    .replace("Elles ne traitent pas les demandes d'AES.", closing);
  await writeFile(join(dir, 'guide.txt'), text);
  const run = await aesWatch(['guide', 'guide.txt', '--json'], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { entries: { subPrefectures: Record<string, unknown> }[] }).entries[0]!.subPrefectures;
}

describe('sous-préfectures in guide --json', () => {
  it.each([
    ["Elles ne traitent pas les demandes d'AES.\n\nLa sous-préfecture du Havre reçoit toutefois les demandes d'AES des personnes résidant dans son arrondissement."],
    ["Elles ne traitent pas les demandes d'AES. Seule la sous-préfecture du Havre les instruit également."],
    ["Elles ne traitent pas les demandes d'AES, à l'exception de la sous-préfecture du Havre."],
  ])('one that also takes AES requests, in a block that says the others do not: %s', async (closing) => {
    expect(await guideJson(closing)).toEqual({
      names: ['Dieppe', 'Le Havre'],
      handlesAes: 'some',
      handling: ['Le Havre'],
      each: [
        { name: 'Dieppe', handlesAes: false },
        { name: 'Le Havre', handlesAes: true },
      ],
    });
  });

  it('none, and unknown when the block says nothing readable', async () => {
    expect((await guideJson("Elles ne traitent pas les demandes d'AES."))['each']).toEqual([
      { name: 'Dieppe', handlesAes: false },
      { name: 'Le Havre', handlesAes: false },
    ]);
    expect((await guideJson('Voir le site de la préfecture.'))['each']).toEqual([
      { name: 'Dieppe', handlesAes: null },
      { name: 'Le Havre', handlesAes: null },
    ]);
  });
});
