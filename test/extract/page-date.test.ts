import { describe, expect, it } from 'vitest';
import { extractProcedure } from '../../src/extract/extract.js';
import { dateStatements, isDateLine, pageDateOf, pickPageDate } from '../../src/extract/page-date.js';

const FILLER =
  '<p>Les demandes d\'admission exceptionnelle au séjour sont instruites sur dossier complet. ' +
  'Envoyez votre dossier par courrier recommandé avec accusé de réception à la préfecture, ' +
  'en joignant toutes les pièces justificatives de votre situation personnelle et professionnelle.</p>';

function pageDate(header: string, body = FILLER): string | null {
  const html = `<html><body><main><h1>Admission exceptionnelle au séjour</h1>${header}${body}</main></body></html>`;
  const result = extractProcedure(html, { baseUrl: 'https://www.orne.gouv.fr/Demarches/AES' });
  if (result.kind !== 'extracted') throw new Error(`${result.reason}: ${result.detail}`);
  return result.pageUpdated;
}

describe('date statements', () => {
  it.each([
    ['Mis à jour le 14/03/2023', 'updated', '2023-03-14'],
    ['Mise à jour le 02/02/2021', 'updated', '2021-02-02'],
    ['Mis à jour le 03/04/2025 à 10:12', 'updated', '2025-04-03'],
    ['Mis à jour le 3/4/2025 à 10h12', 'updated', '2025-04-03'],
    ['Publié le 17/06/2019', 'published', '2019-06-17'],
    ['Vérifié le 12 mars 2025', 'verified', '2025-03-12'],
    ['Vérifié le 1er février 2024 - Direction de l\'information légale et administrative (Premier ministre)', 'verified', '2024-02-01'],
    ['Mis à jour le 15 août 2023', 'updated', '2023-08-15'],
    ['Dernière mise à jour : 22/02/2023', 'updated', '2023-02-22'],
    ['MIS À JOUR LE 05 DÉCEMBRE 2022', 'updated', '2022-12-05'],
  ])('%s', (line, kind, date) => {
    expect(isDateLine(line)).toBe(true);
    expect(dateStatements(line)).toEqual([{ kind, date }]);
  });

  it('reads every statement of a line', () => {
    expect(dateStatements('Publié le 12/01/2021 | Mis à jour le 14/03/2023')).toEqual([
      { kind: 'published', date: '2021-01-12' },
      { kind: 'updated', date: '2023-03-14' },
    ]);
  });

  it('ignores dates that do not exist', () => {
    expect(dateStatements('Mis à jour le 31/02/2023')).toEqual([]);
    expect(dateStatements('Mis à jour le 30 février 2023')).toEqual([]);
  });

  it('does not take a sentence that mentions a date for the date stamp', () => {
    expect(isDateLine('Le formulaire, mis à jour le 12/01/2024, remplace le précédent.')).toBe(false);
    expect(isDateLine(`Mis à jour le 12/01/2024 ${'et encore du texte de procédure '.repeat(6)}`)).toBe(false);
  });
});

describe('choosing the page date', () => {
  it('prefers a modification over a later review stamp, and a review over publication', () => {
    expect(
      pickPageDate([
        { kind: 'published', date: '2025-06-01' },
        { kind: 'verified', date: '2025-03-12' },
        { kind: 'updated', date: '2023-03-14' },
      ]),
    ).toBe('2023-03-14');
    expect(pickPageDate([{ kind: 'published', date: '2019-06-17' }, { kind: 'verified', date: '2025-03-12' }])).toBe('2025-03-12');
    expect(pickPageDate([{ kind: 'published', date: '2019-06-17' }])).toBe('2019-06-17');
    expect(pickPageDate([])).toBeNull();
  });

  it('takes the latest of several modifications', () => {
    expect(pickPageDate([{ kind: 'updated', date: '2023-03-14' }, { kind: 'updated', date: '2024-01-02' }])).toBe('2024-01-02');
  });

  it('prefers the date under the title to a date line further down', () => {
    const lines = ['# Titre', 'Mis à jour le 14/03/2023', 'a', 'b', 'c', 'd', 'e', 'Mis à jour le 01/01/2025'];
    expect(pageDateOf(lines)).toBe('2023-03-14');
  });

  it('falls back to any date line when none stands near the title', () => {
    const lines = ['# Titre', 'a', 'b', 'c', 'd', 'e', 'Publié le 01/01/2020'];
    expect(pageDateOf(lines)).toBe('2020-01-01');
    expect(pageDateOf(['# Titre', 'pas de date'])).toBeNull();
  });
});

describe('the page date through extraction', () => {
  it('reads it under the h1 and returns ISO', () => {
    expect(pageDate('<p class="fr-text--sm">Mis à jour le 03/04/2025 à 10:12</p>')).toBe('2025-04-03');
  });

  it('reads a worded date with "1er"', () => {
    expect(pageDate('<p>Vérifié le 1er mars 2025</p>')).toBe('2025-03-01');
  });

  it('reads publication and update stamps given together', () => {
    expect(pageDate('<p><span>Publié le 12/01/2021</span> - <span>Mis à jour le 14/03/2023</span></p>')).toBe('2023-03-14');
  });

  it('is null when the page states no date', () => {
    expect(pageDate('')).toBeNull();
  });

  it('finds the date next to an h1 left outside a narrow selector', () => {
    const html = `<html><body><main><div class="head"><h1>AES</h1><p>Mis à jour le 14/03/2023</p></div>
      <div class="corps">${FILLER}${FILLER}</div></main></body></html>`;
    const result = extractProcedure(html, { baseUrl: 'https://www.orne.gouv.fr/x', selector: '.corps' });
    expect(result.kind === 'extracted' && result.pageUpdated).toBe('2023-03-14');
  });
});
