import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  UsageError
} from "./chunk-TTXVVIMA.js";

// src/shared/log.ts
import { pino } from "pino";
var REDACT_PATHS = [
  "token",
  "*.token",
  "auth",
  "*.auth",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "request.headers.authorization",
  "err.request.headers.authorization",
  "GITHUB_TOKEN",
  "*.GITHUB_TOKEN"
];
function createLogger(options = {}) {
  const level = options.level ?? process.env.AES_WATCH_LOG ?? "info";
  if (level !== "silent" && !(level in pino.levels.values)) {
    throw new UsageError(`AES_WATCH_LOG: "${level}" is not a log level (use ${Object.keys(pino.levels.values).join(", ")} or silent)`);
  }
  const pretty = options.pretty ?? (process.stderr.isTTY === true && !process.env.CI);
  const base = { level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: null };
  if (pretty) {
    return pino({ ...base, transport: { target: "pino-pretty", options: { destination: 2, ignore: "pid,hostname" } } });
  }
  return pino(base, options.destination ?? pino.destination(2));
}
var silentLogger = pino({ level: "silent" });

export {
  REDACT_PATHS,
  createLogger,
  silentLogger
};
//# sourceMappingURL=chunk-I4MXDJ77.js.map
