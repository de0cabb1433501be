import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { benchPage } from './fixtures.js';

/**
 * Child process of the documents benchmark: N loopback prefectures whose pages
 * each link a ~500 KB PDF (a few pages of text and an attached annex, like a
 * real application file), with ETags so a rerun is answered by 304s.
 */
const hosts = Number(process.argv[2] ?? 25);
const latencyMs = Number(process.argv[3] ?? 50);
const stats = { ok: 0, notModified: 0, pdfBytes: 0 };
const servers: Server[] = [];

async function dossier(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < 6; p += 1) {
    const page = doc.addPage([595.28, 841.89]);
    for (let l = 0; l < 50; l += 1) page.drawText(`Page ${p + 1}, ligne ${l + 1} : pièces justificatives à joindre au dossier de demande.`, { x: 56, y: 770 - l * 13.2, size: 10, font });
  }
  // Scanned annexes make real dossiers heavy; their bytes are not text.
  let seed = 2463534242;
  const annex = new Uint8Array(480 * 1024).map(() => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed & 0xff;
  });
  await doc.attach(annex, 'annexe.bin', { mimeType: 'application/octet-stream' });
  return doc.save({ useObjectStreams: false });
}

const pdf = Buffer.from(await dossier());
const page = (n: number) =>
  benchPage(n).replace(
    '</main>',
    `<div class="fr-download"><a href="/files/dossier-${n}.pdf">Dossier de demande AES <span class="fr-link__detail">PDF - ${Math.round(pdf.length / 1024)} Ko - 25/10/2022</span></a></div></main>`,
  );

for (let h = 0; h < hosts; h += 1) {
  const server = createServer((req, res) => {
    const match = /^\/(page|files\/dossier)-(\d+)(\.pdf)?$/.exec(req.url ?? '');
    setTimeout(() => {
      if (!match) return void res.writeHead(404).end();
      const etag = `"${match[1] === 'page' ? 'p' : 'd'}${h}-${match[2]}"`;
      if (req.headers['if-none-match'] === etag) {
        stats.notModified += 1;
        return void res.writeHead(304, { etag }).end();
      }
      stats.ok += 1;
      if (match[1] === 'page') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag }).end(page(Number(match[2])));
      stats.pdfBytes += pdf.length;
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(pdf.length), etag }).end(pdf);
    }, latencyMs);
  });
  await new Promise<void>((resolve) => server.listen(0, `127.0.2.${h + 1}`, resolve));
  servers.push(server);
}

process.send?.({ ready: servers.map((s) => `http://${(s.address() as AddressInfo).address}:${(s.address() as AddressInfo).port}`), pdfBytes: pdf.length });
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ stats: { ...stats } });
  if (message === 'reset') Object.assign(stats, { ok: 0, notModified: 0, pdfBytes: 0 });
  if (message === 'exit') {
    for (const server of servers) server.closeAllConnections(), server.close();
    process.exit(0);
  }
});
