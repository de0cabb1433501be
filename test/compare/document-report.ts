import type { DocumentReport, FormReport } from '../../src/report/schema.js';

/** A document as the report gives it: a PDF the page links, unchanged since the baseline; `o` says what differs. */
export function documentReport(o: Partial<DocumentReport> = {}): DocumentReport {
  return {
    url: 'https://www.calvados.gouv.fr/content/download/1/dossier-aes.pdf',
    title: 'Dossier de demande AES',
    citedBy: 'page',
    status: 'unchanged',
    reason: null,
    detail: null,
    format: 'PDF',
    size: '524 Ko',
    date: null,
    previous: null,
    httpStatus: 200,
    bytes: 1000,
    contentType: 'application/pdf',
    sha256: null,
    read: 'text',
    diffFromBaseline: null,
    snapshotPath: null,
    ...o,
  };
}

/** A démarches-simplifiées form the guide relies on, found closed; `o` says what differs. */
export function formReport(o: Partial<FormReport> = {}): FormReport {
  return {
    url: 'https://www.demarches-simplifiees.fr/commencer/aes-calvados',
    service: 'demarches-simplifiees',
    id: 'aes-calvados',
    citedBy: 'guide',
    state: 'closed',
    sentence: 'Cette démarche est close',
    httpStatus: 200,
    finalUrl: null,
    ...o,
  };
}
