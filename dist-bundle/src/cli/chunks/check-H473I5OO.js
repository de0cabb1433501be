import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  RunReport,
  STALE_REASONS
} from "./chunk-LIZN4YST.js";
import {
  EXTRACTOR_VERSION
} from "./chunk-VZCFH3IE.js";
import {
  backoffDelayMs,
  honoursRetryAfter,
  isTransientNetworkError,
  isTransientStatus,
  pLimit,
  parseRetryAfter
} from "./chunk-6JVYDHJ5.js";
import {
  VERSION
} from "./chunk-6WUJGPZ6.js";
import {
  EXIT
} from "./chunk-YOK7OKJF.js";
import {
  acquireRunLock,
  createFileSnapshotStore,
  lockPathFor,
  selectEntries
} from "./chunk-PST64DAH.js";
import {
  require_lib
} from "./chunk-BPTGL3JP.js";
import {
  systemClock
} from "./chunk-PUBVGIRJ.js";
import {
  createLogger,
  silentLogger
} from "./chunk-I4MXDJ77.js";
import {
  writeLine
} from "./chunk-TTXVVIMA.js";
import {
  loadGuides
} from "./chunk-73YA6QE6.js";
import {
  compact,
  extractFacts,
  factKey,
  hyphenLoose,
  placeKey
} from "./chunk-3V4GMKL5.js";
import "./chunk-3EVCR4QT.js";
import "./chunk-YORK7EG5.js";
import {
  formatProblem
} from "./chunk-TNIWB6AC.js";
import {
  renderMarkdownReport
} from "./chunk-Q4YC5DKJ.js";
import "./chunk-PHPHHISB.js";
import {
  lazyRequire
} from "./chunk-PURIWTEL.js";
import {
  __toESM
} from "./chunk-DXLBKT2R.js";

// src/run/check.ts
import { resolve } from "node:path";

// src/fetch/charset.ts
var sniffer = lazyRequire("encoding-sniffer");
var iconvLite = lazyRequire("iconv-lite");
function charsetFromContentType(contentType) {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const label = (match?.[1] ?? match?.[2] ?? "").trim();
  return label === "" ? null : label;
}
function decodeBody(bytes, contentType) {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const label = charsetFromContentType(contentType);
  const iconv = iconvLite();
  let encoding = sniffer().getEncoding(buffer, {
    ...label ? { transportLayerEncodingLabel: label } : {},
    defaultEncoding: "utf-8"
  });
  if (!iconv.encodingExists(encoding)) encoding = "utf-8";
  return { text: iconv.decode(buffer, encoding), charset: encoding.toLowerCase() };
}

// src/fetch/network-error.ts
function asErrorLike(value) {
  return typeof value === "object" && value !== null ? value : null;
}
function describeNetworkError(error) {
  const seen = /* @__PURE__ */ new Set();
  const queue = [error];
  let deepestMessage = error instanceof Error ? error.message : String(error);
  while (queue.length > 0) {
    const current = asErrorLike(queue.shift());
    if (!current || seen.has(current)) continue;
    seen.add(current);
    if (typeof current.message === "string" && current.message !== "") deepestMessage = current.message;
    if (typeof current.code === "string" && current.code !== "") {
      return { code: current.code, message: deepestMessage };
    }
    if (current.cause !== void 0) queue.push(current.cause);
    if (Array.isArray(current.errors)) queue.push(...current.errors);
  }
  return { code: "UNKNOWN", message: deepestMessage };
}

// src/fetch/read-body.ts
async function readCappedBody(body, maxBytes) {
  if (body === null) return { kind: "complete", bytes: Buffer.alloc(0) };
  const reader = body.getReader();
  const chunks = [];
  let total = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => void 0);
      return { kind: "too-large" };
    }
    chunks.push(value);
  }
  return { kind: "complete", bytes: Buffer.concat(chunks, total) };
}
async function discardBody(body) {
  await readCappedBody(body, 64 * 1024).catch(() => void 0);
}

