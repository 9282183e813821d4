import type { Change } from '../inspection/changes';
import { applyChanges } from '../inspection/changes';
import type {
  AnswerValue,
  CorrectiveAction,
  EvidenceRef,
  Inspection,
  RegisterRow,
} from '../inspection/schema';
import type { Item } from '../template/schema';
import { between, instantMs } from './dates';
import type { School } from './school';

/**
 * How a sample came to be: the edits a school would have made over the days of its inspection
 * (answers, notes, scans attached, register rows typed in, actions opened and finished), replayed
 * in time order through the app's own applyChanges. The audit trail, every updatedAt and the
 * final content are therefore exactly what the app would have recorded for those edits.
 */

/** A file a sample's evidence points at, before it is attached (the time is the story's). */
export interface SampleFile {
  readonly sha256: string;
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

export interface Drawn {
  /** Answers by item id, in template order, with the note some of them carry. */
  readonly answers: ReadonlyMap<string, { readonly value: AnswerValue; readonly note?: string }>;
  /** Files attached to an item's answer, by item id. */
  readonly evidence: ReadonlyMap<string, readonly SampleFile[]>;
  /** Every visible register's rows (an empty list: "nothing to register this term"). */
  readonly registers: Readonly<Record<string, readonly RegisterRow[]>>;
  /** Actions as they stand at the end, each opened at its createdAt (and finished at doneAt). */
  readonly actions: readonly CorrectiveAction[];
}

export interface Span {
  readonly createdMs: number;
  /** Answers and rows are entered up to here; actions are opened after. */
  readonly fillEndMs: number;
}

interface Step {
  readonly at: number;
  readonly change: Change;
}

const SECOND = 1000;

/** The edits, each at its moment. Draws from the school's generator in template order. */
export function storySteps(school: School, items: readonly Item[], drawn: Drawn, span: Span) {
  const { rng } = school;
  const { createdMs, fillEndMs } = span;
  const steps: Step[] = [];
  for (const item of items) {
    const answer = drawn.answers.get(item.id);
    if (answer) {
      const at = between(rng, createdMs, fillEndMs);
      steps.push({ at, change: { kind: 'answer', itemId: item.id, value: answer.value } });
      if (answer.note !== undefined) {
        const noteAt = at + rng.int(30, 900) * SECOND;
        steps.push({ at: noteAt, change: { kind: 'note', itemId: item.id, note: answer.note } });
      }
      // Scans are attached a little after the answer they support.
      for (const file of drawn.evidence.get(item.id) ?? []) {
        const fileAt = at + rng.int(60, 3600) * SECOND;
        const ref: EvidenceRef = {
          sha256: file.sha256,
          name: file.name,
          size: file.bytes.length,
          type: file.type,
          addedAt: instantMs(fileAt),
        };
        steps.push({ at: fileAt, change: { kind: 'evidence-add', itemId: item.id, refs: [ref] } });
      }
    }
    const rows = Object.hasOwn(drawn.registers, item.id) ? drawn.registers[item.id]! : undefined;
    if (rows) steps.push(...rowSteps(school, item.id, rows, span));
  }
  for (const action of drawn.actions) {
    const opened: CorrectiveAction = { ...action, state: 'open' };
    delete opened.doneAt;
    delete opened.doneOn;
    delete opened.doneNote;
    steps.push({
      at: Date.parse(action.createdAt),
      change: { kind: 'action-put', action: opened },
    });
    if (action.doneAt !== undefined) {
      steps.push({ at: Date.parse(action.doneAt), change: { kind: 'action-put', action } });
    }
  }
  return steps;
}

/** A register typed in one to three sittings, or confirmed empty. */
function rowSteps(school: School, itemId: string, rows: readonly RegisterRow[], span: Span) {
  const { rng } = school;
  const when = () => between(rng, span.createdMs, span.fillEndMs);
  if (rows.length === 0) return [{ at: when(), change: { kind: 'register-none', itemId } } as Step];
  const sittings = rng.int(1, Math.min(3, rows.length));
  const times = Array.from({ length: sittings }, when).sort((a, b) => a - b);
  const cuts = rng
    .shuffle(Array.from({ length: rows.length - 1 }, (_, i) => i + 1))
    .slice(0, sittings - 1)
    .sort((a, b) => a - b);
  const bounds = [0, ...cuts, rows.length];
  return times.map((at, i): Step => ({
    at,
    change: {
      kind: 'rows-insert',
      itemId,
      index: bounds[i]!,
      rows: rows.slice(bounds[i]!, bounds[i + 1]!),
    },
  }));
}

/** Applies the steps in time order (ties in the order given), one save each, as the app would. */
export function replay(start: Inspection, steps: readonly Step[]): Inspection {
  const ordered = steps
    .map((step, i) => ({ step, i }))
    .sort((a, b) => a.step.at - b.step.at || a.i - b.i);
  let inspection = start;
  for (const { step } of ordered) {
    const result = applyChanges(inspection, [step.change], instantMs(step.at));
    if (!result.ok) throw new Error(`sample edit refused: ${result.message['en-US']}`);
    inspection = result.inspection;
  }
  return inspection;
}
