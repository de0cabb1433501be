import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  createDraftsReporter,
  draftFileName
} from "./chunk-2WPASVMJ.js";
import "./chunk-LIZN4YST.js";
import "./chunk-BPTGL3JP.js";
import "./chunk-3EVCR4QT.js";
import "./chunk-YORK7EG5.js";
import "./chunk-PHPHHISB.js";
import "./chunk-DXLBKT2R.js";
export {
  createDraftsReporter,
  draftFileName
};
//# sourceMappingURL=drafts-reporter-N5XYCL5J.js.map
