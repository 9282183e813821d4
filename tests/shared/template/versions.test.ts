import { describe, expect, it } from 'vitest';
import { compareVersions, defaultPair, versionsOf } from '../../../shared/template/versions';

describe('template versions', () => {
  it('orders dotted numbers part by part', () => {
    expect(['2026.10', '2026.2', '2025', '2026.2.1'].sort(compareVersions)).toEqual([
      '2025',
      '2026.2',
      '2026.2.1',
      '2026.10',
    ]);
    expect(compareVersions('1', '1.0')).toBe(0);
  });

  it('lists the versions of one id, oldest first', () => {
    const refs = [
      { id: 'a', version: '2026.2' },
      { id: 'b', version: '1' },
      { id: 'a', version: '2026.1' },
    ];
    expect(versionsOf(refs, 'a')).toEqual(['2026.1', '2026.2']);
  });

  it('pairs a version with the one before it, the oldest with the one after it', () => {
    expect(defaultPair(['1', '2', '3'], '3')).toEqual(['2', '3']);
    expect(defaultPair(['1', '2', '3'], '1')).toEqual(['1', '2']);
    expect(defaultPair(['1'], '1')).toEqual(['1', '1']);
  });
});
