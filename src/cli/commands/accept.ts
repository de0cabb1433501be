import type { Command } from 'commander';
import { EXIT } from '../../shared/exit-codes.js';
import { UsageError, writeLine, type CliIO } from '../../shared/io.js';

interface AcceptFlags {
  all?: boolean;
  force?: boolean;
  snapshots?: string;
  guide?: string[];
  config?: string;
}

export function registerAccept(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('accept')
    .description('Make the current snapshot of these entries the reviewed baseline (after an editor reviewed the change)')
    .argument('[id...]', 'entry ids or département codes')
    .option('--all', 'accept every entry that has a snapshot')
    .option('--force', 'accept even a source that is gone or whose last fetch failed')
    .option('--snapshots <dir>', 'snapshot folder (default: snapshots)')
    .option('--guide <file...>', 'guide documents or folders: only the sources they cite are accepted (default: those of the last check, else data/guides)')
    .option('--config <file>', 'configuration file (default: aes-watch.config.json if present)')
    .action(async (ids: string[], flags: AcceptFlags) => {
      if (!flags.all && ids.length === 0) throw new UsageError('accept: name entries to accept (e.g. 14-calvados or 14), or pass --all');
      if (flags.all && ids.length > 0) throw new UsageError('accept: give entry ids or --all, not both');
      const { resolve, relative } = await import('node:path');
      const { loadConfig } = await import('../../run/request.js');
      const { loadGuides } = await import('../../guide/load.js');
      const { formatProblem } = await import('../../guide/table.js');
      const { acceptSnapshots } = await import('../../run/accept.js');
      const { describeDecision } = await import('../../run/accept-messages.js');
      const config = await loadConfig(io.cwd, flags.config);
      const snapshotsDir = resolve(io.cwd, flags.snapshots ?? config.snapshotsDir);
      const near = relative(io.cwd, snapshotsDir);
      const folder = near === '' ? '.' : near.startsWith('..') ? snapshotsDir : near;
      const { guidesOfLastCheck } = await import('../../run/accept.js');
      // The guides the last check read, so `accept` after `check --guide X` needs no --guide again.
      const guides = await loadGuides(flags.guide ?? (await guidesOfLastCheck(resolve(io.cwd, config.reportsDir))) ?? config.guides, io.cwd);
      if (guides.problems.length > 0) {
        for (const problem of guides.problems) writeLine(io.stderr, formatProblem(problem));
        return setExit(EXIT.usage);
      }
      const result = await acceptSnapshots({ snapshotsDir, names: flags.all ? 'all' : ids, entries: guides.entries, force: Boolean(flags.force) });
      if (result.kind === 'unknown') throw new UsageError(`accept: no snapshot for ${result.names.map((n) => `"${n}"`).join(', ')} in ${folder}/`);
      if (result.kind === 'locked') {
        writeLine(io.stderr, `aes-watch: accept: another run (pid ${result.owner.pid}, started ${result.owner.startedAt}, "${result.owner.command}") is writing ${folder}/; try again when it ends`);
        return setExit(EXIT.locked);
      }
      writeLine(io.stdout, `snapshots: ${folder}/`);
      let accepted = 0;
      for (const { entryId, decisions } of result.entries) {
        const count = decisions.filter((d) => d.kind === 'accepted').length;
        accepted += count;
        if (count > 0) writeLine(io.stdout, `accepted ${entryId}: ${count} source(s) now the reviewed baseline`);
        for (const decision of decisions) if (decision.kind !== 'accepted') writeLine(io.stderr, describeDecision(entryId, decision, folder));
      }
      if (accepted === 0) {
        writeLine(io.stderr, `aes-watch: accept: nothing accepted in ${folder}/`);
        setExit(EXIT.usage);
      }
    });
}
