import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/extract.js';
import { sentences } from '../../src/facts/sentences.js';

const channels = (text: string) => extractFacts(text).filter((f) => f.kind === 'channel').map((f) => f.value);

describe('sentences of lines as pages print them', () => {
  it('drops a quote mark with no space after it, and nothing more', () => {
    expect(sentences('>Envoyez votre dossier complet.').map((s) => s.sentence)).toEqual(['Envoyez votre dossier complet.']);
  });

  it('keeps dashes, numbers and marks inside a line', () => {
    expect(sentences('Joignez 2 photos - format 35 x 45 mm.').map((s) => s.sentence)).toEqual(['Joignez 2 photos - format 35 x 45 mm.']);
    expect(sentences('Voir le point 3. Il faut un passeport.').map((s) => s.sentence)).toEqual(['Voir le point 3.', 'Il faut un passeport.']);
  });

  it('gives no sentence for a blank line', () => {
    expect(sentences('Envoyez votre dossier.\n\n   \nIl faut un passeport.').map((s) => s.sentence)).toEqual(['Envoyez votre dossier.', 'Il faut un passeport.']);
  });

  it('ends the address block after its postcode and city line', () => {
    const [lead] = sentences('Envoyez votre dossier à :\nPréfecture du Calvados\n14038 CAEN CEDEX 9\nHoraires du lundi au vendredi\nAccueil fermé le mercredi');
    expect(lead?.following()).toBe('Préfecture du Calvados\n14038 CAEN CEDEX 9');
  });

  it('reads a lead ending in ":" then a Markdown hard break as a lead', () => {
    expect(channels('Envoyez votre dossier :  \nPréfecture du Calvados\nCS 30007\n14038 CAEN CEDEX 9')).toEqual(['postal']);
  });
});
