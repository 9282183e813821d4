import { own } from '../own';
import { isOverdue } from '../inspection/summary';
import { rowName } from '../report/report-cells';
import type { RegisterItem } from '../template/schema';
import { allItems } from '../template/items';
import { date, datetime, num, text } from './cells';
import type { WorkbookCell } from './cells';
import type { WorkbookInput } from './input';
import { sheetTitle } from './input';
import type { WorkbookSheet } from './sheet';

/** 整改: every corrective action, with the item (and register row) it fixes. */
export function actionsSheet(input: WorkbookInput, name: string): WorkbookSheet {
  const { inspection, template, say, language, asOf } = input;
  const items = new Map(allItems(template).map((item) => [item.id, item]));
  const rows: WorkbookCell[][] = inspection.actions.map((action, index) => {
    const item = items.get(action.itemId);
    const register = item?.kind === 'register' ? (item as RegisterItem) : undefined;
    const row =
      register && action.rowId !== undefined
        ? own(inspection.registers, register.id)?.find((r) => r.id === action.rowId)
        : undefined;
    const state =
      action.state === 'done'
        ? say('已完成', 'Done')
        : isOverdue(action, asOf)
          ? say('已逾期', 'Overdue')
          : say('未完成', 'Open');
    return [
      num(index + 1),
      text(action.id),
      text(action.itemId),
      text(item?.prompt[language] ?? ''),
      text(register ? (rowName(register, row) ?? action.rowId) : undefined),
      text(action.description),
      text(action.owner),
      date(action.due),
      text(state),
      date(action.doneOn),
      text(action.doneNote),
      datetime(action.createdAt),
    ];
  });
  const columns: [string, string, number][] = [
    ['序号', 'No.', 6],
    ['整改编号', 'Action id', 14],
    ['检查项编号', 'Item id', 24],
    ['检查项', 'Item', 40],
    ['登记表行', 'Register row', 16],
    ['整改内容', 'Action', 40],
    ['责任人', 'Owner', 12],
    ['整改期限', 'Due', 12],
    ['完成情况', 'State', 10],
    ['完成日期', 'Done on', 12],
    ['完成说明', 'How it was done', 30],
    ['登记时间（北京时间）', 'Recorded at (Beijing time)', 20],
  ];
  return {
    id: 'actions',
    name,
    title: sheetTitle(input, say('整改措施', 'Corrective actions')),
    columns: columns.map(([zh, en, width]) => ({ header: say(zh, en), width })),
    rows,
  };
}
