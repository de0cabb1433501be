// An extraction worker script that fails to load, as a broken install would:
// no worker can start from it (test/extract/pool.test.ts).
throw new Error('this worker script cannot load');
