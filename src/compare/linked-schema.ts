import * as z from 'zod/mini';
import '../shared/zod-english.js';

/** A file the page links to (or the guide names): fetched, stored and compared with its reviewed baseline. */
export const DocumentReport = z.object({
  url: z.string(),
  title: z.string(),
  /** `guide`: the guide names it; `page`: only the page links it. */
  citedBy: z.enum(['guide', 'page']),
  /** `new`: no reviewed baseline yet; `gone`: 404/410 or no longer linked; `failed`: see `reason` and `detail`. */
  status: z.enum(['new', 'unchanged', 'changed', 'gone', 'failed']),
  reason: z.nullable(z.enum(['fetch-failed', 'extraction-failed'])),
  detail: z.nullable(z.string()),
  /** The link's detail as the page prints it now. */
  format: z.nullable(z.string()),
  size: z.nullable(z.string()),
  date: z.nullable(z.string()),
  /** The link's detail when the baseline was taken, when it differs from now. */
  previous: z.nullable(z.object({ size: z.nullable(z.string()), date: z.nullable(z.string()) })),
  httpStatus: z.nullable(z.int()),
  bytes: z.nullable(z.int()),
  contentType: z.nullable(z.string()),
  sha256: z.nullable(z.string()),
  /** `text`: a PDF whose text is compared; `hashed`: DOCX, ODT and others, compared by hash. */
  read: z.nullable(z.enum(['text', 'hashed'])),
  /** Unified diff of the document's text against its reviewed baseline. */
  diffFromBaseline: z.nullable(z.string()),
  snapshotPath: z.nullable(z.string()),
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
  sentence: z.nullable(z.string()),
  httpStatus: z.nullable(z.int()),
  finalUrl: z.nullable(z.string()),
});
export type FormReport = z.infer<typeof FormReport>;
