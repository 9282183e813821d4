import type { Bilingual } from '../i18n/locale';
import { own } from '../own';
import type { Item, Section, Template } from '../template/schema';
import type { ValueShape } from './audit-values';
import { columnShape, itemShape, valueText } from './audit-values';
import type { AuditEntry, AuditEvent, CorrectiveAction, Inspection } from './schema';

/**
 * The audit trail as people read it: each entry in both languages, in pieces a screen (or a
 * report, or the command line) puts together: what happened, where (section › item › row ›
 * column, by their names in the template), the value before and after as the walk-through shows
 * it, and the particulars (a file, an action, a reason, a signer). Nothing is shortened here: a
 * display may truncate a long text, the entry itself stays whole. An entry about an item, row or
 * action that no longer exists still reads, by its id. (Zod-free: the renderer uses it.)
 */

/** The kinds of event a person filters by. */
export const AUDIT_KINDS = [
  'answers',
  'evidence',
  'registers',
  'actions',
  'signoff',
  'record',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const KIND_OF: Readonly<Record<AuditEvent, AuditKind>> = {
  created: 'record',
  duplicated: 'record',
  imported: 'record',
  trashed: 'record',
  restored: 'record',
  details: 'record',
  answer: 'answers',
  note: 'answers',
  'evidence-added': 'evidence',
  'evidence-removed': 'evidence',
  'rows-added': 'registers',
  'rows-changed': 'registers',
  'rows-deleted': 'registers',
  'register-none': 'registers',
  'action-added': 'actions',
  'action-changed': 'actions',
  'action-done': 'actions',
  'action-deleted': 'actions',
  state: 'signoff',
  signed: 'signoff',
  reopened: 'signoff',
};

export function auditKindOf(event: AuditEvent): AuditKind {
  return KIND_OF[event];
}

/** One particular of an entry: a label (or none) and its text, in full. */
export interface AuditDetail {
  readonly label: Bilingual | null;
  readonly text: Bilingual;
}

export interface AuditLine {
  /** The entry's place in the trail, from 0 (oldest). */
  readonly index: number;
  readonly entry: AuditEntry;
  /** `entry.at` in milliseconds, to sort and filter by. */
  readonly time: number;
  readonly kind: AuditKind;
  /** The section of the item the entry is about, when it is about one the template has. */
  readonly sectionId: string | null;
  readonly what: Bilingual;
  /** Section, item, row, column: as many as the entry names, outermost first. */
  readonly where: readonly Bilingual[];
  /** The value before and after, for a changed answer, note, cell, inspector, term or state. */
  readonly change: { readonly from: Bilingual; readonly to: Bilingual } | null;
  readonly details: readonly AuditDetail[];
  /** The evidence file an entry is about: its name and full SHA-256. */
  readonly file: { readonly name: string; readonly sha256: string } | null;
}

const b = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });
const same = (text: string): Bilingual => b(text, text);

interface Place {
  readonly section: Section;
  readonly sectionNumber: number;
  readonly item: Item;
  readonly itemNumber: string;
}

/** What the entries refer to, looked up once for the whole trail. */
interface Lookup {
  readonly places: ReadonlyMap<string, Place>;
  /** Register id → row id → its position from 1, as the register shows it now. */
  readonly rows: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly actions: ReadonlyMap<string, CorrectiveAction>;
}

function lookupOf(template: Template, inspection: Inspection): Lookup {
  const places = new Map<string, Place>();
  template.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      places.set(item.id, {
        section,
        sectionNumber: s + 1,
        item,
        itemNumber: `${s + 1}.${i + 1}`,
      });
    });
  });
  const rows = new Map<string, Map<string, number>>();
  for (const [registerId, list] of Object.entries(inspection.registers)) {
    rows.set(registerId, new Map(list.map((row, i) => [row.id, i + 1])));
  }
  return { places, rows, actions: new Map(inspection.actions.map((a) => [a.id, a])) };
}

/** Every entry of the inspection's trail, oldest first, as people read it. */
export function auditLines(inspection: Inspection, template: Template): AuditLine[] {
  const lookup = lookupOf(template, inspection);
  return inspection.audit.map((entry, index) => lineOf(entry, index, lookup));
}

