import fs from 'node:fs/promises';
import { isLocale } from '../../shared/i18n/locale';
import type { Locale } from '../../shared/i18n/locale';
import { checkInspectionShape } from '../../shared/inspection/check';
import { MAX_IMPORT_BYTES } from '../../shared/inspection/patterns';
import type { Inspection } from '../../shared/inspection/schema';
import { parseJsonBytes } from '../services/json-text';
import type { ParsedArgs } from './command';
import type { CliIo } from './io';
import { bilingual, CliError, EXIT_USAGE } from './io';

/** What `report` and `export` read: an inspection file, and the language asked for. */

/** A usage error of `qinglang <command>`: exit 2, pointing at its help. */
export const usageError = (command: string, zh: string, en: string) =>
  new CliError(
    {
      'zh-CN': `${zh}（运行 qinglang ${command} --help 查看用法）`,
      'en-US': `${en} (see qinglang ${command} --help)`,
    },
    EXIT_USAGE,
  );

/** --lang, when given: zh-CN or en-US, else a usage error. */
export function languageOf(values: ParsedArgs['values'], command: string): Locale | undefined {
  const lang = values.lang;
  if (lang === undefined) return undefined;
  if (!isLocale(lang))
    throw usageError(
      command,
      `--lang 应为 zh-CN 或 en-US，而不是“${String(lang)}”`,
      `--lang must be zh-CN or en-US, not "${String(lang)}"`,
    );
  return lang;
}

/**
 * Reads a qinglang-inspection/1 or /2 file (a /1 upgraded as on import). A file that cannot be
 * read is a CliError; an invalid one has every problem printed and gives null.
 */
export async function readInspection(file: string, io: CliIo): Promise<Inspection | null> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_IMPORT_BYTES) {
      throw new CliError({
        'zh-CN': `“${file}”超过 20 MB，不是有效的检查文件`,
        'en-US': `"${file}" is over 20 MB: not a valid inspection file`,
      });
    }
    bytes = await fs.readFile(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError({
      'zh-CN': `无法读取“${file}”（${code}）`,
      'en-US': `cannot read "${file}" (${code})`,
    });
  }
  const parsed = parseJsonBytes(bytes);
  if (!parsed) {
    throw new CliError({
      'zh-CN': `“${file}”不是有效的 UTF-8 JSON 文件`,
      'en-US': `"${file}" is not a valid UTF-8 JSON file`,
    });
  }
  const checked = checkInspectionShape(parsed.value);
  if (checked.ok) return checked.inspection;
  io.err(
    `qinglang: ${bilingual({
      'zh-CN': `${file} 不是有效的检查文件，有 ${checked.problems.length} 个问题`,
      'en-US': `${file} is not a valid inspection file: ${checked.problems.length} problem(s)`,
    })}`,
  );
  for (const problem of checked.problems) {
    io.err(`  ${problem.path}: ${problem.message['zh-CN']} / ${problem.message['en-US']}`);
  }
  return null;
}
