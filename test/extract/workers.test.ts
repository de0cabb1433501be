import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Extraction, ExtractOptions } from '../../src/extract/extraction.js';
import { extractionWorkerCount } from '../../src/extract/lazy.js';
import { ExtractionWorkers } from '../../src/extract/workers.js';
import { tempFolder } from '../support/temp.js';

/**
 * The pool's mechanics, with small worker scripts standing in for the bundled
 * one (test/e2e/extraction-workers.test.ts runs the real one in the built CLI).
 */
const extracted = (title: string): Extraction => ({ kind: 'extracted', title, pageUpdated: null, text: title, facts: [], extractorVersion: 2 });

/** A worker that answers each page with its `threadId` and the page, so a test sees who read what. */
const ECHO = `
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', ({ id, html }) => parentPort.postMessage({ id, extraction: { kind: 'extracted', title: 'worker ' + threadId + ': ' + html, pageUpdated: null, text: html, facts: [], extractorVersion: 2 } }));
`;
/** A worker that dies on its first page. */
const CRASH = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', () => process.exit(3));
`;

async function script(source: string): Promise<URL> {
  const file = join(await tempFolder('aes-watch-workers-'), 'worker.mjs');
  await writeFile(file, source);
  return pathToFileURL(file);
}

function recordingHere() {
  const pages: string[] = [];
  const here = async (html: string, _options: ExtractOptions) => {
    pages.push(html);
    return extracted(`here: ${html}`);
  };
  return { pages, here };
}

const titleOf = (extraction: Extraction): string => (extraction.kind === 'extracted' ? (extraction.title ?? '') : extraction.detail);
const OPTIONS = { baseUrl: 'http://127.0.0.1/' };

describe('extraction workers', () => {
  it('deal pages to every worker, each answer to its own page, none read here', async () => {
    const { pages, here } = recordingHere();
    const workers = new ExtractionWorkers(await script(ECHO), 2, here);
    const titles = (await Promise.all(Array.from({ length: 8 }, (_, i) => workers.extract(`page ${i}`, OPTIONS)))).map(titleOf);
    titles.forEach((title, i) => expect(title).toMatch(new RegExp(`^worker \\d+: page ${i}$`)));
    expect(new Set(titles.map((title) => title.split(':')[0])).size).toBe(2);
    expect(pages).toEqual([]);
  });

  it('read here the pages of a worker that dies, and every page after', async () => {
    const { pages, here } = recordingHere();
    const workers = new ExtractionWorkers(await script(CRASH), 1, here);
    const first = await Promise.all([workers.extract('a', OPTIONS), workers.extract('b', OPTIONS)]);
    expect(first.map(titleOf)).toEqual(['here: a', 'here: b']);
    expect(titleOf(await workers.extract('c', OPTIONS))).toBe('here: c');
    expect(pages.sort()).toEqual(['a', 'b', 'c']);
  });

  it('read here when the worker script is missing', async () => {
    const { pages, here } = recordingHere();
    const missing = pathToFileURL(join(await tempFolder('aes-watch-workers-'), 'gone.mjs'));
    const workers = new ExtractionWorkers(missing, 1, here);
    expect(titleOf(await workers.extract('page', OPTIONS))).toBe('here: page');
    expect(pages).toEqual(['page']);
  });
});

describe('how many extraction workers', () => {
  it('is one per spare CPU, at most four, none on one CPU', () => {
    expect(extractionWorkerCount({}, 1)).toBe(0);
    expect(extractionWorkerCount({}, 2)).toBe(1);
    expect(extractionWorkerCount({}, 3)).toBe(2);
    expect(extractionWorkerCount({}, 64)).toBe(4);
  });

  it('follows AES_WATCH_EXTRACT_WORKERS, 0 meaning the main thread; a value that is not a count is ignored', () => {
    expect(extractionWorkerCount({ AES_WATCH_EXTRACT_WORKERS: '0' }, 8)).toBe(0);
    expect(extractionWorkerCount({ AES_WATCH_EXTRACT_WORKERS: ' 2 ' }, 1)).toBe(2);
    expect(extractionWorkerCount({ AES_WATCH_EXTRACT_WORKERS: '99' }, 2)).toBe(4);
    expect(extractionWorkerCount({ AES_WATCH_EXTRACT_WORKERS: 'many' }, 3)).toBe(2);
    expect(extractionWorkerCount({ AES_WATCH_EXTRACT_WORKERS: '-1' }, 3)).toBe(2);
  });
});
