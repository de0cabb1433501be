import { describe, expect, it } from 'vitest';
import { extractProcedure, looksLikeChallenge } from '../../src/extract/extract.js';
import { readPage } from '../fixtures/pages/index.js';

const short = (title: string, body: string) => `<html><head><title>${title}</title></head><body>${body}</body></html>`;

describe('looksLikeChallenge', () => {
  it('recognises the Cloudflare interstitial fixture', () => {
    expect(looksLikeChallenge(readPage('challenge'))).toBe(true);
  });

  it.each([
    ['"Please enable JavaScript"', short('orne.gouv.fr', '<p>Please enable JavaScript to view the page content.</p>')],
    ['"Checking your browser"', short('Un instant', '<h1>Checking your browser before accessing www.orne.gouv.fr</h1>')],
    ['"Just a moment..." in the title', short('Just a moment...', '<div id="cf-content"></div>')],
    ['"Access denied"', short('Access Denied', "<h1>Access Denied</h1><p>You don't have permission to access this server.</p>")],
    ['a DataDome captcha', short('orne.gouv.fr', '<iframe src="https://geo.captcha-delivery.com/captcha/?initialCid=abc"></iframe>')],
    ['a French captcha page', short('Vérification', '<p>Veuillez compléter le captcha pour continuer.</p>')],
  ])('recognises %s', (_, html) => {
    expect(looksLikeChallenge(html)).toBe(true);
  });

  it('does not flag real pages that carry the same words in <noscript> or scripts', () => {
    expect(looksLikeChallenge(readPage('dsfr-procedure'))).toBe(false);
    expect(looksLikeChallenge(readPage('ezpublish-procedure'))).toBe(false);
    const protectedPage = readPage('dsfr-procedure').replace(
      '</body>',
      "<noscript>Please enable JavaScript</noscript><script>a.src='/cdn-cgi/challenge-platform/scripts/jsd/main.js';</script><script src=\"https://js.datadome.co/tags.js\"></script></body>",
    );
    expect(looksLikeChallenge(protectedPage)).toBe(false);
  });

  it('does not flag a short page without challenge wording', () => {
    expect(looksLikeChallenge(readPage('near-empty'))).toBe(false);
  });
});

describe('extracting a challenge page', () => {
  it('fails with reason "challenge", never as text', () => {
    const result = extractProcedure(readPage('challenge'), { baseUrl: 'https://www.orne.gouv.fr/Demarches/AES' });
    expect(result).toMatchObject({ kind: 'extraction-failed', reason: 'challenge' });
  });
});
