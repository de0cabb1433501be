import { findAddresses } from '../facts/address.js';
import { isFileHref } from '../facts/document.js';
import type { Fact, FactOf } from '../facts/fact.js';
import { factKey, placeKey } from '../facts/key.js';
import { REVIEW, marker, sendsElsewhere } from './review.js';

/** The procedure as the guide reproduces it: paragraphs of lines, review markers in place. */
export interface ProcedureText {
  paragraphs: string[][];
  needsReview: string[];
}

const MD_LINK = /\[([^\]]*)\]\(([^)\s]+)\)/g;

function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "Dossier de demande AES (format pdf - 524,1 ko - 25/10/2022)", as the guide prints a download. */
function documentLine(doc: FactOf<'document'>, href: string): string {
  if (!doc.size) return `${doc.value} : <${href}>`;
  const detail = [`format ${doc.format ?? 'pdf'}`, doc.size.replace(/\s+/g, ' ').toLowerCase(), ...(doc.date ? [frenchDate(doc.date)] : [])];
  return `${doc.value} (${detail.join(' - ')})`;
}

interface LineContext {
  documents: FactOf<'document'>[];
  pageHost: string | null;
  elsewhere: boolean;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** An old template's "(format pdf - 120 ko - 15/01/2021)" printed right after a link. */
const DETAIL_AFTER = /^\s*\(\s*(?:format\s+)?[a-z]{2,4}\s*[-–][^)]*\)/iu;

/**
 * Markdown links as the guide writes them: plain text, `<url>` targets, and
 * downloads with their detail. A download named inside a sentence is listed on
 * a line of its own after it, so its title is the link's, not the sentence's.
 */
function unlink(line: string, context: LineContext): { text: string; documents: string[] } {
  const documents: string[] = [];
  const standalone = line.replace(MD_LINK, '').replace(DETAIL_AFTER, '').replace(/^[-*•\s]+|[\s.;:]+$/g, '') === '';
  let text = '';
  let last = 0;
  for (const m of line.matchAll(MD_LINK)) {
    const [whole, rawLabel = '', href = ''] = m;
    const label = rawLabel.trim();
    let replacement: string;
    let end = m.index + whole.length;
    const doc = isFileHref(href) ? context.documents.find((d) => d.href === href) : undefined;
    if (/^mailto:/i.test(href)) {
      const address = decodeURIComponent(href.slice(7).split('?')[0] ?? '');
      replacement = label.toLowerCase().includes(address.toLowerCase()) ? label : `${label} (${address})`;
    } else if (!/^https?:\/\//i.test(href)) replacement = label;
    else if (doc) {
      const detail = DETAIL_AFTER.exec(line.slice(end));
      if (detail) end += detail[0].length;
      if (standalone) replacement = documentLine(doc, href);
      else {
        replacement = label;
        documents.push(`- ${documentLine(doc, href)}`);
      }
    } else {
      if (hostOf(href) === context.pageHost && sendsElsewhere(label) && !isFileHref(href)) context.elsewhere = true;
      replacement = label === '' || label === href || /^https?:\/\//i.test(label) ? `<${href}>` : `${label} (<${href}>)`;
    }
    text += line.slice(last, m.index) + replacement;
    last = end;
  }
  return { text: text + line.slice(last), documents };
}

/** Markdown to the guide's plain text: headings lose their marks, `_em_` becomes `*em*`, quotes lose `>`. */
function plain(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/^>\s?/, '')
    .replace(/(^|[\s(])_(\S(?:[^_]*\S)?)_(?=$|[\s).,;:!?])/gu, '$1*$2*')
    .replace(/\s+$/, '');
}

type Split = { kind: 'kept' } | { kind: 'split'; lines: string[] } | { kind: 'unsplit' };

