import { describe, expect, it } from 'vitest';
import { findDocuments } from '../../src/facts/document.js';

/** Document titles and details as the DSFR and eZ Publish templates print them. */
describe('document titles and details', () => {
  it('prints a title with its spaces collapsed', () => {
    expect(findDocuments('Dossier  de   demande AES (format pdf - 524 ko)', []).map((d) => d.value)).toEqual(['Dossier de demande AES']);
  });

  it('gives a document the file link whose text starts with its title, details after it', () => {
    const links = [{ text: 'Dossier de demande AES (format pdf - 524 ko)', href: 'https://www.calvados.gouv.fr/aes.pdf' }];
    expect(findDocuments('Dossier de demande AES PDF - 524 Ko', links)[0]?.href).toBe('https://www.calvados.gouv.fr/aes.pdf');
    const other = [{ text: 'Notice du Dossier de demande AES', href: 'https://www.calvados.gouv.fr/notice.pdf' }];
    expect(findDocuments('Dossier de demande AES PDF - 524 Ko', other)[0]?.href).toBeNull();
  });

  it('reads a DSFR detail before and after an eZ Publish one on the same line', () => {
    const found = findDocuments('Notice PDF - 12 Ko ; Dossier AES (format pdf - 524 ko) ; Liste des pièces PDF - 80 Ko', []);
    expect(found.map((d) => d.size).sort()).toEqual(['12 Ko', '524 ko', '80 Ko']);
  });

  it('reads an upper-case eZ Publish detail in a link text', () => {
    const links = [{ text: 'Dossier de demande AES (PDF - 524 Ko - 25/10/2022)', href: 'https://www.calvados.gouv.fr/aes.pdf' }];
    expect(findDocuments('', links)).toEqual([
      { kind: 'document', value: 'Dossier de demande AES', format: 'pdf', size: '524 Ko', date: '2022-10-25', href: 'https://www.calvados.gouv.fr/aes.pdf' },
    ]);
  });
});
