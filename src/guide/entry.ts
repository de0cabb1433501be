import * as z from 'zod/mini';
import '../shared/zod-english.js';
import { Channel, Fact } from '../facts/fact.js';

// zod/mini, as the facts it holds: a first run parses its guide before its first request, and full
// zod would bring the code that judges and reports (its chunk) along with it.

/** "01".."95" (no "20"), "2A"/"2B", "971".."976". */
export const DepartmentCode = z.string().check(z.regex(/^(0[1-9]|1\d|[3-8]\d|9[0-5]|2[1-9]|2A|2B|97[1-6])$/, 'unknown département code'));

export const GuideSource = z.object({
  /** The URL exactly as cited in the guide, fragment included. */
  url: z.url(),
  /** A `#!/...` fragment is a client-side route: only a browser can see that content. */
  clientRoute: z.nullable(z.string()),
});
export type GuideSource = z.infer<typeof GuideSource>;

export const GuideEntry = z.object({
  /** Stable id: "<code>-<slug of name>", e.g. "14-calvados". */
  id: z.string().check(z.regex(/^[0-9AB]{2,3}-[a-z0-9-]+$/)),
  region: z.string(),
  department: z.object({ code: DepartmentCode, name: z.string().check(z.minLength(1)) }),
  prefecture: z.string().check(z.minLength(1)),
  subPrefectures: z.object({
    names: z.array(z.string()),
    /** `none`: "Elles ne traitent pas les demandes d'AES"; `some`: see `handling`. */
    handlesAes: z.enum(['none', 'all', 'some', 'unknown']),
    handling: z.array(z.string()),
    /** Each listed sous-préfecture and whether it takes AES requests (null: the guide does not say). */
    each: z.array(z.object({ name: z.string(), handlesAes: z.nullable(z.boolean()) })),
  }),
  /** ISO date of "Dernière mise à jour". */
  updated: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  channels: z.object({
    recognised: z.array(Channel),
    /** The sentence as printed, kept verbatim whether or not it was recognised. */
    wording: z.string(),
    /** True when the wording was not (fully) understood: an editor must look. */
    unrecognised: z.boolean(),
  }),
  sources: z.array(GuideSource).check(z.minLength(1)),
  /** The reproduced official text, cleaned of PDF noise. */
  procedure: z.string(),
  facts: z.array(Fact),
  location: z.object({ file: z.string(), line: z.int().check(z.positive()) }),
});
export type GuideEntry = z.infer<typeof GuideEntry>;

/** What a guide file holds once read: its text, or why it cannot be a guide. */
export type GuideText = { kind: 'text'; text: string } | { kind: 'rejected'; line: number; message: string };

/** A problem found while parsing, reported compiler-style. */
export interface GuideProblem {
  file: string;
  line: number;
  message: string;
  /**
   * `file`: the whole document is unusable (unreadable, not text, empty, too
   * large, or two sections for one département): a check checks nothing.
   * Absent: one section is bad; the check checks the others.
   */
  scope?: 'file';
}

export interface ParsedGuide {
  entries: GuideEntry[];
  problems: GuideProblem[];
}
