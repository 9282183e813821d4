import { describe, expect, it } from 'vitest';
import type { AuditLine } from '../../../shared/inspection/audit-text';
import { AUDIT_KINDS, auditKindOf, auditLines } from '../../../shared/inspection/audit-text';
import type { AuditEntry, Inspection } from '../../../shared/inspection/schema';
import { AUDIT_EVENTS } from '../../../shared/inspection/schema';
import type { Template } from '../../../shared/template/schema';
import { item, template } from '../template/fixtures';
import {
  action,
  applied,
  b,
  DEVICES,
  evidence,
  LATER,
  newInspection,
  NOW,
  OTHER_ID,
  row,
  sha,
} from './fixtures';

/** One item of each kind, and the register with a column of each kind. */
const KINDS: Template = template(
  [
    item('check', 'leader', { prompt: b('成立领导小组', 'A leading group exists') }),
    item('yesno', 'budget'),
    item('date', 'drill'),
    item('number', 'log_days', { unit: b('天', 'days') }),
    item('number', 'coverage', { unit: b('%', '%') }),
    item('text', 'admin', { multiline: false }),
  ],
  [
    item('choice', 'backup', {
      choices: [
        { value: 'daily', label: b('每天', 'Daily') },
        { value: 'weekly', label: b('每周', 'Weekly') },
      ],
    }),
    item('multi', 'channels', {
      choices: [
        { value: 'site', label: b('网站', 'Website') },
        { value: 'wechat', label: b('公众号', 'WeChat account') },
      ],
    }),
    { ...DEVICES, prompt: b('设备登记表', 'Device register') },
  ],
);

/** The line the inspection's last audit entry reads as. */
function last(inspection: Inspection): AuditLine {
  return auditLines(inspection, KINDS).at(-1)!;
}

/** The line of one hand-written entry, on an inspection holding what it refers to. */
function lineOf(entry: Omit<AuditEntry, 'at'>, inspection = newInspection()): AuditLine {
  return last({ ...inspection, audit: [...inspection.audit, { at: NOW, ...entry }] });
}

const zh = (line: AuditLine) => ({
  what: line.what['zh-CN'],
  where: line.where.map((w) => w['zh-CN']).join(' › '),
  change: line.change && `${line.change.from['zh-CN']} → ${line.change.to['zh-CN']}`,
  details: line.details.map((d) => `${d.label?.['zh-CN'] ?? ''}${d.text['zh-CN']}`),
});
const en = (line: AuditLine) => ({
  what: line.what['en-US'],
  where: line.where.map((w) => w['en-US']).join(' › '),
  change: line.change && `${line.change.from['en-US']} → ${line.change.to['en-US']}`,
  details: line.details.map((d) => `${d.label?.['en-US'] ?? ''}${d.text['en-US']}`),
});

