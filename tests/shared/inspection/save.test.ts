import { describe, expect, it } from 'vitest';
import { appErrorOf } from '../../app-error';
import { planSave } from '../../../shared/inspection/save';
import type { SaveTarget } from '../../../shared/inspection/save';
import { MAX_IMPORT_BYTES } from '../../../shared/inspection/patterns';
import type { Change } from '../../../shared/inspection/changes';
import type { CellValue, CorrectiveAction } from '../../../shared/inspection/schema';
import { action, evidence, filledInspection, LATER, ROW_GONE, row, TEMPLATE } from './fixtures';

const target = (overrides: Partial<SaveTarget> = {}): SaveTarget => ({
  inspection: filledInspection(),
  trashed: false,
  template: TEMPLATE,
  ...overrides,
});

describe('the save pipeline', () => {
  it('applies a batch and returns the new inspection with its JSON, serialised once', () => {
    const planned = planSave(
      target(),
      [
        { kind: 'answer', itemId: 'log_days', value: 200 },
        { kind: 'note', itemId: 'log_days', note: '防火墙日志' },
      ],
      LATER,
    );
    expect(planned.inspection.answers['log_days']).toMatchObject({
      value: 200,
      note: '防火墙日志',
      updatedAt: LATER,
    });
    expect(planned.inspection.updatedAt).toBe(LATER);
    expect(JSON.parse(planned.json)).toEqual(planned.inspection);
  });

  it('refuses any edit to an inspection in the trash, as if it were not there', () => {
    const error = appErrorOf(() =>
      planSave(
        target({ trashed: true }),
        [{ kind: 'answer', itemId: 'log_days', value: 1 }],
        LATER,
      ),
    );
    expect(error.code).toBe('inspection-not-found');
  });

  it('refuses every edit while the pinned template is not installed', () => {
    const error = appErrorOf(() =>
      planSave(
        target({ template: null }),
        [{ kind: 'note', itemId: 'log_days', note: 'x' }],
        LATER,
      ),
    );
    expect(error.code).toBe('template-not-found');
  });

  it('refuses a change the template does not allow, naming it in both languages', () => {
    const error = appErrorOf(() =>
      planSave(target(), [{ kind: 'answer', itemId: 'no_such_item', value: 'yes' }], LATER),
    );
    expect(error.code).toBe('inspection-refused');
    expect(error.detail?.['zh-CN']).toBeTruthy();
    expect(error.detail?.['en-US']).toBeTruthy();
  });

  it('is all or nothing: one bad change in a batch refuses the good ones too', () => {
    const before = target();
    const error = appErrorOf(() =>
      planSave(
        before,
        [
          { kind: 'answer', itemId: 'log_days', value: 200 },
          { kind: 'rows-delete', itemId: 'devices', rowIds: ['no-such-row'] },
        ],
        LATER,
      ),
    );
    expect(error.code).toBe('inspection-refused');
    expect(error.detail).toEqual(ROW_GONE);
    expect(before.inspection.answers['log_days']).toBeUndefined();
  });

  it('says why it refuses an edit that does not fit the template, before applying anything', () => {
    const error = appErrorOf(() =>
      planSave(target(), [{ kind: 'rows-insert', itemId: 'log_days', index: 0, rows: [] }], LATER),
    );
    expect(error.detail).toEqual({
      'zh-CN': '这一项不是登记表',
      'en-US': 'this item is not a register',
    });
  });

  it('refuses a batch that leaves the inspection unfit for its template (an action on no row)', () => {
    const error = appErrorOf(() =>
      planSave(
        target(),
        [{ kind: 'action-put', action: action('a2', 'devices', { rowId: 'gone' }) }],
        LATER,
      ),
    );
    expect(error.code).toBe('inspection-refused');
    expect(error.detail?.['en-US']).toBe('the register has no row gone');
  });

  it('refuses a batch whose sum breaks a limit that no single change breaks', () => {
    const rows = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => row(`n${from + i}`, { name: `设备 ${from + i}` }));
    const error = appErrorOf(() =>
      planSave(
        target(),
        [
          { kind: 'rows-insert', itemId: 'devices', index: 0, rows: rows(0, 2500) },
          { kind: 'rows-insert', itemId: 'devices', index: 0, rows: rows(2500, 2500) },
        ],
        LATER,
      ),
    );
    expect(error.code).toBe('inspection-refused');
    expect(error.detail?.['en-US']).toContain('registers.devices');
    expect(error.detail?.['zh-CN']).toContain('registers.devices');
  });

  it('refuses a save that would make the file larger than an import may be (20 MB)', () => {
    // 5,000 rows of 2,000-character names and 20 evidence references each: every single value
    // within its limit, the whole far over 20 MB.
    const name = '网'.repeat(2000);
    const refs = Array.from({ length: 20 }, (_, i) => evidence(i + 10, `扫描件-${i}.pdf`));
    const rows = Array.from({ length: 4998 }, (_, i) => row(`big${i}`, { name }, refs));
    const error = appErrorOf(() =>
      planSave(target(), [{ kind: 'rows-insert', itemId: 'devices', index: 2, rows }], LATER),
    );
    expect(error.code).toBe('inspection-refused');
    expect(error.detail?.['zh-CN']).toContain('20 MB');
    expect(error.detail?.['en-US']).toContain('20 MB');
    expect(JSON.stringify(rows).length).toBeGreaterThan(MAX_IMPORT_BYTES);
  });

  // ASCII text, so that characters and bytes agree (planSave counts characters).
  it('saves an inspection of exactly 20 MB, and refuses one byte more', () => {
    const columns = ['name', 'count', 'bought', 'type', 'ok'];
    // `chars` characters of text spread over a row's five text-holding cells, every cell present.
    const cells = (chars: number): Record<string, CellValue> =>
      Object.fromEntries(
        columns.map((id, i) => {
          const share = Math.floor(chars / 5) + (i < chars % 5 ? 1 : 0);
          return [id, 'x'.repeat(share)];
        }),
      );
    const insert = (big: number, lastChars: number): Change[] => [
      {
        kind: 'rows-insert',
        itemId: 'devices',
        index: 2,
        rows: [
          ...Array.from({ length: big }, (_, i) =>
            row(`big${String(i).padStart(5, '0')}`, cells(9000)),
          ),
          row('last', cells(lastChars)),
        ],
      },
    ];
    const size = (changes: Change[]) => planSave(target(), changes, LATER).json.length;
    // Two sizes that both have a counted audit entry ("count": N), so their difference is one row.
    const perRow = size(insert(2, 5)) - size(insert(1, 5));
    const base = size(insert(1, 5)) - perRow;
    // With room for the count's extra digits; the rest goes in the last row (five cells of 2,000).
    const rows = Math.floor((MAX_IMPORT_BYTES - base - 10) / perRow);
    // Measured, not added up: the audit entry counts the rows, and a larger count has more digits.
    const last = 5 + MAX_IMPORT_BYTES - size(insert(rows, 5));

    const planned = planSave(target(), insert(rows, last), LATER);
    expect(planned.json.length).toBe(MAX_IMPORT_BYTES);
    const error = appErrorOf(() => planSave(target(), insert(rows, last + 1), LATER));
    expect(error.detail?.['en-US']).toContain('20 MB');
  });

  describe('an action marked done', () => {
    const done = (extra: Partial<CorrectiveAction>): Change[] => [
      {
        kind: 'action-put',
        action: action('a1', 'has_budget', { state: 'done', doneAt: LATER, ...extra }),
      },
    ];

    it('is saved with what was done and the day it was finished', () => {
      const planned = planSave(
        target(),
        done({ doneOn: '2026-11-28', doneNote: '已列入预算' }),
        LATER,
      );
      expect(planned.inspection.actions[0]).toMatchObject({ state: 'done', doneOn: '2026-11-28' });
    });

    it.each<[string, Partial<CorrectiveAction>, string]>([
      ['without what was done', { doneOn: '2026-11-28' }, 'say what was done'],
      [
        'with only spaces for what was done',
        { doneOn: '2026-11-28', doneNote: '  ' },
        'say what was done',
      ],
      ['without the day', { doneNote: '已列入预算' }, 'say what was done'],
      // A day after today in every time zone.
      [
        'finished after today',
        { doneOn: '2026-12-02', doneNote: '已列入预算' },
        'cannot be after today',
      ],
    ])('is refused %s, in both languages', (_name, extra, message) => {
      const error = appErrorOf(() => planSave(target(), done(extra), LATER));
      expect(error.code).toBe('inspection-refused');
      expect(error.detail?.['en-US']).toContain(message);
      expect(error.detail?.['zh-CN']).toMatch(/整改情况|晚于今天/);
    });
  });
});
