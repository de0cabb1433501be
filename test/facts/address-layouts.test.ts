import { describe, expect, it } from 'vitest';
import { findAddresses } from '../../src/facts/address.js';
import { extractFacts } from '../../src/facts/extract.js';
import { factPresent } from '../../src/facts/match.js';
import type { FactOf } from '../../src/facts/fact.js';

/**
 * Address blocks as prefecture pages print them once converted to Markdown or
 * text: PDF spacing, glued recipient and street, numbers written "12-14",
 * Markdown quotes and hard breaks. Each case gives what an editor reads.
 */
const parts = (text: string) => findAddresses(text).map(({ recipient, street, postBox, postcode, city, cedex }) => ({ recipient, street, postBox, postcode, city, cedex }));
const one = (text: string) => {
  const found = parts(text);
  expect(found, text).toHaveLength(1);
  return found[0];
};

describe('address lines with Markdown and PDF leftovers', () => {
  it('reads a sentence line ending in a Markdown hard break as prose, not as a recipient', () => {
    // Two trailing spaces are a Markdown line break: the line still ends with "." and closes the block.
    expect(one("Merci d'envoyer le dossier complet.  \n12 rue des Essais\n14099 TESTVILLE")?.recipient).toEqual([]);
    expect(one('Envoyez votre dossier à :   \nPréfecture de Testville\n12 rue des Essais\n14099 TESTVILLE')?.recipient).toEqual(['Préfecture de Testville']);
  });

  it('counts a line of spaces as blank, so two of them end the block', () => {
    expect(one('Préfecture de Testville\n   \n \n12 rue des Essais\n14099 TESTVILLE')?.recipient).toEqual([]);
  });

  it('reads quoted lines, with or without the space after ">", indented or not', () => {
    expect(one('>Préfecture de Testville\n>12 rue des Essais\n>14099 TESTVILLE')).toEqual({
      recipient: ['Préfecture de Testville'],
      street: '12 rue des Essais',
      postBox: null,
      postcode: '14099',
      city: 'TESTVILLE',
      cedex: null,
    });
    expect(one('  > Préfecture de Testville\n  > 12 rue des Essais\n  > 14099 TESTVILLE')?.recipient).toEqual(['Préfecture de Testville']);
  });

  it('keeps a ">" inside a line, as in a breadcrumb of services', () => {
    expect(one('Préfecture > Service des étrangers\n12 rue des Essais\n14099 TESTVILLE')?.recipient).toEqual(['Préfecture > Service des étrangers']);
  });

  it('drops only the hard-break backslash at the end of a line, not an escape inside it', () => {
    expect(one('Préfecture \\- Bureau du séjour\\\n12 rue des Essais\\\n14099 TESTVILLE')?.recipient).toEqual(['Préfecture \\- Bureau du séjour']);
  });

  it('ends the block at an indented heading, but not at a "#" inside a line', () => {
    expect(one('Préfecture de Testville\n  ## Dépôt des dossiers\n12 rue des Essais\n14099 TESTVILLE')?.recipient).toEqual([]);
    expect(one('Préfecture de Testville\nBureau #2\n12 rue des Essais\n14099 TESTVILLE')?.recipient).toEqual(['Préfecture de Testville', 'Bureau #2']);
  });

  it('splits "Préfecture - Bureau" at the dash instead of reading it as a list item', () => {
    expect(one('Préfecture de Testville - Bureau du séjour\n12 rue des Essais\n14099 TESTVILLE')?.recipient).toEqual(['Préfecture de Testville', 'Bureau du séjour']);
  });
});

describe('where the block above the postcode ends', () => {
  it('ends at a line over 100 characters even when each of its parts is short', () => {
    const long = 'Préfecture de la Seine-Saint-Denis, Direction des migrations et de l’intégration, Bureau du séjour des étrangers';
    expect(long.length).toBeGreaterThan(100);
    expect(one(`${long}\n12 rue des Essais\n93007 BOBIGNY CEDEX`)?.recipient).toEqual([]);
    const exactly100 = 'Préfecture de Testville, Direction des étrangers, Bureau du séjour, Cellule de l’admission au séjour';
    expect(exactly100).toHaveLength(100);
    expect(one(`${exactly100}\n12 rue des Essais\n93007 BOBIGNY CEDEX`)?.recipient).toHaveLength(4);
  });

  it('ends at a line with one part that is prose, even if another part is short', () => {
    expect(one('Bureau du séjour, un deux trois quatre cinq six sept huit neuf dix\n12 rue des Essais\n14099 TESTVILLE')?.recipient).toEqual([]);
  });

  it('reads a part of up to 70 characters and nine words, double spaces included', () => {
    const seventy = 'Direction départementale interministérielle chargée des étrangers (DD)';
    expect(seventy).toHaveLength(70);
    expect(one(`${seventy}\n12 rue des Essais\n14099 TESTVILLE`)?.recipient).toEqual([seventy]);
    expect(one(`${seventy}X\n12 rue des Essais\n14099 TESTVILLE`)?.recipient).toEqual([]);
    const nineWords = 'Direction  de l’immigration et de l’intégration de la préfecture';
    expect(one(`${nineWords}\n12 rue des Essais\n14099 TESTVILLE`)?.recipient).toEqual([nineWords]);
  });

  it('takes a part of 71 characters before the postcode as prose: the address starts after it', () => {
    const prose = 'P'.repeat(71);
    expect(one(`Préfecture de Testville\n${prose}, 12 rue des Essais 14099 TESTVILLE`)).toMatchObject({ recipient: [], street: '12 rue des Essais' });
    expect(one(`Préfecture de Testville\n${'P'.repeat(70)}, 12 rue des Essais 14099 TESTVILLE`)).toMatchObject({
      recipient: ['Préfecture de Testville', 'P'.repeat(70)],
      street: '12 rue des Essais',
    });
  });

  it('reads no line above when the postcode line starts with prose', () => {
    expect(one('Préfecture de Testville\nPour toute demande de titre de séjour il faut écrire au bureau, 12 rue des Essais 14099 TESTVILLE')).toEqual({
      recipient: [],
      street: '12 rue des Essais',
      postBox: null,
      postcode: '14099',
      city: 'TESTVILLE',
      cedex: null,
    });
  });

  it('takes a colon at the very start of the postcode line as a lead (a PDF table cell)', () => {
    expect(one('Préfecture de Testville\n: 12 rue des Essais 14099 TESTVILLE')).toMatchObject({ recipient: [], street: '12 rue des Essais' });
  });
});

