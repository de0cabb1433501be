import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  require_lib
} from "./chunk-BPTGL3JP.js";
import {
  systemClock
} from "./chunk-PUBVGIRJ.js";
import {
  Fact
} from "./chunk-3EVCR4QT.js";
import {
  external_exports
} from "./chunk-YORK7EG5.js";
import {
  __toESM
} from "./chunk-DXLBKT2R.js";

// src/schedule/lock.ts
import { randomUUID } from "node:crypto";
import { link, mkdir, open, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
var LockOwner = external_exports.object({
  pid: external_exports.number().int().positive(),
  startedAt: external_exports.string(),
  command: external_exports.string(),
  host: external_exports.string(),
  /** Unique per acquisition: tells "our" lock file from a newer one at the same path. */
  token: external_exports.string().optional()
});
var lockPathFor = (snapshotsDir) => join(snapshotsDir, ".aes-watch.lock");
var DEFAULT_MAX_AGE_MS = 6 * 60 * 60 * 1e3;
var heldHere = /* @__PURE__ */ new Set();
async function acquireRunLock(path, options) {
  const clock = options.clock ?? systemClock;
  const pollMs = options.pollMs ?? 1e3;
  const started = clock.now().getTime();
  await mkdir(dirname(path), { recursive: true });
  for (; ; ) {
    const owner = {
      pid: process.pid,
      startedAt: clock.now().toISOString(),
      command: options.command ?? defaultCommand(),
      host: hostname(),
      token: randomUUID()
    };
    if (await createExclusive(path, owner)) return acquired(path, owner.token ?? "");
    const seen = await observe(path, clock, options.maxAgeMs ?? DEFAULT_MAX_AGE_MS);
    if (seen.kind === "absent") continue;
    if (seen.kind === "abandoned") {
      options.onTakeOver?.(seen.why);
      await takeOver(path, seen.raw);
      continue;
    }
    const waited = clock.now().getTime() - started;
    const timedOut = options.timeoutMs !== void 0 && waited >= options.timeoutMs;
    if (!options.wait || timedOut || options.signal?.aborted) return held(seen.owner);
    try {
      await clock.sleep(pollMs, options.signal);
    } catch {
      return held(seen.owner);
    }
  }
}
function held(owner) {
  return { kind: "held", owner: { pid: owner.pid, startedAt: owner.startedAt, command: owner.command, host: owner.host } };
}
function acquired(path, token) {
  heldHere.add(path);
  let released = false;
  return {
    kind: "acquired",
    async release() {
      if (released) return;
      released = true;
      heldHere.delete(path);
      const current = await readOwner(path);
      if (current.kind === "parsed" && current.owner.token === token) await unlink(path).catch(ignoreMissing);
    }
  };
}
async function createExclusive(path, owner) {
  const draft = `${path}.${process.pid}.${owner.token}.tmp`;
  await writeFile(draft, JSON.stringify(owner) + "\n", { flag: "wx" });
  try {
    await link(draft, path);
    return true;
  } catch (error) {
    if (error.code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(draft).catch(ignoreMissing);
  }
}
async function readOwner(path) {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if (error.code === "ENOENT") return { kind: "absent" };
    throw error;
  }
  try {
    const info = await handle.stat();
    const text = await handle.readFile("utf8");
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      return { kind: "unparseable", raw: text };
    }
    const parsed = LockOwner.safeParse(json);
    return parsed.success ? { kind: "parsed", owner: parsed.data, raw: text, mtimeMs: info.mtimeMs } : { kind: "unparseable", raw: text };
  } finally {
    await handle.close();
  }
}
async function observe(path, clock, maxAgeMs) {
  const read = await readOwner(path);
  if (read.kind === "absent") return read;
  if (read.kind === "unparseable") return { kind: "abandoned", raw: read.raw, why: "unparseable" };
  const { owner } = read;
  const sameHost = owner.host === hostname();
  if (sameHost && owner.pid === process.pid && !heldHere.has(path)) return { kind: "abandoned", raw: read.raw, why: "left by an earlier process with our pid" };
  if (sameHost && !isAlive(owner.pid)) return { kind: "abandoned", raw: read.raw, why: `pid ${owner.pid} is dead` };
  const startedAt = Date.parse(owner.startedAt);
  const age = clock.now().getTime() - (Number.isNaN(startedAt) ? read.mtimeMs : startedAt);
  if (age > maxAgeMs) return { kind: "abandoned", raw: read.raw, why: "older than the maximum run time" };
  return { kind: "live", owner };
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code !== "ESRCH";
  }
}
async function takeOver(path, judged) {
  const aside = `${dirname(path)}/.${basename(path)}.${process.pid}.${randomUUID()}.abandoned`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (error.code === "ENOENT") return;
    throw error;
  }
  const moved = await readFile(aside, "utf8");
  if (moved !== judged) await link(aside, path).catch(ignoreExisting);
  await unlink(aside).catch(ignoreMissing);
}
function defaultCommand() {
  const script = process.argv[1] ? basename(process.argv[1]).replace(/\.js$/, "") : "node";
  const name = script === "main" ? "aes-watch" : script;
  return [name, ...process.argv.slice(2)].join(" ");
}
function ignoreMissing(error) {
  if (error.code !== "ENOENT") throw error;
}
function ignoreExisting(error) {
  if (error.code !== "EEXIST") throw error;
}

