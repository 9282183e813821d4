import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appErrorOf } from '../../app-error';
import type { Change } from '../../../shared/inspection/changes';
import {
  AUTUMN_2026,
  demo,
  idOf,
  INSPECTOR,
  inspectionPath,
  inspectionsDir,
  NOW,
  openWorld,
  PROFILE,
  sequentialIds,
  STAMP,
  storedText,
  writeInspectionFile,
  useStoreTempDir,
} from './inspection-fixtures';

describe('the inspection store', () => {
  const tempDir = useStoreTempDir();

  describe('damaged files at start-up', () => {
    it('moves each damaged file aside, reports it, and lists the others', () => {
      const dataDir = tempDir();
      const [good, a, b, c] = demo(4);
      writeInspectionFile(dataDir, `${good!.id}.json`, storedText(good));
      const damaged: Record<string, string> = {
        [idOf(101)]: storedText({ ...a!, id: idOf(101) }).slice(0, 120),
        [idOf(102)]: '[]',
        [idOf(103)]: '"x"',
        [idOf(104)]: storedText({ ...b!, id: idOf(104), state: 'lost' }),
        [idOf(105)]: storedText({ ...b!, id: idOf(105) }, { extra: true }),
        [idOf(106)]: storedText({ ...c!, id: idOf(200) }),
        [idOf(107)]: JSON.stringify({ inspection: { ...c!, id: idOf(107) } }),
        [idOf(108)]: '',
        [idOf(109)]: JSON.stringify({ schemaVersion: 0, inspection: { ...c!, id: idOf(109) } }),
      };
      for (const [id, text] of Object.entries(damaged)) {
        writeInspectionFile(dataDir, `${id}.json`, text);
      }
      writeInspectionFile(dataDir, 'README.txt', 'not ours');
      writeInspectionFile(dataDir, 'ABC.json', '{');

      const { store } = openWorld(dataDir);
      expect(store.list().map((s) => s.id)).toEqual([good!.id]);
      expect([...store.notices].sort((x, y) => x.file.localeCompare(y.file))).toEqual(
        Object.keys(damaged).map((id) => ({
          kind: 'quarantined',
          file: `inspections/${id}.json`,
          keptAs: `inspections/${id}.corrupt-${STAMP}.json`,
        })),
      );
      for (const [id, text] of Object.entries(damaged)) {
        expect(fs.existsSync(inspectionPath(dataDir, id))).toBe(false);
        expect(
          fs.readFileSync(
            path.join(inspectionsDir(dataDir), `${id}.corrupt-${STAMP}.json`),
            'utf8',
          ),
        ).toBe(text);
      }
      // Files that are not inspections are left alone.
      expect(fs.readFileSync(path.join(inspectionsDir(dataDir), 'ABC.json'), 'utf8')).toBe('{');
      expect(fs.existsSync(path.join(inspectionsDir(dataDir), 'README.txt'))).toBe(true);
      expect(store.get(good!.id)).toEqual(good);

      // A restart does not report the kept files again.
      const again = openWorld(dataDir).store;
      expect(again.notices).toEqual([]);
      expect(again.list().map((s) => s.id)).toEqual([good!.id]);
    });

    it('never lists or rewrites a file from a newer version, whatever is tried', () => {
      const dataDir = tempDir();
      const [good, future] = demo(2);
      const id = future!.id;
      writeInspectionFile(dataDir, `${good!.id}.json`, storedText(good));
      const file = writeInspectionFile(
        dataDir,
        `${id}.json`,
        JSON.stringify({ schemaVersion: 99, inspection: future, signature: 'abc' }),
      );
      const bytes = fs.readFileSync(file);

      const { store } = openWorld(dataDir, { newId: sequentialIds(80) });
      expect(store.notices).toEqual([{ kind: 'newer-version', file: `inspections/${id}.json` }]);
      expect(store.list().map((s) => s.id)).toEqual([good!.id]);

      const change: Change = { kind: 'answer', itemId: 'org_budget', value: 'no' };
      expect(appErrorOf(() => store.update(id, [change])).code).toMatch(
        /^(inspection-not-found|storage-newer-version)$/,
      );
      expect(appErrorOf(() => store.get(id)).code).toMatch(
        /^(inspection-not-found|storage-newer-version)$/,
      );
      expect(appErrorOf(() => store.trash(id)).code).toMatch(
        /^(inspection-not-found|storage-newer-version)$/,
      );
      expect(appErrorOf(() => store.add([future!])).code).toBe('storage-newer-version');
      const imported = store.importJson(structuredClone(future));
      expect(imported).toMatchObject({ status: 'imported', renamed: true });
      if (imported.status === 'imported') expect(imported.summary.id).toBe(idOf(80));
      expect(fs.readFileSync(file)).toEqual(bytes);

      const again = openWorld(dataDir).store;
      expect(again.notices).toEqual([{ kind: 'newer-version', file: `inspections/${id}.json` }]);
      expect(
        again
          .list()
          .map((s) => s.id)
          .sort(),
      ).toEqual([good!.id, idOf(80)].sort());
      expect(fs.readFileSync(file)).toEqual(bytes);
      expect(fs.readdirSync(inspectionsDir(dataDir)).some((n) => n.includes('corrupt'))).toBe(
        false,
      );
    });
  });

  describe('the index kept beside the settings', () => {
    /** Paths of inspection files read while `action` runs. */
    function inspectionReads(dataDir: string, action: () => void): string[] {
      const spy = vi.spyOn(fs, 'readFileSync');
      try {
        action();
        return spy.mock.calls
          .map(([file]) => String(file))
          .filter((file) => path.dirname(file) === inspectionsDir(dataDir))
          .map((file) => path.basename(file));
      } finally {
        spy.mockRestore();
      }
    }

    it('lists from the index without reading an unchanged file, and writes nothing', () => {
      const dataDir = tempDir();
      const first = openWorld(dataDir);
      const samples = demo(3);
      first.store.add(samples);
      const listed = first.store.list();
      const settingsFile = path.join(dataDir, 'settings.json');
      const settingsBefore = fs.readFileSync(settingsFile);
      const settingsTime = fs.statSync(settingsFile).mtimeMs;

      let second: ReturnType<typeof openWorld> | undefined;
      const reads = inspectionReads(dataDir, () => {
        second = openWorld(dataDir);
        expect(second.store.list()).toEqual(listed);
      });
      expect(reads).toEqual([]);
      expect(second!.store.notices).toEqual([]);
      expect(fs.readFileSync(settingsFile)).toEqual(settingsBefore);
      expect(fs.statSync(settingsFile).mtimeMs).toBe(settingsTime);
      // The file is read when it is needed.
      expect(second!.store.get(samples[0]!.id)).toEqual(samples[0]);
    });

    it('reads again exactly the files whose size or time changed', () => {
      const dataDir = tempDir();
      const first = openWorld(dataDir);
      const [a, b, c] = demo(3);
      first.store.add([a!, b!, c!]);

      // Another size: rewritten by hand with another inspector.
      writeInspectionFile(dataDir, `${a!.id}.json`, storedText({ ...a!, inspector: '外来编辑者' }));
      // Same bytes, another time.
      const later = new Date(NOW.getTime() + 3_600_000);
      fs.utimesSync(inspectionPath(dataDir, b!.id), later, later);

      let second: ReturnType<typeof openWorld> | undefined;
      const reads = inspectionReads(dataDir, () => {
        second = openWorld(dataDir);
      });
      expect(reads.sort()).toEqual([`${a!.id}.json`, `${b!.id}.json`].sort());
      expect(second!.store.list().find((s) => s.id === a!.id)?.inspector).toBe('外来编辑者');

      // The rebuilt index is used from then on.
      expect(inspectionReads(dataDir, () => openWorld(dataDir).store.list())).toEqual([]);
    });

    it('forgets a file removed behind its back, and finds one added', () => {
      const dataDir = tempDir();
      const first = openWorld(dataDir);
      const [a, b, c] = demo(3);
      first.store.add([a!, b!]);
      fs.rmSync(inspectionPath(dataDir, a!.id));
      writeInspectionFile(dataDir, `${c!.id}.json`, storedText(c));
      const second = openWorld(dataDir);
      expect(
        second.store
          .list()
          .map((s) => s.id)
          .sort(),
      ).toEqual([b!.id, c!.id].sort());
      expect(Object.keys(second.settings.index()).sort()).toEqual([b!.id, c!.id].sort());
    });

    it('reads a file again after an edit that was saved but not yet listed', () => {
      const dataDir = tempDir();
      const first = openWorld(dataDir);
      const { id } = first.store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
      first.store.update(id, [{ kind: 'answer', itemId: 'org_leading_group', value: 'compliant' }]);
      // No list() here: the index still holds the figures from before the edit.
      let second: ReturnType<typeof openWorld> | undefined;
      const reads = inspectionReads(dataDir, () => {
        second = openWorld(dataDir);
      });
      expect(reads).toEqual([`${id}.json`]);
      expect(second!.store.list()[0]!.figures!.answered).toBe(1);
    });

    it('recomputes the figures on a new day, as date rules change with the day', () => {
      const dataDir = tempDir();
      openWorld(dataDir).store.add(demo(1));
      const tomorrow = new Date(NOW.getTime() + 86_400_000);
      const reads = inspectionReads(dataDir, () => openWorld(dataDir, { now: () => tomorrow }));
      expect(reads).toHaveLength(1);
    });

    it('drops an index entry that does not match the schema and rebuilds from the files', () => {
      const dataDir = tempDir();
      const first = openWorld(dataDir);
      const [sample] = demo(1);
      first.store.add([sample!]);
      const settingsFile = path.join(dataDir, 'settings.json');
      const doc = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
      fs.writeFileSync(settingsFile, JSON.stringify({ ...doc, index: { [sample!.id]: 'junk' } }));
      const second = openWorld(dataDir);
      expect(second.settings.notices).toEqual([]);
      expect(second.settings.get().profile).toEqual(PROFILE);
      expect(second.store.list().map((s) => s.id)).toEqual([sample!.id]);
      expect(second.settings.index()[sample!.id]?.summary.id).toBe(sample!.id);
    });
  });
});
