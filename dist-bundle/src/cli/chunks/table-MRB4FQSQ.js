import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  formatGuideTable,
  formatProblem
} from "./chunk-TNIWB6AC.js";
import "./chunk-DXLBKT2R.js";
export {
  formatGuideTable,
  formatProblem
};
//# sourceMappingURL=table-MRB4FQSQ.js.map