/** Splits "…suivante : Préfecture X, 7 rue Y, CS 1 - 76036 ROUEN CEDEX" into one line per address part. */
function splitAddress(line: string): Split {
  const found = findAddresses(line)[0];
  if (!found) return { kind: 'kept' };
  const bullet = /^(?:[-*•]|\d{1,2}[.)])\s+/.exec(line)?.[0] ?? '';
  const body = line.slice(bullet.length);
  // Only the postcode line on this line: the address is already one part per line.
  if (found.value.startsWith(found.postcode)) return { kind: 'kept' };
  const at = body.search(new RegExp(`(?<!\\d)${found.postcode}\\s`));
  const lastPart = found.value.slice(found.value.lastIndexOf(`${found.postcode} `));
  const partsText = found.value.slice(0, found.value.length - lastPart.length).replace(/,\s*$/, '');
  const parts: string[] = [];
  for (const part of partsText.split(', ').filter(Boolean)) {
    const last = parts[parts.length - 1];
    if (last !== undefined && /^\d{1,4}(?:\s*(?:bis|ter))?$/iu.test(last)) parts[parts.length - 1] = `${last}, ${part}`;
    else parts.push(part);
  }
  const firstPart = parts[0] ?? lastPart;
  const start = body.indexOf(firstPart);
  if (start < 0 || at < 0) return { kind: 'unsplit' };
  const intro = body.slice(0, start).replace(/[\s,;–-]+$/u, '').trim();
  const after = body.slice(at + lastPart.length).replace(/^[\s.,;]+/u, '').trim();
  // A second address on the same line: no way to tell which words belong to which.
  if (/(?<!\d)\d{5}(?!\d)/.test(after)) return { kind: 'unsplit' };
  const lines = [...(intro ? [intro] : []), ...parts, lastPart, ...(after ? [after] : [])];
  lines[0] = `${bullet}${lines[0] ?? ''}`;
  // Only a split that reads back as the very same address is kept.
  const again = findAddresses(lines.join('\n')).find((a) => a.postcode === found.postcode);
  if (!again || factKey(again) !== factKey(found)) return { kind: 'unsplit' };
  return { kind: 'split', lines };
}

/**
 * The page's extracted procedure (Markdown) as guide text. The page title is
 * dropped (the guide has its own header), headings become plain lines, and
 * postal addresses are written one line per part.
 */
export function procedureText(markdown: string, pageFacts: Fact[], pageUrl: string): ProcedureText {
  const context: LineContext = {
    documents: pageFacts.filter((f): f is FactOf<'document'> => f.kind === 'document'),
    pageHost: hostOf(pageUrl),
    elsewhere: false,
  };
  const needsReview: string[] = [];
  const review = (text: string): string => {
    if (!needsReview.includes(text)) needsReview.push(text);
    return marker(text);
  };
  const paragraphs: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current);
    current = [];
  };
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const title = lines.findIndex((l) => /^#\s/.test(l));
  const addresses = new Set<string>();
  lines.forEach((raw, index) => {
    if (index === title) return; // the page's h1: the guide has its own header
    if (raw.trim() === '') return flush();
    if (/^#{1,6}\s/.test(raw)) flush();
    context.elsewhere = false;
    const linked = unlink(raw, context);
    const line = plain(linked.text);
    if (line.trim() === '') return;
    const split = splitAddress(line);
    const own = split.kind === 'split' ? split.lines : [line];
    const fresh = findAddresses(own.join('\n')).map(placeKey).filter((key) => !addresses.has(key));
    // Before the paragraph that holds the second address, which stays whole.
    if (fresh.length > 0 && addresses.size > 0) paragraphs.push([review(REVIEW.twoAddresses)]);
    fresh.forEach((key) => addresses.add(key));
    if (split.kind === 'unsplit') {
      flush();
      paragraphs.push([review(REVIEW.unsplitAddress)]);
    }
    current.push(...own, ...linked.documents);
    if (/^#{1,6}\s/.test(raw)) flush();
    if (context.elsewhere) {
      flush();
      paragraphs.push([review(REVIEW.otherPage)]);
    }
  });
  flush();
  return { paragraphs, needsReview };
}
