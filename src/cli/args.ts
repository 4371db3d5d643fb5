/** A small argument parser: known flags only, so a typo is a usage error rather than a silent no-op. */

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface FlagSpec {
  /** Flags that take a value (`--family wlan`, `--family=wlan`). */
  readonly values?: readonly string[];
  /** Flags that take none. */
  readonly booleans?: readonly string[];
}

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const booleans = new Set(spec.booleans ?? []);
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    // A lone `-` is stdin; negative numbers are codes (`-2147024891`), not flags.
    if (arg === '-' || !arg.startsWith('-') || /^-[0-9]/.test(arg)) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (values.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      flags.set(name, value);
    } else if (booleans.has(name) && eq < 0) {
      flags.set(name, true);
    } else {
      throw new UsageError(`unknown option ${name.length > 40 ? name.slice(0, 40) + '...' : name}`);
    }
  }
  return { positional, flags };
}
