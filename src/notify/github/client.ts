import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Logger } from '../../shared/log.js';
import { scrubSecrets, type GitHubSettings } from './settings.js';

export const USER_AGENT = 'aes-watch/0.1 (+https://github.com/gisti/aes-watch)';

/** How long GitHub may ask us to wait, and how often we try again, before the run gives up on GitHub. */
export const MAX_RETRIES = 2;
export const MAX_WAIT_SECONDS = 60;

const RetryingOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof RetryingOctokit>;
type ThrottleOptions = NonNullable<ConstructorParameters<typeof RetryingOctokit>[0]>['throttle'];

/**
 * A stand-in for a Bottleneck group that only spaces calls `minTimeMs` apart
 * per key: lets the pace setting scale the plugin's write spacing (1 s, and
 * 3 s for writes that notify) down to nothing in tests.
 */
function pacedGroup(minTimeMs: number) {
  const chains = new Map<string, Promise<unknown>>();
  return {
    key(id = '') {
      return {
        schedule(_options: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) {
          const previous = chains.get(id) ?? Promise.resolve();
          const run = previous.then(async () => {
            try {
              return await task(...args);
            } finally {
              if (minTimeMs > 0) await new Promise((resolve) => setTimeout(resolve, minTimeMs));
            }
          });
          chains.set(id, run.catch(() => undefined));
          return run;
        },
      };
    },
  };
}

export function createGitHubClient(settings: GitHubSettings, log: Logger): GitHubClient {
  const scrub = (message: unknown) => scrubSecrets(String(message), settings.token);
  const giveUpOrRetry = (kind: string) => (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
    const retrying = retryCount < MAX_RETRIES && retryAfter <= MAX_WAIT_SECONDS;
    log.debug(scrub(`GitHub ${kind} on ${options.method} ${options.url}: ${retrying ? `retrying in ${retryAfter} s` : 'giving up'}`));
    return retrying;
  };
  const paced = settings.paceMs !== 1000;
  const throttle = {
    onRateLimit: giveUpOrRetry('rate limit'),
    onSecondaryRateLimit: giveUpOrRetry('secondary rate limit'),
    retryAfterBaseValue: settings.paceMs,
    ...(paced
      ? {
          global: pacedGroup(0),
          auth: pacedGroup(0),
          write: pacedGroup(settings.paceMs),
          notifications: pacedGroup(3 * settings.paceMs),
        }
      : {}),
  };
  return new RetryingOctokit({
    auth: settings.token ?? undefined,
    baseUrl: settings.apiUrl,
    userAgent: USER_AGENT,
    retry: { retries: MAX_RETRIES, retryAfterBaseValue: settings.paceMs },
    // The pacing groups only mimic the part of Bottleneck's API the plugin calls.
    throttle: throttle as unknown as ThrottleOptions,
    log: {
      debug: (m: unknown) => log.debug(scrub(m)),
      info: (m: unknown) => log.debug(scrub(m)),
      warn: (m: unknown) => log.debug(scrub(m)),
      error: (m: unknown) => log.debug(scrub(m)),
    },
  });
}