// src/sources/select.ts
function selectEntries(entries, only) {
  const names = only.flatMap((item) => item.split(",")).map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) return { kind: "selected", entries };
  const matches = (entry, name) => namesEntry(entry.id, name);
  const unknown = names.filter((name) => !entries.some((entry) => matches(entry, name)));
  if (unknown.length > 0) return { kind: "unknown", names: unknown };
  return { kind: "selected", entries: entries.filter((entry) => names.some((name) => matches(entry, name))) };
}
function namesEntry(id, name) {
  return id === name.toLowerCase() || id.startsWith(`${name.toUpperCase()}-`);
}

// src/snapshot/store.ts
var import_write_file_atomic = __toESM(require_lib(), 1);
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir as mkdir2, readdir, rename as rename2, copyFile, stat } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/snapshot/schema.ts
var SnapshotMeta = external_exports.object({
  url: external_exports.string(),
  finalUrl: external_exports.string(),
  httpStatus: external_exports.number().int(),
  redirects: external_exports.array(external_exports.object({ url: external_exports.string(), status: external_exports.number().int() })),
  fetchedWith: external_exports.enum(["http", "browser"]),
  /** When this content was first stored (not every time it was seen again unchanged). */
  capturedAt: external_exports.string().datetime(),
  validators: external_exports.object({ etag: external_exports.string().nullable(), lastModified: external_exports.string().nullable() }),
  charset: external_exports.string(),
  contentType: external_exports.string().nullable(),
  title: external_exports.string().nullable(),
  pageUpdated: external_exports.string().nullable(),
  extractorVersion: external_exports.number().int(),
  /** The entry's configured content selector, when it has one: a stored extraction is reused only under the same one. */
  selector: external_exports.string().optional(),
  sha256: external_exports.object({ text: external_exports.string(), html: external_exports.string() }),
  facts: external_exports.array(Fact),
  hasScreenshot: external_exports.boolean().default(false)
});
var EntryState = external_exports.object({
  consecutiveFailures: external_exports.number().int().nonnegative().default(0)
});

