import { describe, expect, it } from 'vitest';
import { entryOf, itEach } from './guide-text.js';

/** What the closing block says of the listed sous-préfectures. */
async function closing(block: string[], list = 'Sous-préfectures : Bayeux, Lisieux et Vire Normandie') {
  return (await entryOf({ subPrefectures: [list], closing: ['Sous-préfectures', '', ...block] })).subPrefectures;
}
const answer = (handlesAes: string, handling: string[], names = ['Bayeux', 'Lisieux', 'Vire Normandie']) => ({
  names,
  handlesAes,
  handling,
  each: names.map((name) => ({ name, handlesAes: handlesAes === 'unknown' ? null : handling.includes(name) })),
});

describe('the closing "Sous-préfectures" block', () => {
  itEach([
    [["Elles ne traitent pas les demandes d'AES."], answer('none', [])],
    [["ELLES NE TRAITENT PAS LES DEMANDES D'AES."], answer('none', [])],
    [["Aucune sous-préfecture ne traite les demandes d'AES."], answer('none', [])],
    [["La sous-préfecture de Bayeux ne traite pas les demandes d'AES."], answer('none', [])],
    [["Elles ne traitent pas les demandes d'AES.", 'Bayeux est ouverte le lundi.'], answer('none', [])],
    [["Elles ne traitent pas les demandes d'AES. Sauf la sous-préfecture de Lisieux."], answer('some', ['Lisieux'])],
    [["Elles ne traitent pas les demandes d'AES, sauf Lisieux."], answer('some', ['Lisieux'])],
    [["Elles ne traitent pas les demandes d'AES, hormis Bayeux."], answer('some', ['Bayeux'])],
    [["Elles ne traitent pas les demandes d'AES, excepté Bayeux."], answer('some', ['Bayeux'])],
    [["Elles ne traitent pas les demandes d'AES. Celle de Lisieux les reçoit toutefois."], answer('some', ['Lisieux'])],
    [["Elles traitent également les demandes d'AES."], answer('all', ['Bayeux', 'Lisieux', 'Vire Normandie'])],
    [["ELLES TRAITENT ÉGALEMENT LES DEMANDES D'AES."], answer('all', ['Bayeux', 'Lisieux', 'Vire Normandie'])],
    [["Les sous-préfectures de Bayeux, Lisieux et Vire Normandie traitent les demandes d'AES."], answer('all', ['Bayeux', 'Lisieux', 'Vire Normandie'])],
    [["Seule la sous-préfecture de Lisieux traite les demandes d'AES."], answer('some', ['Lisieux'])],
    [["Seule la sous-préfecture de Vire  Normandie traite les demandes d'AES."], answer('some', ['Vire Normandie'])],
    [['Voir le site de la préfecture.'], answer('unknown', [])],
  ])('%j', async (block, expected) => {
    expect(await closing(block)).toEqual(expected);
  });

  it('finds a name written with two spaces, or with a footnote mark, in the sentence', async () => {
    expect(await closing(["Seule la sous-préfecture de Vire Normandie traite les demandes d'AES."], 'Sous-préfectures : Bayeux, Vire  Normandie')).toEqual(
      answer('some', ['Vire  Normandie'], ['Bayeux', 'Vire  Normandie']),
    );
    expect(await closing(["Seule la sous-préfecture de Lisieux traite les demandes d'AES."], 'Sous-préfectures : Bayeux, Lisieux*')).toEqual(
      answer('some', ['Lisieux*'], ['Bayeux', 'Lisieux*']),
    );
  });

  it('finds "Le Havre" written "du Havre"', async () => {
    expect(await closing(["Seule la sous-préfecture du Havre traite les demandes d'AES."], 'Sous-préfectures : Dieppe, Le Havre')).toEqual(
      answer('some', ['Le Havre'], ['Dieppe', 'Le Havre']),
    );
  });

  it('says unknown, with nothing handled, when there is no closing block', async () => {
    expect((await entryOf({ closing: [] })).subPrefectures).toEqual(answer('unknown', []));
  });
});
