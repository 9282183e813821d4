import type { Locale } from '../i18n/locale';
import type { WorkbookCell } from '../workbook/cells';
import { datetime, num, text } from '../workbook/cells';
import type { WorkbookSheet } from '../workbook/sheet';
import { pickerFor, sheetName } from '../workbook/sheet';
import { DETECTORS } from './detectors';
import type { DetectorName } from './detectors';
import type { Finding, FindingState, ScanReport } from './finding';
import { FINDING_STATES } from './finding';
import { DETECTOR_ABOUT, DETECTOR_LABELS, NOTE_LABELS, STATE_LABELS, TRICK_LABELS } from './labels';

/**
 * The findings workbook of a scan (the app's export and evidence, `qinglang scan --xlsx`), in
 * either language: 概况 Summary, 发现 Findings, 未读文件 Skipped, 检测说明 About. Every sheet in
 * the bureau workbook's layout (row 1 a title, row 2 headers, data from row 3), so the one
 * writer dresses it: bold frozen headers, widths, a filter. Matches are text cells: a masked
 * 110***********1234 stays as written.
 */

/** How the report's source is named: the folder's name, or the site's start address. */
export function scanSourceName(report: ScanReport): string {
  return report.source.kind === 'folder' ? report.source.name : report.source.start;
}

/** Findings by detector and by state, every detector and state present (0 when none). */
export function findingCounts(findings: readonly Finding[]): {
  byDetector: Record<DetectorName, number>;
  byState: Record<FindingState, number>;
} {
  const byDetector = Object.fromEntries(DETECTORS.map((d) => [d, 0])) as Record<
    DetectorName,
    number
  >;
  const byState = Object.fromEntries(FINDING_STATES.map((s) => [s, 0])) as Record<
    FindingState,
    number
  >;
  for (const finding of findings) {
    byDetector[finding.detector] += 1;
    byState[finding.state] += 1;
  }
  return { byDetector, byState };
}

type Say = (zh: string, en: string) => string;

