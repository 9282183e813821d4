import fs from 'node:fs/promises';
import path from 'node:path';
import { aggregateReport } from '../../../shared/bureau/aggregate-report';
import { districtFileCounts, lazyDistrictSheets } from '../../../shared/bureau/district-sheets';
import type { District } from '../../../shared/bureau/merge';
import { mergeDistrict } from '../../../shared/bureau/merge';
import type { SchoolListEntry } from '../../../shared/bureau/school-list';
import { SCHOOL_LIST_LIMITS } from '../../../shared/bureau/school-list-parse';
import type { Locale } from '../../../shared/i18n/locale';
import { isIsoDate } from '../../../shared/template/dates';
import { beijingDate } from '../../../shared/workbook/input';
import { writeFileAtomic, writeFileAtomicWith } from '../../services/atomic-file';
import { streamDistrictWorkbook } from '../../services/bureau/district-write';
import { intakeAll } from '../../services/bureau/intake-pool';
import { readSchoolList } from '../../services/bureau/school-list-read';
import { listSubmissionFiles } from '../../services/bureau/submission-files';
import { fileZipSink } from '../../services/zip/zip-writer';
import { APP_VERSION } from '../../version';
import type { Command, ParsedArgs } from '../command';
import { languageOf, usageError as cliUsageError } from '../inspection-input';
import type { CliIo } from '../io';
import { bilingual, EXIT_FAILURE, EXIT_OK } from '../io';

/**
 * `qinglang aggregate PATH... --out district.xlsx [--json report.json] [--allow-drafts]
 * [--schools list.xlsx|list.csv] [--lang zh-CN|en-US] [--today YYYY-MM-DD]`: every workbook and
 * package in the files and folders given, checked as `qinglang verify` checks them, merged into
 * the district summary workbook (and, with --json, the qinglang-aggregate-report/1 report).
 * Exit 0 when the summary was written, rejected files listed in it; 1 when no file could be used
 * (nothing is written then, and each file's reason is printed); 2 on a usage error.
 */

/** Files and folders one run takes on its command line. */
const MAX_PATHS = 10_000;
/** Rejected files named on stderr; the summary and the report list them all. */
const LISTED = 50;

const usageError = (zh: string, en: string) => cliUsageError('aggregate', zh, en);

const note = (io: CliIo, zh: string, en: string) =>
  io.err(`qinglang: ${bilingual({ 'zh-CN': zh, 'en-US': en })}`);

interface Outputs {
  readonly out: string;
  readonly json?: string;
}

async function outputsOf(values: ParsedArgs['values']): Promise<Outputs> {
  const { out, json } = values;
  if (typeof out !== 'string' || out === '')
    throw usageError(
      '请用 --out 指定汇总工作簿（.xlsx）',
      'name the summary workbook with --out FILE.xlsx',
    );
  if (!out.toLowerCase().endsWith('.xlsx'))
    throw usageError(
      `输出文件“${out}”应以 .xlsx 结尾`,
      `the output file "${out}" must end in .xlsx`,
    );
  if (json !== undefined && (typeof json !== 'string' || !json.toLowerCase().endsWith('.json')))
    throw usageError('--json 应指定以 .json 结尾的文件', '--json must name a file ending in .json');
  if (typeof json === 'string' && path.resolve(json) === path.resolve(out))
    throw usageError(
      '--out 与 --json 不能是同一个文件',
      '--out and --json must be different files',
    );
  for (const file of typeof json === 'string' ? [out, json] : [out]) {
    const dir = path.dirname(path.resolve(file));
    const stat = await fs.stat(dir).catch(() => null);
    if (!stat?.isDirectory())
      throw usageError(`文件夹“${dir}”不存在`, `the folder "${dir}" does not exist`);
  }
  return typeof json === 'string' ? { out, json } : { out };
}

function todayOf(values: ParsedArgs['values']): string {
  const today = values.today;
  if (today === undefined) return beijingDate(new Date().toISOString());
  if (typeof today !== 'string' || !isIsoDate(today))
    throw usageError(
      `--today 应为 YYYY-MM-DD 格式的日期，而不是“${String(today)}”`,
      `--today must be a YYYY-MM-DD date, not "${String(today)}"`,
    );
  return today;
}

