import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  loadGuides,
  readGuideBytes
} from "./chunk-73YA6QE6.js";
import "./chunk-3V4GMKL5.js";
import "./chunk-3EVCR4QT.js";
import "./chunk-YORK7EG5.js";
import "./chunk-DXLBKT2R.js";
export {
  loadGuides,
  readGuideBytes
};
//# sourceMappingURL=load-XJTCDL2Q.js.map
