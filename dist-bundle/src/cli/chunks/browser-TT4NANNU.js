import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  pLimit,
  parseRetryAfter
} from "./chunk-6JVYDHJ5.js";
import "./chunk-DXLBKT2R.js";

// src/fetch/browser.ts
import { availableParallelism } from "node:os";

// src/fetch/browser-launch.ts
var CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic"
];
var LAUNCH_TIMEOUT_MS = 6e4;
async function launchChromium(location) {
  const { chromium } = await import("playwright");
  return chromium.launch({
    // Left to Playwright for its own browsers: headless, it then runs its lighter headless shell.
    executablePath: location.source === "playwright" ? void 0 : location.path,
    headless: true,
    args: [...CHROMIUM_ARGS],
    timeout: LAUNCH_TIMEOUT_MS,
    // Playwright's own handlers would kill the test runner or CLI on signals; the fetcher closes explicitly.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false
  });
}

// src/fetch/browser-settle.ts
var NetworkMonitor = class {
  inflight = /* @__PURE__ */ new Set();
  idleSince = Date.now();
  listeners = /* @__PURE__ */ new Set();
  constructor(page) {
    page.on("request", (request) => {
      this.inflight.add(request);
      this.idleSince = null;
      this.notify();
    });
    const done = (request) => {
      this.inflight.delete(request);
      if (this.inflight.size === 0) this.idleSince = Date.now();
      this.notify();
    };
    page.on("requestfinished", done);
    page.on("requestfailed", done);
  }
  /** Resolves true once no request has been in flight for `quietMs`, false when `maxMs` runs out first. */
  quiet(quietMs, maxMs) {
    const giveUpAt = Date.now() + maxMs;
    return new Promise((resolve) => {
      let timer;
      const finish = (result) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(result);
      };
      const check = () => {
        clearTimeout(timer);
        const now = Date.now();
        if (now >= giveUpAt) return finish(false);
        if (this.idleSince !== null && now - this.idleSince >= quietMs) return finish(true);
        const nextAt = this.idleSince === null ? giveUpAt : Math.min(giveUpAt, this.idleSince + quietMs);
        timer = setTimeout(check, Math.max(0, nextAt - now));
      };
      this.listeners.add(check);
      check();
    });
  }
  notify() {
    for (const listener of [...this.listeners]) listener();
  }
};
var MAIN_CONTENT = 'main, [role="main"], #main, #contenu, #content, article';
function selectorMatches(page, selector, maxMs) {
  return waitInPage(page, { selector, withText: false, orBody: false, quietMs: 0 }, maxMs);
}
async function mainContentSettled(page, quietMs, maxMs) {
  return waitInPage(page, { selector: MAIN_CONTENT, withText: true, orBody: true, quietMs }, maxMs).catch(() => false);
}
async function waitInPage(page, awaited, maxMs) {
  const giveUpAt = Date.now() + maxMs;
  for (; ; ) {
    const left = giveUpAt - Date.now();
    if (left <= 0) return false;
    try {
      return await page.evaluate(watchDom, { ...awaited, maxMs: left });
    } catch (error) {
      if (!navigatedAway(error)) throw error;
      await page.waitForLoadState("domcontentloaded", { timeout: Math.max(1, giveUpAt - Date.now()) }).catch(() => void 0);
    }
  }
}
function watchDom({ selector, withText, orBody, quietMs, maxMs }) {
  const matches = () => {
    const element = document.querySelector(selector) ?? (orBody ? document.body : null);
    return element !== null && (!withText || (element.textContent ?? "").trim().length > 0);
  };
  return new Promise((resolve) => {
    let quiet;
    const finish = (result) => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(giveUp);
      resolve(result);
    };
    const check = () => {
      clearTimeout(quiet);
      if (!matches()) return;
      if (quietMs <= 0) finish(true);
      else quiet = setTimeout(() => finish(true), quietMs);
    };
    const observer = new MutationObserver(check);
    const giveUp = setTimeout(() => finish(false), maxMs);
    observer.observe(document, { childList: true, subtree: true, characterData: withText });
    check();
  });
}
function navigatedAway(error) {
  const message = error instanceof Error ? error.message : String(error);
  return /Execution context was destroyed|Cannot find context with specified id/.test(message);
}

