import type { Command } from 'commander';
import { oneOf } from '../options.js';
import { UsageError, writeLine, type CliIO } from '../../shared/io.js';
import { LANGS, type Lang } from '../../shared/lang.js';

export function registerReport(program: Command, io: CliIO): void {
  program
    .command('report')
    .description('Render the latest run again from reports/latest.json, without fetching')
    .option('--format <format>', 'html, md or json', oneOf(['html', 'md', 'json'] as const), 'md')
    .option('--reports <dir>', 'report folder (default: reports)')
    .option('--lang <lang>', 'language of the HTML/Markdown report: fr (default) or en', oneOf(LANGS))
    .action(async (flags: { format: 'html' | 'md' | 'json'; reports?: string; lang?: Lang }) => {
      const { readFile } = await import('node:fs/promises');
      const { resolve } = await import('node:path');
      const { RunReport } = await import('../../report/schema.js');
      const { loadConfig } = await import('../../run/request.js');
      const config = await loadConfig(io.cwd);
      const lang = flags.lang ?? config.lang;
      const path = resolve(io.cwd, flags.reports ?? config.reportsDir, 'latest.json');
      let json: unknown;
      try {
        json = JSON.parse(await readFile(path, 'utf8'));
      } catch (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        throw new UsageError(`${path}: ${missing ? 'no report yet; run aes-watch check first' : `not valid JSON (${(error as Error).message})`}`);
      }
      const parsed = RunReport.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UsageError(`${path}: not an aes-watch report (${issue?.path.join('.')}: ${issue?.message})`);
      }
      if (flags.format === 'json') return writeLine(io.stdout, JSON.stringify(parsed.data, null, 2));
      if (flags.format === 'md') {
        const { renderMarkdownReport } = await import('../../report/markdown.js');
        return void io.stdout.write(renderMarkdownReport(parsed.data, lang));
      }
      const { renderHtmlReport } = await import('../../report/html.js');
      io.stdout.write(renderHtmlReport(parsed.data, lang));
    });
}
