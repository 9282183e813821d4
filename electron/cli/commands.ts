import type { Command } from './command';
import { infoCommand } from './commands/info';

/** Every subcommand; later features add theirs here. */
export const COMMANDS: readonly Command[] = [infoCommand];
