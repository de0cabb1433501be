import { toJSONSchema } from 'zod/mini';
import { RunReport } from './schema.js';

/** The published contract of `reports/latest.json`; `schema/run-report.schema.json` is this, checked in. */
export function runReportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://github.com/gisti/aes-watch/schema/run-report.schema.json',
    title: 'aes-watch run report',
    ...toJSONSchema(RunReport, { io: 'output' }),
  };
}
