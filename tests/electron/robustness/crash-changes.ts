import type { Change } from '../../../shared/inspection/changes';
import { applyChanges } from '../../../shared/inspection/changes';
import type {
  CellValue,
  CorrectiveAction,
  EvidenceRef,
  Inspection,
  RegisterRow,
} from '../../../shared/inspection/schema';
import type { Random } from '../../../shared/random';
import { allItems } from '../../../shared/template/items';
import type { Column, Item, RegisterItem, Template } from '../../../shared/template/schema';

/**
 * Believable edits of every kind for the crash test's child process: each one fits the built-in
 * template and the inspection as it stands, so nearly every batch is saved (a refused batch is
 * checked too: it must write nothing).
 */
export const CHANGE_KINDS = [
  'answer',
  'note',
  'evidence-add',
  'evidence-remove',
  'rows-insert',
  'cell',
  'cells',
  'rows-delete',
  'register-none',
  'action-put',
  'action-delete',
  'details',
  'state',
] as const;
type Covered = (typeof CHANGE_KINDS)[number];
// A new kind of change fails to compile here until the crash test makes it too.
const everyKind: [Exclude<Change['kind'], Covered>] extends [never] ? true : never = true;
void everyKind;

const TEXTS = ['已落实', '部分落实，整改中', '见附件', '由信息中心负责', '待下周复查'];
const NAMES = ['李明', '王芳', '张伟', '刘洋', '陈静'];