// src/fetch/exchange.ts
var ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
function requestHeaders(userAgent, validators) {
  const headers = {
    "user-agent": userAgent,
    accept: ACCEPT,
    "accept-language": "fr"
  };
  if (validators?.etag) headers["if-none-match"] = validators.etag;
  if (validators?.lastModified) headers["if-modified-since"] = validators.lastModified;
  return headers;
}
async function exchange(url, validators, callerSignal, options) {
  if (callerSignal?.aborted) return { kind: "aborted" };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${options.timeoutMs} ms`));
  }, options.timeoutMs);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  try {
    const response = await options.fetchImpl(url, {
      method: "GET",
      redirect: "manual",
      headers: requestHeaders(options.userAgent, validators),
      signal: controller.signal
    });
    const { status, headers } = response;
    if (status < 200 || status > 299) {
      await discardBody(response.body);
      return { kind: "answer", status, headers, body: null };
    }
    const declared = Number(headers.get("content-length") ?? Number.NaN);
    if (declared > options.maxBodyBytes) {
      await response.body?.cancel().catch(() => void 0);
      return { kind: "too-large" };
    }
    const read2 = await readCappedBody(response.body, options.maxBodyBytes);
    if (read2.kind === "too-large") return read2;
    return { kind: "answer", status, headers, body: read2.bytes };
  } catch (error) {
    if (timedOut) return { kind: "timeout" };
    if (callerSignal?.aborted) return { kind: "aborted" };
    return { kind: "network-error", ...describeNetworkError(error) };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
  }
}

// src/fetch/node-http-fetch.ts
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
var agents = { "http:": new HttpAgent({ keepAlive: true }), "https:": new HttpsAgent({ keepAlive: true }) };
function decoded(response) {
  const encoding = String(response.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoder = encoding === "gzip" || encoding === "x-gzip" ? createGunzip() : encoding === "deflate" ? createInflate() : encoding === "br" ? createBrotliDecompress() : null;
  if (!decoder) return response;
  response.on("error", (error) => decoder.destroy(error));
  return response.pipe(decoder);
}
var nodeHttpFetch = (url, init) => new Promise((resolve2, reject) => {
  const target = new URL(url);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  const request = send(
    target,
    {
      method: init.method,
      headers: { "accept-encoding": "gzip, deflate, br", ...init.headers },
      signal: init.signal,
      agent: target.protocol === "https:" ? agents["https:"] : agents["http:"]
    },
    (response) => {
      const headers = response.headers;
      resolve2({
        status: response.statusCode ?? 0,
        headers: {
          get: (name) => {
            const value = headers[name.toLowerCase()];
            return value === void 0 ? null : Array.isArray(value) ? value.join(", ") : value;
          }
        },
        body: Readable.toWeb(decoded(response))
      });
    }
  );
  request.on("error", reject);
  request.end();
});

// src/fetch/url.ts
function stripFragment(url) {
  const hash = url.indexOf("#");
  return hash === -1 ? url : url.slice(0, hash);
}

// src/fetch/http.ts
var ABORTED_CODE = "ABORTED";
var TOO_MANY_REDIRECTS_CODE = "TOO_MANY_REDIRECTS";
var INVALID_URL_CODE = "INVALID_URL";
var REDIRECT_STATUSES = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
function requestUrl(raw, base) {
  let parsed;
  try {
    parsed = new URL(raw, base);
  } catch {
    return { ok: false, message: `not a valid URL: ${JSON.stringify(raw)}` };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return { ok: false, message: `not an http(s) URL: ${JSON.stringify(raw)}` };
  }
  return { ok: true, url: stripFragment(parsed.href) };
}
function validatorsOf(headers, fallback) {
  return {
    etag: headers.get("etag") ?? fallback?.etag ?? null,
    lastModified: headers.get("last-modified") ?? fallback?.lastModified ?? null
  };
}
function createHttpFetcher(options) {
  const log = options.log ?? silentLogger;
  const backoffBaseMs = options.backoffBaseMs ?? 1e3;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 6e4;
  const maxRedirects = options.maxRedirects ?? 10;
  const exchangeOptions = {
    fetchImpl: options.fetchImpl ?? nodeHttpFetch,
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes
  };
  function retryDelay(result, retryIndex) {
    const backoff = backoffDelayMs(retryIndex, backoffBaseMs);
    if (result.kind === "timeout") return backoff;
    if (result.kind === "network-error") return isTransientNetworkError(result.code) ? backoff : null;
    if (result.kind !== "answer" || !isTransientStatus(result.status)) return null;
    if (!honoursRetryAfter(result.status)) return backoff;
    const seconds = parseRetryAfter(result.headers.get("retry-after"), options.clock.now());
    if (seconds === null) return backoff;
    if (seconds * 1e3 > maxRetryAfterMs) return null;
    return Math.max(backoff, seconds * 1e3);
  }
  async function fetchOne(request) {
    const first = requestUrl(request.url);
    if (!first.ok) {
      return { kind: "network-error", url: request.url, code: INVALID_URL_CODE, message: first.message, fetchedWith: "http" };
    }
    let url = first.url;
    const redirects = [];
    let retriesUsed = 0;
    for (; ; ) {
      let result = await exchange(url, request.validators, request.signal, exchangeOptions);
      for (; ; ) {
        const delay = retriesUsed < options.retries ? retryDelay(result, retriesUsed) : null;
        if (delay === null) break;
        retriesUsed += 1;
        log.info({ url, result: result.kind, status: result.kind === "answer" ? result.status : void 0, delayMs: delay }, "fetch: retrying");
        try {
          await options.clock.sleep(delay, request.signal);
        } catch {
          result = { kind: "aborted" };
          break;
        }
        result = await exchange(url, request.validators, request.signal, exchangeOptions);
      }
      switch (result.kind) {
        case "aborted":
          return { kind: "network-error", url, code: ABORTED_CODE, message: "fetch aborted by the caller", fetchedWith: "http" };
        case "network-error":
          return { kind: "network-error", url, code: result.code, message: result.message, fetchedWith: "http" };
        case "timeout":
          return { kind: "timeout", url, afterMs: options.timeoutMs, fetchedWith: "http" };
        case "too-large":
          return { kind: "too-large", url, limitBytes: options.maxBodyBytes, fetchedWith: "http" };
      }
      const { status, headers } = result;
      const location = headers.get("location");
      if (REDIRECT_STATUSES.has(status) && location !== null) {
        redirects.push({ url, status });
        const next = requestUrl(location, url);
        if (!next.ok) {
          return { kind: "network-error", url, code: "BAD_REDIRECT", message: `${status} to ${next.message}`, fetchedWith: "http" };
        }
        if (redirects.length > maxRedirects) {
          const message = `more than ${maxRedirects} redirects from ${redirects[0]?.url ?? url}`;
          return { kind: "network-error", url, code: TOO_MANY_REDIRECTS_CODE, message, fetchedWith: "http" };
        }
        log.debug({ from: url, to: next.url, status }, "fetch: redirect");
        url = next.url;
        continue;
      }
      const answered = { redirects, finalUrl: url, fetchedWith: "http" };
      if (status === 304) {
        return { ...answered, kind: "not-modified", status, validators: validatorsOf(headers, request.validators) };
      }
      if (status >= 200 && status <= 299) {
        const contentType = headers.get("content-type");
        const { text, charset } = decodeBody(result.body ?? Buffer.alloc(0), contentType);
        return {
          ...answered,
          kind: "fetched",
          status,
          html: text,
          charset,
          contentType,
          validators: validatorsOf(headers, null),
          screenshot: null
        };
      }
      const retryAfterSeconds = parseRetryAfter(headers.get("retry-after"), options.clock.now());
      return { ...answered, kind: "http-error", status, retryAfterSeconds };
    }
  }
  return { fetch: fetchOne };
}

// src/fetch/host-queue.ts
function hostKey(urlOrHost) {
  try {
    return new URL(urlOrHost).hostname.toLowerCase();
  } catch {
    return urlOrHost.toLowerCase();
  }
}
function createPoliteScheduler(options) {
  const { clock, perHostDelayMs } = options;
  const limit = pLimit(options.concurrency ?? 50);
  const hosts = /* @__PURE__ */ new Map();
  function stateOf(key) {
    let state = hosts.get(key);
    if (!state) {
      state = { tail: Promise.resolve(), notBefore: 0 };
      hosts.set(key, state);
    }
    return state;
  }
  async function waitForTurn(state) {
    for (; ; ) {
      const target = state.notBefore;
      const wait = target - clock.now().getTime();
      if (wait <= 0) return;
      await clock.sleep(wait);
      if (state.notBefore <= target) return;
    }
  }
  return {
    run(url, task) {
      const state = stateOf(hostKey(url));
      const result = state.tail.then(async () => {
        await waitForTurn(state);
        try {
          return await limit(task);
        } finally {
          state.notBefore = Math.max(state.notBefore, clock.now().getTime() + perHostDelayMs);
        }
      });
      state.tail = result.then(
        () => void 0,
        () => void 0
      );
      return result;
    },
    deferHost(host, ms) {
      const state = stateOf(hostKey(host));
      state.notBefore = Math.max(state.notBefore, clock.now().getTime() + ms);
    }
  };
}

// src/fetch/polite-fetcher.ts
function withPoliteness(fetcher, scheduler) {
  const polite = {
    fetch: (request) => scheduler.run(request.url, async () => {
      const outcome = await fetcher.fetch(request);
      if (outcome.kind === "http-error" && outcome.retryAfterSeconds !== null) {
        scheduler.deferHost(hostKey(outcome.finalUrl), outcome.retryAfterSeconds * 1e3);
      }
      return outcome;
    })
  };
  if (fetcher.close) polite.close = () => fetcher.close();
  return polite;
}

// src/report/reporters.ts
var import_write_file_atomic = __toESM(require_lib(), 1);
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
async function writeReportFile(context, name, content) {
  await mkdir(context.reportsDir, { recursive: true });
  const path = join(context.reportsDir, name);
  await (0, import_write_file_atomic.default)(path, content);
  return { kind: "done", summary: path };
}
function fileReporter(name, file, render) {
  return { name, onRunEnd: async (report, context) => writeReportFile(context, file, await render(report)) };
}
var jsonReporter = fileReporter("json", "latest.json", (report) => JSON.stringify(report, null, 2) + "\n");
var markdownReporter = fileReporter("markdown", "latest.md", renderMarkdownReport);
var htmlReporter = fileReporter("html", "latest.html", async (report) => {
  const { renderHtmlReport } = await import("./html-N7EHUMTB.js");
  return renderHtmlReport(report);
});
async function reportersFor(request) {
  const { createDraftsReporter } = await import("./drafts-reporter-N5XYCL5J.js");
  const reporters = [jsonReporter, markdownReporter, htmlReporter, createDraftsReporter()];
  if (request.issues === "github") reporters.push((await import("./github-E4OSVPKU.js")).createGitHubReporter());
  return reporters;
}
async function runReporters(reporters, report, context) {
  const outcomes = [];
  for (const reporter of reporters) {
    try {
      for (const entry of report.entries) await reporter.onEntry?.(entry, context);
      outcomes.push(await reporter.onRunEnd(report, context));
    } catch (error) {
      context.log.error({ reporter: reporter.name, err: error }, `reporter ${reporter.name} failed`);
      outcomes.push({ kind: "failed", message: `${reporter.name}: ${error.message}`, exitCode: EXIT.notifyFailed });
    }
  }
  return outcomes;
}

// src/report/summary.ts
import { relative } from "node:path";
function formatSummary(report, reportsDir, cwd) {
  const width = Math.max(8, ...report.entries.map((e) => e.id.length));
  const rows = report.entries.map((entry) => {
    const reasons = [...new Set(entry.reasons.map((r) => r.code))].join(", ");
    const first = entry.reasons[0]?.detail;
    const why = first ? `: ${first.length > 110 ? `${first.slice(0, 109)}\u2026` : first}` : "";
    return `  ${entry.id.padEnd(width)}  ${entry.status.padEnd(11)}  ${reasons}${why}`;
  });
  const { ok, stale, unreachable } = report.summary;
  const near = relative(cwd, reportsDir) || ".";
  const where = near.startsWith("..") ? reportsDir : near;
  return [
    ...rows,
    `${report.entries.length} entries: ${stale} stale, ${unreachable} unreachable, ${ok} ok. Reports: ${where}/latest.md, ${where}/latest.html, ${where}/latest.json`,
    ...report.warnings.map((w) => `warning: ${w}`)
  ].join("\n");
}

// src/sources/source.ts
import { createHash } from "node:crypto";
function sourceKey(url) {
  let host = "source";
  try {
    host = new URL(url).hostname.replace(/[^a-z0-9.-]/gi, "_") || host;
  } catch {
  }
  const hash = createHash("sha256").update(url).digest("hex").slice(0, 8);
  return `${host}-${hash}`;
}
function sourcesOf(entry, settings, defaultMode, forcedMode) {
  return entry.sources.map((cited) => ({
    entryId: entry.id,
    url: cited.url,
    clientRoute: cited.clientRoute,
    mode: forcedMode ?? settings?.fetch ?? defaultMode,
    selector: settings?.selector ?? null,
    waitFor: settings?.waitFor ?? null,
    key: sourceKey(cited.url)
  }));
}

// src/facts/match.ts
function sameFact(fact, page, pageText) {
  if (fact.kind === "address" && page.kind === "address") {
    if (placeKey(fact) !== placeKey(page)) return false;
    if (!fact.street) return true;
    if (page.street && compact(page.street) === compact(fact.street)) return true;
    return compact(pageText).includes(compact(fact.street));
  }
  if (fact.kind === "document" && page.kind === "document") {
    if (hyphenLoose(fact.value) !== hyphenLoose(page.value)) return false;
    return fact.date === null || page.date === null || fact.date === page.date;
  }
  if (fact.kind === "channel" && page.kind === "channel" && page.value === "unknown") return true;
  return fact.kind === page.kind && factKey(fact) === factKey(page);
}
var cachedText = null;
var cachedFacts = [];
function factsOfText(text) {
  if (cachedText !== text) {
    cachedFacts = extractFacts(text);
    cachedText = text;
  }
  return cachedFacts;
}
function factPresent(fact, pageFacts, pageText) {
  if (pageFacts.some((p) => sameFact(fact, p, pageText))) return true;
  const fromText = factsOfText(pageText);
  if (fromText.some((p) => sameFact(fact, p, pageText))) return true;
  if (fact.kind !== "document") return false;
  const title = hyphenLoose(fact.value);
  const sameTitle = [...pageFacts, ...fromText].filter((p) => p.kind === "document" && hyphenLoose(p.value) === title);
  if (sameTitle.length > 0) return false;
  return hyphenLoose(pageText).includes(title);
}

// src/compare/facts-check.ts
function isReportable(fact) {
  return fact.kind !== "url" || fact.role !== "page";
}
var ref = (fact) => ({ kind: fact.kind, value: fact.value });
function checkFacts(guideFacts, pages) {
  const checked = guideFacts.map((fact) => ({
    ...ref(fact),
    found: pages.some((page) => factPresent(fact, page.facts, page.text))
  }));
  const guideKeys = new Set(guideFacts.map(factKey));
  const guideText = guideFacts.map((fact) => fact.value).join("\n");
  const added = /* @__PURE__ */ new Map();
  for (const page of pages) {
    for (const fact of page.facts) {
      const key = factKey(fact);
      if (!isReportable(fact) || guideKeys.has(key) || added.has(key)) continue;
      if (factPresent(fact, guideFacts, guideText)) continue;
      added.set(key, ref(fact));
    }
  }
  return {
    checked,
    missing: checked.filter((fact) => !fact.found).map(({ kind, value }) => ({ kind, value })),
    added: [...added.values()]
  };
}

// src/compare/verdict.ts
function guideFactsOf(entry) {
  const facts = entry.facts.filter((fact) => !(fact.kind === "channel" && fact.value === "unknown"));
  for (const channel of entry.channels.recognised) {
    if (!facts.some((fact) => fact.kind === "channel" && fact.value === channel)) facts.push({ kind: "channel", value: channel });
  }
  return facts;
}
function lineCounts(unified) {
  const lines = unified.split("\n");
  const added = lines.filter((l) => l.startsWith("+") && !l.startsWith("+++")).length;
  const removed = lines.filter((l) => l.startsWith("-") && !l.startsWith("---")).length;
  return `+${added} \u2212${removed} lines`;
}
function sourceReasons(entry, observation) {
  const reason = (code, detail) => ({ code, detail, sourceUrl: observation.url });
  switch (observation.kind) {
    case "failed":
      return [reason(observation.reason, observation.detail)];
    case "gone":
      return [reason("source-gone", observation.detail)];
    case "content": {
      const reasons = [];
      if (observation.redirect.kind === "moved") reasons.push(reason("source-moved", `now redirects to ${observation.redirect.to}`));
      if (observation.fromBaseline?.changed) {
        reasons.push(reason("content-changed", `the procedure differs from the reviewed baseline (${lineCounts(observation.fromBaseline.unified)})`));
      }
      const page = observation.pageUpdated;
      const reviewed = observation.baselinePageUpdated;
      if (page && page > entry.updated && (!reviewed || page > reviewed)) {
        reasons.push(reason("page-updated", `the page was updated on ${page}, after the guide's ${entry.updated}`));
      }
      return reasons;
    }
  }
}
function judgeEntry(entry, observations) {
  const reasons = observations.flatMap((observation) => sourceReasons(entry, observation));
  const pages = observations.flatMap((o) => o.kind === "content" ? [{ facts: o.facts, text: o.text }] : []);
  const anyFailed = observations.some((o) => o.kind === "failed");
  const guideFacts = guideFactsOf(entry);
  const facts = pages.length > 0 && !anyFailed ? checkFacts(guideFacts, pages) : { checked: [], missing: [], added: [] };
  for (const fact of facts.missing) {
    reasons.push({ code: "fact-missing", detail: `${fact.kind} "${fact.value}" is no longer on the page`, sourceUrl: null });
  }
  const stale = reasons.some((r) => STALE_REASONS.includes(r.code));
  return {
    status: stale ? "stale" : anyFailed ? "unreachable" : "ok",
    reasons,
    facts,
    changedSinceLastRun: observations.some((o) => o.kind === "content" && o.storedNew)
  };
}

