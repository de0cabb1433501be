// Preload (`node --import`) for a spawned aes-watch: every module an ES import or import() resolves
// is appended to the file named by $AES_WATCH_IMPORT_LOG, so a test can see what a run loaded.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url, { data: { log: process.env.AES_WATCH_IMPORT_LOG } });