// src/fetch/browser-page.ts
var BLOCKED_RESOURCES = /* @__PURE__ */ new Set(["image", "font", "media"]);
var QUIET_MS = 60;
var SETTLE_MAX_MS = 3e3;
var MAX_SCREENSHOT_HEIGHT = 8e3;
var VIEWPORT = { width: 1280, height: 800 };
var CHROMIUM_GRACE_MS = 1e4;
async function openFreshPage(browser, options) {
  const context = await browser.newContext({
    userAgent: options.userAgent,
    locale: "fr-FR",
    extraHTTPHeaders: { "Accept-Language": "fr" },
    serviceWorkers: "block",
    viewport: VIEWPORT
  });
  try {
    await context.route("**/*", (route) => {
      const routed = route.request();
      if (BLOCKED_RESOURCES.has(routed.resourceType())) return route.abort("blockedbyclient");
      return route.continue({ headers: { ...routed.headers(), "accept-language": "fr" } });
    });
    return { context, page: await context.newPage() };
  } catch (error) {
    await context.close().catch(() => void 0);
    throw error;
  }
}
var VisitOver = class extends Error {
};
async function fetchPageInBrowser(freshPage, request, options) {
  const { url, signal } = request;
  if (signal?.aborted) return aborted(url);
  const state = { context: null, page: null, over: false };
  let timer;
  let onAbort;
  const end = (outcome, resolve) => {
    state.over = true;
    if (state.page) void state.context?.close().catch(() => void 0);
    resolve(outcome);
  };
  const guard = new Promise((resolve) => {
    const timeout = { kind: "timeout", url, afterMs: options.timeoutMs, fetchedWith: "browser" };
    timer = setTimeout(() => end(timeout, resolve), options.timeoutMs + CHROMIUM_GRACE_MS);
    onAbort = () => end(aborted(url), resolve);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([visit(freshPage, request, options, state), guard]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}
async function visit(freshPage, request, options, state) {
  const { url } = request;
  let deadline = Date.now() + options.timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  const check = () => {
    if (state.over) throw new VisitOver();
  };
  try {
    const fresh = await freshPage();
    state.context = fresh.context;
    state.page = fresh.page;
    check();
    const page = state.page;
    const network = new NetworkMonitor(page);
    deadline = Date.now() + options.timeoutMs;
    const response = await page.goto(url, { waitUntil: "domcontentloaded", timeout: remaining() });
    const redirects = response ? await redirectChain(response) : [];
    const status = response?.status() ?? 200;
    if (status >= 400) {
      return {
        kind: "http-error",
        status,
        retryAfterSeconds: parseRetryAfter(response?.headers()["retry-after"] ?? null, /* @__PURE__ */ new Date()),
        redirects,
        finalUrl: page.url(),
        fetchedWith: "browser"
      };
    }
    if (request.waitFor) {
      if (!await selectorMatches(page, request.waitFor, remaining())) return timedOut(url, options);
    } else {
      const settleBy = Date.now() + Math.min(remaining(), options.settleMaxMs ?? SETTLE_MAX_MS);
      const settleLeft = () => Math.max(1, settleBy - Date.now());
      await page.waitForLoadState("load", { timeout: settleLeft() }).catch(() => void 0);
      await network.quiet(QUIET_MS, settleLeft());
      await mainContentSettled(page, QUIET_MS, settleLeft());
    }
    check();
    const [html, screenshot] = await Promise.all([readHtml(page), takeScreenshot(page)]);
    return {
      kind: "fetched",
      status,
      html,
      finalUrl: page.url(),
      redirects,
      charset: "utf-8",
      contentType: response?.headers()["content-type"] ?? null,
      validators: { etag: null, lastModified: null },
      fetchedWith: "browser",
      screenshot
    };
  } catch (error) {
    if (state.over || isTimeout(error)) return timedOut(url, options);
    return networkError(url, error);
  } finally {
    await state.context?.close().catch(() => void 0);
  }
}
async function redirectChain(response) {
  const hops = [];
  let previous = response.request().redirectedFrom();
  while (previous) {
    const answer = await previous.response();
    hops.unshift({ url: previous.url(), status: answer?.status() ?? 0 });
    previous = previous.redirectedFrom();
  }
  return hops;
}
function readHtml(page) {
  return page.evaluate(() => {
    const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) : "";
    return doctype + (document.documentElement?.outerHTML ?? "");
  });
}
async function takeScreenshot(page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const clip = { x: 0, y: 0, width: VIEWPORT.width, height: Math.min(Math.max(height, 1), MAX_SCREENSHOT_HEIGHT), scale: 1 };
  const session = await page.context().newCDPSession(page);
  try {
    const { data } = await session.send("Page.captureScreenshot", { format: "png", clip, captureBeyondViewport: true });
    return new Uint8Array(Buffer.from(data, "base64"));
  } finally {
    await session.detach().catch(() => void 0);
  }
}
function isTimeout(error) {
  return error instanceof Error && error.name === "TimeoutError";
}
function networkError(url, error) {
  const message = error instanceof Error ? error.message : String(error);
  const code = /net::(ERR_[A-Z_]+)/.exec(message)?.[1] ?? "BROWSER_ERROR";
  return { kind: "network-error", url, code, message: message.split("\n")[0] ?? message, fetchedWith: "browser" };
}
function timedOut(url, options) {
  return { kind: "timeout", url, afterMs: options.timeoutMs, fetchedWith: "browser" };
}
function aborted(url) {
  return { kind: "network-error", url, code: "ABORTED", message: "the fetch was aborted", fetchedWith: "browser" };
}

// src/fetch/browser-spare.ts
var SparePage = class {
  constructor(open) {
    this.open = open;
  }
  spare = null;
  closed = false;
  async take() {
    const ready = this.spare;
    this.spare = null;
    const fresh = (ready && await ready) ?? await this.open();
    if (!this.closed) this.spare ??= this.open().catch(() => null);
    return fresh;
  }
  /**
   * Stops preparing pages and closes the one in reserve once it is open (closing
   * a context mid-open hangs Playwright). Not awaited: closing the browser ends it anyway.
   */
  stop() {
    this.closed = true;
    void this.spare?.then((fresh) => fresh?.context.close().catch(() => void 0));
    this.spare = null;
  }
};

// src/fetch/locate-browser.ts
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { delimiter, join } from "node:path";
var BROWSER_ENV_VAR = "AES_WATCH_CHROMIUM";
var INSTALL_HINT = `install one with \`npx playwright install chromium\` or \`apt-get install chromium-headless-shell\` (or \`chromium\`), or set ${BROWSER_ENV_VAR} to a Chromium executable`;
var DEFAULT_LOOKUP = {
  playwrightPath: playwrightChromiumPath,
  systemPaths: ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"],
  commandNames: ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
};
async function locateBrowser(env, lookup = {}) {
  const { playwrightPath, systemPaths, commandNames } = { ...DEFAULT_LOOKUP, ...lookup };
  const override = env[BROWSER_ENV_VAR];
  if (override !== void 0 && override !== "") {
    if (await isExecutableFile(override)) return { kind: "found", path: override, source: "env" };
    return {
      kind: "missing",
      message: `${BROWSER_ENV_VAR}=${override} is not an executable file; point it at a Chromium executable or unset it`
    };
  }
  const bundled = await playwrightPath();
  if (bundled !== null && await isExecutableFile(bundled)) return { kind: "found", path: bundled, source: "playwright" };
  for (const candidate of systemPaths) {
    if (await isExecutableFile(candidate)) return { kind: "found", path: candidate, source: "system" };
  }
  const dirs = (env.PATH ?? "").split(delimiter).filter((dir) => dir !== "");
  for (const name of commandNames) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (await isExecutableFile(candidate)) return { kind: "found", path: candidate, source: "system" };
    }
  }
  return { kind: "missing", message: `no Chromium found: ${INSTALL_HINT}` };
}
async function isExecutableFile(path) {
  try {
    const info = await stat(path);
    if (!info.isFile()) return false;
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
async function playwrightChromiumPath() {
  try {
    const { chromium } = await import("playwright");
    return chromium.executablePath() || null;
  } catch {
    return null;
  }
}

// src/fetch/browser.ts
var DEFAULT_MAX_PAGES = Math.max(2, availableParallelism());
var CLOSED = "the browser fetcher was already closed";
function createBrowserFetcher(options) {
  let launches = 0;
  let session = null;
  let closed = false;
  const pages = pLimit(options.maxPages ?? DEFAULT_MAX_PAGES);
  async function start() {
    const location = await locateBrowser(options.env, options.lookup);
    if (location.kind === "missing") {
      options.log?.warn({ reason: location.message }, "browser unavailable");
      return { kind: "unavailable", message: location.message };
    }
    launches += 1;
    try {
      const browser = await launchChromium(location);
      options.log?.debug({ path: location.path, source: location.source, version: browser.version() }, "browser started");
      browser.on("disconnected", () => {
        if (!closed) options.log?.warn({ path: location.path }, "browser exited unexpectedly");
      });
      const spare = new SparePage(() => openFreshPage(browser, options));
      return { kind: "ready", browser, spare };
    } catch (error) {
      const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0];
      const message = `could not start Chromium at ${location.path} (${detail}); ${INSTALL_HINT}`;
      options.log?.warn({ path: location.path }, message);
      return { kind: "unavailable", message };
    }
  }
  return {
    launches: () => launches,
    async fetch(request) {
      if (closed) return unavailable(request.url, CLOSED);
      session ??= start();
      const current = await session;
      if (current.kind === "unavailable") return unavailable(request.url, current.message);
      return pages(() => {
        if (closed) return unavailable(request.url, CLOSED);
        if (!current.browser.isConnected()) return unavailable(request.url, "Chromium exited during the run");
        return fetchPageInBrowser(() => current.spare.take(), request, options);
      });
    },
    async close() {
      closed = true;
      if (!session) return;
      const current = await session;
      if (current.kind !== "ready") return;
      try {
        current.spare.stop();
        await current.browser.close();
      } catch (error) {
        options.log?.warn({ err: error }, "closing the browser failed");
      }
    }
  };
}
function unavailable(url, message) {
  return { kind: "browser-unavailable", url, message, fetchedWith: "browser" };
}
export {
  DEFAULT_MAX_PAGES,
  createBrowserFetcher
};
//# sourceMappingURL=browser-TT4NANNU.js.map
