import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  REDACT_PATHS,
  createLogger,
  silentLogger
} from "./chunk-I4MXDJ77.js";
import "./chunk-TTXVVIMA.js";
import "./chunk-DXLBKT2R.js";
export {
  REDACT_PATHS,
  createLogger,
  silentLogger
};
//# sourceMappingURL=log-AXO7VOV2.js.map
