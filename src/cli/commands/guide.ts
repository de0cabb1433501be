import type { Command } from 'commander';
import { EXIT } from '../../shared/exit-codes.js';
import { writeLine, type CliIO } from '../../shared/io.js';

export function registerGuide(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('guide')
    .description('Parse guide documents and print their entries')
    .argument('<file...>', 'guide documents (text extracted from the PDF)')
    .option('--json', 'print the entries as JSON')
    .action(async (files: string[], options: { json?: boolean }) => {
      const { loadGuides } = await import('../../guide/load.js');
      const { formatGuideTable, formatProblem } = await import('../../guide/table.js');
      const parsed = await loadGuides(files, io.cwd);
      if (options.json) {
        writeLine(io.stdout, JSON.stringify({ entries: parsed.entries, problems: parsed.problems }, null, 2));
      } else if (parsed.entries.length > 0) {
        writeLine(io.stdout, formatGuideTable(parsed.entries));
      }
      for (const problem of parsed.problems) writeLine(io.stderr, formatProblem(problem));
      if (parsed.problems.length > 0) setExit(EXIT.usage);
    });
}
