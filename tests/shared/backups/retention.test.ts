import { describe, expect, it } from 'vitest';
import { BACKUP_ID, backupsToPrune, madeOn, newBackupId } from '../../../shared/backups/retention';
import type { BackupInfo } from '../../../shared/ipc/backups';

const info = (id: string, createdAt = '2026-11-29T08:30:00.000Z'): BackupInfo => ({
  id,
  createdAt,
  reason: 'daily',
  inspections: 1,
  bytes: 10,
});

describe('backup retention', () => {
  it('names a backup by its time and reason, counting up when the name is taken', () => {
    const at = new Date('2026-11-29T08:30:00.123Z');
    const taken = new Set(['2026-11-29T08-30-00-123Z-manual', '2026-11-29T08-30-00-123Z-manual-2']);
    const id = newBackupId(at, 'manual', (x) => taken.has(x));
    expect(id).toBe('2026-11-29T08-30-00-123Z-manual-3');
    expect(BACKUP_ID.test(id)).toBe(true);
    expect(newBackupId(at, 'before-restore', () => false)).toBe(
      '2026-11-29T08-30-00-123Z-before-restore',
    );
  });

  it('prunes the oldest beyond the number kept', () => {
    const list = ['e', 'd', 'c', 'b', 'a'].map((id) => info(id));
    expect(backupsToPrune(list, 3).map((b) => b.id)).toEqual(['b', 'a']);
    expect(backupsToPrune(list, 5)).toEqual([]);
  });

  it('never prunes the protected backup, and counts it among those kept', () => {
    const list = ['e', 'd', 'c', 'b', 'a'].map((id) => info(id));
    expect(backupsToPrune(list, 3, 'a').map((b) => b.id)).toEqual(['c', 'b']);
  });

  it('tells whether a backup was made on a local day', () => {
    const list = [info('x', '2026-11-28T23:59:59.000Z')];
    const day = new Date('2026-11-28T23:59:59.000Z');
    const local = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    expect(madeOn(list, local)).toBe(true);
    expect(madeOn(list, '2026-12-25')).toBe(false);
    expect(madeOn([], local)).toBe(false);
  });
});
