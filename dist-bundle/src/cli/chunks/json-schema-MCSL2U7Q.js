import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  RunReport
} from "./chunk-LIZN4YST.js";
import "./chunk-3EVCR4QT.js";
import {
  external_exports
} from "./chunk-YORK7EG5.js";
import "./chunk-DXLBKT2R.js";

// src/report/json-schema.ts
function runReportJsonSchema() {
  return {
    $id: "https://github.com/gisti/aes-watch/schema/run-report.schema.json",
    title: "aes-watch run report",
    ...external_exports.toJSONSchema(RunReport, { io: "output" })
  };
}
export {
  runReportJsonSchema
};
//# sourceMappingURL=json-schema-MCSL2U7Q.js.map
