/**
 * `--help` of every command, made from the same option table `parseArgs` reads, so the
 * help can never name a flag the command does not take or miss one it does.
 */
import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What each flag does, by flag: `[value placeholder, description]`; every flag of the table must have one. */
export type FlagHelp<O extends Options> = { readonly [K in keyof O]: readonly [value: string, text: string] };

export function helpText<O extends Options>(usage: string, options: O, help: FlagHelp<O>): string {
  const rows = Object.keys(options)
    .sort()
    .map((flag) => {
      const [value, text] = help[flag as keyof O];
      return [`--${flag}${value ? ` ${value}` : ''}`, text] as const;
    });
  const width = Math.max(...rows.map(([left]) => left.length));
  return `Usage: ${usage}\n\n${rows.map(([left, text]) => `  ${left.padEnd(width)}  ${text}`).join('\n')}`;
}
