import { InvalidArgumentError, type Command } from 'commander';

/** Option parsers shared by commands; a bad value is a usage error (exit 2) naming the flag's value. */
export function integer(min: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`expected a whole number >= ${min}, got "${value}"`);
    return Number(value);
  };
}

/** Repeatable and comma-separated: `--only 14,50` is `--only 14 --only 50`. */
export function list(allowed?: readonly string[]) {
  return (value: string, previous: string[] = []): string[] => {
    const items = value.split(',').map((item) => item.trim()).filter(Boolean);
    const bad = allowed ? items.filter((item) => !allowed.includes(item)) : [];
    if (bad.length > 0) throw new InvalidArgumentError(`expected one of ${allowed?.join(', ')}, got "${bad.join(', ')}"`);
    return [...previous, ...items];
  };
}

export function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}, got "${value}"`);
    return value as T;
  };
}

/** The options of every command that reads the guides and visits the prefectures' sites, as `check` has them. */
export interface SiteFlags {
  guide?: string[];
  snapshots?: string;
  perHostDelay?: number;
  timeout?: number;
  config?: string;
}

/** Adds `--guide`, `--snapshots`, `--per-host-delay`, `--timeout` and `--config`; `snapshots` describes the folder for this command. */
export function withSiteOptions(command: Command, snapshots = 'snapshot folder (default: snapshots)'): Command {
  return command
    .option('--guide <file...>', 'guide documents or folders (default: data/guides)')
    .option('--snapshots <dir>', snapshots)
    .option('--per-host-delay <ms>', 'pause between two requests to the same host (default: 1000)', integer(0))
    .option('--timeout <ms>', 'per-request timeout (default: 30000)', integer(1))
    .option('--config <file>', 'configuration file (default: aes-watch.config.json if present)');
}

/** What those options set in a check request (the config file fills in the rest). */
export function siteRequest(flags: SiteFlags) {
  return { guides: flags.guide, snapshotsDir: flags.snapshots, perHostDelayMs: flags.perHostDelay, timeoutMs: flags.timeout };
}
