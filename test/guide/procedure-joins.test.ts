import { describe, expect, it } from 'vitest';
import { entryOf } from './guide-text.js';

async function procedureOf(...lines: string[]): Promise<string> {
  return (await entryOf({ reproduced: ['Les modalités sont reproduites ici :', '', ...lines] })).procedure;
}

/** Each break is judged on the line just before it, however many lines the sentence already joined. */
describe('a sentence broken over many lines', () => {
  it('is rejoined line after line, each break judged on the line before it', async () => {
    const words = ['Envoyez votre dossier à la', 'préfecture du', 'Calvados, bureau de', 'l’immigration et de l’intégra-', 'tion, par courrier.'];
    expect(await procedureOf(...words)).toBe('Envoyez votre dossier à la préfecture du Calvados, bureau de l’immigration et de l’intégra-tion, par courrier.');
  });

  it('stops at a line that ends the sentence, even when the sentence began on a line cut mid-phrase', async () => {
    expect(await procedureOf('Envoyez votre dossier à la', 'Préfecture.', 'Bureau des étrangers')).toBe('Envoyez votre dossier à la Préfecture.\nBureau des étrangers');
  });

  it('keeps a hyphen that ends a line joined into a sentence, and drops the break', async () => {
    expect(await procedureOf('Adressez-vous à la', 'sous-', 'préfecture de', 'Bayeux.')).toBe('Adressez-vous à la sous-préfecture de Bayeux.');
  });
});
