import * as z from 'zod/mini';
import '../shared/zod-english.js';
import type { IssueDraft, IssueIdentity } from './issue-draft.js';

/**
 * The hidden markers that make issues findable and writes idempotent. The
 * issue marker is always the body's last line, so a forged marker inside
 * scraped text (which sits higher up, in a code block) is never read.
 */

const IssueMarker = z.object({
  entry: z.string().check(z.regex(/^[0-9AB]{2,3}-[a-z0-9-]+$/)),
  kind: z.enum(['stale', 'unreachable']),
  guide: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  digest: z.string().check(z.regex(/^[0-9a-f]{8,64}$/)),
});
export type IssueMarker = z.infer<typeof IssueMarker>;

export const COMMENT_EVENTS = ['update', 'reopen', 'close', 'duplicate', 'superseded'] as const;
export type CommentEvent = (typeof COMMENT_EVENTS)[number];
const CommentMarker = z.object({ event: z.enum(COMMENT_EVENTS), digest: z.string() });
export type CommentMarker = z.infer<typeof CommentMarker>;

/** Room kept free under GitHub's 65,536-character limit for the marker and a comment header. */
export const MARKER_ROOM = 1024;
export const GITHUB_BODY_LIMIT = 65_536;

const ISSUE_RE = /^<!-- aes-watch (\{[^\n]*\}) -->$/;
const COMMENT_RE = /^<!-- aes-watch-comment (\{[^\n]*\}) -->$/;

export function issueMarkerLine(identity: IssueIdentity, digest: string): string {
  const marker: IssueMarker = { entry: identity.entryId, kind: identity.kind, guide: identity.guideUpdated, digest };
  return `<!-- aes-watch ${JSON.stringify(marker)} -->`;
}

/** The body exactly as the issue carries it. */
export function issueBodyWithMarker(draft: IssueDraft): string {
  return `${draft.body}\n\n${issueMarkerLine(draft.identity, draft.digest)}`;
}

function lastLine(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  return (lines[lines.length - 1] ?? '').trim();
}

function parseJson<T>(text: string, re: RegExp, schema: z.ZodMiniType<T>): T | null {
  const match = re.exec(lastLine(text));
  if (!match?.[1]) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(match[1]));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function parseIssueMarker(body: string | null | undefined): IssueMarker | null {
  return body ? parseJson(body, ISSUE_RE, IssueMarker) : null;
}

export function commentMarkerLine(marker: CommentMarker): string {
  return `<!-- aes-watch-comment ${JSON.stringify(marker)} -->`;
}

export function parseCommentMarker(body: string | null | undefined): CommentMarker | null {
  return body ? parseJson(body, COMMENT_RE, CommentMarker) : null;
}