function lineOf(entry: AuditEntry, index: number, lookup: Lookup): AuditLine {
  const place = entry.itemId === undefined ? undefined : lookup.places.get(entry.itemId);
  return {
    index,
    entry,
    time: Date.parse(entry.at),
    kind: KIND_OF[entry.event],
    sectionId: place?.section.id ?? null,
    what: whatOf(entry),
    where: whereOf(entry, place, lookup),
    change: changeOf(entry, place),
    details: detailsOf(entry, lookup),
    file: entry.sha256 === undefined ? null : { name: entry.detail ?? '', sha256: entry.sha256 },
  };
}

// ---- what happened ---------------------------------------------------------------------------

const FIXED: Partial<Readonly<Record<AuditEvent, Bilingual>>> = {
  created: b('新建检查', 'Inspection created'),
  duplicated: b('从以前的检查复制', 'Copied from an earlier inspection'),
  imported: b('从文件导入', 'Imported from a file'),
  trashed: b('移到回收站', 'Moved to the trash'),
  restored: b('从回收站恢复', 'Restored from the trash'),
  'evidence-added': b('加入佐证材料', 'Evidence added'),
  'evidence-removed': b('移除佐证材料', 'Evidence removed'),
  'register-none': b('确认本学期没有需要登记的内容', 'Confirmed: nothing to register this term'),
  'action-added': b('新增整改措施', 'Corrective action added'),
  'action-changed': b('修改整改措施', 'Corrective action changed'),
  'action-done': b('整改完成', 'Corrective action done'),
  'action-deleted': b('删除整改措施', 'Corrective action deleted'),
  signed: b('校长签字', 'Signed off by the principal'),
  reopened: b('重新打开，签字作废', 'Reopened: the sign-off is void'),
};

/** Given, changed or cleared: which, from whether there was a value before and after. */
function valueVerb(
  entry: AuditEntry,
  zh: string,
  en: readonly [given: string, changed: string, cleared: string],
): Bilingual {
  if (entry.from === undefined) return b(`填写${zh}`, en[0]);
  if (entry.to === undefined) return b(`清除${zh}`, en[2]);
  return b(`修改${zh}`, en[1]);
}

function whatOf(entry: AuditEntry): Bilingual {
  const fixed = FIXED[entry.event];
  if (fixed) return fixed;
  const n = entry.count;
  switch (entry.event) {
    case 'answer':
      return valueVerb(entry, '回答', ['Answered', 'Answer changed', 'Answer cleared']);
    case 'note':
      return valueVerb(entry, '备注', ['Note added', 'Note changed', 'Note cleared']);
    case 'rows-changed':
      return n === undefined
        ? valueVerb(entry, '单元格', ['Cell filled in', 'Cell changed', 'Cell cleared'])
        : b(`修改 ${n} 个单元格（粘贴）`, `${n} ${n === 1 ? 'cell' : 'cells'} changed (a paste)`);
    case 'rows-added':
      return n === undefined
        ? b('登记表加一行', 'Register row added')
        : b(`登记表加 ${n} 行`, `${n} register ${n === 1 ? 'row' : 'rows'} added`);
    case 'rows-deleted':
      return n === undefined
        ? b('删除登记表的一行', 'Register row deleted')
        : b(`删除登记表的 ${n} 行`, `${n} register ${n === 1 ? 'row' : 'rows'} deleted`);
    case 'details':
      return entry.detail === 'period'
        ? b('修改学期', 'Term changed')
        : entry.detail === 'inspector'
          ? b('修改检查人', 'Inspector changed')
          : b(`修改检查信息（${entry.detail ?? ''}）`, `Details changed (${entry.detail ?? ''})`);
    case 'state':
      return entry.to === 'ready'
        ? b('交给校长签字', 'Handed to the principal for sign-off')
        : entry.to === 'draft'
          ? b('退回草稿，继续填写', 'Taken back as a draft')
          : b('修改状态', 'State changed');
    default:
      return same(entry.event);
  }
}

// ---- where -----------------------------------------------------------------------------------

