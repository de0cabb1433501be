import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { ReporterContext } from '../../src/report/reporter.js';
import type { EntryReport, RunReport } from '../../src/report/schema.js';
import { createLogger } from '../../src/shared/log.js';
import { tempFolder } from '../support/temp.js';

/** A reporter context whose log (debug level, the real redaction config) and output are captured. */
export async function reporterContext(env: NodeJS.ProcessEnv, overrides: Partial<ReporterContext> = {}) {
  const dir = await tempFolder('aes-notify-');
  const logStream = new PassThrough();
  const outStream = new PassThrough();
  const logText: string[] = [];
  const outText: string[] = [];
  logStream.on('data', (c: Buffer) => logText.push(c.toString('utf8')));
  outStream.on('data', (c: Buffer) => outText.push(c.toString('utf8')));
  const context: ReporterContext = {
    reportsDir: join(dir, 'reports'),
    snapshotsDir: join(dir, 'snapshots'),
    log: createLogger({ level: 'debug', pretty: false, destination: logStream }),
    dryRun: false,
    unreachableAfter: 3,
    env: { AES_WATCH_GITHUB_PACE_MS: '0', ...env },
    out: outStream,
    lang: 'en',
    ...overrides,
  };
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  return {
    context,
    logs: async () => (await flush(), logText.join('')),
    errorLines: async () => (await flush(), logText.join('').split('\n').filter((l) => l.includes('"level":50'))),
    out: async () => (await flush(), outText.join('')),
  };
}

export function runReport(entries: EntryReport[]): RunReport {
  const summary = { ok: 0, stale: 0, unreachable: 0 };
  for (const e of entries) summary[e.status] += 1;
  return {
    tool: { name: 'aes-watch', version: '0.1.0', extractorVersion: 1 },
    startedAt: '2025-06-01T02:00:00.000Z',
    finishedAt: '2025-06-01T02:01:00.000Z',
    guides: ['data/guides/normandie.txt'],
    summary,
    warnings: [],
    entries,
  };
}
