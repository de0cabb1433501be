import { afterAll } from 'vitest';
import { removeTempFolders } from './temp.js';

// A setup file: registered before the test file's own hooks, so it runs after them
// (servers closed, child processes stopped) and removes the file's temp folders.
afterAll(removeTempFolders);
