// Preload (`node --import`) for a spawned aes-watch: every module an ES import or import() resolves,
// and every CommonJS file require() loads, is appended to the file named by $AES_WATCH_IMPORT_LOG,
// so a test can see what a run loaded. At exit, Node's own modules it loaded follow, one
// `node:<name>` line each (public modules only, from process.moduleLoadList).
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.AES_WATCH_IMPORT_LOG;
register('./record-imports-hooks.mjs', import.meta.url, { data: { log } });

// require() goes through Module._resolveFilename, not through the ES hooks (Node 20).
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const filename = resolveFilename.call(this, request, parent, ...rest);
  if (log && filename.startsWith('/')) appendFileSync(log, `${pathToFileURL(filename).href} ${parent?.filename ?? ''}\n`);
  return filename;
};

process.on('exit', () => {
  if (!log) return;
  const builtins = process.moduleLoadList.flatMap((item) => /^NativeModule ((?!internal\/)\S+)$/.exec(item)?.[1] ?? []);
  appendFileSync(log, builtins.map((name) => `node:${name}\n`).join(''));
});
