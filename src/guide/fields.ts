import { isoDate } from '../facts/normalise.js';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export type DateReading = { kind: 'date'; iso: string } | { kind: 'impossible'; printed: string } | { kind: 'unreadable'; printed: string };

/** "22/02/2023", "22.02.2023", "22 février 2023", "1er mars 2023". */
export function readDate(printed: string): DateReading {
  const text = printed.trim().replace(/\.$/, '');
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const worded = numeric ? null : /^(\d{1,2})(?:er)?\s+(\p{L}+)\s+(\d{4})$/u.exec(text);
  let parts: [number, number, number] | null = null;
  if (numeric) parts = [Number(numeric[3]), Number(numeric[2]), Number(numeric[1])];
  else if (worded) {
    const month = MONTHS.indexOf((worded[2] ?? '').toLowerCase().replace('fevrier', 'février').replace('aout', 'août').replace('decembre', 'décembre'));
    if (month < 0) return { kind: 'unreadable', printed: text };
    parts = [Number(worded[3]), month + 1, Number(worded[1])];
  }
  if (!parts) return { kind: 'unreadable', printed: text };
  const iso = isoDate(...parts);
  return iso ? { kind: 'date', iso } : { kind: 'impossible', printed: text };
}

/** Cities whose name starts with "Le": "Préfecture du Mans" is Le Mans. */
const LE_CITIES = new Set(['Mans', 'Puy-en-Velay']);

/** "de Caen" / "Saint-Lô" / "d'Alençon" / "du Mans" → the city. Articles are case-sensitive ("de La Rochelle"). */
export function prefectureCity(rest: string): string {
  const m = /^(?:(du|de\s+la|de\s+l['’]|des|de|d['’])\s*)?(.+)$/u.exec(rest.trim());
  const article = m?.[1] ?? '';
  const name = (m?.[2] ?? rest).trim();
  return article === 'du' && LE_CITIES.has(name) ? `Le ${name}` : name;
}

/** "Seine-Maritime" → "seine-maritime"; "Côtes-d'Armor" → "cotes-d-armor". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Splits "Bayeux, Lisieux et Vire Normandie" into names. */
export function splitNames(list: string): string[] {
  return list
    .replace(/\.$/, '')
    .split(/\s*[,;]\s*|\s+et\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