// src/report/entry-report.ts
import { createHash as createHash2 } from "node:crypto";
function sourceReport(observation) {
  const common = {
    url: observation.url,
    finalUrl: observation.finalUrl,
    httpStatus: observation.httpStatus,
    fetchedWith: observation.fetchedWith,
    redirects: observation.redirects
  };
  if (observation.kind === "content") {
    const diff2 = observation.fromBaseline?.changed ? observation.fromBaseline.unified : null;
    return {
      ...common,
      outcome: "fetched",
      pageUpdated: observation.pageUpdated,
      title: observation.title,
      diffFromBaseline: diff2,
      baselineText: observation.baselineText,
      currentText: observation.text,
      snapshotPath: observation.snapshotPath
    };
  }
  return {
    ...common,
    outcome: observation.kind === "gone" ? "gone" : observation.outcome,
    pageUpdated: null,
    title: null,
    diffFromBaseline: null,
    baselineText: null,
    currentText: null,
    snapshotPath: null
  };
}
function entryReport(entry, verdict, observations, consecutiveFailures) {
  const sources = observations.map(sourceReport);
  const digest = createHash2("sha256").update(
    JSON.stringify({
      status: verdict.status,
      reasons: verdict.reasons.map((r) => [r.code, r.sourceUrl]),
      missing: verdict.facts.missing,
      added: verdict.facts.added,
      diffs: sources.map((s) => s.diffFromBaseline),
      finals: sources.map((s) => s.finalUrl)
    })
  ).digest("hex").slice(0, 16);
  return {
    id: entry.id,
    department: entry.department,
    prefecture: entry.prefecture,
    guideUpdated: entry.updated,
    guideFile: entry.location.file,
    status: verdict.status,
    reasons: verdict.reasons,
    changedSinceLastRun: verdict.changedSinceLastRun,
    consecutiveFailures,
    sources,
    facts: verdict.facts,
    digest
  };
}

