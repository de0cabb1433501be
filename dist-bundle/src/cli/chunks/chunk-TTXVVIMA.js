import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));

// src/shared/io.ts
var UsageError = class extends Error {
  name = "UsageError";
};
function writeLine(stream, line) {
  stream.write(line.endsWith("\n") ? line : `${line}
`);
}

export {
  UsageError,
  writeLine
};
//# sourceMappingURL=chunk-TTXVVIMA.js.map
