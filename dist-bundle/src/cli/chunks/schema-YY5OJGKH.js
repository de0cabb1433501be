import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  EntryReport,
  EntryStatus,
  Reason,
  ReasonCode,
  RunReport,
  STALE_REASONS,
  SourceReport
} from "./chunk-LIZN4YST.js";
import "./chunk-3EVCR4QT.js";
import "./chunk-YORK7EG5.js";
import "./chunk-DXLBKT2R.js";
export {
  EntryReport,
  EntryStatus,
  Reason,
  ReasonCode,
  RunReport,
  STALE_REASONS,
  SourceReport
};
//# sourceMappingURL=schema-YY5OJGKH.js.map
