import { describe, expect, it } from 'vitest';
import { findAddresses } from '../../src/facts/address.js';

/** Addresses as prefecture pages and the guide's PDF print them: each case is one way of printing. */
const parts = (text: string) => findAddresses(text).map(({ recipient, street, postBox, postcode, city, cedex }) => ({ recipient, street, postBox, postcode, city, cedex }));

describe('findAddresses', () => {
  it('reads a one-line address with recipient, street, box and CEDEX', () => {
    expect(parts('Préfecture du Calvados, Bureau du séjour, 9 rue Saint-Laurent, CS 30007, 14038 CAEN CEDEX 9')).toEqual([
      { recipient: ['Préfecture du Calvados', 'Bureau du séjour'], street: '9 rue Saint-Laurent', postBox: 'CS 30007', postcode: '14038', city: 'CAEN', cedex: '9' },
    ]);
  });

  it('splits a recipient from the street when nothing else separates them', () => {
    expect(parts('Préfecture du Calvados Rue Daniel Huet 14038 CAEN')).toEqual([
      { recipient: ['Préfecture du Calvados'], street: 'Rue Daniel Huet', postBox: null, postcode: '14038', city: 'CAEN', cedex: null },
    ]);
    expect(parts('Direction des étrangers 12 bis avenue de la Gare 61000 ALENÇON')[0]?.street).toBe('12 bis avenue de la Gare');
    expect(parts('Bureau du séjour Place Gambetta 50000 SAINT-LÔ')[0]).toMatchObject({ recipient: ['Bureau du séjour'], street: 'Place Gambetta', city: 'SAINT-LÔ' });
  });

  it('keeps "39, Rue Saint Blaise" whole and reads a numbered street without a street word', () => {
    expect(parts('Préfecture de l’Orne\n39, Rue Saint Blaise\n61000 ALENÇON')[0]?.street).toBe('39, Rue Saint Blaise');
    expect(parts('Préfecture de la Manche\n12 bis, Saint-Lô Centre\n50000 SAINT-LÔ')[0]?.street).toBe('12 bis, Saint-Lô Centre');
  });

  it('reads the lines above the postcode through single blank lines, up to a block end', () => {
    const text = [
      'Envoyez votre dossier complet.',
      'Préfecture de la Seine-Maritime',
      '',
      'Bureau de l’asile',
      '',
      '7 place de la Madeleine',
      '76036 ROUEN CEDEX',
    ].join('\n');
    expect(parts(text)).toEqual([
      { recipient: ['Préfecture de la Seine-Maritime', 'Bureau de l’asile'], street: '7 place de la Madeleine', postBox: null, postcode: '76036', city: 'ROUEN', cedex: '' },
    ]);
  });

  it('stops walking back at two blank lines, a heading, a list item, a link or a long line', () => {
    expect(parts('Préfecture de Testville\n\n\n12 rue des Essais\n14099 TESTVILLE')[0]?.recipient).toEqual([]);
    expect(parts('## Préfecture de Testville\n12 rue des Essais\n14099 TESTVILLE')[0]?.recipient).toEqual([]);
    expect(parts('- Préfecture de Testville\n12 rue des Essais\n14099 TESTVILLE')[0]?.recipient).toEqual([]);
    expect(parts('Voir https://testville.gouv.fr\n12 rue des Essais\n14099 TESTVILLE')[0]?.recipient).toEqual([]);
    expect(parts('Écrivez à pref@testville.gouv.fr\n12 rue des Essais\n14099 TESTVILLE')[0]?.recipient).toEqual([]);
    expect(parts(`${'Bureau '.repeat(16)}\n12 rue des Essais\n14099 TESTVILLE`)[0]?.recipient).toEqual([]);
    expect(parts('Service de 12 mots au plus mais avec une partie beaucoup trop longue pour être une ligne d’adresse postale, vraiment\n12 rue des Essais\n14099 TESTVILLE')[0]?.recipient).toEqual([]);
    expect(parts('Un deux trois quatre cinq six sept huit neuf dix\n12 rue des Essais\n14099 TESTVILLE')[0]?.recipient).toEqual([]);
    expect(parts('Merci de votre envoi.\n12 rue des Essais\n14099 TESTVILLE')[0]?.recipient).toEqual([]);
  });

  it('reads at most six lines above', () => {
    const text = ['L1 Ministère', 'L2 Préfecture', 'L3 Direction', 'L4 Service', 'L5 Bureau', 'L6 Cellule', '12 rue des Essais', '14099 TESTVILLE'].join('\n');
    expect(parts(text)[0]?.recipient).toEqual(['L2 Préfecture', 'L3 Direction', 'L4 Service', 'L5 Bureau', 'L6 Cellule']);
  });

  it('reads only after a colon on the postcode line, and no line above', () => {
    expect(parts('Préfecture de Testville\nAdresse : 12 rue des Essais 14099 TESTVILLE')).toEqual([
      { recipient: [], street: '12 rue des Essais', postBox: null, postcode: '14099', city: 'TESTVILLE', cedex: null },
    ]);
  });

  it('strips Markdown emphasis, hard breaks and quotes from the lines', () => {
    expect(parts('> **Préfecture de Testville**\\\n> *12 rue des Essais*\\\n> **14099 TESTVILLE CEDEX 08**')).toEqual([
      { recipient: ['Préfecture de Testville'], street: '12 rue des Essais', postBox: null, postcode: '14099', city: 'TESTVILLE', cedex: '08' },
    ]);
  });

  it('reads multi-word cities with their link words, up to six words, and a city closed by punctuation', () => {
    expect(parts('Sous-préfecture\n1 rue du Port\n62200 Boulogne-sur-Mer')[0]?.city).toBe('Boulogne-sur-Mer');
    expect(parts('Sous-préfecture\n1 rue du Port\n39000 Lons le Saunier CEDEX')[0]).toMatchObject({ city: 'Lons le Saunier', cedex: '' });
    expect(parts('Sous-préfecture\n1 rue du Port\n76200 DIEPPE, France')[0]?.city).toBe('DIEPPE');
    expect(parts('Sous-préfecture\n1 rue du Port\n14000 Caen du')[0]?.city).toBe('Caen');
    expect(parts('Sous-préfecture\n1 rue du Port\n14000 A B C D E F G H')[0]?.city).toBe('A B C D E F');
    expect(parts('Sous-préfecture\n1 rue du Port\n14000 L’Aigle Cedex 3')[0]).toMatchObject({ city: 'L’Aigle', cedex: '3' });
  });

  it('does not take a postcode followed by no city, or by a lower-case word', () => {
    expect(parts('En 14000 cas sur 20000, 12 rue des Essais')).toEqual([]);
    expect(parts('Code 14000 caen')).toEqual([]);
    expect(parts('Référence 123456 CAEN')).toEqual([]);
    expect(parts('Tel 0014000 CAEN')).toEqual([]);
  });

  it('reads one address per line, and each line of its own', () => {
    const text = 'Préfecture\n1 rue A\n14000 CAEN\nSous-préfecture\n2 rue B\n50100 CHERBOURG 50100 CHERBOURG';
    expect(parts(text).map((a) => [a.street, a.city])).toEqual([
      ['1 rue A', 'CAEN'],
      ['2 rue B', 'CHERBOURG'],
    ]);
  });

  it('keeps the printed address as one value, city as printed', () => {
    expect(findAddresses('Préfecture\n1 rue A\n14000 CAEN CEDEX 9.')[0]?.value).toBe('Préfecture, 1 rue A, 14000 CAEN CEDEX 9');
  });

  it('takes a box from its own line, BP, TSA or Boîte postale alike', () => {
    for (const box of ['BP 123', 'TSA 40001', 'B.P. 12', 'Boîte postale 5', 'CS 50 529']) {
      expect(parts(`Préfecture\n${box}\n14000 CAEN`)[0], box).toMatchObject({ postBox: box, street: null, recipient: ['Préfecture'] });
    }
  });
});
