import { describe, expect, it } from 'vitest';
import { documentReasons, formReasons, maskDocumentDetails, onlyDocumentDetailsDiffer } from '../../src/compare/linked.js';
import { documentReport, formReport } from './document-report.js';

const DOSSIER = 'https://www.calvados.gouv.fr/content/download/1/dossier-aes.pdf';
const NOTICE = 'https://www.calvados.gouv.fr/content/download/2/notice.pdf';

/** A page's procedure as extracted, with its document links in Markdown. */
const procedure = (dossierDetail: string, noticeDetail = 'PDF - 80 Ko - 02/01/2023') => `Envoyez votre demande par courrier.

[Dossier de demande AES ${dossierDetail}](${DOSSIER})

[Notice explicative ${noticeDetail}](${NOTICE})

Joignez la copie de votre passeport.`;

describe('onlyDocumentDetailsDiffer', () => {
  it('ignores a new printed size and date of a document whose text did not change', () => {
    expect(onlyDocumentDetailsDiffer(procedure('PDF - 524,1 Ko - 25/10/2022'), procedure('PDF - 530 Ko - 01/02/2024'), [DOSSIER])).toBe(true);
  });

  it.each([
    ['the eZ Publish style', '(format pdf - 524.1 ko - 25/10/2022)', '(format pdf - 530 ko - 1/2/2024)'],
    ['a Word document', 'DOCX - 24 Ko', 'DOC - 31 Ko'],
    ['an OpenDocument sheet, size in octets', 'ODS – 812 octets', 'ODS – 1024 octets'],
    ['an XLS sheet in megabytes', 'XLS - 1,2 Mo - 01/03/2023', 'XLSX - 1,3 Mo - 02/03/2023'],
    ['a JPG in kibibytes', 'JPG - 120 KiB', 'JPEG - 121 KiB'],
    ['a size with no space before the unit', 'PDF-524Ko', 'PDF-530Ko'],
    ['a missing date on one side', 'PDF - 524 Ko', 'PDF - 530 Ko - 01/02/2024'],
    ['an uppercase format word', '(Format PDF - 524 Ko)', '(Format PDF - 530 Ko)'],
  ])('ignores detail changes in %s', (_name, before, after) => {
    expect(onlyDocumentDetailsDiffer(procedure(before), procedure(after), [DOSSIER])).toBe(true);
  });

  it('ignores detail changes of several unchanged documents at once', () => {
    expect(onlyDocumentDetailsDiffer(procedure('PDF - 524 Ko', 'PDF - 80 Ko'), procedure('PDF - 530 Ko', 'PDF - 82 Ko'), [DOSSIER, NOTICE])).toBe(true);
  });

  it('sees a change in a document whose text changed too', () => {
    expect(onlyDocumentDetailsDiffer(procedure('PDF - 524 Ko'), procedure('PDF - 530 Ko'), [NOTICE])).toBe(false);
  });

  it('sees a change when no document is known unchanged', () => {
    expect(onlyDocumentDetailsDiffer(procedure('PDF - 524 Ko'), procedure('PDF - 530 Ko'), [])).toBe(false);
  });

  it('sees a change of the procedure next to the detail change', () => {
    const current = procedure('PDF - 530 Ko').replace('par courrier', 'en ligne');
    expect(onlyDocumentDetailsDiffer(procedure('PDF - 524 Ko'), current, [DOSSIER])).toBe(false);
  });

  it('sees a change of the document title on its link line', () => {
    const current = procedure('PDF - 530 Ko').replace('Dossier de demande AES', 'Dossier de demande de titre de séjour');
    expect(onlyDocumentDetailsDiffer(procedure('PDF - 524 Ko'), current, [DOSSIER])).toBe(false);
  });

  it('does not take a plain number in the text for a size', () => {
    const line = (n: string) => `[Dossier de demande AES - ${n} pièces à joindre](${DOSSIER})`;
    expect(onlyDocumentDetailsDiffer(line('12'), line('14'), [DOSSIER])).toBe(false);
  });

  it('does not take a format word inside another word for a format', () => {
    const line = (n: string) => `[Voir le zipcode - ${n} Ko](${DOSSIER})`;
    expect(maskDocumentDetails(line('12'), [DOSSIER])).toBe(line('12'));
  });
});

describe('maskDocumentDetails', () => {
  it('blanks the detail of the listed documents only, on their own lines', () => {
    const masked = maskDocumentDetails(procedure('PDF - 524,1 Ko - 25/10/2022'), [DOSSIER]);
    expect(masked).toContain(`[Dossier de demande AES [document detail] ](${DOSSIER})`);
    expect(masked).toContain('[Notice explicative PDF - 80 Ko - 02/01/2023]');
    expect(masked).toContain('Envoyez votre demande par courrier.\n\n[Dossier');
  });

  it('blanks the whole eZ Publish detail, parentheses included', () => {
    expect(maskDocumentDetails(`[Dossier (format pdf - 524.1 ko - 25/10/2022)](${DOSSIER})`, [DOSSIER])).toBe(`[Dossier  [document detail] ](${DOSSIER})`);
  });

  it('leaves the text alone when no document is listed', () => {
    const text = procedure('PDF - 524 Ko');
    expect(maskDocumentDetails(text, [])).toBe(text);
  });
});

describe('documentReasons', () => {
  it('says nothing of a new or unchanged document', () => {
    expect(documentReasons(documentReport({ status: 'new' }))).toEqual([]);
    expect(documentReasons(documentReport({ status: 'unchanged' }))).toEqual([]);
  });

  it('names a changed document', () => {
    expect(documentReasons(documentReport({ status: 'changed' }))).toEqual([
      { code: 'document-changed', detail: '"Dossier de demande AES" differs from the reviewed baseline', sourceUrl: DOSSIER },
    ]);
  });

  it('names a gone document with why, or just "gone"', () => {
    expect(documentReasons(documentReport({ status: 'gone', detail: 'HTTP 404' }))).toEqual([{ code: 'document-gone', detail: '"Dossier de demande AES": HTTP 404', sourceUrl: DOSSIER }]);
    expect(documentReasons(documentReport({ status: 'gone' }))).toEqual([{ code: 'document-gone', detail: '"Dossier de demande AES": gone', sourceUrl: DOSSIER }]);
  });

  it('names a failed document with its reason and detail, with fallbacks', () => {
    expect(documentReasons(documentReport({ status: 'failed', reason: 'extraction-failed', detail: 'no text layer' }))).toEqual([
      { code: 'extraction-failed', detail: '"Dossier de demande AES": no text layer', sourceUrl: DOSSIER },
    ]);
    expect(documentReasons(documentReport({ status: 'failed' }))).toEqual([{ code: 'fetch-failed', detail: '"Dossier de demande AES": failed', sourceUrl: DOSSIER }]);
  });
});

describe('formReasons', () => {
  const form = formReport;

  it('reports a closed form the guide relies on, with the sentence that says so', () => {
    expect(formReasons(form({}))).toEqual([
      { code: 'form-closed', detail: 'the online form aes-calvados is closed: Cette démarche est close', sourceUrl: 'https://www.demarches-simplifiees.fr/commencer/aes-calvados' },
    ]);
    expect(formReasons(form({ sentence: null }))[0]?.detail).toBe('the online form aes-calvados is closed: no longer accepts requests');
  });

  it('says nothing of an open or unknown form, or of a closed form only the page links', () => {
    expect(formReasons(form({ state: 'open' }))).toEqual([]);
    expect(formReasons(form({ state: 'unknown' }))).toEqual([]);
    expect(formReasons(form({ citedBy: 'page' }))).toEqual([]);
  });
});