/** The school list, its problems said on stderr; a list that gives no school is a usage error. */
async function schoolListOf(file: string, io: CliIo): Promise<SchoolListEntry[]> {
  const unreadable = (code: string) =>
    usageError(
      `无法读取学校名单“${file}”（${code}）`,
      `cannot read the school list "${file}" (${code})`,
    );
  const stat = await fs.stat(file).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(error.code ?? 'error');
  });
  if (!stat.isFile()) throw unreadable('not a file');
  if (stat.size > SCHOOL_LIST_LIMITS.fileBytes)
    throw usageError(
      `学校名单“${file}”太大（最大 ${SCHOOL_LIST_LIMITS.fileBytes / 1024 / 1024} MB）`,
      `the school list "${file}" is too large (at most ${SCHOOL_LIST_LIMITS.fileBytes / 1024 / 1024} MB)`,
    );
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(error.code ?? 'error');
  });
  const { schools, problems } = readSchoolList(path.basename(file), bytes);
  if (schools.length === 0) {
    const why = problems[0]?.message ?? { 'zh-CN': '没有学校', 'en-US': 'no schools' };
    throw usageError(
      `学校名单“${file}”不可用：${why['zh-CN']}`,
      `the school list "${file}" cannot be used: ${why['en-US']}`,
    );
  }
  for (const problem of problems) {
    const where =
      problem.row > 0
        ? { zh: `第 ${problem.row} 行：`, en: `row ${problem.row}: ` }
        : { zh: '', en: '' };
    note(
      io,
      `学校名单 ${file} ${where.zh}${problem.message['zh-CN']}`,
      `school list ${file}: ${where.en}${problem.message['en-US']}`,
    );
  }
  return schools;
}

/** What a run that used no file says: why each file was not used. */
function explainNothing(district: District, io: CliIo): number {
  listRejections(district, io, district.rejected.length);
  if (district.rejected.length === 0)
    note(
      io,
      '所给路径中没有找到工作簿（.xlsx）或报送材料（.zip）',
      'no workbook (.xlsx) or package (.zip) was found in the paths given',
    );
  note(
    io,
    '没有可以汇总的有效文件，未写出汇总',
    'no file could be used, so no summary was written',
  );
  return EXIT_FAILURE;
}

function listRejections(district: District, io: CliIo, limit: number): void {
  for (const r of district.rejected.slice(0, limit))
    note(io, `未采用 ${r.file}：${r.reason['zh-CN']}`, `not used ${r.file}: ${r.reason['en-US']}`);
  const more = district.rejected.length - limit;
  if (more > 0)
    note(
      io,
      `另有 ${more} 个文件未采用，见汇总的“未采用”表`,
      `and ${more} more files not used: see the summary's Files not used sheet`,
    );
}

function sayResult(district: District, outputs: Outputs, io: CliIo): void {
  const counts = districtFileCounts(district);
  listRejections(district, io, LISTED);
  for (const school of district.schools) {
    if (!school.current.keyChange) continue;
    note(
      io,
      `注意：${school.name}（${school.code}）的签字密钥与此前不同，请与学校核实`,
      `note: ${school.name} (${school.code}) signed with a key other than before; check with the school`,
    );
  }
  io.out(
    bilingual({
      'zh-CN': `已汇总 ${district.schools.length} 所学校，写出 ${outputs.out}`,
      'en-US': `summarised ${district.schools.length} schools into ${outputs.out}`,
    }),
  );
  io.out(
    bilingual({
      'zh-CN': `文件：读取 ${counts.read}，采用 ${counts.accepted}，未采用 ${counts.rejected}，重复 ${counts.duplicates}`,
      'en-US': `files: ${counts.read} read, ${counts.accepted} used, ${counts.rejected} rejected, ${counts.duplicates} duplicates`,
    }),
  );
  if (district.missing.length > 0)
    io.out(
      bilingual({
        'zh-CN': `名单上有 ${district.missing.length} 所学校未报送（见“未报送”表）`,
        'en-US': `${district.missing.length} listed schools sent nothing (see the Missing schools sheet)`,
      }),
    );
  if (outputs.json)
    io.out(
      bilingual({
        'zh-CN': `报告写出 ${outputs.json}`,
        'en-US': `report written to ${outputs.json}`,
      }),
    );
}

/**
 * Every file checked and the district merged. Its own function so that the intake's results
 * (referenced by the district only where it keeps them) are let go before the summary is written.
 */
async function intakeAndMerge(
  sources: Parameters<typeof intakeAll>[0],
  skipped: Parameters<typeof mergeDistrict>[1],
  options: { today: string; allowDrafts: boolean; schoolList: SchoolListEntry[] | undefined },
  io: CliIo,
): Promise<District> {
  const { today, allowDrafts, schoolList } = options;
  let accepted = 0;
  let rejected = skipped.length;
  const run = await intakeAll(sources, {
    today,
    onProgress: (done, total, last) => {
      // A draft is counted as the merge will count it.
      if (last.outcome === 'accepted' && (allowDrafts || last.submission.signed)) accepted += 1;
      else rejected += 1;
      io.progress?.(`${done}/${total} · 采用 accepted ${accepted} · 未采用 rejected ${rejected}`);
    },
  });
  io.progress?.('');
  const district = mergeDistrict(run.accepted, [...skipped, ...run.rejected], run.templates, {
    allowDrafts,
    today,
    ...(schoolList && { schools: schoolList }),
  });
  return district;
}

