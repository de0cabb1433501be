import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp.js';
import { entryOf, fresh, freshParser, itEach, sectionText } from './guide-text.js';

/**
 * Inputs at the edges of what the guide parser reads: typing slips (two spaces, a missing
 * space, a separator written " - "), a file cut off without its last newline, numbered
 * lists past 9, Windows-1252 files whose first bytes look like half a UTF-16 mark.
 */

const procedureOf = async (...lines: string[]) => (await entryOf({ reproduced: ['Les modalités sont reproduites ici :', '', ...lines] })).procedure;

describe('section header lines', () => {
  it('reads a département line with two spaces after its colon', async () => {
    const entry = await entryOf({ department: 'Département :  du Calvados (14)' });
    expect([entry.id, entry.department]).toEqual(['14-calvados', { code: '14', name: 'Calvados' }]);
  });

  it('does not take a sentence that ends on a département and its code for a contents line', async () => {
    const intro = 'Ce guide ne couvre pas encore le Département de l’Orne (61)';
    const parsed = (await freshParser())(`${intro}\n\n${sectionText()}`, 'guide.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => e.id)).toEqual(['14-calvados']);
  });

  it('reads a reproduced text glued to the colon of its lead line', async () => {
    const entry = await entryOf({ reproduced: ['Les modalités sont reproduites ici :Envoyez votre dossier complet par courrier.'] });
    expect(entry.procedure).toBe('Envoyez votre dossier complet par courrier.');
  });
});

describe('the channel sentence', () => {
  it('stops at its full stop when the next line follows without a blank line', async () => {
    const entry = await entryOf({
      channel: ["La demande d'admission exceptionnelle se fait par voie postale.", 'Les modalités sont consultables ici : <https://www.calvados.gouv.fr/aes>'],
      consult: [],
    });
    expect(entry.channels).toEqual({ recognised: ['postal'], wording: "La demande d'admission exceptionnelle se fait par voie postale.", unrecognised: false });
    expect(entry.sources).toEqual([{ url: 'https://www.calvados.gouv.fr/aes', clientRoute: null }]);
  });

  it('understands a sentence ending on a filler word and an ellipsis typed as dots', async () => {
    const entry = await entryOf({ channel: ["La demande d'admission exceptionnelle se fait par courrier, uniquement..."] });
    expect([entry.channels.recognised, entry.channels.unrecognised]).toEqual([['postal'], false]);
  });
});

describe('a section cut off', () => {
  it('reports only the missing reproduced text when the file ends on the source line without a newline', async () => {
    const text = sectionText({ reproduced: [], closing: [] }).trimEnd();
    expect(text.endsWith('<https://www.calvados.gouv.fr/aes>')).toBe(true);
    const parsed = (await freshParser())(text, 'guide.txt');
    expect(parsed.problems.map((p) => p.message)).toEqual(['Calvados (14): no "Les modalités sont reproduites ici :" text (truncated section?)']);
  });

  it('reads nothing of the header out of a closing block that follows the département line directly', async () => {
    const text = [
      'Région Normandie',
      'Département du Calvados (14)',
      'Sous-préfectures',
      "Elles ne traitent pas les demandes d'AES (liste sur <https://www.calvados.gouv.fr/sous-prefectures>).",
    ].join('\n');
    expect((await freshParser())(text, 'guide.txt').problems.map((p) => p.message)).toEqual([
      'Calvados (14): no "Préfecture …" line',
      'Calvados (14): no "Dernière mise à jour : dd/mm/yyyy" date',
      `Calvados (14): no "La demande d'admission exceptionnelle se fait …" sentence`,
      'Calvados (14): no source URL ("Les modalités sont consultables ici : <URL>")',
      'Calvados (14): no "Les modalités sont reproduites ici :" text (truncated section?)',
    ]);
  });
});

describe('the reproduced procedure', () => {
  itEach([
    [['9. un justificatif de domicile et', '10. une photo d’identité.'], '9. un justificatif de domicile et\n10. une photo d’identité.'],
    [['Étape 1 : remplissez le formulaire sur', 'Étape  2 : envoyez-le par courrier.'], 'Étape 1 : remplissez le formulaire sur\nÉtape  2 : envoyez-le par courrier.'],
  ])('keeps a numbered item on its own line after a line ending on an open word: %j', async (lines, procedure) => {
    expect(await procedureOf(...lines)).toBe(procedure);
  });

  it('keeps no edge space of a lost link whose text had one', async () => {
    expect(await procedureOf('Le formulaire est disponible [en ligne ](#)', '[ Envoyez-le](#) par courrier.')).toBe(
      'Le formulaire est disponible en ligne\nEnvoyez-le par courrier.',
    );
  });
});

describe('the closing "Sous-préfectures" block', () => {
  it('finds a sous-préfecture whose name is written with " - "', async () => {
    const entry = await entryOf({
      subPrefectures: ['Sous-préfectures : Bayeux, Lisieux et Vire - Normandie'],
      closing: ['Sous-préfectures', '', "Elles ne traitent pas les demandes d'AES. La sous-préfecture de Vire - Normandie les reçoit toutefois."],
    });
    expect([entry.subPrefectures.handlesAes, entry.subPrefectures.handling]).toEqual(['some', ['Vire - Normandie']]);
  });
});

describe('Windows-1252 files whose first bytes look like half a UTF-16 mark', () => {
  // FF FE and FE FF mark UTF-16; one of the two bytes alone is a Windows-1252 letter (þ is FE, ÿ is FF).
  itEach([['Aÿ-Champagne'], ['Aþ'], ['þorn']])('reads %s as text', async (start) => {
    const { readGuideBytes } = await fresh(() => import('../../src/guide/load.js'));
    expect(readGuideBytes(Buffer.from(`${start}\nRégion Grand Est\n`, 'latin1'))).toEqual({ kind: 'text', text: `${start}\nRégion Grand Est\n` });
  });
});

describe('a guide file the user cannot read', () => {
  /** A file this user is refused: a locked file, or for root (who reads any file) a write-only sysctl file of Linux. */
  async function unreadableFile(dir: string): Promise<string> {
    if (process.getuid?.() === 0) return '/proc/sys/vm/compact_memory';
    const path = join(dir, 'locked.txt');
    await writeFile(path, sectionText());
    await chmod(path, 0o000);
    return path;
  }

  it('is reported as permission denied, for the whole file', async () => {
    const dir = await tempFolder('aes-guide-eacces-');
    await writeFile(join(dir, 'normandie.txt'), sectionText());
    const unreadable = await unreadableFile(dir);
    const { loadGuides } = await fresh(() => import('../../src/guide/load.js'));
    const parsed = await loadGuides([unreadable, 'normandie.txt'], dir);
    expect(parsed.problems).toEqual([{ file: unreadable, line: 1, message: 'cannot read: permission denied', scope: 'file' }]);
    expect(parsed.entries.map((e) => e.id)).toEqual(['14-calvados']);
  });
});
