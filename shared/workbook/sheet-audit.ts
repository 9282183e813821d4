import { auditLines } from '../inspection/audit-text';
import { datetime, num, text } from './cells';
import type { WorkbookCell } from './cells';
import type { WorkbookInput } from './input';
import { sheetTitle } from './input';
import type { WorkbookSheet } from './sheet';

/** 审计: the audit trail as the app's audit page reads it, oldest first, with the ids it names. */
export function auditSheet(input: WorkbookInput, name: string): WorkbookSheet {
  const { inspection, template, say, language } = input;
  const colon = say('：', ': ');
  const rows: WorkbookCell[][] = auditLines(inspection, template).map((line) => [
    num(line.index + 1),
    datetime(line.entry.at),
    text(line.what[language]),
    text(line.entry.itemId),
    text(line.where.map((w) => w[language]).join(' › ')),
    text(line.change?.from[language]),
    text(line.change?.to[language]),
    text(
      line.details
        .map((d) =>
          d.label ? `${d.label[language]}${colon}${d.text[language]}` : d.text[language],
        )
        .join(say('；', '; ')),
    ),
    text(line.file?.name),
    text(line.file?.sha256),
  ]);
  const columns: [string, string, number][] = [
    ['序号', 'No.', 7],
    ['时间（北京时间）', 'Time (Beijing time)', 20],
    ['事件', 'Event', 22],
    ['检查项编号', 'Item id', 24],
    ['位置', 'Where', 36],
    ['原值', 'Before', 20],
    ['新值', 'After', 20],
    ['详情', 'Details', 30],
    ['文件', 'File', 20],
    ['文件 SHA-256', 'File SHA-256', 20],
  ];
  return {
    id: 'audit',
    name,
    title: sheetTitle(input, say('审计记录', 'Audit trail')),
    columns: columns.map(([zh, en, width]) => ({ header: say(zh, en), width })),
    rows,
  };
}