// src/run/observe.ts
import { join as join2 } from "node:path";

// src/compare/redirects.ts
var SECTION_NAMES = /* @__PURE__ */ new Set([
  "demarches",
  "demarches-administratives",
  "actualites",
  "publications",
  "politiques-publiques",
  "services-de-l-etat",
  "ma-prefecture",
  "contact",
  "plan-du-site"
]);
var SECTION_ROOTS = /^\/(index\.php\/?)?(accueil|home|index\.(html?|php))?\/?$/i;
function comparable(raw) {
  try {
    const url = new URL(raw);
    url.hash = "";
    return url;
  } catch {
    return null;
  }
}
var normalisedPath = (url) => decodeURIComponent(url.pathname).replace(/\/+$/, "").toLowerCase() || "/";
function classifyRedirect(citedUrl, finalUrl, redirects) {
  if (redirects.length === 0) return { kind: "none" };
  const cited = comparable(citedUrl);
  const final = comparable(finalUrl);
  if (!cited || !final) return { kind: "moved", to: finalUrl };
  const host = (u) => u.hostname.replace(/^www\./, "");
  const citedPath = normalisedPath(cited);
  const finalPath = normalisedPath(final);
  if (host(cited) === host(final) && citedPath === finalPath && cited.search === final.search) return { kind: "none" };
  if (SECTION_ROOTS.test(final.pathname)) return { kind: "to-home", to: finalUrl };
  const isAncestor = host(cited) === host(final) && citedPath.startsWith(finalPath + "/");
  const segments = finalPath.split("/").filter(Boolean);
  const isSection = segments.length === 1 && SECTION_NAMES.has(segments[0] ?? "");
  if (isAncestor || isSection && final.search === "") return { kind: "to-home", to: finalUrl };
  return { kind: "moved", to: finalUrl };
}

