import { describe, expect, it } from 'vitest';
import { entryOf, fresh, parseSection, itEach } from './guide-text.js';

const updatedOn = (printed: string) => parseSection({ updated: [`Dernière mise à jour : ${printed}`] });

describe('the "Dernière mise à jour" date', () => {
  itEach([
    ['15 janvier 2023', '2023-01-15'],
    ['1er février 2023', '2023-02-01'],
    ['1er fevrier 2023', '2023-02-01'],
    ['3 mars 2023', '2023-03-03'],
    ['4 avril 2023', '2023-04-04'],
    ['5 mai 2023', '2023-05-05'],
    ['6 juin 2023', '2023-06-06'],
    ['7 juillet 2023', '2023-07-07'],
    ['8 août 2023', '2023-08-08'],
    ['8 aout 2023', '2023-08-08'],
    ['9 septembre 2023', '2023-09-09'],
    ['10 octobre 2023', '2023-10-10'],
    ['11 novembre 2023', '2023-11-11'],
    ['12 décembre 2023', '2023-12-12'],
    ['12 decembre 2023', '2023-12-12'],
    ['12 Décembre 2023', '2023-12-12'],
    ['1er  mars  2023', '2023-03-01'],
    ['22.02.2023.', '2023-02-22'],
    ['22/02/2023.', '2023-02-22'],
    ['7-3-2023', '2023-03-07'],
  ])('reads "%s" as %s', async (printed, iso) => {
    const { entry, messages } = await updatedOn(printed);
    expect(messages).toEqual([]);
    expect(entry?.updated).toBe(iso);
  });

  itEach([
    ['15 brumaire 2023'],
    ['vers le 22/02/2023'],
    ['22/02/2023 (révisée)'],
    ['environ 1er mars 2023'],
    ['1er mars 2023 (révisée)'],
    ['février 2023'],
  ])('reports "%s" as unreadable, not as some other date', async (printed) => {
    const { entry, messages } = await updatedOn(printed);
    expect(entry).toBeNull();
    expect(messages).toEqual([`Calvados (14): unreadable date "${printed}" in "Dernière mise à jour" (expected dd/mm/yyyy)`]);
  });

  it('reports an impossible worded date as impossible', async () => {
    expect((await updatedOn('30 février 2023')).messages).toEqual(['Calvados (14): impossible date "30 février 2023" in "Dernière mise à jour"']);
  });

  it('tells an unreadable printed date from an impossible one, and keeps what was printed', async () => {
    const { readDate } = await fresh(() => import('../../src/guide/fields.js'));
    expect(readDate(' 22/02/2023 ')).toEqual({ kind: 'date', iso: '2023-02-22' });
    expect(readDate('février 2023')).toEqual({ kind: 'unreadable', printed: 'février 2023' });
    expect(readDate('15 brumaire 2023')).toEqual({ kind: 'unreadable', printed: '15 brumaire 2023' });
    expect(readDate('31/04/2023.')).toEqual({ kind: 'impossible', printed: '31/04/2023' });
  });
});

describe('the prefecture city', () => {
  itEach([
    ['Préfecture du Mans', 'Le Mans'],
    ['Préfecture du Puy-en-Velay', 'Le Puy-en-Velay'],
    ['Préfecture de la Vendée', 'Vendée'],
    ['Préfecture de  la Vendée', 'Vendée'],
    ["Préfecture de l'Hérault", 'Hérault'],
    ["Préfecture de  l'Hérault", 'Hérault'],
    ['Préfecture de l’Hérault', 'Hérault'],
    ['Préfecture de La Rochelle', 'La Rochelle'],
    ['Préfecture : Mans', 'Mans'],
    ['Préfecture du Havre', 'Havre'],
  ])('%s → %s', async (line, city) => {
    expect((await entryOf({ prefecture: [line] })).prefecture).toBe(city);
  });
});

describe('the entry id', () => {
  itEach([
    ["Département de l'Hérault (34)", '34-herault'],
    ['Département des Côtes-d’Armor (22)', '22-cotes-d-armor'],
    ['Département de la Haute  Marne (52)', '52-haute-marne'],
    ['Département du Calvados* (14)', '14-calvados'],
    ['Département du « Calvados » (14)', '14-calvados'],
  ])('%s → %s', async (department, id) => {
    expect((await entryOf({ department })).id).toBe(id);
  });
});

describe('the list of sous-préfectures', () => {
  itEach([
    ['Sous-préfectures : Bayeux, Lisieux.', ['Bayeux', 'Lisieux']],
    ['Sous-préfectures : Bayeux,Lisieux', ['Bayeux', 'Lisieux']],
    ['Sous-préfectures : Bayeux ; Lisieux ;', ['Bayeux', 'Lisieux']],
    ['Sous-préfectures : Bayeux et Lisieux', ['Bayeux', 'Lisieux']],
    ['Sous-préfectures : Bayeux  et  Lisieux', ['Bayeux', 'Lisieux']],
    ['Sous-préfectures : Bayeux, Lisieux .', ['Bayeux', 'Lisieux']],
    ['Sous-préfectures : Mantes-la-Jolie, Rambouillet, St. Germain-en-Laye.', ['Mantes-la-Jolie', 'Rambouillet', 'St. Germain-en-Laye']],
    ['Sous-préfecture : Bayeux', ['Bayeux']],
    ['Sous-préfectures  :  Bayeux', ['Bayeux']],
    ['Sous-préfectures:Bayeux', ['Bayeux']],
  ])('%s', async (line, names) => {
    expect((await entryOf({ subPrefectures: [line] })).subPrefectures.names).toEqual(names);
  });

  it('follows a list whose line ends on a comma to the next line', async () => {
    expect((await entryOf({ subPrefectures: ['Sous-préfectures : Bayeux,', 'Lisieux et Vire Normandie'] })).subPrefectures.names).toEqual([
      'Bayeux',
      'Lisieux',
      'Vire Normandie',
    ]);
  });
});
