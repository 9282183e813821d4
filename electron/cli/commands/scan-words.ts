import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from '../../../shared/scan/charset';
import { SCAN_LIMITS } from '../../../shared/scan/finding';
import { parseWordList } from '../../../shared/scan/words/word-list';
import type { ScanRunRequest } from '../../services/scan/scan-run';
import { usageError as cliUsageError } from '../inspection-input';
import type { CliIo } from '../io';
import { bilingual } from '../io';

const usageError = (zh: string, en: string) => cliUsageError('scan', zh, en);

/** Lines of a word list whose problems are printed; the rest are counted. */
const PROBLEMS_SHOWN = 10;

/**
 * `qinglang scan --words FILE`: the bureau's word list, read (UTF-8, or GB18030 when it is not
 * UTF-8), parsed, its unusable lines said on stderr. A list that cannot be read, is too large or
 * gives no term is a usage error.
 */
export async function readWordListFile(
  file: string,
  io: CliIo,
): Promise<NonNullable<ScanRunRequest['words']>> {
  const unreadable = (why: string) =>
    usageError(`无法读取词表“${file}”（${why}）`, `cannot read the word list "${file}" (${why})`);
  const stat = await fs.stat(file).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(error.code ?? 'error');
  });
  if (!stat.isFile()) throw unreadable('not a file');
  if (stat.size > SCAN_LIMITS.wordListBytes)
    throw usageError(
      `词表“${file}”太大（最大 ${SCAN_LIMITS.wordListBytes / 1024 / 1024} MB）`,
      `the word list "${file}" is too large (at most ${SCAN_LIMITS.wordListBytes / 1024 / 1024} MB)`,
    );
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(error.code ?? 'error');
  });
  const { terms, problems } = parseWordList(decodeText(bytes).text);
  for (const problem of problems.slice(0, PROBLEMS_SHOWN))
    io.err(
      `qinglang: ${bilingual({
        'zh-CN': `词表 ${file} 第 ${problem.line} 行：${problem.message['zh-CN']}`,
        'en-US': `word list ${file} line ${problem.line}: ${problem.message['en-US']}`,
      })}`,
    );
  if (problems.length > PROBLEMS_SHOWN)
    io.err(
      `qinglang: ${bilingual({
        'zh-CN': `词表另有 ${problems.length - PROBLEMS_SHOWN} 行有问题`,
        'en-US': `and ${problems.length - PROBLEMS_SHOWN} more lines of the word list with problems`,
      })}`,
    );
  if (terms.length === 0)
    throw usageError(`词表“${file}”中没有词`, `the word list "${file}" has no terms`);
  return { name: path.basename(file), terms };
}
