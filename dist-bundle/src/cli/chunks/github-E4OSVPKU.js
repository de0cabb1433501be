import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  commentMarkerLine,
  createDraftsReporter,
  issueBodyWithMarker,
  issueIntents,
  parseCommentMarker,
  parseIssueMarker,
  readGitHubSettings,
  scrubSecrets
} from "./chunk-2WPASVMJ.js";
import "./chunk-LIZN4YST.js";
import {
  EXIT
} from "./chunk-YOK7OKJF.js";
import "./chunk-BPTGL3JP.js";
import {
  writeLine
} from "./chunk-TTXVVIMA.js";
import "./chunk-3EVCR4QT.js";
import "./chunk-YORK7EG5.js";
import "./chunk-PHPHHISB.js";
import "./chunk-DXLBKT2R.js";

// src/notify/github/client.ts
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
var USER_AGENT = "aes-watch/0.1 (+https://github.com/gisti/aes-watch)";
var MAX_RETRIES = 2;
var MAX_WAIT_SECONDS = 60;
var RetryingOctokit = Octokit.plugin(retry, throttling);
function pacedGroup(minTimeMs) {
  const chains = /* @__PURE__ */ new Map();
  return {
    key(id = "") {
      return {
        schedule(_options, task, ...args) {
          const previous = chains.get(id) ?? Promise.resolve();
          const run = previous.then(async () => {
            try {
              return await task(...args);
            } finally {
              if (minTimeMs > 0) await new Promise((resolve) => setTimeout(resolve, minTimeMs));
            }
          });
          chains.set(id, run.catch(() => void 0));
          return run;
        }
      };
    }
  };
}
function createGitHubClient(settings, log) {
  const scrub = (message) => scrubSecrets(String(message), settings.token);
  const giveUpOrRetry = (kind) => (retryAfter, options, _o, retryCount) => {
    const retrying = retryCount < MAX_RETRIES && retryAfter <= MAX_WAIT_SECONDS;
    log.debug(scrub(`GitHub ${kind} on ${options.method} ${options.url}: ${retrying ? `retrying in ${retryAfter} s` : "giving up"}`));
    return retrying;
  };
  const paced = settings.paceMs !== 1e3;
  const throttle = {
    onRateLimit: giveUpOrRetry("rate limit"),
    onSecondaryRateLimit: giveUpOrRetry("secondary rate limit"),
    retryAfterBaseValue: settings.paceMs,
    ...paced ? {
      global: pacedGroup(0),
      auth: pacedGroup(0),
      write: pacedGroup(settings.paceMs),
      notifications: pacedGroup(3 * settings.paceMs)
    } : {}
  };
  return new RetryingOctokit({
    auth: settings.token ?? void 0,
    baseUrl: settings.apiUrl,
    userAgent: USER_AGENT,
    retry: { retries: MAX_RETRIES, retryAfterBaseValue: settings.paceMs },
    // The pacing groups only mimic the part of Bottleneck's API the plugin calls.
    throttle,
    log: {
      debug: (m) => log.debug(scrub(m)),
      info: (m) => log.debug(scrub(m)),
      warn: (m) => log.debug(scrub(m)),
      error: (m) => log.debug(scrub(m))
    }
  });
}

// src/notify/github/dry-run-tracker.ts
function createDryRunTracker(reads, repoPath, out) {
  const print = (line) => writeLine(out, `dry run: ${line}`);
  const issues = `/repos/${repoPath}/issues`;
  const short = (text) => JSON.stringify(text.length > 120 ? `${text.slice(0, 119)}\u2026` : text);
  const firstLine = (text) => text.split("\n")[0] ?? "";
  let nextNumber = 1e6;
  return {
    async listIssues() {
      if (reads) return reads.listIssues();
      print(`GET ${issues}?state=all&labels=aes-watch&per_page=100 (skipped: no GITHUB_TOKEN, assuming no issues yet)`);
      return [];
    },
    listComments: async (issue) => reads ? reads.listComments(issue) : [],
    listLabels: async () => reads ? reads.listLabels() : [],
    async createLabel(label) {
      print(`POST /repos/${repoPath}/labels: create label ${short(label.name)}`);
    },
    async createIssue(issue) {
      print(`POST ${issues}: create ${short(issue.title)} labels ${issue.labels.join(", ")}`);
      return nextNumber++;
    },
    async updateIssue(issue, update) {
      const parts = [
        update.state ? `state ${update.state}${update.stateReason ? ` (${update.stateReason})` : ""}` : null,
        update.title !== void 0 ? `title ${short(update.title)}` : null,
        update.body !== void 0 ? "body" : null
      ].filter(Boolean);
      print(`PATCH ${issues}/${issue}: ${parts.join(", ")}`);
    },
    async addLabels(issue, labels) {
      print(`POST ${issues}/${issue}/labels: add ${labels.join(", ")}`);
    },
    async comment(issue, body) {
      print(`POST ${issues}/${issue}/comments: ${short(firstLine(body))}`);
    }
  };
}

