import { describe, expect, it } from 'vitest';
import { appErrorOf } from '../../app-error';
import { planSave } from '../../../shared/inspection/save';
import type { SaveTarget } from '../../../shared/inspection/save';
import { MAX_IMPORT_BYTES } from '../../../shared/inspection/patterns';
import { evidence, filledInspection, LATER, row, TEMPLATE } from './fixtures';

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
    expect(before.inspection.answers['log_days']).toBeUndefined();
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
    expect(JSON.stringify(rows).length).toBeGreaterThan(MAX_IMPORT_BYTES);
  });
});
