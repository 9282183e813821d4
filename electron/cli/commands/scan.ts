import fs from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '../../../shared/i18n/locale';
import type { DetectorName } from '../../../shared/scan/detectors';
import { DETECTORS } from '../../../shared/scan/detectors';
import type { ScanReport } from '../../../shared/scan/finding';
import { SCAN_LIMITS, scanReportSchema } from '../../../shared/scan/finding';
import { HOST_PATTERN } from '../../../shared/scan/hosts';
import { DETECTOR_LABELS } from '../../../shared/scan/labels';
import { findingCounts } from '../../../shared/scan/report-sheets';
import { writeFileAtomic } from '../../services/atomic-file';
import { scanWorkbook } from '../../services/scan/report-workbook';
import type { ScanRunRequest } from '../../services/scan/scan-run';
import { startScan } from '../../services/scan/scan-run';
import { APP_VERSION } from '../../version';
import type { Command, ParsedArgs } from '../command';
import { languageOf, usageError as cliUsageError } from '../inspection-input';
import type { CliIo } from '../io';
import { bilingual, EXIT_FAILURE, EXIT_OK } from '../io';
import { readWordListFile } from './scan-words';

/**
 * `qinglang scan (DIR | --site URL --host H...) [--own-host H...] [--words FILE] [--json OUT]
 * [--xlsx OUT] [--lang zh-CN|en-US]`: the content review of a saved copy of the school's site
 * (or its export) or of the site itself, fetched from the hosts given. Prints the findings by
 * detector and the first few (personal data masked); --json writes the qinglang-scan-report/1
 * report, --xlsx the findings workbook. Exit 0 when nothing was found, 1 when something was,
 * 2 on a usage error (an unreadable folder or word list among them).
 */

/** Findings printed on stdout; the report and the workbook have them all. */
const LISTED = 20;

const usageError = (zh: string, en: string) => cliUsageError('scan', zh, en);

const listOf = (value: ParsedArgs['values'][string]): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string',
  );

function hostsOf(values: readonly string[], option: string): string[] {
  const hosts = [...new Set(values.map((h) => h.trim().toLowerCase()))];
  const bad = hosts.find((h) => !HOST_PATTERN.test(h) || h.length > 253);
  if (bad !== undefined)
    throw usageError(
      `--${option} 应为主机名（如 www.school.edu.cn），而不是“${bad}”`,
      `--${option} must be a host name (like www.school.edu.cn), not "${bad}"`,
    );
  if (hosts.length > SCAN_LIMITS.hosts)
    throw usageError(
      `--${option} 最多 ${SCAN_LIMITS.hosts} 个`,
      `at most ${SCAN_LIMITS.hosts} --${option} hosts`,
    );
  return hosts;
}

async function sourceOf({ positionals, values }: ParsedArgs): Promise<ScanRunRequest['source']> {
  const site = values.site;
  const [dir] = positionals;
  if (site !== undefined && dir !== undefined)
    throw usageError(
      '请给出文件夹或 --site 网址，不能同时给出',
      'give a folder or --site URL, not both',
    );
  if (typeof site === 'string') {
    let url: URL | null = null;
    try {
      url = new URL(site);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || site.length > SCAN_LIMITS.source)
      throw usageError(
        `--site 应为 http 或 https 网址，而不是“${site}”`,
        `--site must be an http or https URL, not "${site}"`,
      );
    const hosts = hostsOf(listOf(values.host), 'host');
    if (hosts.length === 0) hosts.push(url.host.toLowerCase());
    if (!hosts.includes(url.host.toLowerCase()))
      throw usageError(
        `网址的主机 ${url.host} 不在 --host 列出的主机中`,
        `the URL's host ${url.host} is not among the --host hosts`,
      );
    return { kind: 'site', start: url.href, hosts };
  }
  if (dir === undefined)
    throw usageError(
      '请给出要检查的文件夹，或用 --site 给出网址',
      'name the folder to scan, or a site with --site URL',
    );
  if (values.host !== undefined)
    throw usageError('--host 只用于 --site', '--host goes with --site only');
  const stat = await fs.stat(dir).catch((error: NodeJS.ErrnoException) => error.code ?? 'error');
  if (typeof stat === 'string' || !stat.isDirectory())
    throw usageError(
      `无法读取文件夹“${dir}”（${typeof stat === 'string' ? stat : '不是文件夹 not a folder'}）`,
      `cannot read the folder "${dir}" (${typeof stat === 'string' ? stat : 'not a folder'})`,
    );
  return { kind: 'folder', root: path.resolve(dir) };
}

