import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/facts/sentences.js';

const read = (text: string) => sentences(text).map((s) => s.sentence);

describe('sentences without their Markdown emphasis', () => {
  it('drops ** and __ and the underscores around a word', () => {
    expect(read('**Envoyez** votre dossier __complet__ à _la préfecture_.')).toEqual(['Envoyez votre dossier complet à la préfecture.']);
  });

  it('keeps an underscore inside a word and a lone asterisk', () => {
    expect(read('Écrivez à Service_etrangers, 2 * 3 copies.')).toEqual(['Écrivez à Service_etrangers, 2 * 3 copies.']);
  });

  it('reads a line with no emphasis as it is', () => {
    expect(read('- Envoyez votre dossier par courrier.')).toEqual(['Envoyez votre dossier par courrier.']);
  });
});
