import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));

// src/shared/lazy-require.ts
import { createRequire } from "node:module";
var require2 = createRequire(import.meta.url);
function lazyRequire(id) {
  let loaded;
  return () => loaded ??= require2(id);
}

export {
  lazyRequire
};
//# sourceMappingURL=chunk-PURIWTEL.js.map
