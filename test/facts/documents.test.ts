import { describe, expect, it } from 'vitest';
import { findDocuments } from '../../src/facts/document.js';

const doc = (value: string, format: string | null, size: string | null, date: string | null, href: string | null) => ({ kind: 'document', value, format, size, date, href });

describe('findDocuments', () => {
  it('reads a list item with emphasis and a colon before the detail', () => {
    expect(findDocuments('- **Dossier de demande** : PDF - 80 Ko', [])).toEqual([doc('Dossier de demande', 'pdf', '80 Ko', null, null)]);
  });

  it('titles a detail on its own line with the nearest non-blank line above, and drops an untitled one', () => {
    expect(findDocuments('Formulaire AES\n\n\nPDF - 312,5 Ko - 03/01/2023', [])).toEqual([doc('Formulaire AES', 'pdf', '312,5 Ko', '2023-01-03', null)]);
    expect(findDocuments('PDF - 312,5 Ko', [])).toEqual([]);
  });

  it('reads a Markdown link title without its target', () => {
    expect(findDocuments('[Liste des pièces](https://x.fr/l.pdf) PDF - 80 Ko', [])).toEqual([doc('Liste des pièces', 'pdf', '80 Ko', null, null)]);
  });

  it('reads two documents on one line once each', () => {
    const found = findDocuments('Dossier AES (format pdf - 524 ko - 25/10/2022) Notice (format pdf - 80 ko)', []);
    expect(found.map((d) => [d.size, d.date])).toEqual([
      ['524 ko', '2022-10-25'],
      ['80 ko', null],
    ]);
  });

  it('reads file links, with their detail, or their extension, and skips other links and untitled ones', () => {
    const links = [
      { text: 'Dossier de demande AES PDF - 524 Ko', href: 'https://x.fr/a.pdf' },
      { text: 'Notice (format pdf - 80 ko - 02/01/2023)', href: 'https://x.fr/n.pdf' },
      { text: 'Formulaire', href: 'https://x.fr/f.docx?v=2' },
      { text: 'Téléchargement', href: 'https://x.fr/content/download/12/file' },
      { text: '[PDF - 80 Ko]', href: 'https://x.fr/e.pdf' },
      { text: 'La page', href: 'https://x.fr/page' },
    ];
    expect(findDocuments('Voir les pièces.', links)).toEqual([
      doc('Dossier de demande AES', 'pdf', '524 Ko', null, 'https://x.fr/a.pdf'),
      doc('Notice', 'pdf', '80 ko', '2023-01-02', 'https://x.fr/n.pdf'),
      doc('Formulaire', 'docx', null, null, 'https://x.fr/f.docx?v=2'),
      doc('Téléchargement', null, null, null, 'https://x.fr/content/download/12/file'),
    ]);
  });

  it('gives a document in the text the href of the file link with its title, not of a page link', () => {
    const links = [
      { text: 'Dossier de demande AES', href: 'https://x.fr/page' },
      { text: 'Dossier de demande AES', href: 'https://x.fr/a.pdf' },
    ];
    expect(findDocuments('Dossier de demande AES (format pdf - 524 ko)', links)[0]).toEqual(doc('Dossier de demande AES', 'pdf', '524 ko', null, 'https://x.fr/a.pdf'));
    expect(findDocuments('Dossier (format pdf - 524 ko)', [{ text: 'Autre dossier', href: 'https://x.fr/b.pdf' }])[0]?.href).toBeNull();
  });
});
