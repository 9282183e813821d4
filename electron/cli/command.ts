import type { ParseArgsConfig } from 'node:util';
import type { Bilingual } from '../../shared/i18n/locale';
import type { CliIo } from './io';

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/** One `qinglang <name>` subcommand: its words, its options, and what it does. */
export interface Command {
  readonly name: string;
  readonly summary: Bilingual;
  /** What follows the name in the usage line, e.g. "FILE [--out FILE]"; "" for nothing. */
  readonly synopsis: string;
  /** Options besides --help and --debug, which every command takes. */
  readonly options: CommandOptions;
  /** Explanation of each option, in the order of `options`. */
  readonly optionHelp?: Readonly<Record<string, Bilingual>>;
  /** How many positional arguments it takes, at least and at most. */
  readonly positionals: readonly [min: number, max: number];
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}
