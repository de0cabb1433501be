import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  acquireRunLock,
  createFileSnapshotStore,
  lockPathFor,
  namesEntry
} from "./chunk-PST64DAH.js";
import "./chunk-BPTGL3JP.js";
import "./chunk-PUBVGIRJ.js";
import "./chunk-3EVCR4QT.js";
import "./chunk-YORK7EG5.js";
import "./chunk-DXLBKT2R.js";

// src/snapshot/accept.ts
async function acceptSnapshots(root, names) {
  const store = createFileSnapshotStore(root);
  const known = await store.entryIds();
  const wanted = names === "all" ? known : known.filter((id) => names.some((name) => namesEntry(id, name)));
  if (names !== "all") {
    const unknown = names.filter((name) => !known.some((id) => namesEntry(id, name)));
    if (unknown.length > 0) return { kind: "unknown", names: unknown };
  }
  const lock = await acquireRunLock(lockPathFor(root), { wait: false });
  if (lock.kind === "held") return { kind: "locked", pid: lock.owner.pid };
  try {
    const accepted = [];
    for (const entryId of wanted) {
      let sources = 0;
      for (const key of await store.sourceKeys(entryId)) if (await store.promote(entryId, key)) sources += 1;
      if (sources > 0) accepted.push({ entryId, sources });
    }
    return { kind: "accepted", accepted };
  } finally {
    await lock.release();
  }
}
export {
  acceptSnapshots
};
//# sourceMappingURL=accept-2POPFGYG.js.map
