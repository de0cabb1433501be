import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));

// src/guide/table.ts
function formatProblem(p) {
  return `${p.file}:${p.line}: ${p.message}`;
}
function factSummary(facts) {
  const counts = /* @__PURE__ */ new Map();
  for (const f of facts) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}${n > 1 ? "s" : ""}`).join(", ") || "-";
}
function subPrefectureCell(e) {
  const s = e.subPrefectures;
  if (s.handlesAes === "some") return `some: ${s.handling.join(", ")}`;
  return `${s.handlesAes} (${s.names.length})`;
}
function formatGuideTable(entries) {
  const head = ["ID", "PREFECTURE", "UPDATED", "CHANNELS", "SUB-PREF. AES", "SOURCES", "FACTS"];
  const rows = entries.map((e) => [
    e.id,
    e.prefecture,
    e.updated,
    (e.channels.recognised.join("+") || "-") + (e.channels.unrecognised ? " (?)" : ""),
    subPrefectureCell(e),
    String(e.sources.length),
    factSummary(e.facts)
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const render = (cells) => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ").trimEnd();
  const lines = [render(head), ...rows.map(render)];
  const notes = [];
  for (const e of entries) {
    if (e.channels.unrecognised) notes.push(`${e.id}: channel wording not recognised: "${e.channels.wording}"`);
    for (const s of e.sources) {
      if (s.clientRoute) notes.push(`${e.id}: ${s.url} shows its content under ${s.clientRoute}, a client-side route (browser needed)`);
    }
  }
  if (notes.length > 0) lines.push("", ...notes.map((n) => `note: ${n}`));
  return lines.join("\n");
}

export {
  formatProblem,
  formatGuideTable
};
//# sourceMappingURL=chunk-TNIWB6AC.js.map
