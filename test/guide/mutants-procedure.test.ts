import { describe, expect, it } from 'vitest';
import { entryOf, parseSection, itEach } from './guide-text.js';

/** The procedure read from a section whose reproduced text is `lines` ('1 / 4' is a page number: a page break). */
async function procedureOf(...lines: string[]): Promise<string> {
  return (await entryOf({ reproduced: ['Les modalités sont reproduites ici :', '', ...lines] })).procedure;
}
const BREAK = '2 / 4';

describe('lines the PDF broke mid-sentence are rejoined', () => {
  itEach([
    [['Envoyez votre dossier complet', 'par courrier.'], 'Envoyez votre dossier complet par courrier.'],
    [['Envoyez votre dossier', 'à la préfecture.'], 'Envoyez votre dossier à la préfecture.'],
    [['Envoyez votre dossier', 'complet - avec les pièces.'], 'Envoyez votre dossier complet - avec les pièces.'],
    [['Envoyez votre dossier à la', 'Préfecture du Calvados.'], 'Envoyez votre dossier à la Préfecture du Calvados.'],
    [["Envoyez votre dossier à l'", 'Office français de l’immigration.'], "Envoyez votre dossier à l' Office français de l’immigration."],
    [['Adressez-vous au bureau d’', 'Accueil des étrangers.'], 'Adressez-vous au bureau d’ Accueil des étrangers.'],
    [['Envoyez votre dossier à Saint-', 'Lô.'], 'Envoyez votre dossier à Saint-Lô.'],
    [['Envoyez votre dossier à la pré-', 'fecture.'], 'Envoyez votre dossier à la pré-fecture.'],
    [['Envoyez votre dossier à la sous-préfecture de', 'Bayeux.'], 'Envoyez votre dossier à la sous-préfecture de Bayeux.'],
    [['Envoyez le dossier à M. le', 'préfet.'], 'Envoyez le dossier à M. le préfet.'],
    [['Envoyez', 'votre', 'dossier.'], 'Envoyez votre dossier.'],
    [['à envoyer par courrier.'], 'à envoyer par courrier.'],
  ])('%j → %j', async (lines, procedure) => {
    expect(await procedureOf(...lines)).toBe(procedure);
  });
});

describe('lines that stay on their own', () => {
  itEach([
    [['Préfecture du Calvados', 'Bureau des étrangers', '14000 CAEN']],
    [['Préfecture de Saint-Lô', 'Bureau des étrangers']],
    [['Envoyez votre dossier.', 'ensuite, attendez la réponse.']],
    [['Envoyez votre dossier :', 'la préfecture vous répondra.']],
    [['**Attention.**', 'les dossiers incomplets sont renvoyés.']],
    [['Joignez à votre dossier les', '- passeport ;', '* acte de naissance ;', '• justificatif de domicile ;']],
    [['Joignez à votre dossier les', '1. passeport ;', '12. acte de naissance ;', '3) justificatif de domicile ;']],
    [['Suivez les étapes dans la', 'Étape 1 : la demande en ligne', 'Étape  2 : le rendez-vous']],
  ])('%j', async (lines) => {
    expect(await procedureOf(...lines)).toBe(lines.join('\n'));
  });

  it('takes "-word" for a word, not a list item', async () => {
    expect(await procedureOf('Joignez à votre dossier les', '-photocopies.')).toBe('Joignez à votre dossier les -photocopies.');
  });
});

describe('paragraphs', () => {
  it('keeps paragraphs apart with one blank line, however many blank lines the guide has', async () => {
    expect(await procedureOf('Envoyez votre dossier.', '', '', 'Attendez la réponse.')).toBe('Envoyez votre dossier.\n\nAttendez la réponse.');
  });

  it('does not join two paragraphs a blank line separates, even when the first seems cut', async () => {
    expect(await procedureOf('Envoyez votre dossier à la', '', 'préfecture.')).toBe('Envoyez votre dossier à la\n\npréfecture.');
  });

  it('does not join across a blank line that follows a paragraph continued over a page break', async () => {
    expect(await procedureOf('Joignez le', BREAK, 'passeport.', '', 'Envoyez votre dossier à la', '', 'préfecture.')).toBe(
      'Joignez le passeport.\n\nEnvoyez votre dossier à la\n\npréfecture.',
    );
  });

  itEach([
    [['Envoyez votre dossier', BREAK, 'par courrier.'], 'Envoyez votre dossier par courrier.'],
    [['Envoyez votre dossier à la', BREAK, 'Préfecture du Calvados.'], 'Envoyez votre dossier à la Préfecture du Calvados.'],
    [['Envoyez votre dossier complet', BREAK, 'à la préfecture', 'du Calvados.'], 'Envoyez votre dossier complet à la préfecture du Calvados.'],
    [['Préfecture du Calvados', 'Bureau des étrangers', 'Envoyez votre dossier à la', BREAK, 'Préfecture.'], 'Préfecture du Calvados\nBureau des étrangers\nEnvoyez votre dossier à la Préfecture.'],
    [['Envoyez votre dossier à Saint-', BREAK, 'Lô.'], 'Envoyez votre dossier à Saint-Lô.'],
  ])('rejoins a sentence cut by a page break: %j', async (lines, procedure) => {
    expect(await procedureOf(...lines)).toBe(procedure);
  });

  itEach([
    [['Envoyez votre dossier.', BREAK, 'Attendez la réponse.']],
    [['Adressez-vous au bureau', BREAK, 'Rendez-vous sur place.']],
    [['Joignez à votre dossier les', BREAK, '- passeport ;']],
  ])('keeps a paragraph break at a page break where the sentence ended: %j', async (lines) => {
    expect(await procedureOf(...lines)).toBe(lines.filter((l) => l !== BREAK).join('\n\n'));
  });

  it('reads a procedure that starts after a page break', async () => {
    expect(await procedureOf(BREAK, 'envoyez votre dossier.')).toBe('envoyez votre dossier.');
  });
});

describe('links the PDF lost', () => {
  itEach([
    ["Consultez le site de l'[ANEF](#).", "Consultez le site de l'ANEF."],
    ["Consultez le site de l'[ANEF]().", "Consultez le site de l'ANEF."],
    ['Prenez [rendez-vous en ligne](#) puis [envoyez](#) le dossier.', 'Prenez rendez-vous en ligne puis envoyez le dossier.'],
    ['Consultez [le site](https://www.calvados.gouv.fr/aes).', 'Consultez [le site](https://www.calvados.gouv.fr/aes).'],
  ])('%s → %s', async (line, procedure) => {
    expect(await procedureOf(line)).toBe(procedure);
  });

  it('reports a procedure that is only blank lines and page numbers as empty', async () => {
    const { messages, problems } = await parseSection({ reproduced: ['Les modalités sont reproduites ici :', '', BREAK, ''] });
    expect(messages).toEqual(['Calvados (14): the reproduced procedure is empty (truncated section?)']);
    expect(problems[0]?.line).toBe(12);
  });
});
