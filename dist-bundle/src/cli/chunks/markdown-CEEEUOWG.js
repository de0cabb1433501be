import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  escapeMarkdownInline,
  renderMarkdownReport
} from "./chunk-Q4YC5DKJ.js";
import "./chunk-PHPHHISB.js";
import "./chunk-DXLBKT2R.js";
export {
  escapeMarkdownInline,
  renderMarkdownReport
};
//# sourceMappingURL=markdown-CEEEUOWG.js.map
