import { describe, expect, it } from 'vitest';
import { cannotWrite, openRunStore, settleAll } from '../../src/run/run-store.js';
import { StoreWriteError } from '../../src/shared/disk-error.js';
import { tempFolder } from '../support/temp.js';

const errno = (code: string, path?: string) => Object.assign(new Error(`${code}: failed`), { code, ...(path ? { path } : {}) });

describe('a lock or store failure', () => {
  it('on a folder that cannot take files is a value naming the path', () => {
    const full = cannotWrite(errno('ENOSPC'), '/srv/snapshots');
    expect(full.kind).toBe('cannot-write');
    expect(full.error.message).toBe('cannot write /srv/snapshots: no space left on the device (ENOSPC)');
    expect(cannotWrite(errno('EROFS', '/srv/snapshots/x.json')).error.message).toBe('cannot write /srv/snapshots/x.json: read-only file system (EROFS)');
    expect(cannotWrite(errno('EACCES')).error.path).toBe('');
    const already = new StoreWriteError('/srv/snapshots/a', 'EDQUOT');
    expect(cannotWrite(already, '/elsewhere').error).toBe(already);
  });

  it('of any other kind is a bug, thrown as it is', () => {
    const bug = new TypeError('undefined is not a function');
    expect(() => cannotWrite(bug, '/srv')).toThrow(bug);
    expect(() => cannotWrite(errno('ECONNRESET'), '/srv')).toThrow('ECONNRESET: failed');
  });
});

describe('opening the store', () => {
  it('is fine for a new or an existing folder', async () => {
    const dir = await tempFolder('aes-run-store-');
    expect(await openRunStore(dir)).toBeNull();
    expect(await openRunStore(`${dir}/not-yet`)).toBeNull();
  });
});

describe('settling every entry', () => {
  it('gives the values in order', async () => {
    expect(await settleAll([Promise.resolve(1), new Promise((r) => setImmediate(() => r(2))), Promise.resolve(3)])).toEqual([1, 2, 3]);
  });

  it('waits for every entry before giving the first failure', async () => {
    const finished: string[] = [];
    const late = new Promise<string>((resolve) => setImmediate(() => setImmediate(() => (finished.push('late'), resolve('late')))));
    const first = new Error('first');
    const failing = Promise.reject(first);
    const second = Promise.reject(new Error('second'));
    await expect(settleAll([late, failing, second])).rejects.toBe(first);
    expect(finished).toEqual(['late']);
  });
});
