import { describe, expect, it } from 'vitest';
import { draftIssue } from '../../src/notify/issue-body.js';
import { commentMarkerLine, issueBodyWithMarker, parseCommentMarker, parseIssueMarker } from '../../src/notify/marker.js';
import { staleEntry } from './entry-reports.js';

/** Issue bodies as GitHub hands them back, after people and the web UI have been at them. */
const draft = draftIssue(staleEntry(), 'stale', { reportUrl: null }, 'en');
const body = issueBodyWithMarker(draft);
const expected = { entry: '14-calvados', kind: 'stale', guide: '2023-02-22', digest: draft.digest };

describe('issue markers', () => {
  it('are read back from the body the bot wrote', () => {
    expect(parseIssueMarker(body)).toEqual(expected);
  });

  it('are still read after the web UI saved the body with CRLF line ends and trailing blank lines', () => {
    expect(parseIssueMarker(body.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(parseIssueMarker(`${body}\n\n`)).toEqual(expected);
    expect(parseIssueMarker(`${body}\r\n \r\n`)).toEqual(expected);
    // An editor's Markdown indentation of the last line.
    expect(parseIssueMarker(body.replace('\n<!-- aes-watch', '\n  <!-- aes-watch'))).toEqual(expected);
  });

  it('are only read from the last line: a forged one higher up is not', () => {
    expect(parseIssueMarker(`${body}\n\nThanks, I will check the Caen address.`)).toBeNull();
  });

  it('are null for a body a person wrote, an empty one, or a broken marker', () => {
    expect(parseIssueMarker('Is the Caen address still right?')).toBeNull();
    expect(parseIssueMarker('')).toBeNull();
    expect(parseIssueMarker(null)).toBeNull();
    expect(parseIssueMarker(undefined)).toBeNull();
    expect(parseIssueMarker('<!-- aes-watch {"entry": -->')).toBeNull();
    expect(parseIssueMarker('<!-- aes-watch {not json} -->')).toBeNull();
  });

  it('are null when a field is not what the bot writes', () => {
    const line = (o: object) => `Text\n\n<!-- aes-watch ${JSON.stringify({ ...expected, ...o })} -->`;
    expect(parseIssueMarker(line({}))).toEqual(expected);
    expect(parseIssueMarker(line({ kind: 'ok' }))).toBeNull();
    expect(parseIssueMarker(line({ entry: 'Calvados' }))).toBeNull();
    expect(parseIssueMarker(line({ guide: '22/02/2023' }))).toBeNull();
    expect(parseIssueMarker(line({ digest: 'not-hex!' }))).toBeNull();
  });
});

describe('comment markers', () => {
  it('are read back from the last line of a comment', () => {
    const marker = { event: 'reopen' as const, digest: draft.digest };
    expect(parseCommentMarker(`aes-watch: reopened.\n\n${commentMarkerLine(marker)}\n`)).toEqual(marker);
    expect(parseCommentMarker(`aes-watch: reopened.\n\n${commentMarkerLine(marker)}\n\nQuoted by a person`)).toBeNull();
    expect(parseCommentMarker('<!-- aes-watch-comment {"event":"deleted","digest":"ab"} -->')).toBeNull();
    expect(parseCommentMarker(null)).toBeNull();
  });

  it('are not taken for issue markers, nor the other way round', () => {
    expect(parseIssueMarker(commentMarkerLine({ event: 'update', digest: draft.digest }))).toBeNull();
    expect(parseCommentMarker(body)).toBeNull();
  });
});
