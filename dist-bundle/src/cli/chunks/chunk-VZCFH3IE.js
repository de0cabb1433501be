import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));

// src/extract/extraction.ts
var EXTRACTOR_VERSION = 2;

export {
  EXTRACTOR_VERSION
};
//# sourceMappingURL=chunk-VZCFH3IE.js.map
