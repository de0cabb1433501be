import { describe, expect, it } from 'vitest';
import { findAddresses } from '../../src/facts/address.js';
import { extractFacts } from '../../src/facts/extract.js';
import type { FactOf } from '../../src/facts/fact.js';
import { factPresent } from '../../src/facts/match.js';

/** City names with an elided article after a space: "Villeneuve d'Ascq", "Saint-Martin d’Hères". */
describe('a city name with an elided article', () => {
  it('is read whole, with the CEDEX after it', () => {
    expect(findAddresses('Bureau des étrangers\n1 rue A\n38400 Saint-Martin d’Hères CEDEX 2').map((a) => [a.city, a.cedex])).toEqual([['Saint-Martin d’Hères', '2']]);
    expect(findAddresses("Mairie\n1 place de la République\n59650 Villeneuve d'Ascq").map((a) => a.city)).toEqual(["Villeneuve d'Ascq"]);
  });

  it('matches the hyphenated spelling of the guide', () => {
    const [guide] = findAddresses("Mairie\n1 place de la République\n59650 Villeneuve-d'Ascq") as FactOf<'address'>[];
    const page = "Mairie\n1 place de la République\n59650 Villeneuve d'Ascq";
    expect(guide && factPresent(guide, extractFacts(page), page)).toBe(true);
  });

  it('still stops at a lower-case word or a parenthesis after the city', () => {
    expect(findAddresses("1 rue A\n14000 CAEN d'abord").map((a) => a.city)).toEqual(['CAEN']);
    expect(findAddresses('1 rue A\n61000 ALENÇON (Orne)').map((a) => a.city)).toEqual(['ALENÇON']);
  });
});
