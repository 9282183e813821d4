import { isoDateText } from '../i18n/date-text';
import { isOverdue } from '../inspection/summary';
import type { CorrectiveAction } from '../inspection/schema';
import { own } from '../own';
import type { Finding, ItemStatus } from '../template/engine';
import { STATUS_LABELS } from '../template/labels';
import { escapeHtml, escapeLines, markup, table, tag } from './html';
import type { Markup } from './html';
import { rowName } from './report-cells';
import type { ItemPlace, ReportInput, Say } from './report-input';
import { sayIn } from './report-input';
import { aside, doneOnText, labelled, rowLabel, T } from './report-text';

const statusMark = (status: ItemStatus, say: Say): Markup =>
  markup(`<span class="status status-${status}">${escapeHtml(say(STATUS_LABELS[status]))}</span>`);

/** "1.3 制定网络安全管理制度…": where an item is, and what it asks. */
export function itemLabel(place: ItemPlace | undefined, itemId: string, say: Say): string {
  return place ? `${place.number} ${say(place.item.prompt)}` : itemId;
}

/** "第 3 行（华为 USG6525E）" for a register row, by its id. */
function rowPhrase(input: ReportInput, place: ItemPlace | undefined, rowId: string): string {
  const say = sayIn(input.language);
  const rows = own(input.inspection.registers, place?.item.id ?? '') ?? [];
  const index = rows.findIndex((r) => r.id === rowId);
  if (index === -1 || place?.item.kind !== 'register') return rowId;
  const name = rowName(place.item, rows[index]);
  const label = say(rowLabel(index + 1));
  return name === undefined ? label : `${label}${aside(name, input.language)}`;
}

/** 三、存在的问题: each item judged 不符合 or 部分符合, with every reason and the inspector's note. */
export function findingsSection(
  input: ReportInput,
  places: ReadonlyMap<string, ItemPlace>,
): string {
  const { review, inspection } = input;
  const say = sayIn(input.language);
  const byItem = new Map<string, Finding[]>();
  for (const finding of review.findings) {
    byItem.set(finding.itemId, [...(byItem.get(finding.itemId) ?? []), finding]);
  }
  if (byItem.size === 0)
    return [tag('h2', '', say(T.findings)), tag('p', '', say(T.noFindings))].join('\n');
  const rows = [...byItem].map(([itemId, findings], index) => {
    const place = places.get(itemId);
    const status = review.evaluation.items[itemId]?.status ?? 'unanswered';
    const reasons = findings.map((f) => {
      const text = say(f.message);
      if (f.row === undefined) return `<span class="reason">${escapeHtml(text)}</span>`;
      const row = (own(inspection.registers, itemId) ?? [])[f.row];
      const where = row ? rowPhrase(input, place, row.id) : say(rowLabel(f.row + 1));
      return `<span class="reason">${escapeHtml(labelled(where, input.language) + text)}</span>`;
    });
    const note = own(inspection.answers, itemId)?.note;
    if (note !== undefined && note.trim() !== '')
      reasons.push(
        `<span class="reason">${escapeHtml(labelled(say(T.note), input.language))}${escapeLines(note)}</span>`,
      );
    return [
      index + 1,
      itemLabel(place, itemId, say),
      statusMark(status, say),
      markup(reasons.join('')),
    ];
  });
  return [
    tag('h2', '', say(T.findings)),
    table('findings', [say(T.no), say(T.item), say(T.conclusion), say(T.reasons)], rows),
  ].join('\n');
}

/** 四、整改措施: every action in template order, with owner and due date, and how each ended. */
export function actionsSection(input: ReportInput, places: ReadonlyMap<string, ItemPlace>): string {
  const { inspection, language, today } = input;
  const say = sayIn(language);
  if (inspection.actions.length === 0)
    return [tag('h2', '', say(T.actions)), tag('p', '', say(T.noActions))].join('\n');
  const order = [...places.keys()];
  const position = (a: CorrectiveAction) => {
    const at = order.indexOf(a.itemId);
    return at === -1 ? order.length : at;
  };
  const sorted = inspection.actions
    .map((action, index) => ({ action, index }))
    .sort((a, b) => position(a.action) - position(b.action) || a.index - b.index)
    .map(({ action }) => action);
  const rows = sorted.map((action, index) => {
    const place = places.get(action.itemId);
    const item = itemLabel(place, action.itemId, say);
    const where =
      action.rowId === undefined ? '' : `<br>${escapeHtml(rowPhrase(input, place, action.rowId))}`;
    return [
      index + 1,
      markup(`${escapeHtml(item)}${where}`),
      markup(escapeLines(action.description)),
      action.owner,
      isoDateText(action.due)[language],
      outcome(action, today, say, language),
    ];
  });
  return [
    tag('h2', '', say(T.actions)),
    table(
      'actions',
      [say(T.no), say(T.item), say(T.action), say(T.owner), say(T.due), say(T.outcome)],
      rows,
    ),
  ].join('\n');
}

function outcome(
  action: CorrectiveAction,
  today: string,
  say: Say,
  language: ReportInput['language'],
): Markup {
  if (action.state === 'done') {
    const when = action.doneOn ?? action.doneAt?.slice(0, 10);
    const head =
      when === undefined ? say(T.actionDone) : say(doneOnText(isoDateText(when)[language]));
    const note =
      action.doneNote === undefined || action.doneNote.trim() === ''
        ? ''
        : `<span class="reason">${escapeLines(action.doneNote)}</span>`;
    return markup(`<span class="status status-compliant">${escapeHtml(head)}</span>${note}`);
  }
  return isOverdue(action, today)
    ? markup(`<span class="status overdue">${escapeHtml(say(T.actionOverdue))}</span>`)
    : markup(`<span class="status">${escapeHtml(say(T.actionOpen))}</span>`);
}
