/**
 * The commands a user types, by name alone: main.ts names the code cache's folder after the command
 * before any command's code loads. run-cli.ts registers exactly these (its record is typed by them).
 */
export const COMMAND_NAMES = ['check', 'guide', 'accept', 'report', 'schema', 'schedule', 'discover', 'propose'] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

/** The command `argv` names first, or `program` for the program's own options (`--help`, `--version`) and anything else. */
export function commandOf(argv: string[]): CommandName | 'program' {
  return COMMAND_NAMES.find((name) => name === argv[0]) ?? 'program';
}