interface Outputs {
  readonly json?: string;
  readonly xlsx?: string;
}

/** --json and --xlsx: the right extensions, existing folders, never a file of the folder scanned. */
async function outputsOf(
  values: ParsedArgs['values'],
  source: ScanRunRequest['source'],
): Promise<Outputs> {
  const outputs: { json?: string; xlsx?: string } = {};
  for (const [option, extension] of [
    ['json', '.json'],
    ['xlsx', '.xlsx'],
  ] as const) {
    const value = values[option];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !value.toLowerCase().endsWith(extension))
      throw usageError(
        `--${option} 应指定以 ${extension} 结尾的文件`,
        `--${option} must name a file ending in ${extension}`,
      );
    const file = path.resolve(value);
    const dir = path.dirname(file);
    const stat = await fs.stat(dir).catch(() => null);
    if (!stat?.isDirectory())
      throw usageError(`文件夹“${dir}”不存在`, `the folder "${dir}" does not exist`);
    if (source.kind === 'folder' && isInside(file, source.root))
      throw usageError(
        `输出文件不能写在被检查的文件夹中：${value}`,
        `an output file cannot be inside the folder scanned: ${value}`,
      );
    outputs[option] = file;
  }
  if (outputs.json && outputs.json === outputs.xlsx)
    throw usageError('--json 与 --xlsx 不能是同一个文件', '--json and --xlsx must differ');
  return outputs;
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function runScan(request: ScanRunRequest, io: CliIo): Promise<ScanReport> {
  const run = startScan(request);
  const timer = io.progress
    ? setInterval(() => {
        const p = run.progress();
        const total = p.total === null ? '' : `/${p.total}`;
        io.progress?.(
          `${p.scanned}${total} · ${(p.bytes / 1e6).toFixed(1)} MB · 发现 findings ${p.findings} · ${p.current.slice(-60)}`,
        );
      }, 250)
    : null;
  const stop = () => run.cancel();
  process.once('SIGINT', stop);
  try {
    return await run.report;
  } finally {
    process.removeListener('SIGINT', stop);
    if (timer) clearInterval(timer);
    io.progress?.('');
  }
}

function say(io: CliIo, report: ScanReport, outputs: Outputs, language: Locale): void {
  const { byDetector } = findingCounts(report.findings);
  const found = report.findings.length + report.findingsDropped;
  io.out(
    bilingual({
      'zh-CN': `检查了 ${report.totals.scanned} 个文件或页面（跳过 ${report.totals.skipped} 个），发现 ${found} 处`,
      'en-US': `checked ${report.totals.scanned} files or pages (${report.totals.skipped} skipped); ${found} findings`,
    }),
  );
  const detectors: DetectorName[] = DETECTORS.filter((d) => byDetector[d] > 0);
  for (const d of detectors)
    io.out(`  ${String(byDetector[d]).padStart(7)}  ${bilingual(DETECTOR_LABELS[d])}`);
  for (const f of report.findings.slice(0, LISTED)) {
    const label = DETECTOR_LABELS[f.detector][language];
    const extra = f.target && f.target !== f.match ? ` → ${f.target}` : '';
    io.out(`  ${f.source}:${f.line}:${f.column}  ${label}  ${f.match}${extra}`);
  }
  if (report.findings.length > LISTED)
    io.out(
      bilingual({
        'zh-CN': `  ……另有 ${report.findings.length - LISTED} 处，见报告`,
        'en-US': `  … and ${report.findings.length - LISTED} more: see the report`,
      }),
    );
  if (!report.complete)
    io.out(
      bilingual({
        'zh-CN': '注意：检查未完成（已取消或达到上限），结果只包括已读取的部分',
        'en-US':
          'note: the scan is incomplete (cancelled or stopped at a cap): findings are of what was read',
      }),
    );
  if (report.notes.length > 0)
    io.out(
      bilingual({
        'zh-CN': `${report.notes.length + report.notesDropped} 条说明（跳过的文件等），见报告`,
        'en-US': `${report.notes.length + report.notesDropped} notes (skipped files and such): see the report`,
      }),
    );
  if (outputs.json)
    io.out(
      bilingual({
        'zh-CN': `报告写出 ${outputs.json}`,
        'en-US': `report written to ${outputs.json}`,
      }),
    );
  if (outputs.xlsx)
    io.out(
      bilingual({
        'zh-CN': `工作簿写出 ${outputs.xlsx}`,
        'en-US': `workbook written to ${outputs.xlsx}`,
      }),
    );
}

