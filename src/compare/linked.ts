import type { Reason } from './reasons.js';
import type { DocumentReport, FormReport } from './linked-schema.js';
import { compareTexts } from './text-diff.js';

/** What the linked documents and online forms of one page source were found to be. */
export type DocumentObservation = DocumentReport;
export type FormObservation = FormReport;

/** A document's link detail: "PDF - 524,1 Ko - 25/10/2022", "(format pdf - 524.1 ko - 25/10/2022)". */
const DETAIL = /\(?\s*(?:format\s+)?\b(?:pdf|docx?|odt|xlsx?|ods|rtf|zip|jpe?g|png|txt|csv)\s*[-–]\s*\d+(?:[.,]\d+)?\s*(?:[kmg]i?[ob]|octets?)\s*(?:[-–]\s*\d{1,2}\/\d{1,2}\/\d{4})?\s*\)?/giu;

/** Blanks the printed size and date of these documents' links: their text decides, not their detail. */
export function maskDocumentDetails(text: string, hrefs: string[]): string {
  if (hrefs.length === 0) return text;
  return text
    .split('\n')
    .map((line) => (hrefs.some((href) => line.includes(href)) ? line.replace(DETAIL, ' [document detail] ') : line))
    .join('\n');
}

/**
 * Whether the page's procedure differs from its baseline only in the printed
 * date or size of documents whose text did not change: that is not a change.
 */
export function onlyDocumentDetailsDiffer(baseline: string, current: string, unchangedHrefs: string[]): boolean {
  if (unchangedHrefs.length === 0) return false;
  return !compareTexts(maskDocumentDetails(baseline, unchangedHrefs), maskDocumentDetails(current, unchangedHrefs), { before: '', after: '' }).changed;
}

export function documentReasons(document: DocumentObservation): Reason[] {
  const about = { sourceUrl: document.url };
  switch (document.status) {
    case 'changed':
      return [{ code: 'document-changed', detail: `"${document.title}" differs from the reviewed baseline`, ...about }];
    case 'gone':
      return [{ code: 'document-gone', detail: `"${document.title}": ${document.detail ?? 'gone'}`, ...about }];
    case 'failed':
      return [{ code: document.reason ?? 'fetch-failed', detail: `"${document.title}": ${document.detail ?? 'failed'}`, ...about }];
    default:
      return [];
  }
}

/** Only a form the guide relies on makes the entry stale when it closes; the others are reported. */
export function formReasons(form: FormObservation): Reason[] {
  if (form.state !== 'closed' || form.citedBy !== 'guide') return [];
  return [{ code: 'form-closed', detail: `the online form ${form.id} is closed: ${form.sentence ?? 'no longer accepts requests'}`, sourceUrl: form.url }];
}
