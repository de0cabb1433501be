import { describe, expect, it } from 'vitest';
import { createPoliteScheduler } from '../../src/fetch/host-queue.js';
import { flushPromises, manualClock } from '../support/fake-clock.js';

/** A task the test finishes by hand, recording when it started. */
function controllable(log: string[], name: string) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve(name);
    fail = reject;
  });
  const task = () => {
    log.push(`start ${name}`);
    return done.finally(() => log.push(`end ${name}`));
  };
  return { task, finish: () => finish(), fail: (error: Error) => fail(error) };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await flushPromises();
}

const CALVADOS = 'http://127.0.0.2:8080';
const MANCHE = 'http://127.0.0.3:8080';

describe('polite scheduler', () => {
  it('runs one task at a time per host, resting perHostDelayMs in between', async () => {
    const clock = manualClock();
    const scheduler = createPoliteScheduler({ perHostDelayMs: 1000, clock });
    const log: string[] = [];
    const a = controllable(log, 'a');
    const b = controllable(log, 'b');
    const results = [scheduler.run(`${CALVADOS}/a`, a.task), scheduler.run(`${CALVADOS}/b`, b.task)];
    await settle();
    expect(log).toEqual(['start a']);

    a.finish();
    await settle();
    expect(log).toEqual(['start a', 'end a']);
    expect(clock.pending()).toEqual([1000]);

    clock.advance(999);
    await settle();
    expect(log).toEqual(['start a', 'end a']);
    clock.advance(1);
    await settle();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    b.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b']);
  });

  it('runs different hosts side by side', async () => {
    const clock = manualClock();
    const scheduler = createPoliteScheduler({ perHostDelayMs: 1000, clock });
    const log: string[] = [];
    const a = controllable(log, 'calvados');
    const b = controllable(log, 'manche');
    const results = [scheduler.run(`${CALVADOS}/a`, a.task), scheduler.run(`${MANCHE}/b`, b.task)];
    await settle();
    expect(log).toEqual(['start calvados', 'start manche']);
    a.finish();
    b.finish();
    await Promise.all(results);
    expect(clock.sleeps).toEqual([]);
  });

  it('caps the tasks in flight across hosts', async () => {
    const clock = manualClock();
    const scheduler = createPoliteScheduler({ perHostDelayMs: 0, concurrency: 2, clock });
    const log: string[] = [];
    const tasks = [2, 3, 4].map((n) => controllable(log, `host${n}`));
    const results = tasks.map((t, i) => scheduler.run(`http://127.0.0.${i + 2}/page`, t.task));
    await settle();
    expect(log).toEqual(['start host2', 'start host3']);
    tasks[1]?.finish();
    await settle();
    expect(log).toEqual(['start host2', 'start host3', 'end host3', 'start host4']);
    tasks[0]?.finish();
    tasks[2]?.finish();
    await Promise.all(results);
  });

  it('treats one hostname on several ports as one host', async () => {
    const clock = manualClock();
    const scheduler = createPoliteScheduler({ perHostDelayMs: 0, clock });
    const log: string[] = [];
    const a = controllable(log, 'a');
    const b = controllable(log, 'b');
    const results = [scheduler.run('http://127.0.0.2:1111/a', a.task), scheduler.run('http://127.0.0.2:2222/b', b.task)];
    await settle();
    expect(log).toEqual(['start a']);
    a.finish();
    await settle();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    b.finish();
    await Promise.all(results);
  });

  it('deferHost holds a host back, even when extended during the wait', async () => {
    const clock = manualClock();
    const scheduler = createPoliteScheduler({ perHostDelayMs: 0, clock });
    const log: string[] = [];
    const a = controllable(log, 'a');
    scheduler.deferHost('127.0.0.2', 30_000);
    const result = scheduler.run(`${CALVADOS}/a`, a.task);
    await settle();
    expect(clock.pending()).toEqual([30_000]);

    clock.advance(10_000);
    scheduler.deferHost(CALVADOS, 60_000);
    clock.advance(20_000);
    await settle();
    expect(log).toEqual([]);
    expect(clock.pending()).toEqual([40_000]);
    clock.advance(40_000);
    await settle();
    expect(log).toEqual(['start a']);
    a.finish();
    await result;
  });

  it('keeps the host queue going after a task fails', async () => {
    const clock = manualClock();
    const scheduler = createPoliteScheduler({ perHostDelayMs: 500, clock });
    const log: string[] = [];
    const a = controllable(log, 'a');
    const b = controllable(log, 'b');
    const failed = scheduler.run(`${CALVADOS}/a`, a.task);
    const next = scheduler.run(`${CALVADOS}/b`, b.task);
    a.fail(new Error('socket hang up'));
    await expect(failed).rejects.toThrow('socket hang up');
    await settle();
    expect(clock.pending()).toEqual([500]);
    clock.advance(500);
    await settle();
    b.finish();
    expect(await next).toBe('b');
  });
});
