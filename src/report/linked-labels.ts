import type { Labels } from './labels.js';
import { frenchDate } from './local-time.js';
import type { DocumentReport } from './schema.js';

const sizeAndDate = (size: string | null, date: string | null) => [size, date === null ? null : frenchDate(date)].filter((part) => part !== null).join(', ');

/** "PDF, 530,2 Ko, 12/03/2025 (avant : 524,1 Ko, 25/10/2022)": the link's detail now, and at the reviewed baseline. */
export function documentDetail(document: DocumentReport, l: Labels): string {
  const now = [document.format?.toUpperCase() ?? null, sizeAndDate(document.size, document.date) || null].filter((part) => part !== null).join(', ');
  const before = document.previous ? sizeAndDate(document.previous.size, document.previous.date) : '';
  return [now, before ? l.linked.previously(before) : ''].filter(Boolean).join(' ');
}
