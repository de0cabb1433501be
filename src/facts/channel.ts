import type { Channel, FactOf } from './fact.js';
import { fold } from './fold.js';
import { findUrls, urlRole } from './url.js';
import { POSTCODE_CITY, sentences } from './sentences.js';
import {
  ADDRESS_FOLLOWS,
  BOOKING,
  CONTACT,
  FILING_NOUN,
  FILING_VERB,
  HOW_VERB,
  MEANS,
  NEGATION,
  NOT_ONLINE_FILING,
  OTHER_ACTION,
  OTHER_SUBJECT,
  RECEIVING,
  STARTS_WITH_MEANS,
} from './channel-wording.js';

type Known = Exclude<Channel, 'unknown'>;

const EMAIL = /[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;
const MAY_HOLD_URL = /https?:|www\.|\.(?:fr|com|org|net|eu)\b/i;
const MD_LINK_HREF = /\]\(([^)\s]+)\)/g;
const POST_BOX = /\b(?:CS|BP|TSA) ?\d/;
const ORDER: Known[] = ['postal', 'online', 'appointment', 'in-person'];
/** Words without which a sentence names no channel, checked on the raw text before the full reading. */
const MAY_NAME_CHANNEL =
  /courrier|postal|poste\b|lettre|recommand|ligne|mat[ée]rialis|simplifi|num[ée]rique|messagerie|courriel|mail|internet|t[ée]l[ée]service|anef|rendez|rdv|cr[ée]neau|r[ée]serv|guichet|accueil|sur place|personne|pr[ée]sent|en (?:sous-)?pr[ée]fecture|@|https?:|www\.|\.fr\/|adresse|:$/iu;

/** Every booking phrase of a clause, to blank them out. */
const EVERY_BOOKING = new RegExp(BOOKING.source, 'g');

/** What one sentence says about filing. */
interface Reading {
  filing: boolean;
  means: Set<Known>;
  booking: boolean;
  /** A channel word was there, in a sentence we could not attribute to the filing. */
  mentioned: boolean;
}

/** The roles of the links in `text`, and the text with links and emails blanked out for wording checks. */
function split(text: string): { roles: string[]; emails: boolean; words: string } {
  // Cheap checks first: most sentences hold no link and no email.
  const hrefs = text.includes('](') ? [...text.matchAll(MD_LINK_HREF)].map((m) => m[1] ?? '') : [];
  const hasEmail = text.includes('@');
  let words = hrefs.length > 0 ? text.replace(/\]\([^)]*\)/g, '] ') : text;
  if (hasEmail) words = words.replace(EMAIL, ' ');
  const urls = MAY_HOLD_URL.test(words) ? findUrls(words) : [];
  for (const url of urls) words = words.replace(url, ' ');
  return { roles: [...urls, ...hrefs].map(urlRole), emails: hasEmail, words: fold(words) };
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

function read(sentence: string, followingLines: () => string): Reading {
  const own = split(sentence);
  const reading: Reading = { filing: false, means: new Set(), booking: own.roles.includes('appointment'), mentioned: false };
  if (CONTACT.test(own.words)) return reading;
  const clauses = assertingClauses(own.words);
  const withoutBooking = clauses.replace(EVERY_BOOKING, ' ');
  // "Prenez rendez-vous pour la remise de votre titre" books something else than the filing.
  reading.booking ||= BOOKING.test(clauses) && !OTHER_SUBJECT.test(clauses);
  const aboutTheRequest = FILING_NOUN.test(withoutBooking) && !OTHER_SUBJECT.test(withoutBooking);
  reading.filing =
    STARTS_WITH_MEANS.test(own.words) ||
    FILING_VERB.test(withoutBooking) ||
    (aboutTheRequest && (HOW_VERB.test(withoutBooking) || !OTHER_ACTION.test(withoutBooking)));
  const wording = clauses.includes('en ligne') ? NOT_ONLINE_FILING.reduce((t, [re, keep]) => t.replace(re, keep), clauses) : clauses;
  const named = MEANS.filter(([, re]) => re.test(wording)).map(([channel]) => channel);
  if (!reading.filing) {
    reading.mentioned = named.length > 0;
    return reading;
  }
  const following = ADDRESS_FOLLOWS.test(clauses) || /:$/.test(sentence) ? followingLines() : '';
  const next = following ? split(following) : null;
  const emails = own.emails || (next?.emails ?? false);
  for (const channel of named) reading.means.add(channel);
  const onlineFollows = next?.roles.includes('online-procedure') ?? false;
  if (own.roles.includes('online-procedure') || onlineFollows || emails) reading.means.add('online');
  // "Déposez votre dossier à :" then a démarches-simplifiées link, there or on the next line: the address is the link, not a postal one.
  const linkIsTheAddress = (onlineFollows || own.roles.includes('online-procedure')) && !isPostal(following);
  const addressNamed = isPostal(sentence) || (next !== null && isPostal(following)) || (ADDRESS_FOLLOWS.test(clauses) && !linkIsTheAddress);
  // An address alone says post only when nothing else says how: "prenez rendez-vous … à la préfecture, 2 rue …" is not.
  if (!emails && named.length === 0 && addressNamed) reading.means.add('postal');
  if (reading.means.has('appointment')) reading.means.delete('in-person'); // at the counter, by appointment
  return reading;
}

const isPostal = (text: string) => POSTCODE_CITY.test(text) || POST_BOX.test(text);

/** A sentence that may name a channel, or send the file to an address printed inline ("… à …, 14000 CAEN"). */
function mayNameChannel(sentence: string): boolean {
  return MAY_NAME_CHANNEL.test(sentence) || (POSTCODE_CITY.test(sentence) && sentence.length > 40);
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
  const all = sentences(text);
  // The full reading is costly: only sentences with a channel word (or a lead ending in ":") can name a channel.
  const naming = all.filter(({ sentence }) => mayNameChannel(sentence));
  for (const { sentence, following } of naming) {
    const reading = read(sentence, following);
    booking ||= reading.booking;
    for (const channel of ORDER.filter((c) => reading.means.has(c))) found.add(channel);
    if (reading.filing && reading.means.size === 0) unclear = true;
    if (reading.mentioned) {
      unclear = true;
      weakOnline ||= /\bdemarches?[- ]simplifiees\b|\bdemarche\.numerique\b/.test(fold(sentence));
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
    // "unknown" or nothing: does any other sentence talk of filing?
    unclear ||= channels.length === 0 && all.some(({ sentence, following }) => !mayNameChannel(sentence) && read(sentence, following).filing);
    if (channels.length === 0 && unclear) channels = ['unknown'];
  }
  return channels.map((value) => ({ kind: 'channel', value }));
}
