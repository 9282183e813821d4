import fs from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import { periodLabel } from '../../../shared/inspection/period';
import { createChromiumPrinter } from '../../services/report/chromium-printer';
import { reportDocument } from '../../services/report/report-document';
import type { Command, ParsedArgs } from '../command';
import { languageOf, readInspection, usageError as cliUsageError } from '../inspection-input';
import { CliError, EXIT_FAILURE, EXIT_OK, fromAppError } from '../io';
import { openCliServices } from '../services';

const usageError = (zh: string, en: string) => cliUsageError('report', zh, en);

function outOf(values: ParsedArgs['values']): string {
  const out = values.out;
  if (typeof out !== 'string' || out === '')
    throw usageError('请用 --out 指定输出的 PDF 文件', 'name the output PDF with --out');
  if (!/\.pdf$/i.test(out))
    throw usageError(`输出文件“${out}”应以 .pdf 结尾`, `the output file "${out}" must end in .pdf`);
  return out;
}

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
    const asked = languageOf(values, 'report');
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
