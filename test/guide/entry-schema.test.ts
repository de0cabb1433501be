import { describe, expect, it } from 'vitest';
import { GuideEntry } from '../../src/guide/entry.js';
import { parseGuide } from '../../src/guide/parse.js';
import { guideDocument, postalGuideText } from '../support/prefecture.js';

/**
 * The guide entry schema checks every parsed section, and so every entry the
 * parsed-guide cache keeps: an id or a date with anything before or after it
 * is not one.
 */
const [entry] = parseGuide(
  guideDocument('Normandie', [{ code: '14', departmentPhrase: 'du Calvados', prefecture: 'Caen', url: 'https://www.calvados.gouv.fr/aes', procedure: postalGuideText() }]),
  'guide.txt',
).entries;

describe('the guide entry schema', () => {
  it('accepts the entry the parser made', () => {
    expect(entry?.id).toBe('14-calvados');
    expect(entry?.updated).toBe('2023-02-22');
    expect(GuideEntry.safeParse(entry).success).toBe(true);
  });

  it.each(['x14-calvados', '14-calvados!', '14-calvados\n'])('refuses the id %j', (id) => {
    expect(GuideEntry.safeParse({ ...entry, id }).success).toBe(false);
  });

  it.each(['on 2023-02-22', '2023-02-22T10:00', '2023-02-22\n'])('refuses the date %j', (updated) => {
    expect(GuideEntry.safeParse({ ...entry, updated }).success).toBe(false);
  });
});
