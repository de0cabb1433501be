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
// Types only: main.ts loads that list before the commands' chunk, which must not hold it.
import type { CommandName } from './command-names.js';

/** The width of every help text, commander's default where the output is not a terminal. */
const HELP_WIDTH = 80;

type Register = (program: Command, io: CliIO, setExit: (code: number) => void) => void;

/** Commands register here, by the name a user types; their heavy modules load only when they run, so `--help` stays fast. */
const COMMANDS: Record<CommandName, Register> = {
  check: registerCheck,
  guide: registerGuide,
  accept: registerAccept,
  report: registerReport,
  schema: registerSchema,
  schedule: registerSchedule,
  discover: registerDiscover,
  propose: registerPropose,
};

/**
 * The commands to register: only the one the command line names first, when it names one (its
 * parsing and help need no other, and the others' options took 3 ms before a check's first request);
 * else all of them, for the program's help, `help <command>` and the error of an unknown command.
 */
function commandsFor(argv: string[]): Register[] {
  const named = argv[0];
  return named !== undefined && Object.hasOwn(COMMANDS, named) ? [COMMANDS[named as CommandName]] : Object.values(COMMANDS);
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('aes-watch')
    .description('Checks that the prefecture pages a GISTI AES guide cites still say what the guide says.')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run npx aes-watch --help for usage)')
    // Not the terminal's width: the same text on every output, which the build keeps (kept-help.ts).
    .configureHelp({ helpWidth: HELP_WIDTH })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const register of commandsFor(argv)) register(program, io, (code) => (exitCode = code));
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
