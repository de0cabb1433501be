/**
 * The report stage, loaded on demand: a check starts its first requests
 * before it needs any of it, and loads it while they are in flight.
 */
export async function loadReporting() {
  const [reporters, schema, latest, summary] = await Promise.all([
    import('../report/reporters.js'),
    import('../report/schema.js'),
    import('../report/merge-latest.js'),
    import('../report/summary.js'),
  ]);
  return {
    RunReport: schema.RunReport,
    reportersFor: reporters.reportersFor,
    runReporters: reporters.runReporters,
    mergeWithLatest: latest.mergeWithLatest,
    formatSummary: summary.formatSummary,
  };
}
