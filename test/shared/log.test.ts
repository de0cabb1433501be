import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../src/shared/log.js';

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const lines = () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}

describe('the logger', () => {
  it('writes the lines at or above its level as pino JSON, with the bindings of a child', () => {
    const { stream, lines } = capture();
    const log = createLogger({ level: 'warn', pretty: false, destination: stream });
    log.debug('not written');
    log.info({ entry: '14-calvados' }, 'not written either');
    log.warn({ entry: '14-calvados' }, 'snapshot moved aside');
    log.child({ reporter: 'github' }).error('GitHub refused the token');
    expect(lines().map(({ level, msg, entry, reporter }) => ({ level, msg, entry, reporter }))).toEqual([
      { level: 40, msg: 'snapshot moved aside', entry: '14-calvados', reporter: undefined },
      { level: 50, msg: 'GitHub refused the token', entry: undefined, reporter: 'github' },
    ]);
  });

  it('at "silent" writes nothing, and a silent logger never needs pino', () => {
    const { stream, lines } = capture();
    const log = createLogger({ level: 'silent', pretty: false, destination: stream });
    log.error('dropped');
    log.child({ a: 1 }).warn('dropped too');
    expect(lines()).toEqual([]);
    // The silent logger's pino would throw if it were ever made.
    expect(() => silentLogger.child({ entry: 'x' }).error('dropped')).not.toThrow();
  });

  it('asks where to write only when it writes a line: a run that logs nothing never builds process.stderr', () => {
    const { stream, lines } = capture();
    let asked = 0;
    const log = createLogger({ level: 'info', output: () => ((asked += 1), { pretty: false, destination: stream }) });
    log.debug('below the level');
    expect(asked).toBe(0);
    log.info('first line');
    log.warn('second line');
    expect(asked).toBe(1);
    expect(lines().map(({ msg }) => msg)).toEqual(['first line', 'second line']);
  });

  it('refuses an unknown level with the list of the known ones', () => {
    expect(() => createLogger({ level: 'loud' })).toThrow('AES_WATCH_LOG: "loud" is not a log level (use trace, debug, info, warn, error, fatal or silent)');
  });
});
