import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Bilingual, Locale } from '../../../shared/i18n/locale';
import { periodLabel } from '../../../shared/inspection/period';
import type { Inspection } from '../../../shared/inspection/schema';
import { packageFileName, workbookFileName } from '../../../shared/workbook/file-names';
import { MANIFEST_PATH } from '../../../shared/workbook/manifest';
import { writeFileAtomic } from '../../services/atomic-file';
import { createChromiumPrinter } from '../../services/report/chromium-printer';
import type { PdfPrinter } from '../../services/report/pdf-printer';
import type { Services } from '../../services/services';
import { buildPackage } from '../../services/workbook/package-write';
import { exportWorkbook } from '../../services/workbook/workbook-export';
import { APP_VERSION } from '../../version';
import type { Command, ParsedArgs } from '../command';
import { languageOf, readInspection, usageError as cliUsageError } from '../inspection-input';
import type { CliIo } from '../io';
import { bilingual, CliError, EXIT_FAILURE, EXIT_OK, fromAppError } from '../io';
import { openCliServices } from '../services';

/**
 * `qinglang export FILE.json... (--out FILE.xlsx | --out-dir DIR) [--lang zh-CN|en-US]
 * [--package]`: the bureau workbook (or, with --package, the submission package) of each
 * inspection file, made exactly as the app makes it. With --out-dir every file is named by school
 * code and term, and nothing is written when two inputs would get the same name.
 */

/** How many inspection files one run takes: a district's schools, and room to spare. */
const MAX_INPUTS = 1000;

const usageError = (zh: string, en: string) => cliUsageError('export', zh, en);

type Target = { readonly out: string } | { readonly dir: string };

function targetOf(values: ParsedArgs['values'], inputs: number, asPackage: boolean): Target {
  const out = values.out;
  const dir = values['out-dir'];
  const ext = asPackage ? '.zip' : '.xlsx';
  if (typeof out === 'string' && typeof dir === 'string')
    throw usageError('--out 与 --out-dir 只能用其一', 'use --out or --out-dir, not both');
  if (typeof dir === 'string') {
    if (dir === '') throw usageError('--out-dir 不能为空', '--out-dir must name a folder');
    return { dir };
  }
  if (typeof out !== 'string' || out === '')
    throw usageError(
      '请用 --out 指定输出文件，或用 --out-dir 指定输出文件夹',
      'name the output file with --out, or a folder with --out-dir',
    );
  if (inputs > 1)
    throw usageError(
      `有 ${inputs} 个输入文件时请用 --out-dir，--out 只能用于一个文件`,
      `with ${inputs} input files use --out-dir; --out takes one`,
    );
  if (!out.toLowerCase().endsWith(ext))
    throw usageError(
      `输出文件“${out}”应以 ${ext} 结尾`,
      `the output file "${out}" must end in ${ext}`,
    );
  return { out };
}

async function checkFolder(dir: string): Promise<void> {
  let isFolder = false;
  try {
    isFolder = (await fs.stat(dir)).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) {
    throw new CliError({
      'zh-CN': `输出文件夹“${dir}”不存在（或不是文件夹），请先创建它`,
      'en-US': `the output folder "${dir}" does not exist (or is not a folder); create it first`,
    });
  }
}

interface Job {
  readonly file: string;
  readonly inspection: Inspection;
  readonly out: string;
}

/** Where each inspection goes; with a folder, refuses two that would get one name, before any write. */
function jobsOf(
  read: readonly { file: string; inspection: Inspection }[],
  target: Target,
  language: Locale,
  asPackage: boolean,
): Job[] {
  if ('out' in target) return read.map((r) => ({ ...r, out: target.out }));
  const jobs = read.map((r) => {
    const name = (asPackage ? packageFileName : workbookFileName)(r.inspection, language);
    const out = path.join(target.dir, name);
    // The name is made of a school code and a term; never a path, whatever the file says.
    if (
      path.basename(name) !== name ||
      path.dirname(path.resolve(out)) !== path.resolve(target.dir)
    )
      throw new CliError({
        'zh-CN': `文件名“${name}”无效`,
        'en-US': `the file name "${name}" is not valid`,
      });
    return { ...r, out };
  });
  const byName = new Map<string, Job[]>();
  for (const job of jobs) {
    // Case differs on no file system that matters here: Windows and macOS ignore it.
    const key = path.basename(job.out).toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), job]);
  }
  const clash = [...byName.values()].find((group) => group.length > 1);
  if (clash) {
    const files = clash.map((j) => j.file).join('、');
    const filesEn = clash.map((j) => j.file).join(', ');
    const name = path.basename(clash[0]!.out);
    throw new CliError({
      'zh-CN': `${files} 都会写成“${name}”（同一学校、同一学期），未写入任何文件`,
      'en-US': `${filesEn} would all be written as "${name}" (the same school and term); nothing was written`,
    });
  }
  return jobs;
}

interface Made {
  readonly bytes: Uint8Array;
  readonly missing: number;
}

async function make(
  inspection: Inspection,
  language: Locale,
  services: Services,
  printer: PdfPrinter | null,
): Promise<Made> {
  if (!printer) {
    return {
      bytes: exportWorkbook(inspection, language, services.templates, APP_VERSION).bytes,
      missing: 0,
    };
  }
  const made = await buildPackage(inspection, language, {
    templates: services.templates,
    evidence: services.evidence,
    printer,
    appVersion: APP_VERSION,
    now: () => new Date(),
  });
  return { bytes: made.bytes, missing: made.missing.length };
}

