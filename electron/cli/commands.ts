import type { Command } from './command';
import { aggregateCommand } from './commands/aggregate';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { infoCommand } from './commands/info';
import { reportCommand } from './commands/report';
import { scanCommand } from './commands/scan';
import {
  templateCheckCommand,
  templateConvertCommand,
  templateDefaultCommand,
} from './commands/template';
import { templateDiffCommand } from './commands/template-diff';
import { verifyCommand } from './commands/verify';

/** Every subcommand; later features add theirs here. */
export const COMMANDS: readonly Command[] = [
  infoCommand,
  templateDefaultCommand,
  templateCheckCommand,
  templateConvertCommand,
  templateDiffCommand,
  demoCommand,
  reportCommand,
  exportCommand,
  verifyCommand,
  aggregateCommand,
  scanCommand,
];