function summarySheet(report: ScanReport, language: Locale, say: Say, name: string, title: string) {
  const { byDetector, byState } = findingCounts(report.findings);
  const row = (label: string, value: WorkbookCell): WorkbookCell[] => [text(label), value];
  const words = report.words;
  const rows: WorkbookCell[][] = [
    row(say('检查对象', 'Source'), text(scanSourceName(report))),
    row(
      say('类型', 'Kind'),
      text(report.source.kind === 'folder' ? say('文件夹', 'Folder') : say('网站', 'Website')),
    ),
    ...(report.source.kind === 'site'
      ? [row(say('允许访问的主机', 'Hosts fetched'), text(report.source.hosts.join(', ')))]
      : []),
    row(say('学校自有主机', "School's own hosts"), text(report.ownHosts.join(', ') || '—')),
    row(say('开始时间（北京时间）', 'Started (Beijing time)'), datetime(report.startedAt)),
    row(say('结束时间（北京时间）', 'Finished (Beijing time)'), datetime(report.finishedAt)),
    row(
      say('是否完整', 'Complete'),
      text(
        report.complete
          ? say('完整', 'Yes')
          : say('不完整（已取消或达到上限）', 'No (cancelled or stopped at a cap)'),
      ),
    ),
    row(say('已检查文件或页面', 'Files or pages checked'), num(report.totals.scanned)),
    row(say('跳过', 'Skipped'), num(report.totals.skipped)),
    row(say('读取字节数', 'Bytes read'), num(report.totals.bytes)),
    row(say('发现总数', 'Findings'), num(report.findings.length)),
    row(
      say('超出上限未列出的发现', 'Findings past the cap, not listed'),
      num(report.findingsDropped),
    ),
    row(
      say('词表', 'Word list'),
      text(
        words
          ? say(`${words.name}（${words.terms} 个词）`, `${words.name} (${words.terms} terms)`)
          : say('未使用', 'none'),
      ),
    ),
    ...DETECTORS.map((d) =>
      row(
        say(`发现：${DETECTOR_LABELS[d][language]}`, `Findings: ${DETECTOR_LABELS[d][language]}`),
        num(byDetector[d]),
      ),
    ),
    ...FINDING_STATES.map((s) =>
      row(
        say(`状态：${STATE_LABELS[s][language]}`, `State: ${STATE_LABELS[s][language]}`),
        num(byState[s]),
      ),
    ),
    row(say('程序版本', 'App version'), text(report.appVersion)),
    row(say('报告编号', 'Report id'), text(report.id)),
  ];
  return sheet('summary', name, title, rows, [
    [say('项目', 'Item'), 34],
    [say('内容', 'Value'), 60],
  ]);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function findingsSheet(
  report: ScanReport,
  language: Locale,
  say: Say,
  name: string,
  title: string,
) {
  const sorted = [...report.findings].sort(
    (a, b) => compareText(a.source, b.source) || a.line - b.line || a.column - b.column,
  );
  const rows: WorkbookCell[][] = sorted.map((f) => [
    text(f.id),
    text(STATE_LABELS[f.state][language]),
    text(DETECTOR_LABELS[f.detector][language]),
    text(f.source),
    num(f.line),
    num(f.column),
    text(f.match),
    text(f.context),
    text(f.category),
    text(f.target),
    text(f.trick && TRICK_LABELS[f.trick][language]),
    num(f.status),
  ]);
  return sheet('findings', name, title, rows, [
    [say('编号', 'Id'), 14],
    [say('状态', 'State'), 10],
    [say('检测', 'Detector'), 14],
    [say('文件或网址', 'File or URL'), 40],
    [say('行', 'Line'), 7],
    [say('列', 'Column'), 7],
    [say('发现内容', 'Match'), 24],
    [say('上下文', 'Context'), 50],
    [say('类别', 'Category'), 12],
    [say('链接目标', 'Link target'), 40],
    [say('隐藏方式', 'Hiding trick'), 16],
    [say('HTTP 状态', 'HTTP status'), 10],
  ]);
}

function skippedSheet(report: ScanReport, language: Locale, say: Say, name: string, title: string) {
  const rows: WorkbookCell[][] = report.notes.map((n) => [
    text(n.source || say('（整个检查）', '(the whole scan)')),
    text(NOTE_LABELS[n.code][language]),
    text(n.message[language]),
  ]);
  if (report.notesDropped > 0)
    rows.push([
      text(say('（其他）', '(others)')),
      null,
      text(
        say(
          `另有 ${report.notesDropped} 条说明未列出`,
          `${report.notesDropped} more notes not listed`,
        ),
      ),
    ]);
  return sheet('skipped', name, title, rows, [
    [say('文件或网址', 'File or URL'), 40],
    [say('原因', 'Reason'), 18],
    [say('说明', 'Details'), 70],
  ]);
}

function aboutSheet(language: Locale, say: Say, name: string, title: string) {
  const rows: WorkbookCell[][] = DETECTORS.map((d) => [
    text(DETECTOR_LABELS[d][language]),
    text(DETECTOR_ABOUT[d].finds[language]),
    text(DETECTOR_ABOUT[d].misses[language]),
  ]);
  return sheet('about', name, title, rows, [
    [say('检测', 'Detector'), 16],
    [say('能发现', 'Finds'), 60],
    [say('不能发现', 'Cannot find'), 60],
  ]);
}

function sheet(
  id: string,
  name: string,
  title: string,
  rows: WorkbookCell[][],
  columns: [string, number][],
): WorkbookSheet {
  return { id, name, title, columns: columns.map(([header, width]) => ({ header, width })), rows };
}

/** The workbook's four sheets, in the language asked for. */
export function scanReportSheets(report: ScanReport, language: Locale): WorkbookSheet[] {
  const say = pickerFor(language);
  const taken = new Set<string>();
  const heading = say(
    `网站内容审查 · ${scanSourceName(report)}`,
    `Content review · ${scanSourceName(report)}`,
  );
  const titled = (what: string) => `${heading} · ${what}`.slice(0, 1000);
  return [
    summarySheet(
      report,
      language,
      say,
      sheetName(say('概况', 'Summary'), taken),
      titled(say('概况', 'Summary')),
    ),
    findingsSheet(
      report,
      language,
      say,
      sheetName(say('发现', 'Findings'), taken),
      titled(say('发现', 'Findings')),
    ),
    skippedSheet(
      report,
      language,
      say,
      sheetName(say('未读文件', 'Skipped'), taken),
      titled(say('未读文件与说明', 'Skipped files and notes')),
    ),
    aboutSheet(
      language,
      say,
      sheetName(say('检测说明', 'About'), taken),
      titled(say('检测说明', 'About the detectors')),
    ),
  ];
}
