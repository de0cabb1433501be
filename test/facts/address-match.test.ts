import { describe, expect, it } from 'vitest';
import { findAddresses } from '../../src/facts/address.js';
import { factPresent } from '../../src/facts/match.js';

/**
 * A page's facts can come from a linked PDF (sources/documents.ts) while the
 * page text is the HTML page: the street then has to be found among the facts.
 */
describe('an address found among the page facts only', () => {
  const [guide] = findAddresses('Préfecture du Calvados\nRue Daniel Huet\n14038 CAEN CEDEX 9');
  const [fromPdf] = findAddresses('Préfecture du Calvados, Bureau du séjour\nrue Daniel-Huet\n14038 CAEN CEDEX 09');

  it('is present when a page fact has the same street, whatever the page text says', () => {
    expect(guide && fromPdf && factPresent(guide, [fromPdf], 'Envoyez le dossier à l’adresse indiquée dans la notice.')).toBe(true);
  });

  it('is not when the page fact has another street', () => {
    const [other] = findAddresses('Préfecture du Calvados\nRue Saint-Laurent\n14038 CAEN CEDEX 9');
    expect(guide && other && factPresent(guide, [other], 'Envoyez le dossier à l’adresse indiquée dans la notice.')).toBe(false);
  });
});