// src/snapshot/store.ts
var sha256 = (text) => createHash("sha256").update(text).digest("hex");
var fileOf = (dir, slot, ext) => join2(dir, `${slot}.${ext}`);
async function readIfExists(path) {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
async function exists(path) {
  return stat(path).then(
    () => true,
    () => false
  );
}
async function subfolders(path) {
  try {
    const items = await readdir(path, { withFileTypes: true });
    return items.filter((item) => item.isDirectory()).map((item) => item.name).sort();
  } catch {
    return [];
  }
}
function createFileSnapshotStore(root, now = () => /* @__PURE__ */ new Date()) {
  const dirOf = (entryId, key) => join2(root, entryId, key);
  async function moveAside(dir, slot) {
    const stamp = now().toISOString().replace(/[:.]/g, "-");
    const moved = fileOf(dir, slot, "json") + `.corrupt-${stamp}`;
    for (const ext of ["json", "md", "html"]) {
      const path = fileOf(dir, slot, ext);
      if (await exists(path)) await rename2(path, `${path}.corrupt-${stamp}`);
    }
    return moved;
  }
  return {
    root,
    async read(entryId, key, slot) {
      const dir = dirOf(entryId, key);
      const rawMeta = await readIfExists(fileOf(dir, slot, "json"));
      if (rawMeta === null) return { kind: "missing" };
      const problem = await (async () => {
        let json;
        try {
          json = JSON.parse(rawMeta);
        } catch (error) {
          return `not JSON (${error.message})`;
        }
        const meta = SnapshotMeta.safeParse(json);
        if (!meta.success) return `invalid metadata (${meta.error.issues[0]?.path.join(".")}: ${meta.error.issues[0]?.message})`;
        const text = await readIfExists(fileOf(dir, slot, "md"));
        const html = await readIfExists(fileOf(dir, slot, "html"));
        if (text === null || html === null) return "text or HTML file missing";
        if (sha256(text) !== meta.data.sha256.text) return "text does not match its recorded hash";
        if (sha256(html) !== meta.data.sha256.html) return "HTML does not match its recorded hash";
        return { meta: meta.data, text, html };
      })();
      if (typeof problem !== "string") return { kind: "found", snapshot: problem };
      return { kind: "corrupt", problem, movedTo: await moveAside(dir, slot) };
    },
    async write(entryId, key, slot, snapshot, screenshot) {
      const dir = dirOf(entryId, key);
      await mkdir2(dir, { recursive: true });
      await (0, import_write_file_atomic.default)(fileOf(dir, slot, "md"), snapshot.text);
      await (0, import_write_file_atomic.default)(fileOf(dir, slot, "html"), snapshot.html);
      if (screenshot) await (0, import_write_file_atomic.default)(fileOf(dir, slot, "png"), Buffer.from(screenshot));
      const meta = {
        ...snapshot.meta,
        sha256: { text: sha256(snapshot.text), html: sha256(snapshot.html) },
        hasScreenshot: Boolean(screenshot)
      };
      await (0, import_write_file_atomic.default)(fileOf(dir, slot, "json"), JSON.stringify(meta, null, 2) + "\n");
    },
    async promote(entryId, key) {
      const dir = dirOf(entryId, key);
      if (!await exists(fileOf(dir, "current", "json"))) return false;
      for (const ext of ["md", "html", "png", "json"]) {
        const from = fileOf(dir, "current", ext);
        if (!await exists(from)) continue;
        const temp = `${fileOf(dir, "baseline", ext)}.tmp-${process.pid}`;
        await copyFile(from, temp);
        await rename2(temp, fileOf(dir, "baseline", ext));
      }
      return true;
    },
    entryIds: () => subfolders(root),
    sourceKeys: (entryId) => subfolders(join2(root, entryId)),
    async readState(entryId) {
      const raw = await readIfExists(join2(root, entryId, "state.json"));
      if (raw === null) return EntryState.parse({});
      try {
        return EntryState.parse(JSON.parse(raw));
      } catch {
        await rename2(join2(root, entryId, "state.json"), join2(root, entryId, `state.json.corrupt-${Date.now()}`));
        return EntryState.parse({});
      }
    },
    async writeState(entryId, state) {
      await mkdir2(join2(root, entryId), { recursive: true });
      await (0, import_write_file_atomic.default)(join2(root, entryId, "state.json"), JSON.stringify(state, null, 2) + "\n");
    }
  };
}

export {
  lockPathFor,
  acquireRunLock,
  selectEntries,
  namesEntry,
  createFileSnapshotStore
};
//# sourceMappingURL=chunk-PST64DAH.js.map
