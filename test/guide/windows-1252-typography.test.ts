import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp.js';
import { fresh, itEach, sectionText } from './guide-text.js';

/** Text as Windows-1252 bytes: Latin-1 (no-break space, « », accents), plus ’ and … in 0x80–0x9F. */
function windows1252(text: string): Buffer {
  const high: Record<string, string> = { '’': '\x92', '…': '\x85' };
  return Buffer.from(text.replace(/[’…]/g, (c) => high[c] ?? c), 'latin1');
}

const NBSP = '\u00a0';

describe('a Windows-1252 guide typed with French typography', () => {
  // Word puts a no-break space inside « » and before ":". In Windows-1252, "é" + no-break space + "»"
  // (E9 A0 BB) and "ô" + no-break space (F4 A0) are byte runs UTF-8 also has: the file is still one encoding.
  it('is read as Windows-1252, not refused as mixing UTF-8 with another encoding', async () => {
    const procedure = [
      `L’étranger âgé de plus de 18 ans envoie son dossier à la préfecture de Saint-Lô${NBSP}:`,
      'Préfecture de la Manche',
      'Place de la Préfecture',
      '50009 SAINT-LÔ CEDEX',
      '',
      `Il reçoit un «${NBSP}récépissé${NBSP}» ; la carte porte la mention «${NBSP}salarié${NBSP}» ou «${NBSP}vie privée et familiale…${NBSP}».`,
    ];
    const text = sectionText({
      department: 'Département de la Manche (50)',
      prefecture: ['Préfecture de Saint-Lô'],
      subPrefectures: ['Sous-préfectures : Avranches, Cherbourg-en-Cotentin et Coutances'],
      reproduced: ['Les modalités sont reproduites ici :', '', ...procedure],
    });
    const dir = await tempFolder('aes-guide-cp1252-');
    await writeFile(join(dir, 'manche.txt'), windows1252(text));
    const { loadGuides } = await fresh(() => import('../../src/guide/load.js'));
    const parsed = await loadGuides(['manche.txt'], dir);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.id, e.prefecture, e.procedure])).toEqual([['50-manche', 'Saint-Lô', procedure.join('\n')]]);
    expect(parsed.entries[0]?.facts).toContainEqual(expect.objectContaining({ kind: 'address', postcode: '50009', city: 'SAINT-LÔ', cedex: '' }));
  });

  // Each file: a first line in UTF-8, then "Région" in Windows-1252 (E9) on line 2.
  itEach([
    ['typographic punctuation (’ is E2 80 99)', Buffer.from('Le dossier d’AES\n', 'utf8')],
    ['a byte-order mark (EF BB BF)', Buffer.from('\uFEFFGuide AES\n', 'utf8')],
    ['an accent written as a combining mark (e + CC 81, as macOS writes é)', Buffer.from('Pre\u0301fecture\n', 'utf8')],
  ])('still refuses a file that mixes UTF-8 %s with Windows-1252 letters', async (_, utf8) => {
    const { readGuideBytes } = await fresh(() => import('../../src/guide/load.js'));
    expect(readGuideBytes(Buffer.concat([utf8, windows1252('Région Normandie\n')]))).toEqual({
      kind: 'rejected',
      line: 2,
      message: 'mixes UTF-8 with another encoding (Latin-1?): save the guide as UTF-8',
    });
  });
});
