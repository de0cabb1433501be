import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/extract.js';
import type { Fact, FactOf } from '../../src/facts/fact.js';
import { factPresent } from '../../src/facts/match.js';

/**
 * extract/markdown.ts converts <em> to `_…_` (turndown's emDelimiter): an
 * address printed in italics reaches the facts as `_14038 CAEN CEDEX 9_`.
 */
const addresses = (text: string) => extractFacts(text).filter((f): f is FactOf<'address'> => f.kind === 'address');

describe('an address printed in italics', () => {
  it('reads the lines without their underscores', () => {
    expect(addresses('Préfecture du Calvados\n_Rue Daniel Huet_\n_14038 CAEN CEDEX 9_')).toEqual([
      {
        kind: 'address',
        value: 'Préfecture du Calvados, Rue Daniel Huet, 14038 CAEN CEDEX 9',
        recipient: ['Préfecture du Calvados'],
        street: 'Rue Daniel Huet',
        postBox: null,
        postcode: '14038',
        city: 'CAEN',
        cedex: '9',
      },
    ]);
  });

  it('reads a one-line address in italics', () => {
    expect(addresses('_Préfecture du Calvados, Rue Daniel Huet, 14038 CAEN_').map((a) => [a.street, a.city])).toEqual([['Rue Daniel Huet', 'CAEN']]);
  });

  it('keeps the underscores inside a name', () => {
    expect(addresses('Service_etrangers\nRue Daniel Huet\n14038 CAEN')[0]?.recipient).toEqual(['Service_etrangers']);
  });

  it('matches the guide address, CEDEX number included', () => {
    const guide: Fact = { kind: 'address', value: 'x', recipient: [], street: 'Rue Daniel Huet', postBox: null, postcode: '14038', city: 'CAEN', cedex: '9' };
    const page = 'Envoyez votre dossier à :\n\n_Préfecture du Calvados_\n_Rue Daniel Huet_\n_14038 CAEN CEDEX 9_';
    expect(factPresent(guide, extractFacts(page), page)).toBe(true);
  });
});