// src/compare/text-diff.ts
var diff = lazyRequire("diff");
var fold = (text) => text.replace(/[ \t\u00a0\u202f]+/g, " ").replace(/ *\n */g, "\n").replace(/\n{2,}/g, "\n\n").trim();
function compareTexts(before, after, labels) {
  const a = fold(before);
  const b = fold(after);
  if (a === b) return { changed: false };
  const unified = diff().createTwoFilesPatch(labels.before, labels.after, a + "\n", b + "\n", void 0, void 0, { context: 3 });
  return { changed: true, unified: unified.split("\n").filter((line) => !/^(Index:|=+$)/.test(line)).join("\n") };
}

// src/extract/lazy.ts
var extractor;
async function extractLazily(html, options) {
  const { extractProcedure } = await (extractor ??= import("./extract-5XK3WGRL.js"));
  return extractProcedure(html, options);
}

// src/run/reuse.ts
function storedExtraction(stored, source, outcome) {
  if (!stored) return null;
  const { meta } = stored;
  if (meta.extractorVersion !== EXTRACTOR_VERSION || (meta.selector ?? null) !== source.selector) return null;
  if (meta.finalUrl !== outcome.finalUrl || meta.fetchedWith !== outcome.fetchedWith || stored.html !== outcome.html) return null;
  return { kind: "extracted", title: meta.title, pageUpdated: meta.pageUpdated, text: stored.text, facts: meta.facts, extractorVersion: meta.extractorVersion };
}

