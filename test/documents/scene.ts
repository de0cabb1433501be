import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { DocumentReport, EntryReport, RunReport } from '../../src/report/schema.js';

/** A file route that answers conditional requests the way prefecture CMSs do (ETag and Last-Modified). */
export function fileRoute(bytes: Uint8Array, contentType = 'application/pdf') {
  const etag = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;
  const lastModified = 'Tue, 25 Oct 2022 08:00:00 GMT';
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, 'content-length': String(bytes.length), etag, 'last-modified': lastModified });
    res.end(Buffer.from(bytes));
  };
}

/** A DSFR download link, as the État portal prints it. */
export const downloadLink = (href: string, title: string, detail: string) =>
  `<div class="fr-download"><p><a class="fr-download__link" href="${href}">${title} <span class="fr-download__detail fr-link__detail">${detail}</span></a></p></div>`;

export const entryOf = (report: RunReport): EntryReport => report.entries[0] as EntryReport;
export const codes = (entry: EntryReport) => [...new Set(entry.reasons.map((r) => r.code))].sort();
export const documentsOf = (entry: EntryReport): DocumentReport[] => entry.sources.flatMap((s) => s.documents ?? []);
export const documentAt = (entry: EntryReport, url: string): DocumentReport | undefined => documentsOf(entry).find((d) => d.url === url);
