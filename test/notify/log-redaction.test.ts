import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { scrubSecrets } from '../../src/notify/github/settings.js';
import { createLogger } from '../../src/shared/log.js';

const TOKEN = 'ghs_s3cretTokenValue0123456789ABCDEFGH';

describe('token redaction', () => {
  it('pino blanks the token wherever the logger config names it', async () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c.toString()));
    const log = createLogger({ level: 'debug', pretty: false, destination: stream });
    log.info({ token: TOKEN, GITHUB_TOKEN: TOKEN, headers: { authorization: `token ${TOKEN}` }, env: { GITHUB_TOKEN: TOKEN } }, 'calling GitHub');
    log.error({ err: { request: { headers: { authorization: `token ${TOKEN}` } } } }, 'failed');
    await new Promise((resolve) => setImmediate(resolve));
    const text = chunks.join('');
    expect(text).toContain('calling GitHub');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(TOKEN);
  });

  it('scrubs the token, and anything shaped like a GitHub token, from messages', () => {
    expect(scrubSecrets(`Bad credentials ${TOKEN}`, TOKEN)).toBe('Bad credentials [redacted]');
    expect(scrubSecrets('leaked ghp_abcdefghijklmnopqrstuvwxyz0123 here', null)).toBe('leaked [redacted] here');
    expect(scrubSecrets('nothing secret', 'xyz1')).toBe('nothing secret');
  });
});
