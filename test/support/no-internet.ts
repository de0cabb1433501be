/**
 * Tests never touch a real website. Fixture pages may link real hosts (a
 * démarches-simplifiées form, a prefecture's PDF), and aes-watch follows such
 * links; in tests any host other than a loopback address fails as an unknown
 * name would (undici's shape: TypeError "fetch failed" caused by ENOTFOUND).
 */
const realFetch = globalThis.fetch;
const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])$/i;

globalThis.fetch = (input, init) => {
  const raw = input instanceof Request ? input.url : String(input);
  let hostname = '';
  try {
    hostname = new URL(raw).hostname;
  } catch {
    return realFetch(input, init);
  }
  if (LOOPBACK.test(hostname)) return realFetch(input, init);
  const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
  return Promise.reject(new TypeError('fetch failed', { cause }));
};