function whereOf(entry: AuditEntry, place: Place | undefined, lookup: Lookup): Bilingual[] {
  if (entry.itemId === undefined) return [];
  const where: Bilingual[] = place
    ? [
        b(
          `${place.sectionNumber}. ${place.section.title['zh-CN']}`,
          `${place.sectionNumber}. ${place.section.title['en-US']}`,
        ),
        b(
          `${place.itemNumber} ${place.item.prompt['zh-CN']}`,
          `${place.itemNumber} ${place.item.prompt['en-US']}`,
        ),
      ]
    : [b(`检查项 ${entry.itemId}（模板中没有）`, `item ${entry.itemId} (not in the template)`)];
  if (entry.rowId !== undefined) {
    const position = lookup.rows.get(entry.itemId)?.get(entry.rowId);
    const id = shortId(entry.rowId);
    where.push(
      position !== undefined
        ? b(`第 ${position} 行`, `row ${position}`)
        : entry.event === 'rows-deleted'
          ? b(`行 ${id}`, `row ${id}`)
          : b(`行 ${id}（已删除）`, `row ${id} (since deleted)`),
    );
  }
  if (entry.columnId !== undefined) {
    const item = place?.item;
    const column =
      item?.kind === 'register' ? item.columns.find((c) => c.id === entry.columnId) : undefined;
    where.push(column ? column.label : b(`列 ${entry.columnId}`, `column ${entry.columnId}`));
  }
  return where;
}

/** A row's id as it reads in a sentence: a long one (a UUID) by its first characters. */
const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

// ---- before and after ------------------------------------------------------------------------

function shapeOf(entry: AuditEntry, place: Place | undefined): ValueShape | null {
  switch (entry.event) {
    case 'answer':
      return itemShape(place?.item);
    case 'note':
      return { kind: 'text' };
    case 'rows-changed': {
      if (entry.count !== undefined) return null;
      const item = place?.item;
      return columnShape(
        item?.kind === 'register' ? item.columns.find((c) => c.id === entry.columnId) : undefined,
      );
    }
    case 'details':
      return entry.detail === 'period' ? { kind: 'period' } : { kind: 'text' };
    case 'state':
      return { kind: 'state' };
    default:
      return null;
  }
}

function changeOf(entry: AuditEntry, place: Place | undefined): AuditLine['change'] {
  const shape = shapeOf(entry, place);
  if (!shape) return null;
  return {
    from: valueText(entry.from, shape, 'from'),
    to: valueText(entry.to, shape, 'to'),
  };
}

// ---- particulars -----------------------------------------------------------------------------

const LABELS = {
  action: b('整改内容', 'Action'),
  doneOn: b('完成日期', 'Finished on'),
  doneNote: b('整改情况', 'What was done'),
  signer: b('签字人', 'Signed by'),
  reason: b('原因', 'Reason'),
  source: b('来源编号', 'Copied from'),
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What an import recorded (docs/formats.md, import rule 6), one particular per word. */
function importDetail(word: string): AuditDetail {
  if (UUID.test(word)) {
    return {
      label: b('原编号', 'Original id'),
      text: b(
        `${word}（本机已有同一编号，作为副本导入）`,
        `${word} (already here: imported as a copy)`,
      ),
    };
  }
  const known: Readonly<Record<string, Bilingual>> = {
    'signature-content-changed': b(
      '签字后内容被改动，签字作废，作为草稿导入',
      'Changed after signing: the sign-off is void, imported as a draft',
    ),
    'signature-invalid': b(
      '签名无效，签字作废，作为草稿导入',
      'The signature is not valid: the sign-off is void, imported as a draft',
    ),
    'signed-without-signature': b(
      '标明已签字但没有签名，作为草稿导入',
      'Marked signed without a signature: imported as a draft',
    ),
  };
  return { label: null, text: own(known, word) ?? same(word) };
}

function detailsOf(entry: AuditEntry, lookup: Lookup): AuditDetail[] {
  const detail = entry.detail;
  switch (entry.event) {
    case 'duplicated':
      return detail === undefined ? [] : [{ label: LABELS.source, text: same(detail) }];
    case 'imported':
      return (detail ?? '').split(' ').filter(Boolean).map(importDetail);
    case 'action-added':
    case 'action-changed':
    case 'action-deleted':
      return detail === undefined ? [] : [{ label: LABELS.action, text: same(detail) }];
    case 'action-done': {
      const action = entry.actionId === undefined ? undefined : lookup.actions.get(entry.actionId);
      return [
        ...(action ? [{ label: LABELS.action, text: same(action.description) }] : []),
        ...(typeof entry.to === 'string'
          ? [{ label: LABELS.doneOn, text: valueText(entry.to, { kind: 'date' }, 'to') }]
          : []),
        ...(detail === undefined ? [] : [{ label: LABELS.doneNote, text: same(detail) }]),
      ];
    }
    case 'signed':
      return detail === undefined ? [] : [{ label: LABELS.signer, text: same(detail) }];
    case 'reopened':
      return detail === undefined ? [] : [{ label: LABELS.reason, text: same(detail) }];
    default:
      return [];
  }
}