/** The qinglang-aggregate-report/1 report as the file's bytes (UTF-8, a final newline). */
function reportBytes(district: District, options: Parameters<typeof aggregateReport>[1]): Buffer {
  return Buffer.from(`${JSON.stringify(aggregateReport(district, options), null, 2)}\n`, 'utf8');
}

async function aggregate({ positionals, values }: ParsedArgs, io: CliIo): Promise<number> {
  const outputs = await outputsOf(values);
  const language: Locale = languageOf(values, 'aggregate') ?? 'zh-CN';
  const today = todayOf(values);
  const allowDrafts = values['allow-drafts'] === true;
  const listFile = typeof values.schools === 'string' ? values.schools : undefined;
  if (values.schools !== undefined && !listFile)
    throw usageError('--schools 应指定学校名单文件', '--schools must name the school list file');
  const schoolList = listFile === undefined ? undefined : await schoolListOf(listFile, io);
  const { sources, skipped } = await listSubmissionFiles(positionals);
  const written = new Set([outputs.out, outputs.json].flatMap((f) => (f ? [path.resolve(f)] : [])));
  const clash = sources.find((s) => written.has(path.resolve(s.path)));
  if (clash)
    throw usageError(
      `输出文件不能是输入文件之一：${clash.path}`,
      `an output file cannot be one of the inputs: ${clash.path}`,
    );
  const district = await intakeAndMerge(sources, skipped, { today, allowDrafts, schoolList }, io);
  if (district.schools.length === 0) return explainNothing(district, io);
  const generatedAt = new Date().toISOString();
  // The report made first, its objects let go before the sheets are, and written second.
  const report = outputs.json
    ? reportBytes(district, {
        generatedAt,
        appVersion: APP_VERSION,
        options: {
          paths: [...positionals],
          allowDrafts,
          language,
          today,
          ...(listFile !== undefined && { schools: listFile }),
        },
      })
    : null;
  // Each sheet is built as it is written, straight into the file: 10,000 schools make millions
  // of cells, and the zip some 20 MB.
  const sheets = lazyDistrictSheets(district, {
    language,
    appVersion: APP_VERSION,
    generatedAt,
    today,
    allowDrafts,
    ...(schoolList && { schoolList }),
  });
  writeFileAtomicWith(outputs.out, (fd) => streamDistrictWorkbook(fileZipSink(fd), sheets));
  if (outputs.json && report) writeFileAtomic(outputs.json, report);
  sayResult(district, outputs, io);
  return EXIT_OK;
}

export const aggregateCommand: Command = {
  name: 'aggregate',
  summary: {
    'zh-CN': '汇总各校报送的工作簿（.xlsx）和报送材料（.zip）：逐个验证签字，写出区县汇总工作簿',
    'en-US':
      "merge the schools' workbooks (.xlsx) and packages (.zip): verify each one's sign-off and write the district summary workbook",
  },
  synopsis:
    'PATH... --out district.xlsx [--json report.json] [--allow-drafts] [--schools list.xlsx|list.csv] [--lang zh-CN|en-US] [--today YYYY-MM-DD]',
  options: {
    out: { type: 'string' },
    json: { type: 'string' },
    'allow-drafts': { type: 'boolean' },
    schools: { type: 'string' },
    lang: { type: 'string' },
    today: { type: 'string' },
  },
  optionHelp: {
    out: {
      'zh-CN': '写出的区县汇总工作簿（.xlsx）',
      'en-US': 'the district summary workbook to write (.xlsx)',
    },
    json: {
      'zh-CN': '另写出供程序读取的报告（qinglang-aggregate-report/1）',
      'en-US': 'also write the report for programs (qinglang-aggregate-report/1)',
    },
    'allow-drafts': {
      'zh-CN': '未签字的草稿也参与汇总（默认拒收）',
      'en-US': 'include unsigned drafts (rejected by default)',
    },
    schools: {
      'zh-CN':
        '学校名单（.xlsx 或 .csv：学校标识码、学校名称、所属区县、学段），用来列出未报送的学校',
      'en-US':
        'the list of schools (.xlsx or .csv: code, name, district, stage), to name those that sent nothing',
    },
    lang: {
      'zh-CN': '汇总工作簿的语言（默认 zh-CN）',
      'en-US': "the summary's language (default zh-CN)",
    },
    today: {
      'zh-CN': '判断整改是否逾期的日期（默认北京时间今天）',
      'en-US': 'the day overdue actions are judged on (default: today in Beijing)',
    },
  },
  positionals: [1, MAX_PATHS],
  run: aggregate,
};
