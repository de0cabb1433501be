import { Command, CommanderError } from 'commander';
import { EXIT } from '../shared/exit-codes.js';
import { UsageError, writeLine, type CliIO } from '../shared/io.js';
import { registerAccept } from './commands/accept.js';
import { registerCheck } from './commands/check.js';
import { registerDiscover } from './commands/discover.js';
import { registerPropose } from './commands/propose.js';
import { registerGuide } from './commands/guide.js';
import { registerReport } from './commands/report.js';
import { registerSchedule } from './commands/schedule.js';
import { registerSchema } from './commands/schema.js';

import { VERSION } from '../shared/version.js';

/** Commands register here; their heavy modules load only when they run, so `--help` stays fast. */
const COMMANDS: ((program: Command, io: CliIO, setExit: (code: number) => void) => void)[] = [
  registerCheck,
  registerGuide,
  registerAccept,
  registerReport,
  registerSchema,
  registerSchedule,
  registerDiscover,
  registerPropose,
];

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('aes-watch')
    .description('Checks that the prefecture pages a GISTI AES guide cites still say what the guide says.')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run npx aes-watch --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const register of COMMANDS) register(program, io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      writeLine(io.stderr, `aes-watch: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}
