import type { DocumentReport, FormReport } from './schema.js';

/** Labels for documents and forms in the editors' reports (French, like the guide). */
export const DOCUMENT_STATUS_LABEL: Record<DocumentReport['status'], string> = {
  new: 'nouveau (pas encore de référence relue)',
  unchanged: 'inchangé',
  changed: 'modifié',
  gone: 'disparu',
  failed: 'illisible',
};

export const FORM_STATE_LABEL: Record<FormReport['state'], string> = {
  open: 'ouvert',
  closed: 'fermé',
  unknown: 'inconnu',
};

const sizeAndDate = (size: string | null, date: string | null) => [size, date].filter((part) => part !== null).join(', ');

/** "PDF, 530,2 Ko, 2025-03-12 (avant : 524,1 Ko, 2022-10-25)": the link's detail now, and at the reviewed baseline. */
export function documentDetail(document: DocumentReport): string {
  const now = [document.format?.toUpperCase() ?? null, sizeAndDate(document.size, document.date) || null].filter((part) => part !== null).join(', ');
  const before = document.previous ? sizeAndDate(document.previous.size, document.previous.date) : '';
  return [now, before ? `(avant : ${before})` : ''].filter(Boolean).join(' ');
}

export const citedByLabel = (citedBy: 'guide' | 'page') => (citedBy === 'guide' ? 'cité par le guide' : 'lien de la page');