describe('an audit entry as people read it', () => {
  it('files every event under one kind a person filters by', () => {
    for (const event of AUDIT_EVENTS) expect(AUDIT_KINDS).toContain(auditKindOf(event));
    expect(auditKindOf('note')).toBe('answers');
    expect(auditKindOf('register-none')).toBe('registers');
    expect(auditKindOf('reopened')).toBe('signoff');
    expect(auditKindOf('trashed')).toBe('record');
  });

  it('keeps its place, time and kind, and the section of its item', () => {
    const line = last(
      applied(newInspection(), [{ kind: 'answer', itemId: 'budget', value: 'yes' }]),
    );
    expect(line.index).toBe(1);
    expect(line.time).toBe(Date.parse(NOW));
    expect(line.kind).toBe('answers');
    expect(line.sectionId).toBe('s0');
    expect(line.entry.event).toBe('answer');
  });

  it('names a check by its label, and where it is by section and item', () => {
    const answered = applied(newInspection(), [
      { kind: 'answer', itemId: 'leader', value: 'compliant' },
    ]);
    expect(zh(last(answered))).toEqual({
      what: '填写回答',
      where: '1. 第0节 › 1.1 成立领导小组',
      change: '（空） → 符合',
      details: [],
    });
    expect(en(last(answered))).toMatchObject({
      what: 'Answered',
      where: '1. Section 0 › 1.1 A leading group exists',
      change: '(empty) → Compliant',
    });
    const changed = applied(
      answered,
      [{ kind: 'answer', itemId: 'leader', value: 'partial' }],
      LATER,
    );
    expect(zh(last(changed))).toMatchObject({ what: '修改回答', change: '符合 → 部分符合' });
    expect(en(last(changed))).toMatchObject({
      what: 'Answer changed',
      change: 'Compliant → Partly compliant',
    });
    // Later than coalescing reaches: an entry of its own.
    const cleared = applied(
      changed,
      [{ kind: 'answer', itemId: 'leader', value: null }],
      '2026-12-01T10:00:00.000Z',
    );
    expect(zh(last(cleared))).toMatchObject({ what: '清除回答', change: '部分符合 → （已清除）' });
    expect(en(last(cleared))).toMatchObject({
      what: 'Answer cleared',
      change: 'Partly compliant → (cleared)',
    });
  });

  it.each([
    ['budget', 'no', '（空） → 否', '(empty) → No'],
    ['drill', '2026-09-01', '（空） → 2026年9月1日', '(empty) → 1 Sep 2026'],
    ['log_days', 180, '（空） → 180 天', '(empty) → 180 days'],
    ['coverage', 95, '（空） → 95%', '(empty) → 95%'],
    ['log_days', '18o', '（空） → 18o', '(empty) → 18o'],
    ['admin', '张三、李四', '（空） → 张三、李四', '(empty) → 张三、李四'],
    ['backup', 'weekly', '（空） → 每周', '(empty) → Weekly'],
    ['backup', 'hourly', '（空） → hourly', '(empty) → hourly'],
    ['channels', ['site', 'wechat'], '（空） → 网站、公众号', '(empty) → Website, WeChat account'],
  ] as const)(
    'shows an answer to %s (%j) as the walk-through does',
    (itemId, value, zhText, enText) => {
      const line = lineOf({ event: 'answer', itemId, to: value as AuditEntry['to'] });
      expect(zh(line).change).toBe(zhText);
      expect(en(line).change).toBe(enText);
    },
  );

  it('shows a date that is not one, and an empty list, as they were', () => {
    expect(
      zh(lineOf({ event: 'answer', itemId: 'drill', from: '2026-02-30', to: [] })).change,
    ).toBe('2026-02-30 → （空）');
  });

  it('reads notes in full, however long', () => {
    const long = '备注'.repeat(2000);
    const line = lineOf({ event: 'note', itemId: 'admin', from: '旧的', to: long });
    expect(zh(line)).toMatchObject({ what: '修改备注', change: `旧的 → ${long}` });
    expect(en(lineOf({ event: 'note', itemId: 'admin', to: 'x' })).what).toBe('Note added');
    expect(en(lineOf({ event: 'note', itemId: 'admin', from: 'x' })).what).toBe('Note cleared');
  });

  it('names an item the template does not have by its id', () => {
    const line = lineOf({ event: 'answer', itemId: 'gone_item', from: 'a', to: 'b' });
    expect(zh(line)).toMatchObject({ where: '检查项 gone_item（模板中没有）', change: 'a → b' });
    expect(en(line).where).toBe('item gone_item (not in the template)');
    expect(line.sectionId).toBeNull();
  });

  it('names evidence by its file and full hash', () => {
    const added = applied(newInspection(), [
      { kind: 'evidence-add', itemId: 'leader', refs: [evidence(7, '任命文件.pdf')] },
    ]);
    const line = last(added);
    expect(zh(line)).toMatchObject({ what: '加入佐证材料', where: '1. 第0节 › 1.1 成立领导小组' });
    expect(en(line).what).toBe('Evidence added');
    expect(line.file).toEqual({ name: '任命文件.pdf', sha256: sha(7) });
    expect(line.kind).toBe('evidence');
    const removed = applied(added, [{ kind: 'evidence-remove', itemId: 'leader', sha256: sha(7) }]);
    expect(zh(last(removed)).what).toBe('移除佐证材料');
    expect(en(last(removed)).what).toBe('Evidence removed');
    expect(last(removed).file).toEqual({ name: '任命文件.pdf', sha256: sha(7) });
  });

  it('names a row by where it is now, or by its id when it is gone', () => {
    const rows = applied(newInspection(), [
      { kind: 'rows-insert', itemId: 'devices', index: 0, rows: [row('r1'), row('r2')] },
    ]);
    expect(zh(last(rows))).toMatchObject({
      what: '登记表加 2 行',
      where: '2. 第1节 › 2.3 设备登记表',
    });
    expect(en(last(rows)).what).toBe('2 register rows added');
    const one = applied(rows, [
      { kind: 'rows-insert', itemId: 'devices', index: 0, rows: [row('r0')] },
    ]);
    expect(zh(last(one))).toMatchObject({
      what: '登记表加一行',
      where: '2. 第1节 › 2.3 设备登记表 › 第 1 行',
    });
    expect(en(last(one))).toMatchObject({
      what: 'Register row added',
      where: '2. Section 1 › 2.3 Device register › row 1',
    });

    const typed = applied(one, [
      { kind: 'cell', itemId: 'devices', rowId: 'r2', columnId: 'type', value: 'firewall' },
    ]);
    expect(zh(last(typed))).toMatchObject({
      what: '填写单元格',
      where: '2. 第1节 › 2.3 设备登记表 › 第 3 行 › 类型',
      change: '（空） → 防火墙',
    });
    expect(en(last(typed))).toMatchObject({
      what: 'Cell filled in',
      where: '2. Section 1 › 2.3 Device register › row 3 › Type',
      change: '(empty) → Firewall',
    });

    const deleted = applied(typed, [{ kind: 'rows-delete', itemId: 'devices', rowIds: ['r2'] }]);
    const lines = auditLines(deleted, KINDS);
    expect(zh(lines.at(-1)!)).toMatchObject({
      what: '删除登记表的一行',
      where: '2. 第1节 › 2.3 设备登记表 › 行 r2',
    });
    expect(en(lines.at(-1)!).what).toBe('Register row deleted');
    // The cell's entry, read after its row is gone, still says which row it was.
    expect(zh(lines.at(-2)!).where).toBe('2. 第1节 › 2.3 设备登记表 › 行 r2（已删除） › 类型');
    expect(en(lines.at(-2)!).where).toBe(
      '2. Section 1 › 2.3 Device register › row r2 (since deleted) › Type',
    );

    const both = applied(deleted, [
      { kind: 'rows-delete', itemId: 'devices', rowIds: ['r0', 'r1'] },
    ]);
    expect(zh(last(both)).what).toBe('删除登记表的 2 行');
    expect(en(last(both)).what).toBe('2 register rows deleted');
  });

  it('shortens a long row id (the app gives rows UUIDs) to its first characters', () => {
    const rowId = '92593e35-27da-4f29-bbb3-7b694d643b00';
    const line = lineOf({
      event: 'rows-changed',
      itemId: 'devices',
      rowId,
      columnId: 'name',
      to: 'x',
    });
    expect(zh(line).where).toBe('2. 第1节 › 2.3 设备登记表 › 行 92593e35…（已删除） › 名称');
    expect(en(lineOf({ event: 'rows-deleted', itemId: 'devices', rowId })).where).toBe(
      '2. Section 1 › 2.3 Device register › row 92593e35…',
    );
    expect(line.entry.rowId).toBe(rowId);
  });

  it('reads each column kind of a cell, a paste of several cells, and a column the register lacks', () => {
    const withRow = newInspection({ registers: { devices: [row('r1')] } });
    const cell = (columnId: string, to: AuditEntry['to'], from?: AuditEntry['from']) =>
      lineOf(
        {
          event: 'rows-changed',
          itemId: 'devices',
          rowId: 'r1',
          columnId,
          to,
          ...(from !== undefined && { from }),
        },
        withRow,
      );
    expect(en(cell('count', 3, 2)).change).toBe('2 → 3');
    expect(zh(cell('bought', '2026-05-04')).change).toBe('（空） → 2026年5月4日');
    expect(en(cell('ok', 'yes')).change).toBe('(empty) → Yes');
    expect(zh(cell('name', undefined, '核心交换机'))).toMatchObject({
      what: '清除单元格',
      change: '核心交换机 → （已清除）',
    });
    expect(zh(cell('scan', 'x')).change).toBe('（空） → x');
    expect(zh(cell('colour', 'red')).where).toBe('2. 第1节 › 2.3 设备登记表 › 第 1 行 › 列 colour');
    expect(en(cell('colour', 'red')).where).toBe(
      '2. Section 1 › 2.3 Device register › row 1 › column colour',
    );

    const paste = lineOf({ event: 'rows-changed', itemId: 'devices', count: 5 }, withRow);
    expect(zh(paste)).toMatchObject({ what: '修改 5 个单元格（粘贴）', change: null });
    expect(en(paste).what).toBe('5 cells changed (a paste)');
  });

  it('says a register was confirmed empty', () => {
    const line = last(applied(newInspection(), [{ kind: 'register-none', itemId: 'devices' }]));
    expect(zh(line)).toMatchObject({
      what: '确认本学期没有需要登记的内容',
      where: '2. 第1节 › 2.3 设备登记表',
    });
    expect(en(line).what).toBe('Confirmed: nothing to register this term');
  });

  it('gives each action its description, and a finished one its day and what was done', () => {
    const open = action('a1', 'leader', { description: '补发任命文件' });
    const added = applied(newInspection(), [{ kind: 'action-put', action: open }]);
    expect(zh(last(added))).toMatchObject({
      what: '新增整改措施',
      details: ['整改内容补发任命文件'],
    });
    expect(en(last(added))).toMatchObject({
      what: 'Corrective action added',
      details: ['Action补发任命文件'],
    });
    const changed = applied(added, [
      { kind: 'action-put', action: { ...open, description: '重新印发任命文件' } },
    ]);
    expect(zh(last(changed))).toMatchObject({
      what: '修改整改措施',
      details: ['整改内容重新印发任命文件'],
    });
    expect(en(last(changed)).what).toBe('Corrective action changed');
    const done = applied(changed, [
      {
        kind: 'action-put',
        action: {
          ...open,
          description: '重新印发任命文件',
          state: 'done',
          doneAt: NOW,
          doneOn: '2026-11-28',
          doneNote: '已印发',
        },
      },
    ]);
    expect(zh(last(done))).toMatchObject({
      what: '整改完成',
      where: '1. 第0节 › 1.1 成立领导小组',
      details: ['整改内容重新印发任命文件', '完成日期2026年11月28日', '整改情况已印发'],
    });
    expect(en(last(done))).toMatchObject({
      what: 'Corrective action done',
      details: ['Action重新印发任命文件', 'Finished on28 Nov 2026', 'What was done已印发'],
    });
    const deleted = applied(done, [{ kind: 'action-delete', actionId: 'a1' }]);
    expect(zh(last(deleted))).toMatchObject({
      what: '删除整改措施',
      details: ['整改内容重新印发任命文件'],
    });
    expect(en(last(deleted)).what).toBe('Corrective action deleted');
    // Read after the action is gone, its "done" entry still has what it recorded.
    expect(zh(auditLines(deleted, KINDS).at(-2)!).details).toEqual([
      '完成日期2026年11月28日',
      '整改情况已印发',
    ]);
  });

  it('puts the row of an action about a row in where it is', () => {
    const inspection = newInspection({ registers: { devices: [row('r1'), row('r9')] } });
    const line = lineOf(
      { event: 'action-added', itemId: 'devices', actionId: 'a2', rowId: 'r9', detail: '升级固件' },
      inspection,
    );
    expect(zh(line).where).toBe('2. 第1节 › 2.3 设备登记表 › 第 2 行');
  });

  it('reads a change of inspector or term', () => {
    const changed = applied(newInspection(), [
      { kind: 'details', inspector: '王老师', period: { year: 2027, term: 'spring' } },
    ]);
    const [inspector, period] = auditLines(changed, KINDS).slice(-2) as [AuditLine, AuditLine];
    expect(zh(inspector)).toEqual({
      what: '修改检查人',
      where: '',
      change: '李老师 → 王老师',
      details: [],
    });
    expect(en(inspector).what).toBe('Inspector changed');
    expect(zh(period)).toMatchObject({ what: '修改学期', change: '2026 秋季学期 → 2027 春季学期' });
    expect(en(period)).toMatchObject({
      what: 'Term changed',
      change: 'Autumn term 2026 → Spring term 2027',
    });
    expect(period.kind).toBe('record');
    expect(zh(lineOf({ event: 'details', detail: 'period', from: '2026-winter' })).change).toBe(
      '2026-winter → （已清除）',
    );
  });

  it('reads the hand-over to the principal and the taking back', () => {
    const ready = lineOf({ event: 'state', from: 'draft', to: 'ready' });
    expect(zh(ready)).toMatchObject({ what: '交给校长签字', change: '填写中 → 待签字' });
    expect(en(ready)).toMatchObject({
      what: 'Handed to the principal for sign-off',
      change: 'Draft → Ready for sign-off',
    });
    const back = lineOf({ event: 'state', from: 'ready', to: 'draft' });
    expect(zh(back).what).toBe('退回草稿，继续填写');
    expect(en(back)).toMatchObject({
      what: 'Taken back as a draft',
      change: 'Ready for sign-off → Draft',
    });
    expect(back.kind).toBe('signoff');
  });

  it('reads the signing with its signer, and a reopen with its reason', () => {
    const signed = lineOf({ event: 'signed', detail: '王校长 校长' });
    expect(zh(signed)).toEqual({
      what: '校长签字',
      where: '',
      change: null,
      details: ['签字人王校长 校长'],
    });
    expect(en(signed)).toMatchObject({
      what: 'Signed off by the principal',
      details: ['Signed by王校长 校长'],
    });
    const reopened = lineOf({ event: 'reopened', detail: '补充第 3 章的佐证材料' });
    expect(zh(reopened)).toMatchObject({
      what: '重新打开，签字作废',
      details: ['原因补充第 3 章的佐证材料'],
    });
    expect(en(reopened)).toMatchObject({
      what: 'Reopened: the sign-off is void',
      details: ['Reason补充第 3 章的佐证材料'],
    });
  });

  it('reads how the inspection came to be, and the trash', () => {
    expect(zh(auditLines(newInspection(), KINDS)[0]!)).toEqual({
      what: '新建检查',
      where: '',
      change: null,
      details: [],
    });
    expect(en(auditLines(newInspection(), KINDS)[0]!).what).toBe('Inspection created');
    const copy = lineOf({ event: 'duplicated', detail: OTHER_ID });
    expect(zh(copy)).toMatchObject({ what: '从以前的检查复制', details: [`来源编号${OTHER_ID}`] });
    expect(en(copy)).toMatchObject({
      what: 'Copied from an earlier inspection',
      details: [`Copied from${OTHER_ID}`],
    });
    expect(zh(lineOf({ event: 'trashed' })).what).toBe('移到回收站');
    expect(en(lineOf({ event: 'trashed' })).what).toBe('Moved to the trash');
    expect(zh(lineOf({ event: 'restored' })).what).toBe('从回收站恢复');
    expect(en(lineOf({ event: 'restored' })).what).toBe('Restored from the trash');
  });

  it('reads what an import recorded, word by word', () => {
    const plain = lineOf({ event: 'imported' });
    expect(zh(plain)).toEqual({ what: '从文件导入', where: '', change: null, details: [] });
    expect(en(plain).what).toBe('Imported from a file');
    const copy = lineOf({ event: 'imported', detail: `${OTHER_ID} signature-content-changed` });
    expect(zh(copy).details).toEqual([
      `原编号${OTHER_ID}（本机已有同一编号，作为副本导入）`,
      '签字后内容被改动，签字作废，作为草稿导入',
    ]);
    expect(en(copy).details).toEqual([
      `Original id${OTHER_ID} (already here: imported as a copy)`,
      'Changed after signing: the sign-off is void, imported as a draft',
    ]);
    expect(en(lineOf({ event: 'imported', detail: 'signature-invalid' })).details).toEqual([
      'The signature is not valid: the sign-off is void, imported as a draft',
    ]);
    expect(zh(lineOf({ event: 'imported', detail: 'signed-without-signature' })).details).toEqual([
      '标明已签字但没有签名，作为草稿导入',
    ]);
    expect(zh(lineOf({ event: 'imported', detail: 'something-new' })).details).toEqual([
      'something-new',
    ]);
  });

  it('reads every event there is, in both languages, with something to say', () => {
    for (const event of AUDIT_EVENTS) {
      const line = lineOf({ event, itemId: 'leader' });
      expect(line.what['zh-CN'], event).not.toBe(event);
      expect(line.what['en-US'], event).not.toBe(event);
      expect(line.what['zh-CN']).not.toBe(line.what['en-US']);
    }
  });
});
