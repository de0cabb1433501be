import { z } from 'zod';

/**
 * A fact is one checkable claim a guide entry makes (or a page makes): an
 * address, an email, a channel... Facts are compared by `key` (see
 * facts/match.ts), never by display value, so PDF noise does not count.
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

const base = { value: z.string().min(1) };

export const EmailFact = z.object({ kind: z.literal('email'), ...base });
export const PhoneFact = z.object({ kind: z.literal('phone'), ...base });
export const UrlFact = z.object({
  kind: z.literal('url'),
  ...base,
  /** What the URL is for, when the text says (e.g. a démarches-simplifiées form). */
  role: z.enum(['online-procedure', 'form', 'appointment', 'page']).default('page'),
});
export const AddressFact = z.object({
  kind: z.literal('address'),
  /** The whole address on one line, as printed (recipient lines included). */
  ...base,
  recipient: z.array(z.string()),
  street: z.string().nullable(),
  /** "CS 50 529", "BP 123"... */
  postBox: z.string().nullable(),
  postcode: z.string().regex(/^\d{5}$/),
  city: z.string(),
  /** "08" in "CAEN CEDEX 08"; "" for a bare "CEDEX"; null when not CEDEX. */
  cedex: z.string().nullable(),
});
export const DocumentFact = z.object({
  kind: z.literal('document'),
  /** The document's title, e.g. "Dossier de demande AES". */
  ...base,
  format: z.string().nullable(),
  size: z.string().nullable(),
  /** ISO date the link text states, if any. */
  date: z.string().nullable(),
  href: z.string().nullable(),
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

/** The short form used in reports and issue bodies. */
export const FactRef = z.object({
  kind: FactKind,
  value: z.string().describe(`As printed; for a channel one of ${Channel.options.join(', ')} ("unknown": the page does not say clearly, never stale).`),
});
export type FactRef = z.infer<typeof FactRef>;