// src/run/acquire.ts
var BOT_BLOCK_STATUSES = /* @__PURE__ */ new Set([403, 406]);
async function read(outcome, source, stored) {
  if (outcome.kind !== "fetched") return null;
  return storedExtraction(stored, source, outcome) ?? extractLazily(outcome.html, { selector: source.selector, baseUrl: outcome.finalUrl });
}
async function acquire(source, validators, deps, stored = null) {
  const viaBrowser = async () => {
    const outcome2 = await deps.browser().fetch({ url: source.url, waitFor: source.waitFor, signal: deps.signal });
    return { outcome: outcome2, extraction: await read(outcome2, source, stored) };
  };
  if (source.mode === "browser") return viaBrowser();
  const outcome = await deps.http.fetch({ url: source.url, validators, signal: deps.signal });
  const viaHttp = { outcome, extraction: await read(outcome, source, stored) };
  if (source.mode === "http") return viaHttp;
  const blocked = outcome.kind === "http-error" && BOT_BLOCK_STATUSES.has(outcome.status);
  const unreadable = outcome.kind === "fetched" && (source.clientRoute !== null || viaHttp.extraction?.kind !== "extracted");
  if (!blocked && !unreadable) return viaHttp;
  if (outcome.kind === "fetched" && classifyRedirect(source.url, outcome.finalUrl, outcome.redirects).kind === "to-home") return viaHttp;
  if (deps.signal?.aborted) return viaHttp;
  return viaBrowser();
}

// src/run/describe-outcome.ts
function describeFailure(outcome) {
  switch (outcome.kind) {
    case "http-error":
      return outcome.status === 429 ? "HTTP 429: the site asked us to slow down" : outcome.status === 403 || outcome.status === 406 ? `HTTP ${outcome.status}: the site refused the request (bot blocking?)` : `HTTP ${outcome.status}`;
    case "network-error":
      if (outcome.code === "ENOTFOUND" || outcome.code === "EAI_AGAIN") {
        return `cannot resolve ${hostKey(outcome.url)} (${outcome.code}): this machine is offline, or the domain no longer exists`;
      }
      return `network error ${outcome.code}: ${outcome.message}`;
    case "timeout":
      return `no answer within ${outcome.afterMs} ms`;
    case "too-large":
      return `page larger than ${Math.round(outcome.limitBytes / 1024)} KiB`;
    case "browser-unavailable":
      return outcome.message;
  }
}
var isGoneStatus = (status) => status === 404 || status === 410;

