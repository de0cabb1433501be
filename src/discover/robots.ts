import robotsParserModule from 'robots-parser';

interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// A CommonJS module whose typings declare an ES default: at run time the default import is the function itself.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => ParsedRobots;

/**
 * A site's robots.txt, read with robots-parser (RFC 9309 matching: longest
 * rule wins, `*` and `$` patterns, user-agent groups). Following the RFC, a
 * missing robots.txt (4xx) allows everything and an unreadable one (5xx,
 * network error) forbids everything.
 */
export interface RobotsRules {
  allows(url: string): boolean;
  /** Absolute `Sitemap:` URLs, in file order. */
  sitemaps: string[];
  /** Seconds the site asks between two requests, if it says. */
  crawlDelaySeconds: number | null;
  /** `everything` when robots.txt could not be read and all fetching is off. */
  forbids: 'nothing-special' | 'everything';
}

export const ALLOW_ALL: RobotsRules = { allows: () => true, sitemaps: [], crawlDelaySeconds: null, forbids: 'nothing-special' };
export const FORBID_ALL: RobotsRules = { allows: () => false, sitemaps: [], crawlDelaySeconds: null, forbids: 'everything' };

/** Parses robots.txt served at `robotsUrl`; `userAgent` is ours (its product token picks the group). */
export function parseRobots(robotsUrl: string, text: string, userAgent: string): RobotsRules {
  const robots = robotsParser(robotsUrl, text);
  const delay = robots.getCrawlDelay(userAgent);
  return {
    // undefined: the URL is on another site; such URLs never reach this point.
    allows: (url) => robots.isAllowed(url, userAgent) !== false,
    sitemaps: robots.getSitemaps().flatMap((raw) => {
      try {
        return [new URL(raw, robotsUrl).href];
      } catch {
        return [];
      }
    }),
    crawlDelaySeconds: typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? delay : null,
    forbids: 'nothing-special',
  };
}
