/** Inline CSS: the report is one file that must open anywhere (mail attachment, CI artifact, phone). */
export const REPORT_CSS = `
:root { --ok: #18753c; --ok-bg: #e3f4e8; --stale: #8a4b00; --stale-bg: #fff1d6; --down: #b3261e; --down-bg: #fde7e6;
  --ins: #1a6b32; --ins-bg: #d7f5df; --del: #a11d1d; --del-bg: #fbdada; --line: #d5d5d5; --muted: #5c5c5c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 62rem; padding: 1rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1e1e1e; background: #fff; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 0 0 .5rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
a { color: #000091; }
.muted { color: var(--muted); }
.badge { display: inline-block; padding: .05rem .55rem; border-radius: 1rem; font-size: .85rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.badge-ok { color: var(--ok); background: var(--ok-bg); }
.badge-stale { color: var(--stale); background: var(--stale-bg); }
.badge-unreachable { color: var(--down); background: var(--down-bg); }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: .75rem 0; list-style: none; }
.summary { list-style: none; padding: 0; margin: 0 0 1.5rem; border-top: 1px solid var(--line); }
.summary li { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; padding: .5rem 0; border-bottom: 1px solid var(--line); }
.entry { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 0 0 1.5rem; }
.entry-stale { border-left: .35rem solid var(--stale); }
.entry-unreachable { border-left: .35rem solid var(--down); }
.entry-ok { border-left: .35rem solid var(--ok); }
.reasons { padding-left: 1.25rem; margin: 0; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; background: #f3f3f3; padding: 0 .2rem; border-radius: .2rem; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th:first-child, td:first-child { width: 6.5rem; }
tr.fact-missing td { color: var(--del); background: var(--del-bg); }
tr.fact-added td { color: var(--ins); background: var(--ins-bg); }
dl.source-facts { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .25rem .75rem; margin: 0; }
dl.source-facts dt { font-weight: 600; }
dl.source-facts dd { margin: 0; min-width: 0; }
.dates { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
.newer { color: var(--stale); font-weight: 600; }
.source { border-top: 1px dashed var(--line); margin-top: 1rem; padding-top: .5rem; }
pre.diff { margin: .5rem 0 0; padding: .75rem; background: #fafafa; border: 1px solid var(--line); border-radius: .35rem; white-space: pre-wrap; overflow-x: auto; max-width: 100%; font-size: .9rem; line-height: 1.45; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: none; }
del { color: var(--del); background: var(--del-bg); }
.legend ins, .legend del { padding: 0 .25rem; }
details.proposal { margin-top: 1rem; border-top: 1px dashed var(--line); padding-top: .5rem; }
details.proposal summary { cursor: pointer; font-weight: 600; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
button.copy { margin-top: .5rem; font: inherit; padding: .25rem .75rem; border: 1px solid #000091; border-radius: .25rem; background: #fff; color: #000091; cursor: pointer; }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; }
.side { margin: 0; min-width: 0; }
.side figcaption { font-weight: 600; }
.side-before pre.diff { border-color: var(--del); }
.side-after pre.diff { border-color: var(--ins); }
pre.commands { margin: .35rem 0 .5rem; padding: .5rem .75rem; background: #f3f3f3; border-radius: .35rem; white-space: pre-wrap; }
.next-steps { padding-left: 1.25rem; margin: 0; }
footer { color: var(--muted); font-size: .85rem; margin-top: 2rem; }
@media (max-width: 40rem) {
  body { padding: .75rem; font-size: 15px; }
  .entry { padding: .75rem; }
  dl.source-facts { grid-template-columns: 1fr; }
  dl.source-facts dd { margin-bottom: .35rem; }
  th:first-child, td:first-child { width: 5rem; }
  .side-by-side { grid-template-columns: 1fr; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; }
  a.url::after { content: none; }
  .entry { break-inside: avoid-page; border-color: #999; }
  .summary li, tr, .source { break-inside: avoid; }
  pre.diff { overflow: visible; background: none; }
  button.copy { display: none; }
  ins { text-decoration: underline; }
  del { text-decoration: line-through; }
  .badge, tr.fact-missing td, tr.fact-added td, ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
