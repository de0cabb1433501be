import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp.js';
import { fresh, sectionText } from './guide-text.js';

/** Text as Windows-1252 bytes: Latin-1, plus ’ … œ € and the like in 0x80–0x9F. */
function windows1252(text: string): Buffer {
  const high: Record<string, string> = { '’': '\x92', '…': '\x85', 'œ': '\x9c', '€': '\x80', '“': '\x93', '”': '\x94' };
  return Buffer.from(text.replace(/[’…œ€“”]/g, (c) => high[c] ?? c), 'latin1');
}

describe('a guide saved as Windows-1252', () => {
  it('reads its accents and its typographic punctuation (’ … œ €) as such', async () => {
    const text = sectionText({
      department: 'Département des Côtes-d’Armor (22)',
      prefecture: ['Préfecture de Saint-Brieuc'],
      channel: ['La demande d’admission exceptionnelle se fait par voie postale.'],
      reproduced: ['Les modalités sont reproduites ici :', '', 'Voilà… État : envoyez votre dossier à la préfecture (timbre à 1,29 €, “lettre suivie”).'],
    });
    const dir = await tempFolder('aes-guide-cp1252-');
    await writeFile(join(dir, 'bretagne.txt'), windows1252(text));
    const { loadGuides } = await fresh(() => import('../../src/guide/load.js'));
    const parsed = await loadGuides(['bretagne.txt'], dir);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.id, e.department.name, e.prefecture, e.channels.recognised, e.procedure])).toEqual([
      ['22-cotes-d-armor', 'Côtes-d’Armor', 'Saint-Brieuc', ['postal'], 'Voilà… État : envoyez votre dossier à la préfecture (timbre à 1,29 €, “lettre suivie”).'],
    ]);
  });
});
