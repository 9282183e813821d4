import { own } from '../own';
import type { RegisterItem } from '../template/schema';
import { escapeHtml, markup, table, tag } from './html';
import { cellText } from './report-cells';
import type { ItemPlace, ReportInput } from './report-input';
import { sayIn } from './report-input';
import { T } from './report-text';

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** （一）, （二）… in Chinese; 5.1, 5.2 … in English. */
function registerNumber(index: number, language: ReportInput['language']): string {
  if (language === 'en-US') return `5.${index + 1}`;
  return `（${CHINESE_NUMERALS[index] ?? String(index + 1)}）`;
}

/**
 * 五、登记表: each register the inspection shows, as a table whose header row repeats on every
 * printed page; rows a rule flags say why in a last column.
 */
export function registersSection(
  input: ReportInput,
  places: ReadonlyMap<string, ItemPlace>,
): string {
  const say = sayIn(input.language);
  const registers = [...places.values()]
    .map((p) => p.item)
    .filter((item): item is RegisterItem => item.kind === 'register')
    .filter((item) => input.review.evaluation.items[item.id]?.visible !== false);
  const parts = [tag('h2', '', say(T.registers))];
  if (registers.length === 0) parts.push(tag('p', '', say(T.noRegisters)));
  registers.forEach((item, index) => {
    parts.push(
      tag('h3', '', `${registerNumber(index, input.language)} ${say(item.prompt)}`),
      registerTable(input, item),
    );
  });
  return parts.join('\n');
}

function registerTable(input: ReportInput, item: RegisterItem): string {
  const { language, inspection, review } = input;
  const say = sayIn(language);
  const rows = own(inspection.registers, item.id);
  if (rows === undefined) return tag('p', 'hint', say(T.registerEmpty));
  if (rows.length === 0) return tag('p', '', say(T.registerNone));
  const judged = item.rowRules.some((r) => r.effect !== 'warning');
  const head = [say(T.no), ...item.columns.map((c) => say(c.label))];
  if (judged) head.push(say(T.rowIssues));
  const body = rows.map((row, index) => {
    const cells: (string | number | ReturnType<typeof markup>)[] = [
      index + 1,
      ...item.columns.map((c) => {
        const text = cellText(c, row, language);
        return c.kind === 'date' ? markup(`<span class="nowrap">${escapeHtml(text)}</span>`) : text;
      }),
    ];
    if (judged) {
      const flag = review.flaggedRows.find((f) => f.itemId === item.id && f.rowId === row.id);
      const text = flag ? flag.messages.map((m) => escapeHtml(say(m))).join('<br>') : '';
      cells.push(
        markup(text === '' ? '' : `<span class="status status-${flag!.effect}">${text}</span>`),
      );
    }
    return cells;
  });
  return table('register', head, body);
}