// src/notify/github/labels.ts
var BASE_LABEL = "aes-watch";
function labelsFor(identity, departmentCode) {
  return [BASE_LABEL, identity.kind, `dept:${departmentCode}`];
}
function specOf(name) {
  if (name === BASE_LABEL) return { name, color: "1d76db", description: "Opened by aes-watch" };
  if (name === "stale") return { name, color: "d93f0b", description: "aes-watch: guide entry no longer matches its source" };
  if (name === "unreachable") return { name, color: "fbca04", description: "aes-watch: source could not be fetched" };
  return { name, color: "c5def5", description: `aes-watch: d\xE9partement ${name.slice("dept:".length)}` };
}
var sameLabel = (a, b) => a.toLowerCase() === b.toLowerCase();
function labelKeeper(tracker) {
  let known = null;
  return async function ensure(names) {
    known ??= tracker.listLabels();
    const existing = await known;
    for (const name of names) {
      if (existing.some((e) => sameLabel(e, name))) continue;
      await tracker.createLabel(specOf(name));
      existing.push(name);
    }
  };
}

// src/notify/github/octokit-tracker.ts
var labelName = (label) => typeof label === "string" ? label : label.name ?? "";
var NO_RETRY = { request: { retries: 0 } };
function createOctokitTracker(client, owner, repo) {
  const where = { owner, repo };
  return {
    async listIssues() {
      const items = await client.paginate(client.rest.issues.listForRepo, {
        ...where,
        state: "all",
        labels: BASE_LABEL,
        per_page: 100
      });
      return items.filter((item) => !item.pull_request).map(
        (item) => ({
          number: item.number,
          title: item.title,
          body: item.body ?? "",
          state: item.state === "closed" ? "closed" : "open",
          stateReason: item.state_reason ?? null,
          labels: item.labels.map(labelName).filter(Boolean),
          author: item.user?.login ?? null,
          marker: parseIssueMarker(item.body)
        })
      );
    },
    async listComments(issue) {
      const comments = await client.paginate(client.rest.issues.listComments, { ...where, issue_number: issue, per_page: 100 });
      return comments.map((c) => ({ body: c.body ?? "", author: c.user?.login ?? null }));
    },
    async listLabels() {
      const labels = await client.paginate(client.rest.issues.listLabelsForRepo, { ...where, per_page: 100 });
      return labels.map((l) => l.name);
    },
    async createLabel(label) {
      try {
        await client.rest.issues.createLabel({ ...where, ...label });
      } catch (error) {
        if (error.status !== 422) throw error;
      }
    },
    async createIssue(issue) {
      const created = await client.rest.issues.create({ ...where, ...issue, ...NO_RETRY });
      return created.data.number;
    },
    async updateIssue(issue, update) {
      await client.rest.issues.update({
        ...where,
        issue_number: issue,
        ...update.title !== void 0 ? { title: update.title } : {},
        ...update.body !== void 0 ? { body: update.body } : {},
        ...update.state ? { state: update.state } : {},
        ...update.stateReason ? { state_reason: update.stateReason } : {}
      });
    },
    async addLabels(issue, labels) {
      await client.rest.issues.addLabels({ ...where, issue_number: issue, labels });
    },
    async comment(issue, body) {
      await client.rest.issues.createComment({ ...where, issue_number: issue, body, ...NO_RETRY });
    }
  };
}

