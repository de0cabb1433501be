import * as z from 'zod/mini';
import '../shared/zod-english.js';
import { Channel, FactKind } from './fact.js';

/** The short form of a fact used in reports and issue bodies. */
export const FactRef = z.object({
  kind: FactKind,
  value: z.string().check(z.describe(`As printed; for a channel one of ${Channel.options.join(', ')} ("unknown": the page does not say clearly, never stale).`)),
});
export type FactRef = z.infer<typeof FactRef>;