// src/run/observe.ts
async function load(source, slot, deps) {
  const read2 = await deps.store.read(source.entryId, source.key, slot);
  if (read2.kind === "corrupt") {
    deps.warn(`snapshot ${source.entryId}/${source.key}/${slot} was corrupt (${read2.problem}); moved aside to ${read2.movedTo}`);
    return null;
  }
  if (read2.kind === "missing") return null;
  const snapshot = read2.snapshot;
  if (snapshot.meta.extractorVersion === EXTRACTOR_VERSION) return snapshot;
  const again = await extractLazily(snapshot.html, { selector: source.selector, baseUrl: snapshot.meta.finalUrl });
  if (again.kind !== "extracted") return snapshot;
  const upgraded = {
    html: snapshot.html,
    text: again.text,
    meta: { ...snapshot.meta, extractorVersion: EXTRACTOR_VERSION, facts: again.facts, pageUpdated: again.pageUpdated, title: again.title }
  };
  await deps.store.write(source.entryId, source.key, slot, upgraded);
  deps.log.info({ entry: source.entryId, slot }, "re-extracted snapshot made by an older extractor");
  return upgraded;
}
async function observeSource(source, deps) {
  const last = await load(source, "current", deps);
  const baseline = await load(source, "baseline", deps);
  const validators = last?.meta.fetchedWith === "http" ? last.meta.validators : null;
  const { outcome, extraction } = await acquire(source, validators, deps, last);
  const failed = (reason, detail) => ({
    kind: "failed",
    url: source.url,
    reason,
    detail,
    outcome: outcome.kind,
    finalUrl: "finalUrl" in outcome ? outcome.finalUrl : null,
    httpStatus: "status" in outcome ? outcome.status : null,
    redirects: "redirects" in outcome ? outcome.redirects : [],
    fetchedWith: outcome.fetchedWith
  });
  if (outcome.kind !== "fetched" && outcome.kind !== "not-modified") {
    if (outcome.kind === "http-error" && isGoneStatus(outcome.status)) {
      return { kind: "gone", url: source.url, finalUrl: outcome.finalUrl, httpStatus: outcome.status, redirects: outcome.redirects, fetchedWith: outcome.fetchedWith, detail: `HTTP ${outcome.status} at ${outcome.finalUrl}` };
    }
    return failed("fetch-failed", describeFailure(outcome));
  }
  const redirect = classifyRedirect(source.url, outcome.finalUrl, outcome.redirects);
  if (redirect.kind === "to-home") {
    return { kind: "gone", url: source.url, finalUrl: outcome.finalUrl, httpStatus: outcome.status, redirects: outcome.redirects, fetchedWith: outcome.fetchedWith, detail: `redirects to the site's home or a section page (${redirect.to})` };
  }
  let current;
  let storedNew = false;
  if (outcome.kind === "not-modified") {
    if (!last) return failed("fetch-failed", "HTTP 304 but no stored snapshot to reuse");
    current = last;
  } else {
    const read2 = extraction;
    if (!read2 || read2.kind !== "extracted") {
      return failed("extraction-failed", read2 ? `${read2.reason}: ${read2.detail}` : "nothing to extract");
    }
    current = {
      html: outcome.html,
      text: read2.text,
      meta: {
        url: source.url,
        finalUrl: outcome.finalUrl,
        httpStatus: outcome.status,
        redirects: outcome.redirects,
        fetchedWith: outcome.fetchedWith,
        capturedAt: deps.clock.now().toISOString(),
        validators: outcome.validators,
        charset: outcome.charset,
        contentType: outcome.contentType,
        title: read2.title,
        pageUpdated: read2.pageUpdated,
        extractorVersion: EXTRACTOR_VERSION,
        ...source.selector ? { selector: source.selector } : {},
        sha256: { text: "", html: "" },
        facts: read2.facts,
        hasScreenshot: outcome.screenshot !== null
      }
    };
    storedNew = !last || last.text !== current.text;
    const metaChanged = !last || last.meta.finalUrl !== current.meta.finalUrl || last.meta.httpStatus !== current.meta.httpStatus || last.meta.pageUpdated !== current.meta.pageUpdated;
    if (storedNew || metaChanged) await deps.store.write(source.entryId, source.key, "current", current, outcome.screenshot);
  }
  return {
    kind: "content",
    url: source.url,
    finalUrl: outcome.finalUrl,
    httpStatus: outcome.status,
    redirects: outcome.redirects,
    redirect,
    fetchedWith: outcome.fetchedWith,
    title: current.meta.title,
    pageUpdated: current.meta.pageUpdated,
    text: current.text,
    facts: current.meta.facts,
    fromBaseline: baseline ? compareTexts(baseline.text, current.text, { before: "reviewed baseline", after: "current page" }) : null,
    baselineText: baseline?.text ?? null,
    baselinePageUpdated: baseline?.meta.pageUpdated ?? null,
    storedNew,
    snapshotPath: join2(source.entryId, source.key)
  };
}

// src/run/check-entry.ts
async function checkEntry(entry, sources, deps) {
  const observations = await Promise.all(
    sources.map((source) => observeSource(source, deps))
  );
  const verdict = judgeEntry(entry, observations);
  if (deps.signal?.aborted) return entryReport(entry, verdict, observations, 0);
  const state = await deps.store.readState(entry.id);
  const consecutiveFailures = verdict.status === "unreachable" ? state.consecutiveFailures + 1 : 0;
  if (consecutiveFailures !== state.consecutiveFailures) await deps.store.writeState(entry.id, { consecutiveFailures });
  if (verdict.status === "ok") {
    for (const [index, observation] of observations.entries()) {
      const source = sources[index];
      if (source && observation.kind === "content" && observation.baselineText === null) {
        await deps.store.promote(entry.id, source.key);
      }
    }
  }
  return entryReport(entry, verdict, observations, consecutiveFailures);
}

