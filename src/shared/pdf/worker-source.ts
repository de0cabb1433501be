/**
 * The body of the PDF worker thread, as source text: an `eval` worker runs the
 * same from the compiled build and from the TypeScript sources under test. It
 * loads pdfjs-dist's Node ("legacy") build once and answers one document per
 * message with positioned text lines, or a classified failure.
 */
export const PDF_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
let pdfjs = null;
parentPort.on('message', async ({ id, bytes }) => {
  try {
    pdfjs ??= await import(workerData.pdfjsUrl);
    const task = pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: true });
    const doc = await task.promise;
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if (typeof item.str !== 'string') continue;
        items.push({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height || Math.abs(item.transform[3]), eol: Boolean(item.hasEOL) });
      }
      pages.push({ width: view.width, height: view.height, items });
      page.cleanup();
    }
    await task.destroy();
    parentPort.postMessage({ id, kind: 'read', pages });
  } catch (error) {
    const name = (error && error.name) || 'Error';
    const message = (error && error.message) || String(error);
    parentPort.postMessage({ id, kind: 'error', name, message });
  }
});
`;
