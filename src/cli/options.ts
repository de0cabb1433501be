import { InvalidArgumentError } from 'commander';

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
