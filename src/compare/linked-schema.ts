import { z } from 'zod';

/** A file the page links to (or the guide names): fetched, stored and compared with its reviewed baseline. */
export const DocumentReport = z.object({
  url: z.string(),
  title: z.string(),
  /** `guide`: the guide names it; `page`: only the page links it. */
  citedBy: z.enum(['guide', 'page']),
  /** `new`: no reviewed baseline yet; `gone`: 404/410 or no longer linked; `failed`: see `reason` and `detail`. */
  status: z.enum(['new', 'unchanged', 'changed', 'gone', 'failed']),
  reason: z.enum(['fetch-failed', 'extraction-failed']).nullable(),
  detail: z.string().nullable(),
  /** The link's detail as the page prints it now. */
  format: z.string().nullable(),
  size: z.string().nullable(),
  date: z.string().nullable(),
  /** The link's detail when the baseline was taken, when it differs from now. */
  previous: z.object({ size: z.string().nullable(), date: z.string().nullable() }).nullable(),
  httpStatus: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  contentType: z.string().nullable(),
  sha256: z.string().nullable(),
  /** `text`: a PDF whose text is compared; `hashed`: DOCX, ODT and others, compared by hash. */
  read: z.enum(['text', 'hashed']).nullable(),
  /** Unified diff of the document's text against its reviewed baseline. */
  diffFromBaseline: z.string().nullable(),
  snapshotPath: z.string().nullable(),
});
export type DocumentReport = z.infer<typeof DocumentReport>;

/** An online form (démarches-simplifiées `/commencer/<slug>`, booking module `/booking/create/<n>`). */
export const FormReport = z.object({
  url: z.string(),
  service: z.enum(['demarches-simplifiees', 'booking']),
  /** One id per form: the same slug on either démarches host is the same form. */
  id: z.string(),
  citedBy: z.enum(['guide', 'page']),
  state: z.enum(['open', 'closed', 'unknown']),
  /** The sentence (or HTTP status) that decided the state. */
  sentence: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  finalUrl: z.string().nullable(),
});
export type FormReport = z.infer<typeof FormReport>;
