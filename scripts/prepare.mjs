// npm runs `prepare` after `npm ci` and `npm install`, which must build dist/. It also runs it when
// `npx aes-watch` is typed in this folder: npx links the folder into its own cache as a dependency,
// and prepares it. The build `npm ci` made is there by then; building again took 12 s on the first
// `npx aes-watch` of every clone (every nightly job) and emptied dist/code-cache/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (process.env.npm_command === 'exec' && existsSync('dist/src/cli/main.js')) process.exit(0);
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(build.status ?? 1);