// src/run/check.ts
var EMPTY = { ok: 0, stale: 0, unreachable: 0 };
async function runCheck(request, io, signal, seams = {}) {
  const clock = seams.clock ?? systemClock;
  const log = seams.log ?? createLogger({ level: io.env.AES_WATCH_LOG ?? "info", destination: io.stderr, pretty: io.stderr === process.stderr && process.stderr.isTTY && !io.env.CI });
  const started = clock.now();
  const done = (exitCode, report = null) => ({
    exitCode,
    summary: report?.summary ?? EMPTY,
    durationMs: clock.now().getTime() - started.getTime(),
    report
  });
  const guides = await loadGuides(request.guides, request.cwd);
  for (const problem of guides.problems) writeLine(io.stderr, formatProblem(problem));
  if (guides.problems.length > 0) return done(EXIT.usage);
  const selection = selectEntries(guides.entries, request.only);
  if (selection.kind === "unknown") {
    writeLine(io.stderr, `aes-watch: --only: no guide entry matches ${selection.names.map((n) => `"${n}"`).join(", ")}`);
    return done(EXIT.usage);
  }
  const snapshotsDir = resolve(request.cwd, request.snapshotsDir);
  const reportsDir = resolve(request.cwd, request.reportsDir);
  const lock = await acquireRunLock(lockPathFor(snapshotsDir), { wait: request.wait, clock });
  if (lock.kind === "held") {
    writeLine(io.stderr, `aes-watch: another run (pid ${lock.owner.pid}, started ${lock.owner.startedAt}, "${lock.owner.command}") is writing ${request.snapshotsDir}; try again later or pass --wait`);
    return done(EXIT.locked);
  }
  const scheduler = createPoliteScheduler({ perHostDelayMs: request.perHostDelayMs, concurrency: request.concurrency, clock });
  const http = withPoliteness(seams.http ?? createHttpFetcher({ userAgent: request.userAgent, timeoutMs: request.timeoutMs, maxBodyBytes: request.maxBodyBytes, retries: request.retries, clock, log }), scheduler);
  let browser = null;
  const browserOnDemand = () => {
    browser ??= withPoliteness(seams.browser?.() ?? lazyBrowser(request, io, log), scheduler);
    return browser;
  };
  const store = createFileSnapshotStore(snapshotsDir, () => clock.now());
  const warnings = [];
  try {
    const entries = await Promise.all(
      selection.entries.map(
        (entry) => checkEntry(entry, sourcesOf(entry, request.entries[entry.id], request.defaultFetch, request.forcedFetch), {
          http,
          browser: browserOnDemand,
          signal,
          store,
          clock,
          log,
          warn: (message) => {
            warnings.push(message);
            log.warn(message);
          }
        })
      )
    );
    if (signal?.aborted) {
      log.warn("check aborted: no report written for this run");
      return done(EXIT.ok);
    }
    const summary = { ok: 0, stale: 0, unreachable: 0 };
    for (const entry of entries) summary[entry.status] += 1;
    const report = RunReport.parse({
      tool: { name: "aes-watch", version: VERSION, extractorVersion: EXTRACTOR_VERSION },
      startedAt: started.toISOString(),
      finishedAt: clock.now().toISOString(),
      guides: request.guides,
      summary,
      warnings,
      entries
    });
    const context = { reportsDir, snapshotsDir, log, dryRun: request.dryRun, unreachableAfter: request.unreachableAfter, env: io.env, out: io.stdout };
    const outcomes = await runReporters(await reportersFor(request), report, context);
    if (request.json) writeLine(io.stdout, JSON.stringify(report, null, 2));
    writeLine(io.stderr, formatSummary(report, reportsDir, request.cwd));
    const failedReporter = outcomes.find((outcome) => outcome.kind === "failed");
    if (failedReporter?.kind === "failed") return done(failedReporter.exitCode, report);
    if (entries.some((entry) => request.failOn.includes(entry.status))) return done(EXIT.failOn, report);
    return done(EXIT.ok, report);
  } finally {
    await browser?.close?.().catch((error) => log.warn({ err: error }, "closing the browser failed"));
    await lock.release();
  }
}
function lazyBrowser(request, io, log) {
  let real = null;
  const get = () => real ??= import("./browser-TT4NANNU.js").then(
    ({ createBrowserFetcher }) => createBrowserFetcher({ timeoutMs: request.timeoutMs, userAgent: request.userAgent, env: io.env, log })
  );
  return {
    fetch: async (fetchRequest) => (await get()).fetch(fetchRequest),
    close: async () => {
      if (real) await (await real).close?.();
    }
  };
}
export {
  runCheck
};
//# sourceMappingURL=check-H473I5OO.js.map
