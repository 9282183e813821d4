import type { CorrectiveAction, RegisterRow } from '../inspection/schema';
import { own } from '../own';
import type { Evaluation } from '../template/engine';
import type { Item } from '../template/schema';
import { between, DAY_MS, instantMs, isoDay } from './dates';
import { shortId } from './ids';
import { DEPARTMENTS } from './people';
import type { School } from './school';

/** A prompt or message as one line of at most `max` characters, to go into a description. */
const oneLine = (text: string, max: number): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

const DONE_NOTES = [
  '已按要求整改完毕，相关记录已存档',
  '已完成整改并复查，未再发现问题',
  '已修订制度并组织相关人员学习',
  '已更新配置，截图已留存',
  '已由厂商完成处理，验收合格',
];

/** When a sample's actions are opened, and whether every finding gets one. */
export interface ActionPlan {
  /** Actions are opened in this span (ms), after the answers that call for them. */
  readonly fromMs: number;
  readonly toMs: number;
  /**
   * A school about to hand its inspection to the principal follows up every finding (sign-off
   * needs it); one still working on it, only some.
   */
  readonly everyFinding: boolean;
}

/**
 * Actions against the findings, as a school would open them while inspecting: most still open,
 * some of those already past their due date, plus a few done for items fixed this term.
 */
export function correctiveActions(
  school: School,
  items: readonly Item[],
  evaluation: Evaluation,
  registers: Readonly<Record<string, readonly RegisterRow[]>>,
  plan: ActionPlan,
  taken: Set<string>,
): CorrectiveAction[] {
  const { rng } = school;
  const { fromMs: createdMs, toMs: updatedMs } = plan;
  const some = (p: number) => plan.everyFinding || rng.chance(p);
  const actions: CorrectiveAction[] = [];
  const open = (itemId: string, description: string, rowId?: string) => {
    const at = between(rng, createdMs, updatedMs);
    const openedDay = Math.floor(at / DAY_MS);
    const canBeLate = school.asOf - openedDay >= 2;
    const due =
      canBeLate && rng.chance(0.4)
        ? rng.int(openedDay + 1, school.asOf - 1)
        : school.asOf + rng.int(0, 45);
    actions.push({
      id: shortId(rng, taken),
      itemId,
      ...(rowId === undefined ? {} : { rowId }),
      description,
      owner: rng.chance(0.5) ? rng.pick(school.staff) : rng.pick(DEPARTMENTS),
      due: isoDay(due),
      state: 'open',
      createdAt: instantMs(at),
    });
  };

  const fixed: Item[] = [];
  for (const item of items) {
    const result = evaluation.items[item.id];
    if (!result?.visible) continue;
    if (result.status === 'compliant' && item.kind === 'check') fixed.push(item);
    if (result.status !== 'partial' && result.status !== 'non-compliant') continue;
    const prompt = oneLine(item.prompt['zh-CN'], 150);
    if (item.kind === 'register') {
      const rows = own(registers, item.id) ?? [];
      for (const reason of result.reasons) {
        const row = reason.row === undefined ? undefined : rows[reason.row];
        if (!some(0.7)) continue;
        // The row's first text cell names it (a device model, an account, an issue).
        const label = item.columns
          .filter((c) => c.kind === 'text')
          .map((c) => (row ? own(row.cells, c.id) : undefined))
          .find((v): v is string => typeof v === 'string' && v.trim() !== '');
        const what = oneLine(reason.message['zh-CN'], 300);
        open(item.id, label ? `${what}：${oneLine(label, 200)}` : `${prompt}：${what}`, row?.id);
      }
    } else if (some(0.6)) {
      const why = result.reasons.find((r) => r.message['zh-CN'] !== '自查结论');
      open(
        item.id,
        why ? `整改：${prompt}（${oneLine(why.message['zh-CN'], 300)}）` : `整改：${prompt}`,
      );
    }
  }

  for (const item of rng.shuffle(fixed).slice(0, rng.int(0, 2))) {
    const at = between(rng, createdMs, updatedMs);
    const doneAt = between(rng, at, updatedMs);
    actions.push({
      id: shortId(rng, taken),
      itemId: item.id,
      description: `已整改：${oneLine(item.prompt['zh-CN'], 150)}`,
      owner: rng.pick(school.staff),
      due: isoDay(Math.floor(at / DAY_MS) + rng.int(3, 30)),
      state: 'done',
      createdAt: instantMs(at),
      doneAt: instantMs(doneAt),
      doneOn: isoDay(Math.floor(doneAt / DAY_MS)),
      doneNote: rng.pick(DONE_NOTES),
    });
  }
  return actions;
}
