import { describe, expect, it } from 'vitest';
import { upgradeInspectionDocument } from '../../../shared/migrations/inspection-format';

describe('upgradeInspectionDocument', () => {
  it('renames the format and adds an empty reopened list after actions, keeping key order', () => {
    const v1 = { format: 'qinglang-inspection/1', id: 'x', actions: [{ id: 'a' }], audit: [] };
    const up = upgradeInspectionDocument(v1) as Record<string, unknown>;
    expect(Object.keys(up)).toEqual(['format', 'id', 'actions', 'reopened', 'audit']);
    expect(up).toEqual({ ...v1, format: 'qinglang-inspection/2', reopened: [] });
    expect(v1.format).toBe('qinglang-inspection/1');
  });

  it('returns what is not a /1 document unchanged', () => {
    for (const other of [null, 3, 'text', [1], { format: 'qinglang-inspection/2' }, {}]) {
      expect(upgradeInspectionDocument(other)).toBe(other);
    }
  });

  it('keeps a key named __proto__ as plain data, for the structure check to refuse', () => {
    const hostile = JSON.parse('{"format":"qinglang-inspection/1","__proto__":{"polluted":1}}');
    const up = upgradeInspectionDocument(hostile) as Record<string, unknown>;
    expect(Object.hasOwn(up, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
