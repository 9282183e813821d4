import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Inspection } from '../../../shared/inspection/schema';
import { demo, inspectionPath, openWorld, useStoreTempDir } from './inspection-fixtures';

/** An inspection as version 1 of the app stored it: qinglang-inspection/1, no `reopened`. */
function storedByVersion1(inspection: Inspection, extra: object = {}): string {
  const { reopened: _none, signoff: _never, ...v1 } = { ...inspection, ...extra };
  void _none;
  void _never;
  return JSON.stringify({
    schemaVersion: 1,
    inspection: { ...v1, format: 'qinglang-inspection/1' },
  });
}

describe('inspection files of version 1', () => {
  const tempDir = useStoreTempDir();

  it('are backed up once, upgraded to qinglang-inspection/2 and written back, losing nothing', () => {
    const dataDir = tempDir();
    const [a, b] = demo(2);
    openWorld(dataDir).store.add([]);
    fs.writeFileSync(inspectionPath(dataDir, a!.id), storedByVersion1(a!));
    fs.writeFileSync(inspectionPath(dataDir, b!.id), storedByVersion1(b!, { state: 'signed' }));
    const beforeMigration = vi.fn();
    const { store } = openWorld(dataDir, { beforeMigration });

    expect(store.get(a!.id)).toEqual(a);
    // Nothing could be signed before version 2: a stored "signed" is a draft.
    expect(store.get(b!.id)).toEqual({ ...b, state: 'draft' });
    expect(beforeMigration).toHaveBeenCalledTimes(1);
    expect(JSON.parse(fs.readFileSync(inspectionPath(dataDir, a!.id), 'utf8'))).toEqual({
      schemaVersion: 2,
      inspection: a,
    });
    // A second start finds nothing to migrate.
    const again = vi.fn();
    openWorld(dataDir, { beforeMigration: again }).store.list();
    expect(again).not.toHaveBeenCalled();
  });

  it('keeps the trash mark through the upgrade', () => {
    const dataDir = tempDir();
    const [a] = demo(1);
    openWorld(dataDir).store.add([]);
    const v1 = JSON.parse(storedByVersion1(a!)) as object;
    fs.writeFileSync(
      inspectionPath(dataDir, a!.id),
      JSON.stringify({ ...v1, trashedAt: '2026-11-20T00:00:00.000Z' }),
    );
    expect(openWorld(dataDir).store.list()[0]).toMatchObject({
      id: a!.id,
      trashedAt: '2026-11-20T00:00:00.000Z',
    });
  });
});
