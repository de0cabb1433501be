import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Reporter, ReporterContext } from '../../src/report/reporter.js';
import { runReporters } from '../../src/report/reporters.js';
import type { RunReport } from '../../src/report/schema.js';
import { EXIT } from '../../src/shared/exit-codes.js';
import { createLogger } from '../../src/shared/log.js';

/** The order in which the reporters of one run start and end, with what each returned. */
const report = { entries: [] } as unknown as RunReport;
const context = (): ReporterContext => ({
  reportsDir: '/nonexistent/reports',
  snapshotsDir: '/nonexistent/snapshots',
  log: createLogger({ level: 'silent', destination: new PassThrough(), pretty: false }),
  dryRun: false,
  unreachableAfter: 3,
  env: {},
  out: new PassThrough(),
});

function reporter(name: string, events: string[], options: { standalone?: boolean; turns?: number; fails?: boolean } = {}): Reporter {
  return {
    name,
    standalone: options.standalone,
    onRunEnd: async () => {
      events.push(`${name} start`);
      for (let turn = 0; turn < (options.turns ?? 0); turn += 1) await Promise.resolve();
      if (options.fails) throw new Error(`${name} broke`);
      events.push(`${name} end`);
      return { kind: 'done', summary: name };
    },
  };
}

describe('runReporters', () => {
  it('runs standalone reporters side by side, then the others one at a time, and keeps their order in the outcomes', async () => {
    const events: string[] = [];
    const outcomes = await runReporters(
      [reporter('json', events, { standalone: true, turns: 3 }), reporter('html', events, { standalone: true }), reporter('drafts', events, { turns: 2 }), reporter('github', events)],
      report,
      context(),
    );
    expect(events).toEqual(['json start', 'html start', 'html end', 'json end', 'drafts start', 'drafts end', 'github start', 'github end']);
    expect(outcomes.map((o) => o.kind === 'done' && o.summary)).toEqual(['json', 'html', 'drafts', 'github']);
  });

  it('a standalone reporter that throws fails alone: the others still run and report', async () => {
    const events: string[] = [];
    const outcomes = await runReporters(
      [reporter('json', events, { standalone: true, fails: true }), reporter('markdown', events, { standalone: true }), reporter('github', events)],
      report,
      context(),
    );
    expect(outcomes).toEqual([
      { kind: 'failed', message: 'json: json broke', exitCode: EXIT.notifyFailed },
      { kind: 'done', summary: 'markdown' },
      { kind: 'done', summary: 'github' },
    ]);
    expect(events).toEqual(['json start', 'markdown start', 'markdown end', 'github start', 'github end']);
  });
});