/** One job done: written and said on stdout, or its failure on stderr. True when written. */
async function runJob(
  job: Job,
  language: Locale,
  services: Services,
  printer: PdfPrinter | null,
  io: CliIo,
): Promise<boolean> {
  let made: Made;
  try {
    made = await make(job.inspection, language, services, printer);
    writeFileAtomic(job.out, made.bytes);
  } catch (error) {
    io.err(`qinglang: ${bilingual(failureText(job, error))}`);
    return false;
  }
  const { school, period, state } = job.inspection;
  const draft = state === 'signed' ? '' : ' · 草稿 DRAFT';
  const missing =
    made.missing > 0
      ? ` · ${bilingual({
          'zh-CN': `${made.missing} 个附件不在本机，已在 ${MANIFEST_PATH} 中列为缺失`,
          'en-US': `${made.missing} evidence file(s) not on this computer, listed as missing in ${MANIFEST_PATH}`,
        })}`
      : '';
  io.out(
    `${job.out}: ${school.name}（${school.code}）${periodLabel(period)[language]}${draft}${missing}`,
  );
  return true;
}

function failureText(job: Job, error: unknown): Bilingual {
  let why: Bilingual;
  if (error instanceof AppError) why = fromAppError(error).text;
  else if (error instanceof CliError) why = error.text;
  else if ((error as NodeJS.ErrnoException).code !== undefined) {
    const code = (error as NodeJS.ErrnoException).code!;
    why = {
      'zh-CN': `无法写入“${job.out}”（${code}）`,
      'en-US': `cannot write "${job.out}" (${code})`,
    };
  } else {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    why = { 'zh-CN': `导出失败：${reason}`, 'en-US': `the export failed: ${reason}` };
  }
  return { 'zh-CN': `${job.file}：${why['zh-CN']}`, 'en-US': `${job.file}: ${why['en-US']}` };
}

/** Reads every input; one that cannot be read is said and left out, the rest go on. */
async function readAll(files: readonly string[], io: CliIo) {
  const read: { file: string; inspection: Inspection }[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const inspection = await readInspection(file, io);
      if (inspection) read.push({ file, inspection });
      else failed += 1;
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.err(`qinglang: ${bilingual(error.text)}`);
      failed += 1;
    }
  }
  return { read, failed };
}

export interface ExportDeps {
  /** The printer of the package's PDF report: the system's Chromium, or a test's. */
  readonly printer: (env: NodeJS.ProcessEnv) => PdfPrinter;
}

export function makeExportCommand(deps: ExportDeps): Command {
  return {
    name: 'export',
    summary: {
      'zh-CN':
        '把检查文件导出为报送教育局的 Excel 工作簿（.xlsx），或加 --package 导出报送材料（.zip）',
      'en-US':
        'export inspection files as the bureau workbook (.xlsx), or with --package as the submission package (.zip)',
    },
    synopsis: 'FILE.json... (--out FILE.xlsx | --out-dir DIR) [--lang zh-CN|en-US] [--package]',
    options: {
      out: { type: 'string' },
      'out-dir': { type: 'string' },
      lang: { type: 'string' },
      package: { type: 'boolean' },
    },
    optionHelp: {
      out: {
        'zh-CN': '输出文件（只有一个输入文件时）',
        'en-US': 'the file to write (one input file only)',
      },
      'out-dir': {
        'zh-CN': '输出文件夹（须已存在），每个输入一个文件，按学校标识码和学期命名',
        'en-US':
          'the folder to write to (it must exist): one file per input, named by school code and term',
      },
      lang: {
        'zh-CN': '工作簿和报告的语言（默认为数据文件夹中设置的界面语言）',
        'en-US':
          "the workbook's and report's language (default: the language set in the data folder)",
      },
      package: {
        'zh-CN':
          '导出报送材料：工作簿、PDF 报告、数据文件夹中的附件和 manifest.json。需要 Chromium 或 Chrome，可用 CHROMIUM_PATH 指定',
        'en-US':
          'export the submission package: the workbook, the PDF report, the evidence files in the data folder and manifest.json. Needs Chromium or Chrome; CHROMIUM_PATH names one',
      },
    },
    positionals: [1, MAX_INPUTS],
    async run({ positionals, values }, io) {
      const asPackage = values.package === true;
      const target = targetOf(values, positionals.length, asPackage);
      const asked = languageOf(values, 'export');
      if ('dir' in target) await checkFolder(target.dir);
      const services = openCliServices(io.env);
      const language = asked ?? services.settings.get().language;
      const { read, failed } = await readAll(positionals, io);
      const jobs = jobsOf(read, target, language, asPackage);
      const printer = asPackage ? deps.printer(io.env) : null;
      let written = 0;
      for (const job of jobs) if (await runJob(job, language, services, printer, io)) written += 1;
      return failed === 0 && written === jobs.length ? EXIT_OK : EXIT_FAILURE;
    },
  };
}

export const exportCommand = makeExportCommand({
  printer: (env) => createChromiumPrinter({ env }),
});
