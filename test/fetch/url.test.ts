import { describe, expect, it } from 'vitest';
import { clientRoute, stripFragment } from '../../src/fetch/url.js';

const COMARQUAGE = 'https://www.calvados.gouv.fr/titre-de-sejour-a9349.html#!/Particuliers/page/L1055';

describe('stripFragment', () => {
  it('drops a hash-bang fragment', () => {
    expect(stripFragment(COMARQUAGE)).toBe('https://www.calvados.gouv.fr/titre-de-sejour-a9349.html');
  });
  it('drops a plain fragment and keeps the query', () => {
    expect(stripFragment('https://x.gouv.fr/a?b=1#section')).toBe('https://x.gouv.fr/a?b=1');
  });
  it('leaves a URL without fragment unchanged', () => {
    expect(stripFragment('https://x.gouv.fr/a')).toBe('https://x.gouv.fr/a');
  });
});

describe('clientRoute', () => {
  it('returns the route after #!', () => {
    expect(clientRoute(COMARQUAGE)).toBe('/Particuliers/page/L1055');
  });
  it('is null for a plain anchor, an empty #! and no fragment', () => {
    expect(clientRoute('https://x.gouv.fr/a#top')).toBeNull();
    expect(clientRoute('https://x.gouv.fr/a#!')).toBeNull();
    expect(clientRoute('https://x.gouv.fr/a')).toBeNull();
  });
  it('only looks at the first #', () => {
    expect(clientRoute('https://x.gouv.fr/a#top#!/x')).toBeNull();
  });
});
