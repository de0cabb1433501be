import * as z from 'zod/mini';
import '../shared/zod-english.js';

/**
 * A fact is one checkable claim a guide entry makes (or a page makes): an
 * address, an email, a channel... Facts are compared by `key` (see
 * facts/match.ts), never by display value, so PDF noise does not count.
 * zod/mini: snapshots carry facts and are read before the first request (see shared/zod-english.ts).
 */
export const FACT_KINDS = ['email', 'address', 'phone', 'url', 'document', 'channel'] as const;
export const FactKind = z.enum(FACT_KINDS);
export type FactKind = z.infer<typeof FactKind>;

/**
 * How an AES request can be filed. `appointment` covers booking-only channels.
 * `unknown`: the page talks of filing but does not say how clearly; it is
 * reported, and never makes an entry stale.
 */
export const Channel = z.enum(['postal', 'online', 'appointment', 'in-person', 'unknown']);
export type Channel = z.infer<typeof Channel>;

const base = { value: z.string().check(z.minLength(1)) };

export const EmailFact = z.object({ kind: z.literal('email'), ...base });
export const PhoneFact = z.object({ kind: z.literal('phone'), ...base });
export const UrlFact = z.object({
  kind: z.literal('url'),
  ...base,
  /** What the URL is for, when the text says (e.g. a démarches-simplifiées form). */
  role: z._default(z.enum(['online-procedure', 'form', 'appointment', 'page']), 'page'),
});
export const AddressFact = z.object({
  kind: z.literal('address'),
  /** The whole address on one line, as printed (recipient lines included). */
  ...base,
  recipient: z.array(z.string()),
  street: z.nullable(z.string()),
  /** "CS 50 529", "BP 123"... */
  postBox: z.nullable(z.string()),
  postcode: z.string().check(z.regex(/^\d{5}$/)),
  city: z.string(),
  /** "08" in "CAEN CEDEX 08"; "" for a bare "CEDEX"; null when not CEDEX. */
  cedex: z.nullable(z.string()),
});
export const DocumentFact = z.object({
  kind: z.literal('document'),
  /** The document's title, e.g. "Dossier de demande AES". */
  ...base,
  format: z.nullable(z.string()),
  size: z.nullable(z.string()),
  /** ISO date the link text states, if any. */
  date: z.nullable(z.string()),
  href: z.nullable(z.string()),
});
export const ChannelFact = z.object({ kind: z.literal('channel'), value: Channel });

export const Fact = z.discriminatedUnion('kind', [
  EmailFact,
  PhoneFact,
  UrlFact,
  AddressFact,
  DocumentFact,
  ChannelFact,
]);
export type Fact = z.infer<typeof Fact>;
export type FactOf<K extends FactKind> = Extract<Fact, { kind: K }>;
