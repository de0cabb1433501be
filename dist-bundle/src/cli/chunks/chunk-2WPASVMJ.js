import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  STALE_REASONS
} from "./chunk-LIZN4YST.js";
import {
  require_lib
} from "./chunk-BPTGL3JP.js";
import {
  external_exports
} from "./chunk-YORK7EG5.js";
import {
  codeBlock,
  longestRun
} from "./chunk-PHPHHISB.js";
import {
  __toESM
} from "./chunk-DXLBKT2R.js";

// src/notify/drafts-reporter.ts
var import_write_file_atomic = __toESM(require_lib(), 1);
import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

// src/notify/github/settings.ts
var REPO_RE = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/;
function httpUrl(value) {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) ? url.href.replace(/\/+$/, "") : null;
  } catch {
    return null;
  }
}
function reportUrlFromEnv(env) {
  const repository = env.GITHUB_REPOSITORY?.trim() ?? "";
  const server = env.GITHUB_SERVER_URL?.trim() ? httpUrl(env.GITHUB_SERVER_URL.trim()) : null;
  const runId = env.GITHUB_RUN_ID?.trim() ?? "";
  return server && REPO_RE.test(repository) && /^\d+$/.test(runId) ? `${server}/${repository}/actions/runs/${runId}` : null;
}
function readGitHubSettings(env, dryRun) {
  const token = env.GITHUB_TOKEN?.trim() || null;
  if (!token && !dryRun) return { kind: "invalid", message: "GITHUB_TOKEN is not set: cannot update GitHub issues" };
  const repository = env.GITHUB_REPOSITORY?.trim() ?? "";
  const repoMatch = REPO_RE.exec(repository);
  if (!repoMatch) {
    return { kind: "invalid", message: `GITHUB_REPOSITORY must be "owner/name", got ${JSON.stringify(repository)}` };
  }
  const apiUrl = httpUrl(env.GITHUB_API_URL?.trim() || "https://api.github.com");
  if (!apiUrl) return { kind: "invalid", message: `GITHUB_API_URL is not an http(s) URL: ${JSON.stringify(env.GITHUB_API_URL)}` };
  const reportUrl = reportUrlFromEnv(env);
  const pace = Number(env.AES_WATCH_GITHUB_PACE_MS?.trim() || 1e3);
  if (!Number.isInteger(pace) || pace < 0) {
    return { kind: "invalid", message: `AES_WATCH_GITHUB_PACE_MS must be a whole number of milliseconds, got ${JSON.stringify(env.AES_WATCH_GITHUB_PACE_MS)}` };
  }
  return {
    kind: "ok",
    settings: {
      token,
      owner: repoMatch[1],
      repo: repoMatch[2],
      apiUrl,
      reportUrl,
      paceMs: pace
    }
  };
}
function scrubSecrets(text, token) {
  let out = text;
  if (token && token.length >= 4) out = out.split(token).join("[redacted]");
  return out.replace(/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, "[redacted]");
}

// src/notify/issue-body.ts
import { createHash } from "node:crypto";

