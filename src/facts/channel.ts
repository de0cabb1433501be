import type { Channel, FactOf } from './fact.js';
import { normaliseForMatch } from './normalise.js';
import { findUrls, urlRole } from './url.js';
import {
  ADDRESS_FOLLOWS,
  BOOKING,
  CONTACT,
  FILING_NOUN,
  FILING_VERB,
  MEANS,
  NEGATION,
  NOT_ONLINE_FILING,
  OTHER_ACTION,
  RECEIVING,
  STARTS_WITH_MEANS,
} from './channel-wording.js';

type Known = Exclude<Channel, 'unknown'>;

const EMAIL = /[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;
const MD_LINK_HREF = /\]\(([^)\s]+)\)/g;
const POSTAL_ADDRESS = /(?<!\d)\d{5} +\p{Lu}|\b(?:CS|BP|TSA) ?\d/u;
/** Sentences end at . ! ? ; followed by a space and no lower-case letter (emails and URLs keep their dots). */
const SENTENCE_END = /(?<=[.!?;])\s+(?!\p{Ll})/u;
/** After "… à l'adresse suivante :", the address block that follows says where the file goes. */
const MAX_FOLLOWING_LINES = 6;
const MAX_BLOCK_LINE = 80;
/** The postcode and city line closes an address block. */
const POSTAL_ADDRESS_END = /(?<!\d)\d{5} +\p{Lu}/u;
const ORDER: Known[] = ['postal', 'online', 'appointment', 'in-person'];

/** What one sentence says about filing. */
interface Reading {
  filing: boolean;
  means: Set<Known>;
  booking: boolean;
  /** A channel word was there, in a sentence we could not attribute to the filing. */
  mentioned: boolean;
}

function plainLine(line: string): string {
  return line
    .replace(/^\s*(?:#{1,6}\s+|[-*•]\s+|\d{1,2}[.)]\s+|>\s*)/u, '')
    .replace(/\*\*|__|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)/g, '')
    .trim();
}

/** The roles of the links in `text`, and the text with links and emails blanked out for wording checks. */
function split(text: string): { roles: string[]; emails: boolean; words: string } {
  const hrefs = [...text.matchAll(MD_LINK_HREF)].map((m) => m[1] ?? '');
  const urls = [...findUrls(text), ...hrefs];
  const emails = EMAIL.test(text) || hrefs.some((h) => /^mailto:/i.test(h));
  EMAIL.lastIndex = 0;
  let words = text.replace(/\]\([^)]*\)/g, '] ').replace(EMAIL, ' ');
  for (const url of findUrls(words)) words = words.replace(url, ' ');
  return { roles: urls.map(urlRole), emails, words: normaliseForMatch(words) };
}

function without(text: string, patterns: RegExp[]): string {
  return patterns.reduce((t, re) => t.replace(re, ' '), text);
}

/** The clauses of a sentence that assert something: receiving clauses and denials dropped. */
function assertingClauses(words: string): string {
  return without(words, RECEIVING)
    .split(/[,;]/)
    .filter((clause) => !NEGATION.test(clause))
    .join(',');
}

function read(sentence: string, following: string): Reading {
  const own = split(sentence);
  const reading: Reading = { filing: false, means: new Set(), booking: own.roles.includes('appointment'), mentioned: false };
  if (CONTACT.test(own.words)) return reading;
  const clauses = assertingClauses(own.words);
  const withoutBooking = clauses.replace(new RegExp(BOOKING.source, 'g'), ' ');
  reading.booking ||= BOOKING.test(clauses);
  reading.filing =
    STARTS_WITH_MEANS.test(own.words) ||
    FILING_VERB.test(withoutBooking) ||
    (FILING_NOUN.test(withoutBooking) && !OTHER_ACTION.test(withoutBooking));
  const wording = NOT_ONLINE_FILING.reduce((t, [re, keep]) => t.replace(re, keep), clauses);
  const named = MEANS.filter(([, re]) => re.test(wording)).map(([channel]) => channel);
  if (!reading.filing) {
    reading.mentioned = named.length > 0;
    return reading;
  }
  const next = ADDRESS_FOLLOWS.test(clauses) || /:$/.test(sentence) ? split(following) : null;
  const emails = own.emails || (next?.emails ?? false);
  for (const channel of named) reading.means.add(channel);
  if (own.roles.includes('online-procedure') || next?.roles.includes('online-procedure') || emails) reading.means.add('online');
  const addressNamed = ADDRESS_FOLLOWS.test(clauses) || POSTAL_ADDRESS.test(sentence) || (next !== null && POSTAL_ADDRESS.test(following));
  // An address alone says post only when nothing else says how: "prenez rendez-vous … à la préfecture, 2 rue …" is not.
  if (!emails && named.length === 0 && addressNamed) reading.means.add('postal');
  if (reading.means.has('appointment')) reading.means.delete('in-person'); // at the counter, by appointment
  return reading;
}

/** The short lines after a lead such as "à l'adresse suivante :", up to the end of the address. */
function block(lines: string[]): string[] {
  const taken: string[] = [];
  for (const line of lines) {
    if (line === '') continue;
    if (taken.length >= MAX_FOLLOWING_LINES || line.length > MAX_BLOCK_LINE || /[.!?]$/.test(line)) break;
    taken.push(line);
    if (POSTAL_ADDRESS_END.test(line)) break;
  }
  return taken;
}

/** Each sentence of the text, with the lines that follow it when it ends a line. */
function* sentences(text: string): Generator<{ sentence: string; following: string }> {
  const lines = text.split('\n').map(plainLine);
  for (let i = 0; i < lines.length; i++) {
    const parts = (lines[i] ?? '').split(SENTENCE_END).filter(Boolean);
    const following = block(lines.slice(i + 1)).join('\n');
    for (let j = 0; j < parts.length; j++) yield { sentence: parts[j] ?? '', following: j === parts.length - 1 ? following : '' };
  }
}

/**
 * The channels by which the text says the request is filed, read from the
 * sentences that say how it is submitted (verbs and their objects), not from any
 * "en ligne" or "email": a booking made online is an appointment, a form filled
 * online then posted is postal, a convocation sent by email is no channel.
 * An online-procedure link (démarches-simplifiées, ANEF) is itself where the file
 * goes. A booking with nothing else says appointment. When the text talks of
 * filing or of channels but says none clearly, the channel is `unknown`.
 */
export function findChannels(text: string, urlRoles: string[]): FactOf<'channel'>[] {
  const found = new Set<Known>();
  if (urlRoles.includes('online-procedure')) found.add('online');
  let booking = urlRoles.includes('appointment');
  let unclear = false;
  let weakOnline = false;
  for (const { sentence, following } of sentences(text)) {
    const reading = read(sentence, following);
    booking ||= reading.booking;
    for (const channel of ORDER.filter((c) => reading.means.has(c))) found.add(channel);
    if (reading.filing && reading.means.size === 0) unclear = true;
    if (reading.mentioned) {
      unclear = true;
      weakOnline ||= /\bdemarches?[- ]simplifiees\b|\bdemarche\.numerique\b/.test(normaliseForMatch(sentence));
    }
  }
  if (found.has('in-person') && (found.has('appointment') || booking)) {
    found.delete('in-person');
    found.add('appointment');
  }
  let channels: Channel[] = [...found];
  if (channels.length === 0) {
    if (booking) channels.push('appointment');
    if (weakOnline) channels.push('online');
    if (channels.length === 0 && unclear) channels = ['unknown'];
  }
  return channels.map((value) => ({ kind: 'channel', value }));
}