const isoDay = (rng: Random) =>
  `20${rng.int(24, 27)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;

/** Now and then a long text, so some files are large and their writes take longer. */
const text = (rng: Random, max: number) =>
  rng.chance(0.1) ? rng.pick(TEXTS).repeat(Math.floor(max / 12)) : rng.pick(TEXTS);

function answerValue(item: Exclude<Item, RegisterItem>, rng: Random): Change & { kind: 'answer' } {
  const value = ((): CellValue | null => {
    if (rng.chance(0.1)) return null;
    switch (item.kind) {
      case 'check':
        return rng.pick(['compliant', 'partial', 'non-compliant', 'na']);
      case 'yesno':
        return rng.pick(['yes', 'no']);
      case 'choice':
        return rng.pick(item.choices).value;
      case 'multi':
        return item.choices.filter(() => rng.chance(0.5)).map((c) => c.value);
      case 'date':
        return isoDay(rng);
      case 'number':
        return rng.int(Math.ceil(item.min ?? 0), Math.floor(item.max ?? 400));
      case 'text':
        return text(rng, 10_000);
    }
  })();
  return { kind: 'answer', itemId: item.id, value };
}

function cellValue(column: Column, rng: Random): CellValue | null {
  switch (column.kind) {
    case 'text':
      return text(rng, 2000);
    case 'number':
      return rng.int(0, 500);
    case 'date':
      return isoDay(rng);
    case 'choice':
      return column.choices ? rng.pick(column.choices).value : 'other';
    case 'yesno':
      return rng.pick(['yes', 'no']);
    case 'file':
      return null;
  }
}

function newRow(register: RegisterItem, rng: Random): RegisterRow {
  const cells: Record<string, CellValue> = {};
  for (const column of register.columns) {
    const value = cellValue(column, rng);
    if (value !== null) cells[column.id] = value;
  }
  return { id: `r-${rng.hex(12)}`, cells, evidence: [] };
}

const evidenceRef = (rng: Random, at: string): EvidenceRef => ({
  sha256: rng.hex(64),
  name: `照片-${rng.int(1, 999)}.jpg`,
  size: rng.int(1_000, 5_000_000),
  type: 'image/jpeg',
  addedAt: at,
});

function action(inspection: Inspection, item: Item, rng: Random, at: string): CorrectiveAction {
  const existing = inspection.actions.length > 0 && rng.chance(0.4);
  const base: CorrectiveAction = existing
    ? rng.pick(inspection.actions)
    : {
        id: `a-${rng.hex(12)}`,
        itemId: item.id,
        description: `整改：${rng.pick(TEXTS)}`,
        owner: rng.pick(NAMES),
        due: isoDay(rng),
        state: 'open',
        createdAt: at,
      };
  return rng.chance(0.5) ? { ...base, state: 'done', doneAt: at } : { ...base, due: isoDay(rng) };
}

interface Parts {
  readonly inspection: Inspection;
  readonly registers: readonly RegisterItem[];
  readonly answerable: readonly Exclude<Item, RegisterItem>[];
  readonly rng: Random;
  readonly at: string;
}

const rowsOf = (p: Parts, register: RegisterItem) =>
  Object.hasOwn(p.inspection.registers, register.id) ? p.inspection.registers[register.id]! : [];

/** A register that has rows, with one of them, or null when every register is empty. */
function someRow(p: Parts): { register: RegisterItem; row: RegisterRow } | null {
  const filled = p.registers.filter((r) => rowsOf(p, r).length > 0);
  if (filled.length === 0) return null;
  const register = p.rng.pick(filled);
  return { register, row: p.rng.pick(rowsOf(p, register)) };
}

function evidenceChange(p: Parts, add: boolean): Change | null {
  const { rng, at } = p;
  if (add) {
    const target = rng.chance(0.3) ? someRow(p) : null;
    const refs = Array.from({ length: rng.int(1, 3) }, () => evidenceRef(rng, at));
    if (target)
      return { kind: 'evidence-add', itemId: target.register.id, rowId: target.row.id, refs };
    return { kind: 'evidence-add', itemId: rng.pick(p.answerable).id, refs };
  }
  const withEvidence = Object.entries(p.inspection.answers).filter(([, a]) => a.evidence.length);
  if (withEvidence.length === 0) return null;
  const [itemId, answer] = rng.pick(withEvidence);
  return { kind: 'evidence-remove', itemId, sha256: rng.pick(answer.evidence).sha256 };
}

function rowChange(
  p: Parts,
  kind: 'rows-insert' | 'cell' | 'cells' | 'rows-delete',
): Change | null {
  const { rng } = p;
  if (kind === 'rows-insert') {
    const register = rng.pick(p.registers);
    // Now and then a pasted block of rows: the file grows, and its writes take longer.
    const big = rowsOf(p, register).length < 300 && rng.chance(0.1);
    const rows = Array.from({ length: big ? 200 : rng.int(1, 5) }, () => newRow(register, rng));
    return { kind, itemId: register.id, index: rng.int(0, rowsOf(p, register).length), rows };
  }
  const target = someRow(p);
  if (!target) return null;
  const { register, row } = target;
  if (kind === 'rows-delete') {
    const named = new Set(p.inspection.actions.map((a) => a.rowId));
    const free = rowsOf(p, register).filter((r) => !named.has(r.id));
    if (free.length === 0) return null;
    const rowIds = rng
      .shuffle(free)
      .slice(0, rng.int(1, 3))
      .map((r) => r.id);
    return { kind, itemId: register.id, rowIds };
  }
  const edit = () => {
    const column = rng.pick(register.columns);
    return { rowId: row.id, columnId: column.id, value: cellValue(column, rng) };
  };
  if (kind === 'cell') return { kind, itemId: register.id, ...edit() };
  return { kind, itemId: register.id, values: Array.from({ length: rng.int(1, 6) }, edit) };
}

function changeOf(kind: Covered, p: Parts): Change | null {
  const { rng, at, inspection } = p;
  switch (kind) {
    case 'answer':
      return answerValue(rng.pick(p.answerable), rng);
    case 'note':
      return {
        kind,
        itemId: rng.pick(p.answerable).id,
        note: rng.chance(0.2) ? '' : text(rng, 4000),
      };
    case 'evidence-add':
    case 'evidence-remove':
      return evidenceChange(p, kind === 'evidence-add');
    case 'rows-insert':
    case 'cell':
    case 'cells':
    case 'rows-delete':
      return rowChange(p, kind);
    case 'register-none': {
      const empty = p.registers.filter((r) => rowsOf(p, r).length === 0);
      return empty.length === 0 ? null : { kind, itemId: rng.pick(empty).id };
    }
    case 'action-put':
      return { kind, action: action(inspection, rng.pick(p.answerable), rng, at) };
    case 'action-delete':
      return inspection.actions.length === 0
        ? null
        : { kind, actionId: rng.pick(inspection.actions).id };
    case 'details':
      return rng.chance(0.5)
        ? { kind, inspector: rng.pick(NAMES) }
        : { kind, period: { year: rng.int(2025, 2027), term: rng.pick(['spring', 'autumn']) } };
    // Ready is refused while sign-off has blockers: a refused batch is part of the test.
    case 'state':
      return { kind, to: rng.pick(['draft', 'ready']) };
  }
}

/** One to four edits for one save, of kinds drawn at random; the kinds made are counted. */
export function randomChanges(
  template: Template,
  inspection: Inspection,
  rng: Random,
  at: string,
  made: Map<string, number>,
): Change[] {
  const items = allItems(template);
  let current = inspection;
  const parts = (): Parts => ({
    inspection: current,
    registers: items.filter((i): i is RegisterItem => i.kind === 'register'),
    answerable: items.filter((i): i is Exclude<Item, RegisterItem> => i.kind !== 'register'),
    rng,
    at,
  });
  const changes: Change[] = [];
  for (let n = rng.int(1, 4); changes.length < n;) {
    const change =
      changeOf(rng.pick(CHANGE_KINDS), parts()) ?? answerValue(rng.pick(parts().answerable), rng);
    changes.push(change);
    made.set(change.kind, (made.get(change.kind) ?? 0) + 1);
    // Later edits of the batch are made against the earlier ones, as the renderer queues them.
    const applied = applyChanges(current, [change], at);
    if (applied.ok) current = applied.inspection;
  }
  return changes;
}

/**
 * An edit the save pipeline refuses (a cell of a row that is not there), so that the crash test
 * also sees refused batches: they must leave the file exactly as it was.
 */
export function refusedChange(template: Template): Change {
  const register = allItems(template).find((i): i is RegisterItem => i.kind === 'register')!;
  return {
    kind: 'cell',
    itemId: register.id,
    rowId: 'no-such-row',
    columnId: register.columns[0]!.id,
    value: '已删除的行',
  };
}