// src/notify/github/sync.ts
var keyOf = (entryId, kind) => `${entryId}\0${kind}`;
var byNumber = (a, b) => a.number - b.number;
function identityOf(intent) {
  return intent.action === "open" ? intent.draft.identity : intent.identity;
}
function canonicalOf(same) {
  return same.find((i) => i.state === "open") ?? same.find((i) => i.stateReason !== "duplicate") ?? same[0] ?? null;
}
async function syncIssues(intents, tracker) {
  const summary = { created: 0, updated: 0, reopened: 0, closed: 0, duplicatesClosed: 0, unchanged: 0 };
  const active = intents.filter((i) => i.action !== "leave");
  if (active.length === 0) return summary;
  const groups = /* @__PURE__ */ new Map();
  for (const issue of await tracker.listIssues()) {
    if (!issue.marker) continue;
    const key = keyOf(issue.marker.entry, issue.marker.kind);
    groups.set(key, [...groups.get(key) ?? [], issue]);
  }
  const ensureLabels = labelKeeper(tracker);
  async function commentOnce(issue, event, digest, text) {
    const ours = (await tracker.listComments(issue.number)).filter((c) => issue.author === null || c.author === issue.author).map((c) => parseCommentMarker(c.body)).filter((m) => m !== null);
    const last = ours[ours.length - 1];
    if (last && last.event === event && last.digest === digest) return;
    await tracker.comment(issue.number, `${text}

${commentMarkerLine({ event, digest })}`);
  }
  async function close(issue, event, text, reason) {
    await commentOnce(issue, event, issue.marker.digest, text);
    await tracker.updateIssue(issue.number, { state: "closed", stateReason: reason });
    issue.state = "closed";
  }
  async function addMissingLabels(issue, draft) {
    const missing = labelsFor(draft.identity, draft.departmentCode).filter((l) => !issue.labels.some((h) => sameLabel(h, l)));
    if (missing.length === 0) return;
    await ensureLabels(missing);
    await tracker.addLabels(issue.number, missing);
  }
  async function refresh(issue, draft, event, text, update) {
    await commentOnce(issue, event, draft.digest, `${text}

${draft.body}`);
    await tracker.updateIssue(issue.number, { ...update, title: draft.title, body: issueBodyWithMarker(draft) });
    await addMissingLabels(issue, draft);
  }
  async function open(canonical, draft) {
    if (!canonical) {
      const labels = labelsFor(draft.identity, draft.departmentCode);
      await ensureLabels(labels);
      summary.created += 1;
      return tracker.createIssue({ title: draft.title, body: issueBodyWithMarker(draft), labels });
    }
    const sameDigest = canonical.marker.digest === draft.digest;
    if (canonical.state === "open" && sameDigest) {
      summary.unchanged += 1;
    } else if (canonical.state === "open") {
      await refresh(canonical, draft, "update", "aes-watch: there is something new to review. The description is updated; it now reads:", {});
      summary.updated += 1;
    } else if (canonical.stateReason === "not_planned" && sameDigest) {
      summary.unchanged += 1;
    } else {
      const why = canonical.stateReason === "not_planned" ? "the source changed since this issue was closed as not planned" : "this guide entry is stale again";
      await refresh(canonical, draft, "reopen", `aes-watch: reopened because ${why}. The description now reads:`, {
        state: "open",
        stateReason: "reopened"
      });
      summary.reopened += 1;
    }
    return canonical.number;
  }
  for (const intent of active) {
    const identity = identityOf(intent);
    const group = groups.get(keyOf(identity.entryId, identity.kind)) ?? [];
    const same = group.filter((i) => i.marker.guide === identity.guideUpdated).sort(byNumber);
    const older = group.filter((i) => i.marker.guide !== identity.guideUpdated && i.state === "open");
    const canonical = canonicalOf(same);
    for (const duplicate of same) {
      if (duplicate === canonical || duplicate.state !== "open" || !canonical) continue;
      await close(duplicate, "duplicate", `aes-watch: duplicate of #${canonical.number}, which tracks the same guide entry.`, "duplicate");
      summary.duplicatesClosed += 1;
    }
    if (intent.action === "open") {
      const number = await open(canonical, intent.draft);
      for (const issue of older) {
        const text = `aes-watch: the guide entry now has a newer date (${identity.guideUpdated}); this issue is superseded by #${number}.`;
        await close(issue, "superseded", text, "completed");
        summary.closed += 1;
      }
    } else if (intent.action === "resolve") {
      for (const issue of [...canonical?.state === "open" ? [canonical] : [], ...older]) {
        await close(issue, "close", intent.comment, "completed");
        summary.closed += 1;
      }
    }
  }
  return summary;
}
function formatSyncSummary(s) {
  return `issues: ${s.created} created, ${s.updated} updated, ${s.reopened} reopened, ${s.closed} closed, ${s.duplicatesClosed} duplicates closed, ${s.unchanged} unchanged`;
}

// src/notify/github/reporter.ts
function describeGitHubError(error, apiUrl) {
  const e = error ?? {};
  const call = e.request?.method && e.request.url ? `${e.request.method} ${e.request.url.replace(apiUrl, "")}: ` : "";
  const status = typeof e.status === "number" ? `HTTP ${e.status} ` : "";
  const message = (e.message ?? String(error)).split("\n")[0]?.slice(0, 300) ?? "";
  return `${call}${status}${message}`.trim();
}
function failed(context, message) {
  context.log.error({ reporter: "github" }, message);
  return { kind: "failed", message, exitCode: EXIT.notifyFailed };
}
function createGitHubReporter() {
  return {
    name: "github",
    async onRunEnd(report, context) {
      const read = readGitHubSettings(context.env, context.dryRun);
      if (read.kind === "invalid") return failed(context, `GitHub issues not updated: ${read.message}`);
      const { settings } = read;
      const repoPath = `${settings.owner}/${settings.repo}`;
      try {
        const links = { reportUrl: settings.reportUrl };
        const intents = report.entries.flatMap((entry) => issueIntents(entry, context.unreachableAfter, links));
        const real = settings.token ? createOctokitTracker(createGitHubClient(settings, context.log), settings.owner, settings.repo) : null;
        const tracker = context.dryRun ? createDryRunTracker(real, repoPath, context.out) : real;
        if (!tracker) return failed(context, "GitHub issues not updated: GITHUB_TOKEN is not set");
        const summary = formatSyncSummary(await syncIssues(intents, tracker));
        return { kind: "done", summary: `${context.dryRun ? "dry run, " : ""}${repoPath} ${summary}` };
      } catch (error) {
        const detail = scrubSecrets(describeGitHubError(error, settings.apiUrl), settings.token);
        return failed(context, `GitHub issues not updated (${repoPath}): ${detail}`);
      }
    }
  };
}
export {
  createDraftsReporter,
  createGitHubReporter
};
//# sourceMappingURL=github-E4OSVPKU.js.map