// src/notify/neutralise.ts
var ZWJ = "\u200D";
function breakReferences(text) {
  return text.replace(/(^|[^A-Za-z0-9_.+-])@(?=[A-Za-z0-9])/g, `$1@${ZWJ}`).replace(/#(?=\d)/g, `#${ZWJ}`).replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`).replace(/\b(https?|ftp):(?=\/\/)/gi, `$1:${ZWJ}`).replace(/\bwww\./gi, `www${ZWJ}.`);
}
function oneLine(text) {
  return text.replace(/[\r\n\t\f\v\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ").trim();
}
function neutraliseText(text) {
  return breakReferences(oneLine(text)).replace(/\\/g, "\\\\").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([`*_[\]~|!#])/g, "\\$1");
}
function neutraliseTitle(text, maxLength = 256) {
  const flat = breakReferences(oneLine(text));
  return flat.length <= maxLength ? flat : `${flat.slice(0, maxLength - 1)}\u2026`;
}
function codeSpan(text) {
  const flat = oneLine(text);
  if (flat === "") return "` `";
  const ticks = "`".repeat(longestRun(flat, "`") + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}
var NO_LINK_HOSTS = /(^|\.)github\.com$/i;
function safeLink(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return codeSpan(url);
  }
  if (!/^https?:$/.test(parsed.protocol) || NO_LINK_HOSTS.test(parsed.hostname)) return codeSpan(url);
  const href = parsed.href.replace(/[<>\s]/g, encodeURIComponent);
  return `[${codeSpan(url)}](<${href}>)`;
}

// src/notify/body-parts.ts
var REASON_LABEL = {
  "fact-missing": "facts missing",
  "content-changed": "content changed",
  "page-updated": "page updated",
  "source-moved": "source moved",
  "source-gone": "source gone",
  "fetch-failed": "fetch failed",
  "extraction-failed": "extraction failed"
};
var MAX_REASONS = 20;
var MAX_FACTS = 40;
var MAX_SOURCES = 10;
var MAX_VALUE = 300;
function clip(text, max = MAX_VALUE) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
function more(count, shown) {
  return count > shown ? [`- \u2026 and ${count - shown} more (see the run report)`] : [];
}
function frenchDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
function reasonsSection(reasons) {
  if (reasons.length === 0) return [];
  const lines = reasons.slice(0, MAX_REASONS).map((reason) => {
    const label = REASON_LABEL[reason.code];
    const detail = reason.detail ? `: ${neutraliseText(clip(reason.detail))}` : "";
    const source = reason.sourceUrl ? ` (${safeLink(clip(reason.sourceUrl, 1e3))})` : "";
    return `- **${label[0]?.toUpperCase()}${label.slice(1)}**${detail}${source}`;
  });
  return ["### Why", "", ...lines, ...more(reasons.length, MAX_REASONS), ""];
}
function factList(facts) {
  return [
    ...facts.slice(0, MAX_FACTS).map((f) => `- ${f.kind}: ${codeSpan(clip(f.value))}`),
    ...more(facts.length, MAX_FACTS)
  ];
}
function factsSection(facts) {
  if (facts.missing.length === 0 && facts.added.length === 0) return [];
  const lines = ["### Facts", ""];
  if (facts.missing.length > 0) {
    lines.push("Stated by the guide, no longer found on the page:", "", ...factList(facts.missing), "");
  }
  if (facts.added.length > 0) {
    lines.push("On the page, not in the guide:", "", ...factList(facts.added), "");
  }
  return lines;
}
function datesSection(entry) {
  const lines = ["### Dates", "", `- Guide, "Derni\xE8re mise \xE0 jour": ${neutraliseText(frenchDate(entry.guideUpdated))}`];
  for (const source of entry.sources.slice(0, MAX_SOURCES)) {
    if (!source.pageUpdated) continue;
    const newer = source.pageUpdated > entry.guideUpdated ? " (newer than the guide)" : "";
    lines.push(
      `- Page, "Mis \xE0 jour le": ${neutraliseText(frenchDate(source.pageUpdated))}${newer}, ${safeLink(clip(source.url, 1e3))}`
    );
  }
  if (lines.length === 3) lines.push("- Page: no date found");
  return [...lines, ""];
}
function sourceLines(source) {
  const status = source.httpStatus === null ? "" : `HTTP ${source.httpStatus}, `;
  const lines = [`- Cited: ${safeLink(clip(source.url, 1e3))}`];
  if (source.finalUrl && source.finalUrl !== source.url) {
    lines.push(`  - Final URL: ${safeLink(clip(source.finalUrl, 1e3))}`);
  }
  lines.push(`  - Outcome: ${status}${codeSpan(clip(source.outcome, 60))}`);
  for (const hop of source.redirects.slice(0, 5)) {
    lines.push(`  - Redirect: ${hop.status} from ${safeLink(clip(hop.url, 1e3))}`);
  }
  if (source.title) lines.push(`  - Page title: ${neutraliseText(clip(source.title))}`);
  return lines;
}
function sourcesSection(sources) {
  return [
    "### Sources",
    "",
    ...sources.slice(0, MAX_SOURCES).flatMap(sourceLines),
    ...more(sources.length, MAX_SOURCES),
    ""
  ];
}
function checklistSection(entry, kind) {
  return [
    "### For the editor",
    "",
    ...kind === "unreachable" ? ["- [ ] Open the cited URL in a browser; if the page moved, find its new address"] : [],
    "- [ ] Update the guide entry in the GISTI guide (procedure, channel, addresses, date)",
    `- [ ] Update its text in this repository: ${codeSpan(clip(entry.guideFile))} (under \`data/guides/\`)`,
    `- [ ] Run ${codeSpan(`aes-watch accept ${entry.id}`)} to take the current page as the new reviewed baseline`,
    ""
  ];
}
function diffSection(source, budget, note) {
  const diff = source.diffFromBaseline ?? "";
  const heading = `#### ${safeLink(clip(source.url, 1e3))}`;
  const lines = diff.replace(/\n$/, "").split("\n");
  const full = `${heading}

${codeBlock(diff, "diff")}
`;
  if (full.length <= budget) return [heading, "", codeBlock(diff, "diff"), ""];
  const fence = Math.max(3, (diff.match(/`+/g) ?? []).reduce((m, run) => Math.max(m, run.length + 1), 0));
  const fixed = heading.length + 2 + note(lines.length, lines.length).length + 2 * fence + 16;
  let room = budget - fixed;
  const shown = [];
  for (const line of lines) {
    if (line.length + 1 > room) {
      if (shown.length === 0 && room > 80) shown.push(`${line.slice(0, room - 2)}\u2026`);
      break;
    }
    shown.push(line);
    room -= line.length + 1;
  }
  const block = shown.length > 0 ? [codeBlock(shown.join("\n"), "diff"), ""] : [];
  return [heading, "", ...block, note(shown.length, lines.length), ""];
}

// src/notify/marker.ts
var IssueMarker = external_exports.object({
  entry: external_exports.string().regex(/^[0-9AB]{2,3}-[a-z0-9-]+$/),
  kind: external_exports.enum(["stale", "unreachable"]),
  guide: external_exports.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  digest: external_exports.string().regex(/^[0-9a-f]{8,64}$/)
});
var COMMENT_EVENTS = ["update", "reopen", "close", "duplicate", "superseded"];
var CommentMarker = external_exports.object({ event: external_exports.enum(COMMENT_EVENTS), digest: external_exports.string() });
var MARKER_ROOM = 1024;
var GITHUB_BODY_LIMIT = 65536;
var ISSUE_RE = /^<!-- aes-watch (\{[^\n]*\}) -->$/;
var COMMENT_RE = /^<!-- aes-watch-comment (\{[^\n]*\}) -->$/;
function issueMarkerLine(identity2, digest) {
  const marker = { entry: identity2.entryId, kind: identity2.kind, guide: identity2.guideUpdated, digest };
  return `<!-- aes-watch ${JSON.stringify(marker)} -->`;
}
function issueBodyWithMarker(draft) {
  return `${draft.body}

${issueMarkerLine(draft.identity, draft.digest)}`;
}
function lastLine(text) {
  const lines = text.replace(/\s+$/, "").split("\n");
  return (lines[lines.length - 1] ?? "").trim();
}
function parseJson(text, re, schema) {
  const match = re.exec(lastLine(text));
  if (!match?.[1]) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(match[1]));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
function parseIssueMarker(body) {
  return body ? parseJson(body, ISSUE_RE, IssueMarker) : null;
}
function commentMarkerLine(marker) {
  return `<!-- aes-watch-comment ${JSON.stringify(marker)} -->`;
}
function parseCommentMarker(body) {
  return body ? parseJson(body, COMMENT_RE, CommentMarker) : null;
}

// src/notify/issue-body.ts
var BODY_LIMIT = GITHUB_BODY_LIMIT - MARKER_ROOM;
function titleReason(entry, kind) {
  const wanted = kind === "stale" ? STALE_REASONS : ["fetch-failed", "extraction-failed"];
  const codes = [...new Set(entry.reasons.map((r) => r.code).filter((c) => wanted.includes(c)))];
  if (codes.length === 0) return kind === "stale" ? "" : " (fetch failed)";
  return ` (${codes.map((c) => REASON_LABEL[c]).join(", ")})`;
}
function issueTitle(entry, kind) {
  const verdict = kind === "stale" ? "is stale" : "is unreachable";
  return neutraliseTitle(
    `${entry.department.name} (${entry.department.code}): guide entry of ${frenchDate(entry.guideUpdated)} ${verdict}${titleReason(entry, kind)}`
  );
}
function intro(entry, kind) {
  const who = `**${neutraliseText(entry.department.name)} (${neutraliseText(entry.department.code)})**, ${neutraliseText(entry.prefecture)}`;
  const what = kind === "stale" ? "no longer matches the official page it cites." : "could not be checked: every source it cites failed to fetch or extract in several consecutive runs. The details below are from when this issue was opened or last updated.";
  return [
    `The guide entry for ${who}, dated ${neutraliseText(frenchDate(entry.guideUpdated))}, ${what}`,
    "",
    `Entry id: \`${neutraliseText(entry.id)}\``,
    ""
  ];
}
function reportLink(url) {
  try {
    return `[run report](<${new URL(url).href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  } catch {
    return neutraliseText(url);
  }
}
function render(entry, kind, links) {
  const head = [
    ...intro(entry, kind),
    ...reasonsSection(entry.reasons),
    ...kind === "stale" ? factsSection(entry.facts) : [],
    ...kind === "stale" ? datesSection(entry) : [],
    ...sourcesSection(entry.sources)
  ].join("\n");
  const report = links.reportUrl ? [`Full run report: ${reportLink(links.reportUrl)}`, ""] : [];
  const tail = [...checklistSection(entry, kind), ...report].join("\n");
  const diffed = kind === "stale" ? entry.sources.filter((s) => s.diffFromBaseline) : [];
  if (diffed.length === 0) return `${head}
${tail}`.trimEnd();
  const where = links.reportUrl ? "the full run report linked below" : "the run report (`latest.json`)";
  const note = (shown, total) => `_Diff cut to fit the issue: ${shown} of ${total} lines shown. The full diff is in ${where}._`;
  const diffHeading = "### Changes since the reviewed snapshot\n";
  let room = BODY_LIMIT - head.length - tail.length - diffHeading.length - 8;
  const parts = [];
  diffed.forEach((source, i) => {
    const section = diffSection(source, Math.floor(room / (diffed.length - i)), note).join("\n");
    parts.push(section);
    room -= section.length + 1;
  });
  return `${head}
${diffHeading}
${parts.join("\n")}
${tail}`.trimEnd();
}
function sha(text) {
  return createHash("sha256").update(text).digest("hex").slice(0, 20);
}
function draftDigest(entry, kind, title) {
  if (kind === "unreachable") {
    return sha(JSON.stringify({ kind, id: entry.id, guide: entry.guideUpdated, urls: entry.sources.map((s) => s.url) }));
  }
  return sha(`${kind}
${title}
${render(entry, kind, { reportUrl: null })}`);
}
function draftIssue(entry, kind, links) {
  const title = issueTitle(entry, kind);
  return {
    identity: { entryId: entry.id, kind, guideUpdated: entry.guideUpdated },
    departmentCode: entry.department.code,
    title,
    body: render(entry, kind, links),
    digest: draftDigest(entry, kind, title)
  };
}

// src/notify/intents.ts
function identity(entry, kind) {
  return { entryId: entry.id, kind, guideUpdated: entry.guideUpdated };
}
function resolve(entry, kind, comment) {
  return { action: "resolve", identity: identity(entry, kind), departmentCode: entry.department.code, comment };
}
var STALE_RESOLVED = "aes-watch: this guide entry matches its sources again (verdict: ok), so this issue is closed. It reopens if the entry goes stale again.";
var UNREACHABLE_RESOLVED = "aes-watch: the sources of this guide entry were fetched successfully again, so this issue is closed.";
function issueIntents(entry, unreachableAfter, links) {
  switch (entry.status) {
    case "ok":
      return [resolve(entry, "stale", STALE_RESOLVED), resolve(entry, "unreachable", UNREACHABLE_RESOLVED)];
    case "stale":
      return [
        { action: "open", draft: draftIssue(entry, "stale", links) },
        resolve(entry, "unreachable", UNREACHABLE_RESOLVED)
      ];
    case "unreachable":
      return [
        { action: "leave", identity: identity(entry, "stale") },
        entry.consecutiveFailures >= unreachableAfter ? { action: "open", draft: draftIssue(entry, "unreachable", links) } : { action: "leave", identity: identity(entry, "unreachable") }
      ];
  }
}

// src/notify/drafts-reporter.ts
var SAFE_ID = /^[0-9AB]{2,3}-[a-z0-9-]+$/;
function draftFileName(entryId, kind) {
  return kind === "stale" ? `${entryId}.md` : `${entryId}.unreachable.md`;
}
async function readOrNull(path) {
  return readFile(path, "utf8").catch(() => null);
}
function createDraftsReporter() {
  return {
    name: "issue-drafts",
    async onRunEnd(report, context) {
      const dir = join(context.reportsDir, "issues");
      const links = { reportUrl: reportUrlFromEnv(context.env) };
      let written = 0;
      let removed = 0;
      for (const entry of report.entries) {
        if (!SAFE_ID.test(entry.id)) {
          context.log.warn(`issue drafts: skipped entry with an unexpected id ${JSON.stringify(entry.id)}`);
          continue;
        }
        for (const intent of issueIntents(entry, context.unreachableAfter, links)) {
          const kind = intent.action === "open" ? intent.draft.identity.kind : intent.identity.kind;
          const path = join(dir, draftFileName(entry.id, kind));
          if (intent.action === "open") {
            const content = `# ${intent.draft.title}

${issueBodyWithMarker(intent.draft)}
`;
            if (await readOrNull(path) === content) continue;
            await mkdir(dir, { recursive: true });
            await (0, import_write_file_atomic.default)(path, content);
            written += 1;
          } else if (intent.action === "resolve" && await readOrNull(path) !== null) {
            await rm(path, { force: true });
            removed += 1;
          }
        }
      }
      return { kind: "done", summary: `issue drafts: ${written} written, ${removed} removed in ${dir}` };
    }
  };
}

export {
  readGitHubSettings,
  scrubSecrets,
  issueBodyWithMarker,
  parseIssueMarker,
  commentMarkerLine,
  parseCommentMarker,
  issueIntents,
  draftFileName,
  createDraftsReporter
};
//# sourceMappingURL=chunk-2WPASVMJ.js.map
