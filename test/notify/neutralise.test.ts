import { describe, expect, it } from 'vitest';
import { codeBlock, codeSpan, neutraliseText, neutraliseTitle, safeLink } from '../../src/notify/neutralise.js';
import { liveMarkdown } from './entry-reports.js';

const ZWJ = '\u200D';

describe('neutraliseText', () => {
  it('breaks mentions but keeps email addresses intact', () => {
    const out = neutraliseText('@someone et @team/admins, écrire à pref-regularisation@manche.gouv.fr');
    expect(out).not.toMatch(/(^|[^\w.+-])@[A-Za-z0-9]/);
    expect(out).toContain(`@${ZWJ}someone`);
    expect(out).toContain('pref-regularisation@manche.gouv.fr');
  });

  it('breaks issue references and closing keywords', () => {
    const out = neutraliseText('fixes #12, closes owner/repo#3, see GH-7 and gh-8');
    expect(out).not.toMatch(/#\d/);
    expect(out).not.toMatch(/GH-\d/i);
    expect(out).toContain(`#${ZWJ}12`);
    expect(out).toContain(`repo\\#${ZWJ}3`);
  });

  it('stops bare URLs (issue URLs included) from autolinking, and keeps them copyable', () => {
    const out = neutraliseText('voir https://github.com/o/r/issues/1 et www.example.org.');
    // Outside code spans (which GitHub never links) no URL is left.
    expect(liveMarkdown(out)).not.toMatch(/https:\/\//);
    expect(liveMarkdown(out)).not.toMatch(/www\./);
    // Inside them the URL is exactly what was written: no invisible character to break a copy.
    expect(out).toBe('voir `https://github.com/o/r/issues/1` et `www.example.org`.');
    expect(out).not.toContain(ZWJ);
  });

  it('escapes raw HTML, entities and backslash escapes', () => {
    const out = neutraliseText('<img src=x onerror=alert(1)> &#64;admin \\@x');
    expect(out).not.toContain('<');
    expect(out).toContain('&lt;img');
    expect(out).toContain(`&amp;\\#${ZWJ}64;admin`);
    // `\@x` must not render as "@x": the backslash is escaped and the mention broken.
    expect(out).toContain(`\\\\@${ZWJ}x`);
  });

  it('flattens newlines so scraped text cannot start a heading or list', () => {
    expect(neutraliseText('a\n# Title\n- item')).toBe('a \\# Title - item');
  });
});

describe('neutraliseTitle', () => {
  it('breaks references and caps the length at 256', () => {
    const title = neutraliseTitle(`@bob fixes #1 ${'x'.repeat(400)}`);
    expect(title.length).toBe(256);
    expect(title).not.toMatch(/#\d|@b/);
  });
});

describe('codeSpan and codeBlock', () => {
  it('picks a backtick run longer than any inside', () => {
    expect(codeSpan('a``b')).toBe('```a``b```');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
  });

  it('cannot be broken out of by fences inside the text', () => {
    const hostile = 'before\n```\n@someone fixes #1 <img src=x>\n`````\nafter';
    const block = codeBlock(hostile, 'diff');
    expect(block.startsWith('``````diff\n')).toBe(true);
    expect(liveMarkdown(`intro\n${block}\noutro`)).toBe('intro\noutro');
  });

  it('keeps a three-backtick fence for plain text', () => {
    expect(codeBlock('x\n')).toBe('```\nx\n```');
  });
});

describe('safeLink', () => {
  it('links plain http(s) URLs with an encoded destination', () => {
    expect(safeLink('https://www.manche.gouv.fr/a b<c>')).toBe('[`https://www.manche.gouv.fr/a b<c>`](<https://www.manche.gouv.fr/a%20b%3Cc%3E>)');
  });

  it('does not link GitHub (cross-references) or other schemes', () => {
    expect(safeLink('https://github.com/o/r/issues/1')).toBe('`https://github.com/o/r/issues/1`');
    expect(safeLink('javascript:alert(1)')).toBe('`javascript:alert(1)`');
  });
});
