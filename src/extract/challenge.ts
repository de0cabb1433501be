/**
 * Anti-bot interstitials answered with a 200. Markers of the protection
 * products themselves are decisive on any page; generic wording ("captcha",
 * "Access denied", "Please enable JavaScript") counts only on a short page,
 * because real pages carry such words in <noscript> or in prose.
 */
const DECISIVE = [
  /<title>\s*(?:just a moment|attention required|one moment, please)/i,
  // Not "/cdn-cgi/challenge-platform/", "datadome" or "_Incapsula_Resource": those
  // scripts are injected into every normal page of a protected site too.
  /\b_cf_chl_opt\b|\bcf-browser-verification\b|\bcf-challenge-running\b/i,
  /captcha-delivery\.com/i,
  /incapsula incident id/i,
  /\bchecking your browser before accessing\b/i,
];

const WORDING = [
  /please enable (?:javascript|js)(?: and cookies)?/i,
  /enable javascript and cookies to continue/i,
  /checking (?:your browser|if the site connection is secure)/i,
  /\bjust a moment\b/i,
  /\bcaptcha\b/i,
  /\baccess denied\b|\baccès refusé\b/i,
  /\bveuillez activer (?:le )?javascript\b/i,
  /\b(?:are you a robot|êtes-vous un robot)\b/i,
  /\bvérification de (?:votre navigateur|sécurité)\b/i,
];

/** A page with less visible text than this is an interstitial, not a prefecture page. */
const SHORT_PAGE_TEXT = 1500;

function visibleText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function looksLikeChallenge(html: string): boolean {
  if (DECISIVE.some((marker) => marker.test(html))) return true;
  const text = visibleText(html);
  if (text.length >= SHORT_PAGE_TEXT) return false;
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  return WORDING.some((marker) => marker.test(text) || marker.test(title));
}
