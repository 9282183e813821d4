import fs from 'node:fs/promises';
import { AppError, ERROR_MESSAGES } from '../../../shared/errors';
import { isLocale } from '../../../shared/i18n/locale';
import type { Locale } from '../../../shared/i18n/locale';
import { checkInspectionShape } from '../../../shared/inspection/check';
import type { Inspection } from '../../../shared/inspection/schema';
import { MAX_IMPORT_BYTES } from '../../../shared/inspection/patterns';
import { periodLabel } from '../../../shared/inspection/period';
import { parseJsonBytes } from '../../services/json-text';
import { createChromiumPrinter } from '../../services/report/chromium-printer';
import { reportDocument } from '../../services/report/report-document';
import type { Command, ParsedArgs } from '../command';
import type { CliIo } from '../io';
import { bilingual, CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../io';
import { openCliServices } from '../services';

const usageError = (zh: string, en: string) =>
  new CliError(
    {
      'zh-CN': `${zh}（运行 qinglang report --help 查看用法）`,
      'en-US': `${en} (see qinglang report --help)`,
    },
    EXIT_USAGE,
  );

function outOf(values: ParsedArgs['values']): string {
  const out = values.out;
  if (typeof out !== 'string' || out === '')
    throw usageError('请用 --out 指定输出的 PDF 文件', 'name the output PDF with --out');
  if (!/\.pdf$/i.test(out))
    throw usageError(`输出文件“${out}”应以 .pdf 结尾`, `the output file "${out}" must end in .pdf`);
  return out;
}

function languageOf(values: ParsedArgs['values']): Locale | undefined {
  const lang = values.lang;
  if (lang === undefined) return undefined;
  if (!isLocale(lang))
    throw usageError(
      `--lang 应为 zh-CN 或 en-US，而不是“${String(lang)}”`,
      `--lang must be zh-CN or en-US, not "${String(lang)}"`,
    );
  return lang;
}

/** Reads a qinglang-inspection/1 or /2 file; prints every problem and returns null when invalid. */
async function readInspection(file: string, io: CliIo): Promise<Inspection | null> {
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

const fromAppError = (error: AppError) => new CliError(error.detail ?? ERROR_MESSAGES[error.code]);

export const reportCommand: Command = {
  name: 'report',
  summary: {
    'zh-CN': '把检查文件打印成 A4 的 PDF 检查报告',
    'en-US': 'print an inspection file as an A4 PDF report',
  },
  synopsis: 'FILE.json --out FILE.pdf [--lang zh-CN|en-US]',
  options: { out: { type: 'string' }, lang: { type: 'string' } },
  optionHelp: {
    out: { 'zh-CN': '输出的 PDF 文件', 'en-US': 'the PDF file to write' },
    lang: {
      'zh-CN':
        '报告的语言（默认为数据文件夹中设置的界面语言）。需要 Chromium 或 Chrome，可用 CHROMIUM_PATH 指定',
      'en-US':
        "the report's language (default: the language set in the data folder). Needs Chromium or Chrome; CHROMIUM_PATH names one",
    },
  },
  positionals: [1, 1],
  async run({ positionals, values }, io) {
    const file = positionals[0]!;
    const out = outOf(values);
    const asked = languageOf(values);
    const inspection = await readInspection(file, io);
    if (!inspection) return EXIT_FAILURE;
    const services = openCliServices(io.env);
    const language = asked ?? services.settings.get().language;
    let pdf: Buffer;
    try {
      // The template: built in, or installed in the data folder; the signature image only when
      // its file is in the data folder (the report says so otherwise).
      const report = await reportDocument(inspection, language, {
        templates: services.templates,
        evidence: services.evidence,
        now: () => new Date(),
      });
      pdf = await createChromiumPrinter({ env: io.env }).print(report.html, report.pages);
    } catch (error) {
      if (error instanceof AppError) throw fromAppError(error);
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new CliError({
        'zh-CN': `生成 PDF 失败：${reason}`,
        'en-US': `the PDF could not be made: ${reason}`,
      });
    }
    try {
      await fs.writeFile(out, pdf);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new CliError({
        'zh-CN': `无法写入“${out}”（${code}）`,
        'en-US': `cannot write "${out}" (${code})`,
      });
    }
    const what = `${inspection.school.name} ${periodLabel(inspection.period)[language]}`;
    io.out(`${out}: ${what}`);
    return EXIT_OK;
  },
};
