// An extraction worker script whose thread exits while it loads: no worker can
// start from it (test/extract/pool.test.ts).
process.exit(3);
