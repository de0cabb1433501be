// Preload (`node --require`) for a spawned aes-watch, in CommonJS so that it starts no ES module
// loader of its own: at exit, every module Node loaded for itself (process.moduleLoadList, internal
// ones included) goes to the file named by $AES_WATCH_BUILTIN_LOG, one per line.
const { writeFileSync } = require('node:fs');

const log = process.env.AES_WATCH_BUILTIN_LOG;
process.on('exit', () => {
  if (log) writeFileSync(log, process.moduleLoadList.join('\n') + '\n');
});
