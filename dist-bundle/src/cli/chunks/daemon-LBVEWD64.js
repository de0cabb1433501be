import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import "./chunk-DXLBKT2R.js";

// src/schedule/daemon.ts
var SHUTDOWN_SIGNALS = ["SIGTERM", "SIGINT"];
async function runUntilSignalled(scheduler, options) {
  const signals = options.signals ?? process;
  let received = null;
  const listeners = /* @__PURE__ */ new Map();
  const stopped = new Promise((resolve) => {
    for (const name of SHUTDOWN_SIGNALS) {
      const listener = () => {
        if (received) {
          options.log.warn({ event: "signal", signal: name }, "already shutting down: waiting for the current check to settle (SIGKILL forces it)");
          return;
        }
        received = name;
        options.log.info({ event: "signal", signal: name }, `${name} received: shutting down`);
        void scheduler.stop(name).then(() => resolve(name));
      };
      listeners.set(name, listener);
      signals.on(name, listener);
    }
  });
  try {
    scheduler.start();
    return await stopped;
  } finally {
    for (const [name, listener] of listeners) signals.off(name, listener);
  }
}
export {
  SHUTDOWN_SIGNALS,
  runUntilSignalled
};
//# sourceMappingURL=daemon-LBVEWD64.js.map
