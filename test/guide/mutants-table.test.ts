import { describe, expect, it } from 'vitest';
import { fresh, freshParser, sectionText } from './guide-text.js';

const table = async (text: string) => {
  const parsed = (await freshParser())(text, 'guide.txt');
  expect(parsed.problems).toEqual([]);
  const { formatGuideTable } = await fresh(() => import('../../src/guide/table.js'));
  return formatGuideTable(parsed.entries);
};

describe('the guide table', () => {
  it('lists each entry in aligned columns, then notes on what needs a person', async () => {
    const text =
      sectionText({
        reproduced: [
          'Les modalités sont reproduites ici :',
          '',
          'Déposez votre dossier sur https://www.demarches-simplifiees.fr/commencer/aes-14 ou sur https://www.calvados.gouv.fr/aes-en-ligne.',
        ],
        closing: ['Sous-préfectures', "Seule la sous-préfecture de Lisieux traite les demandes d'AES."],
      }) +
      sectionText({
        department: "Département de l'Orne (61)",
        prefecture: ["Préfecture d'Alençon"],
        channel: ["La demande d'admission exceptionnelle se fait par pigeon voyageur."],
        consult: ['Les modalités sont consultables ici : <https://www.orne.gouv.fr/#!/aes> et <https://www.orne.gouv.fr/aes>'],
        reproduced: ['Les modalités sont reproduites ici :', '', 'Le délai est de deux mois.'],
        closing: ['Sous-préfectures', "Elles traitent également les demandes d'AES."],
      });
    expect((await table(text)).split('\n')).toEqual([
      'ID           PREFECTURE  UPDATED     CHANNELS  SUB-PREF. AES  SOURCES  FACTS',
      '14-calvados  Caen        2023-02-22  postal    some: Lisieux  1        2 urls, 1 channel',
      '61-orne      Alençon     2023-02-22  - (?)     all (3)        2        -',
      '',
      `note: 61-orne: channel wording not recognised: "La demande d'admission exceptionnelle se fait par pigeon voyageur."`,
      'note: 61-orne: https://www.orne.gouv.fr/#!/aes shows its content under #!/aes, a client-side route (browser needed)',
    ]);
  });

  it('has no notes when nothing needs a person, and names the sous-préfectures of "some"', async () => {
    const text = sectionText({
      closing: ['Sous-préfectures', "Les sous-préfectures de Bayeux et de Lisieux traitent les demandes d'AES."],
    });
    expect(await table(text)).toBe(
      [
        'ID           PREFECTURE  UPDATED     CHANNELS  SUB-PREF. AES          SOURCES  FACTS',
        '14-calvados  Caen        2023-02-22  postal    some: Bayeux, Lisieux  1        1 channel',
      ].join('\n'),
    );
  });
});