async function scan(args: ParsedArgs, io: CliIo): Promise<number> {
  const { values } = args;
  const language: Locale = languageOf(values, 'scan') ?? 'zh-CN';
  const source = await sourceOf(args);
  const outputs = await outputsOf(values, source);
  const ownHosts = hostsOf(listOf(values['own-host']), 'own-host');
  if (values.words !== undefined && typeof values.words !== 'string')
    throw usageError('--words 应指定词表文件', '--words must name the word list file');
  const words = typeof values.words === 'string' ? await readWordListFile(values.words, io) : null;
  const report = await runScan(
    { source, ownHosts, words, appVersion: APP_VERSION.slice(0, 50) },
    io,
  );
  // Validated before anything is written: a report that does not meet its format is never saved.
  const checked = scanReportSchema.parse(report);
  if (outputs.json)
    writeFileAtomic(outputs.json, Buffer.from(`${JSON.stringify(checked, null, 2)}\n`, 'utf8'));
  if (outputs.xlsx) writeFileAtomic(outputs.xlsx, Buffer.from(scanWorkbook(checked, language)));
  say(io, checked, outputs, language);
  return checked.findings.length + checked.findingsDropped > 0 ? EXIT_FAILURE : EXIT_OK;
}

export const scanCommand: Command = {
  name: 'scan',
  summary: {
    'zh-CN':
      '网站内容审查：在网站的文件夹或网站本身中查找泄露的个人信息、暗链、外链、死链、词表词语和缺少的备案号',
    'en-US':
      "content review: find leaked personal data, hidden, external and dead links, listed words and missing filing numbers in a folder of the school's site or the site itself",
  },
  synopsis:
    '(DIR | --site URL --host H...) [--own-host H...] [--words FILE] [--json OUT.json] [--xlsx OUT.xlsx] [--lang zh-CN|en-US]',
  options: {
    site: { type: 'string' },
    host: { type: 'string', multiple: true },
    'own-host': { type: 'string', multiple: true },
    words: { type: 'string' },
    json: { type: 'string' },
    xlsx: { type: 'string' },
    lang: { type: 'string' },
  },
  optionHelp: {
    site: {
      'zh-CN': '在线检查的网站起始网址（只访问 --host 列出的主机）',
      'en-US': 'the site to fetch and scan, from this URL (only the --host hosts are fetched)',
    },
    host: {
      'zh-CN': '允许访问的主机，可重复（默认只有网址的主机）',
      'en-US': "a host that may be fetched, repeatable (default: the URL's host)",
    },
    'own-host': {
      'zh-CN': '学校自有的主机，可重复：指向其他主机的链接列为外链',
      'en-US': "the school's own host, repeatable: links elsewhere are external links",
    },
    words: {
      'zh-CN': '教育局的词表（纯文本，每行一个词，可在词后加制表符和类别）',
      'en-US':
        "the bureau's word list (plain text, one term a line, optionally a tab and a category)",
    },
    json: {
      'zh-CN': '写出供程序读取的报告（qinglang-scan-report/1）',
      'en-US': 'write the report for programs (qinglang-scan-report/1)',
    },
    xlsx: {
      'zh-CN': '写出发现清单工作簿',
      'en-US': 'write the findings workbook',
    },
    lang: {
      'zh-CN': '工作簿和所列发现的语言（默认 zh-CN）',
      'en-US': "the workbook's and the listed findings' language (default zh-CN)",
    },
  },
  positionals: [0, 1],
  run: scan,
};
