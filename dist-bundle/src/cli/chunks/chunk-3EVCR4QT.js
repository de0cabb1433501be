import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  external_exports
} from "./chunk-YORK7EG5.js";

// src/facts/fact.ts
var FACT_KINDS = ["email", "address", "phone", "url", "document", "channel"];
var FactKind = external_exports.enum(FACT_KINDS);
var Channel = external_exports.enum(["postal", "online", "appointment", "in-person", "unknown"]);
var base = { value: external_exports.string().min(1) };
var EmailFact = external_exports.object({ kind: external_exports.literal("email"), ...base });
var PhoneFact = external_exports.object({ kind: external_exports.literal("phone"), ...base });
var UrlFact = external_exports.object({
  kind: external_exports.literal("url"),
  ...base,
  /** What the URL is for, when the text says (e.g. a démarches-simplifiées form). */
  role: external_exports.enum(["online-procedure", "form", "appointment", "page"]).default("page")
});
var AddressFact = external_exports.object({
  kind: external_exports.literal("address"),
  /** The whole address on one line, as printed (recipient lines included). */
  ...base,
  recipient: external_exports.array(external_exports.string()),
  street: external_exports.string().nullable(),
  /** "CS 50 529", "BP 123"... */
  postBox: external_exports.string().nullable(),
  postcode: external_exports.string().regex(/^\d{5}$/),
  city: external_exports.string(),
  /** "08" in "CAEN CEDEX 08"; "" for a bare "CEDEX"; null when not CEDEX. */
  cedex: external_exports.string().nullable()
});
var DocumentFact = external_exports.object({
  kind: external_exports.literal("document"),
  /** The document's title, e.g. "Dossier de demande AES". */
  ...base,
  format: external_exports.string().nullable(),
  size: external_exports.string().nullable(),
  /** ISO date the link text states, if any. */
  date: external_exports.string().nullable(),
  href: external_exports.string().nullable()
});
var ChannelFact = external_exports.object({ kind: external_exports.literal("channel"), value: Channel });
var Fact = external_exports.discriminatedUnion("kind", [
  EmailFact,
  PhoneFact,
  UrlFact,
  AddressFact,
  DocumentFact,
  ChannelFact
]);
var FactRef = external_exports.object({
  kind: FactKind,
  value: external_exports.string().describe(`As printed; for a channel one of ${Channel.options.join(", ")} ("unknown": the page does not say clearly, never stale).`)
});

export {
  Channel,
  Fact,
  FactRef
};
//# sourceMappingURL=chunk-3EVCR4QT.js.map
