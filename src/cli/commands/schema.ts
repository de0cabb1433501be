import type { Command } from 'commander';
import { writeLine, type CliIO } from '../../shared/io.js';

export function registerSchema(program: Command, io: CliIO): void {
  program
    .command('schema')
    .description('Print the JSON Schema of reports/latest.json (generated from the zod schema)')
    .action(async () => {
      const { runReportJsonSchema } = await import('../../report/json-schema.js');
      writeLine(io.stdout, JSON.stringify(runReportJsonSchema(), null, 2));
    });
}