describe('recipient, street and number', () => {
  it('keeps the first street line; a line after it stays out of the recipient', () => {
    expect(one('Préfecture de Testville\n9 rue Saint-Laurent\nRésidence Les Pins\n14000 CAEN')).toMatchObject({ recipient: ['Préfecture de Testville'], street: '9 rue Saint-Laurent' });
    const after = findAddresses('Préfecture de Testville\n9 rue Saint-Laurent\nBâtiment B\n14000 CAEN')[0];
    expect(after).toMatchObject({ recipient: ['Préfecture de Testville'], street: '9 rue Saint-Laurent' });
    expect(after?.value).toBe('Préfecture de Testville, 9 rue Saint-Laurent, Bâtiment B, 14000 CAEN');
  });

  it('keeps "12bis, rue" whole, and does not glue a service number to the street', () => {
    expect(one('Préfecture de Testville\n12bis, rue des Essais\n14000 CAEN')?.street).toBe('12bis, rue des Essais');
    expect(one('Préfecture du Calvados, Bureau 12, 9 rue Saint-Laurent, 14038 CAEN')).toMatchObject({
      recipient: ['Préfecture du Calvados', 'Bureau 12'],
      street: '9 rue Saint-Laurent',
    });
  });

  it.each([
    ['a plain number', 'Préfecture du Calvados 9 rue Saint-Laurent', '9 rue Saint-Laurent'],
    ['a number range', 'Préfecture du Calvados 12-14 rue Daniel Huet', '12-14 rue Daniel Huet'],
    ['a spaced number range', 'Préfecture du Calvados 12 / 14 rue Daniel Huet', '12 / 14 rue Daniel Huet'],
    ['a slashed number range', 'Préfecture du Calvados 12/14 rue Daniel Huet', '12/14 rue Daniel Huet'],
    ['a double space after the number', 'Préfecture du Calvados 9  rue Saint-Laurent', '9  rue Saint-Laurent'],
    ['an allée', 'Préfecture du Calvados Allée des Tilleuls', 'Allée des Tilleuls'],
    ['an allee without accent', 'Préfecture du Calvados allee des Tilleuls', 'allee des Tilleuls'],
  ])('splits a recipient glued to its street: %s', (_name, line, street) => {
    expect(one(`${line}\n14038 CAEN`)).toMatchObject({ recipient: ['Préfecture du Calvados'], street });
  });

  it('drops the spaces between a glued recipient and its street', () => {
    expect(one('Préfecture du Calvados  9 rue Saint-Laurent\n14038 CAEN')).toMatchObject({ recipient: ['Préfecture du Calvados'], street: '9 rue Saint-Laurent' });
  });
});

describe('postcode and city', () => {
  it('reads CEDEX after a double space (PDF spacing)', () => {
    expect(one('Préfecture\n9 rue Saint-Laurent\n14038 CAEN  CEDEX  9')).toMatchObject({ city: 'CAEN', cedex: '9' });
  });

  it('reads an address closed by a parenthesis', () => {
    const [found] = findAddresses('Sous-préfecture de Bayeux (14400 BAYEUX).');
    expect(found).toMatchObject({ city: 'BAYEUX', cedex: null });
    expect(found?.value.endsWith(', 14400 BAYEUX')).toBe(true);
    expect(one('Envoyez le dossier (14038 CAEN CEDEX 9).')).toMatchObject({ city: 'CAEN', cedex: '9' });
  });

  it('reads a city split from its apostrophe by the PDF ("Villeneuve d’ Ascq")', () => {
    expect(one('Préfecture\n1 rue A\n59650 Villeneuve d’ Ascq')?.city).toBe('Villeneuve d’ Ascq');
  });

  it('prints the city without the link word it dropped', () => {
    expect(findAddresses('Sous-préfecture\n1 rue du Port\n14000 Caen du')[0]?.value).toBe('Sous-préfecture, 1 rue du Port, 14000 Caen');
  });

  it('skips a five-digit number followed by no city, and reads the address after it on the line', () => {
    const found = parts('Formulaire 15186 N°01 à envoyer : Préfecture, 1 rue A, 14000 CAEN');
    expect(found).toEqual([{ recipient: ['Préfecture'], street: '1 rue A', postBox: null, postcode: '14000', city: 'CAEN', cedex: null }]);
  });

  it('matches a guide address printed with a double-spaced CEDEX against the page', () => {
    const guide = findAddresses('Préfecture du Calvados\nRue Daniel Huet\n14038 CAEN CEDEX 9')[0] as FactOf<'address'>;
    const page = 'Préfecture du Calvados\nRue Daniel Huet\n14038 CAEN  CEDEX 9';
    expect(factPresent(guide, extractFacts(page), page)).toBe(true);
  });
});
