import type { Command } from 'commander';
import { UsageError, writeLine, type CliIO } from '../../shared/io.js';

export function registerAccept(program: Command, io: CliIO): void {
  program
    .command('accept')
    .description("Make the current snapshot of these entries the reviewed baseline (after an editor reviewed the change)")
    .argument('[id...]', 'entry ids or département codes')
    .option('--all', 'accept every entry that has a snapshot')
    .option('--snapshots <dir>', 'snapshot folder (default: snapshots)')
    .action(async (ids: string[], flags: { all?: boolean; snapshots?: string }) => {
      if (!flags.all && ids.length === 0) throw new UsageError('accept: name entries to accept (e.g. 14-calvados or 14), or pass --all');
      if (flags.all && ids.length > 0) throw new UsageError('accept: give entry ids or --all, not both');
      const { acceptSnapshots } = await import('../../snapshot/accept.js');
      const { loadConfig } = await import('../../run/request.js');
      const { resolve } = await import('node:path');
      const config = await loadConfig(io.cwd);
      const result = await acceptSnapshots(resolve(io.cwd, flags.snapshots ?? config.snapshotsDir), flags.all ? 'all' : ids);
      if (result.kind === 'unknown') throw new UsageError(`accept: no snapshot for ${result.names.map((n) => `"${n}"`).join(', ')}`);
      if (result.kind === 'locked') throw new UsageError(`accept: a check (pid ${result.pid}) is writing the snapshots; try again when it ends`);
      for (const accepted of result.accepted) writeLine(io.stdout, `accepted ${accepted.entryId}: ${accepted.sources} source(s) now the reviewed baseline`);
      if (result.accepted.length === 0) writeLine(io.stdout, 'nothing to accept: no current snapshots');
    });
}
