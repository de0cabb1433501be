import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/extract.js';
import { factPresent } from '../../src/facts/match.js';
import { findUrls } from '../../src/facts/url.js';
import type { Fact } from '../../src/facts/fact.js';

const urlFacts = (text: string) => extractFacts(text).filter((f) => f.kind === 'url');

describe('links printed without http(s)://', () => {
  it.each([
    ['Formulaire : www.demarches-simplifiees.fr/commencer/aes-oise.', ['www.demarches-simplifiees.fr/commencer/aes-oise']],
    ['sur demarche.numerique.gouv.fr/commencer/60-aes, puis', ['demarche.numerique.gouv.fr/commencer/60-aes']],
    ['le timbre sur timbres.impots.gouv.fr et la fiche service-public.fr/particuliers/vosdroits/F2208', ['timbres.impots.gouv.fr', 'service-public.fr/particuliers/vosdroits/F2208']],
    ['voir https://www.oise.gouv.fr/aes (ou www.oise.gouv.fr/aes)', ['https://www.oise.gouv.fr/aes', 'www.oise.gouv.fr/aes']],
  ])('are found in "%s"', (text, expected) => {
    expect(findUrls(text)).toEqual(expected);
  });

  it.each([['pref-sejour@oise.gouv.fr'], ['le fichier liste-pieces.pdf'], ['voir example.com ou le site']])('are not read into "%s"', (text) => {
    expect(findUrls(text)).toEqual([]);
  });

  it('are URL facts with their role, on the guide side and the page side alike', () => {
    expect(urlFacts('Déposez votre demande sur www.demarches-simplifiees.fr/commencer/aes-oise')).toEqual([
      { kind: 'url', value: 'www.demarches-simplifiees.fr/commencer/aes-oise', role: 'online-procedure' },
    ]);
  });

  it('match their https:// form, the other démarches-simplifiées host, and never another slug', () => {
    const guide: Fact = { kind: 'url', value: 'www.demarches-simplifiees.fr/commencer/aes-oise', role: 'online-procedure' };
    const page = (text: string) => [factPresent(guide, extractFacts(text), text), factPresent(guide, [], text)];
    expect(page('[Déposer](https://www.demarches-simplifiees.fr/commencer/aes-oise)')).toEqual([true, true]);
    expect(page('sur demarche.numerique.gouv.fr/commencer/aes-oise')).toEqual([true, true]);
    expect(page('sur www.demarches-simplifiees.fr/commencer/aes-oise-2025')).toEqual([false, false]);
    const https: Fact = { kind: 'url', value: 'https://timbres.impots.gouv.fr/', role: 'page' };
    expect(factPresent(https, [], 'achetez le timbre sur timbres.impots.gouv.fr.')).toBe(true);
  });
});
