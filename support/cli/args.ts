/**
 * A small, strict argument parser: declared flags only, each with its kind; anything else is a ConfigError of one
 * sentence (exit code 3).
 */
import { ConfigError } from '../reporting/errors';

export type FlagKind = 'string' | 'number' | 'boolean' | 'list';

export interface FlagSpec {
  readonly kind: FlagKind;
  readonly description: string;
  readonly placeholder?: string;
}

export interface ParsedArgs {
  readonly flags: Record<string, string | number | boolean | string[]>;
  readonly positionals: string[];
}

export function parseArgs(argv: readonly string[], specs: Readonly<Record<string, FlagSpec>>, command: string): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const spec = specs[name];
    if (!spec) throw new ConfigError(`${command}: unknown option --${name} (see ${command} --help)`);
    if (spec.kind === 'boolean') {
      flags[name] = inline === undefined ? true : inline !== 'false';
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new ConfigError(`${command}: option --${name} needs a value (${spec.placeholder ?? spec.kind})`);
    }
    if (spec.kind === 'number') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${command}: option --${name} takes a whole number, not "${value}"`);
      flags[name] = n;
    } else if (spec.kind === 'list') {
      const list = (flags[name] as string[] | undefined) ?? [];
      list.push(...value.split(',').map((s) => s.trim()).filter(Boolean));
      flags[name] = list;
    } else {
      flags[name] = value;
    }
  }
  return { flags, positionals };
}

export function helpText(usage: string, summary: string, specs: Readonly<Record<string, FlagSpec>>): string {
  const lines = Object.entries(specs).map(([name, s]) => {
    const left = `  --${name}${s.kind === 'boolean' ? '' : ` <${s.placeholder ?? s.kind}>`}`;
    return `${left.padEnd(30)} ${s.description}`;
  });
  return `Usage: ${usage}\n\n${summary}\n\nOptions:\n${lines.join('\n')}\n  --help                       Show this help.\n`;
}
