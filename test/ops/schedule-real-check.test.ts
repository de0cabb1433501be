import { EventEmitter } from 'node:events';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSchedule } from '../../src/cli/commands/schedule.js';
import type { CliIO } from '../../src/shared/io.js';
import type { CronFactory } from '../../src/schedule/scheduler.js';
import { calvados, workspace } from '../check/fixture-run.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';

/** The daemon wired to the real check: a tick runs `check` from the configuration, SIGTERM ends it. */
let site: FixtureSite;
beforeAll(async () => {
  site = await startSite({ '/aes': { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) } }, '127.0.0.6');
});
afterAll(() => site.close());

describe('aes-watch schedule with the real check', () => {
  it('runs a check on a tick, logs one JSON run line with the counts, and stops on SIGTERM', async () => {
    const ws = await workspace();
    await ws.writeGuide([calvados(site.url('/aes'), postalGuideText())]);
    await writeFile(join(ws.dir, 'aes-watch.config.json'), JSON.stringify({ guides: ['guide.txt'], perHostDelayMs: 0, retries: 0 }));

    let stderr = '';
    let sawRun: () => void = () => {};
    const ran = new Promise<void>((resolve) => (sawRun = resolve));
    const io: CliIO = {
      stdout: new Writable({ write: (_c, _e, done) => done() }),
      stderr: new Writable({
        write(chunk, _encoding, done) {
          stderr += String(chunk);
          if (stderr.includes('"event":"run"')) sawRun();
          done();
        },
      }),
      cwd: ws.dir,
      env: { AES_WATCH_LOG: 'warn' },
    };
    let scheduled: (onTick: () => void) => void = () => {};
    const tickReady = new Promise<() => void>((resolve) => (scheduled = resolve));
    const schedule: CronFactory = (_expression, onTick) => {
      scheduled(onTick);
      return { stop: () => undefined };
    };
    const signals = new EventEmitter();
    const exits: number[] = [];
    const program = new Command('aes-watch').exitOverride();
    registerSchedule(program, io, (code) => exits.push(code), { signals, schedule });
    const daemon = program.parseAsync(['schedule'], { from: 'user' });

    (await tickReady)();
    await ran;
    signals.emit('SIGTERM');
    await daemon;

    // Off a terminal, every line is JSON, and the tick logged exactly one: its run line.
    const lines = stderr.trimEnd().split('\n');
    const events = lines.map((line) => (JSON.parse(line) as { event?: string }).event);
    expect(events.slice(0, events.indexOf('run') + 1)).toEqual(['scheduler-started', 'run']);
    const runLine = JSON.parse(stderr.split('\n').find((line) => line.includes('"event":"run"'))!);
    expect(runLine).toMatchObject({ outcome: 'completed', exitCode: 0, ok: 1, stale: 0, unreachable: 0 });
    expect(await readdir(join(ws.dir, 'snapshots'))).toContain('14-calvados');
    expect(exits).toEqual([0]);
  });
});
