import { describe, expect, it } from 'vitest';
import { entryOf } from './guide-text.js';

describe('source lines whose citations the editor forgot to space', () => {
  it('reads a bare URL glued to the end of a <…> citation or of a Markdown link', async () => {
    const entry = await entryOf({
      consult: [
        'Les modalités sont consultables ici<https://www.calvados.gouv.fr/aes>https://www.calvados.gouv.fr/aes-pieces',
        'et sur [la page des formulaires](https://www.calvados.gouv.fr/formulaires)https://www.calvados.gouv.fr/aes-formulaire',
      ],
    });
    expect(entry.sources.map((s) => s.url)).toEqual([
      'https://www.calvados.gouv.fr/aes',
      'https://www.calvados.gouv.fr/aes-pieces',
      'https://www.calvados.gouv.fr/formulaires',
      'https://www.calvados.gouv.fr/aes-formulaire',
    ]);
  });
});
