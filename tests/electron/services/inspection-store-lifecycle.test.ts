import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appErrorOf } from '../../app-error';
import { templateHash } from '../../../electron/services/templates/template-store';
import { inspectionJson } from '../../../shared/inspection/canonical';
import type { Inspection } from '../../../shared/inspection/schema';
import {
  AUTUMN_2026,
  LATEST_PIN,
  demo,
  idOf,
  INSPECTOR,
  inspectionPath,
  NOW,
  openWorld,
  otherTemplate,
  PROFILE,
  readStored,
  sequentialIds,
  snapshot,
  SPRING_2027,
  useStoreTempDir,
} from './inspection-fixtures';

describe('the inspection store', () => {
  const tempDir = useStoreTempDir();

  describe('the trash', () => {
    it('trashes, restores and purges, only from the trash', () => {
      const dataDir = tempDir();
      const clock = { at: NOW.getTime() };
      const { store } = openWorld(dataDir, { now: () => new Date(clock.at) });
      const { id } = store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
      const keep = store.create({ period: SPRING_2027, inspector: INSPECTOR });

      const purgeLive = appErrorOf(() => store.purge(id));
      expect(purgeLive.code).toBe('inspection-refused');
      expect(purgeLive.detail?.['zh-CN']).toContain('回收站');
      expect(fs.existsSync(inspectionPath(dataDir, id))).toBe(true);

      clock.at += 60_000;
      const trashedAt = new Date(clock.at).toISOString();
      store.trash(id);
      expect(store.list().find((s) => s.id === id)?.trashedAt).toBe(trashedAt);
      expect(appErrorOf(() => store.get(id)).code).toBe('inspection-not-found');
      expect(
        appErrorOf(() => store.update(id, [{ kind: 'answer', itemId: 'org_budget', value: 'no' }]))
          .code,
      ).toBe('inspection-not-found');
      expect(appErrorOf(() => store.trash(id)).code).toBe('inspection-not-found');
      // The trash survives a restart.
      expect(
        openWorld(dataDir)
          .store.list()
          .find((s) => s.id === id)?.trashedAt,
      ).toBe(trashedAt);
      expect(readStored(dataDir, id).trashedAt).toBe(trashedAt);

      store.restore(id);
      const restored = store.list().find((s) => s.id === id);
      expect(restored).toBeDefined();
      expect(restored!.trashedAt).toBeUndefined();
      expect(readStored(dataDir, id)).not.toHaveProperty('trashedAt');
      expect(store.get(id).audit.map((a) => a.event)).toEqual(['created', 'trashed', 'restored']);
      store.restore(id); // restoring a live one changes nothing
      expect(store.get(id).audit).toHaveLength(3);

      store.trash(id);
      store.purge(id);
      expect(fs.existsSync(inspectionPath(dataDir, id))).toBe(false);
      expect(store.list().map((s) => s.id)).toEqual([keep.id]);
      expect(appErrorOf(() => store.purge(id)).code).toBe('inspection-not-found');
      expect(
        openWorld(dataDir)
          .store.list()
          .map((s) => s.id),
      ).toEqual([keep.id]);
    });

    it('restores an inspection the cached index knew as trashed after a restart', () => {
      const dataDir = tempDir();
      const first = openWorld(dataDir);
      const { id } = first.store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
      first.store.trash(id);
      const second = openWorld(dataDir);
      second.store.restore(id);
      expect(second.store.get(id).id).toBe(id);
      expect(openWorld(dataDir).store.list()[0]!.trashedAt).toBeUndefined();
    });
    it('keeps a restore after a restart: trashed in one run, restored in the next, edited in a third', () => {
      // The store once wrote each file through a store whose defaults (the file as first written
      // in that run, trashedAt included) were merged back into every later write.
      const dataDir = tempDir();
      const { id } = openWorld(dataDir).store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
      const second = openWorld(dataDir);
      second.store.trash(id);
      second.store.restore(id);
      expect(readStored(dataDir, id)).not.toHaveProperty('trashedAt');

      const third = openWorld(dataDir);
      expect(third.store.list().find((s) => s.id === id)?.trashedAt).toBeUndefined();
      third.store.update(id, [{ kind: 'answer', itemId: 'org_budget', value: 'yes' }]);
      expect(readStored(dataDir, id)).not.toHaveProperty('trashedAt');
      expect(openWorld(dataDir).store.get(id).answers['org_budget']?.value).toBe('yes');
    });
  });

  describe('duplicate', () => {
    it('carries the registers and the open actions, and the answers only when asked', () => {
      const [sample] = demo(1);
      const first = sample!.actions[0]!;
      // One action already done, which must stay behind.
      const source: Inspection = {
        ...sample!,
        actions: [
          ...sample!.actions,
          { ...first, id: 'done_1', state: 'done', doneAt: sample!.updatedAt },
        ],
      };
      const dataDir = tempDir();
      const { store } = openWorld(dataDir, { newId: sequentialIds(50) });
      store.add([source]);
      const openActions = source.actions.filter((a) => a.state === 'open');
      expect(openActions.length).toBeGreaterThan(0);
      expect(openActions.length).toBeLessThan(source.actions.length);
      expect(Object.keys(source.registers).length).toBeGreaterThan(0);

      const bare = store.duplicate({
        sourceId: source.id,
        period: SPRING_2027,
        inspector: '张华',
        withAnswers: false,
      }).summary;
      const copy = store.get(bare.id);
      expect(copy).toMatchObject({
        id: idOf(50),
        school: PROFILE,
        period: SPRING_2027,
        inspector: '张华',
        state: 'draft',
        template: LATEST_PIN,
        answers: {},
        audit: [{ at: NOW.toISOString(), event: 'duplicated', detail: source.id }],
      });
      expect(copy.registers).toEqual(
        Object.fromEntries(Object.entries(source.registers).filter(([, rows]) => rows.length > 0)),
      );
      expect(copy.actions).toEqual(openActions);

      const full = store.duplicate({
        sourceId: source.id,
        period: SPRING_2027,
        inspector: '张华',
        withAnswers: true,
      }).summary;
      expect(store.get(full.id).answers).toEqual(source.answers);
      // The source is untouched.
      expect(store.get(source.id)).toEqual(source);
      expect(openWorld(dataDir).store.list()).toHaveLength(3);
    });
  });

  describe('import and export', () => {
    it('imports its own export elsewhere with the same id and content', () => {
      const [sample] = demo(1);
      const from = openWorld(tempDir());
      from.store.add([sample!]);
      const exported = from.store.exportJson(sample!.id);
      expect(exported).toEqual(sample);

      const dataDir = tempDir();
      const to = openWorld(dataDir);
      const outcome = to.store.importJson(JSON.parse(inspectionJson(exported)));
      expect(outcome).toMatchObject({ status: 'imported', renamed: false });
      if (outcome.status !== 'imported') throw new Error('expected an import');
      expect(outcome.summary.id).toBe(sample!.id);
      const imported = to.store.get(sample!.id);
      expect({ ...imported, audit: imported.audit.slice(0, -1) }).toEqual(sample);
      expect(imported.audit.at(-1)).toEqual({ at: NOW.toISOString(), event: 'imported' });
      expect(
        openWorld(dataDir)
          .store.list()
          .map((s) => s.id),
      ).toEqual([sample!.id]);
    });

    it('brings an inspection already here in as a copy with a new id, leaving the original', () => {
      const [sample] = demo(1);
      const dataDir = tempDir();
      const { store } = openWorld(dataDir, { newId: sequentialIds(70) });
      store.add([sample!]);
      const original = fs.readFileSync(inspectionPath(dataDir, sample!.id));

      const outcome = store.importJson(structuredClone(sample));
      expect(outcome).toMatchObject({ status: 'imported', renamed: true });
      if (outcome.status !== 'imported') throw new Error('expected an import');
      expect(outcome.summary.id).toBe(idOf(70));
      expect(store.get(idOf(70)).audit.at(-1)).toEqual({
        at: NOW.toISOString(),
        event: 'imported',
        detail: sample!.id,
      });
      expect(fs.readFileSync(inspectionPath(dataDir, sample!.id))).toEqual(original);
      expect(store.list()).toHaveLength(2);
    });

    it.each<[string, (good: Inspection) => unknown]>([
      ['an empty object', () => ({})],
      ['an array', () => []],
      ['null', () => null],
      ['a string', () => 'qinglang-inspection/1'],
      ['another format', (good) => ({ ...good, format: 'qinglang-inspection/3' })],
      ['an extra key', (good) => ({ ...good, signature: 'x' })],
      ['a bad id', (good) => ({ ...good, id: '../../settings' })],
      [
        'an item the template does not have',
        (good) => ({
          ...good,
          answers: {
            ...good.answers,
            no_such_item: { value: 'x', evidence: [], updatedAt: good.updatedAt },
          },
        }),
      ],
      [
        'a register column the template does not have',
        (good) => ({
          ...good,
          registers: { dev_register: [{ id: 'r1', cells: { colour: 'red' }, evidence: [] }] },
        }),
      ],
      [
        'a control character in an answer',
        (good) => ({
          ...good,
          answers: {
            org_security_admin: { value: 'ring\u0007', evidence: [], updatedAt: good.updatedAt },
          },
        }),
      ],
      [
        'a right-to-left override in the inspector',
        (good) => ({ ...good, inspector: '\u202Egpj.exe' }),
      ],
      [
        'a NUL in the school name',
        (good) => ({ ...good, school: { ...good.school, name: 'a\u0000b' } }),
      ],
      [
        'a 100 kB answer',
        (good) => ({
          ...good,
          answers: {
            org_security_admin: {
              value: '网'.repeat(100_000),
              evidence: [],
              updatedAt: good.updatedAt,
            },
          },
        }),
      ],
      [
        'a 100 kB cell',
        (good) => ({
          ...good,
          registers: {
            dev_register: [
              { id: 'r1', cells: { vendor_model: 'x'.repeat(100_000) }, evidence: [] },
            ],
          },
        }),
      ],
      [
        'a 100 kB audit detail',
        (good) => ({
          ...good,
          audit: [
            ...good.audit,
            { at: good.updatedAt, event: 'imported', detail: 'x'.repeat(100_000) },
          ],
        }),
      ],
    ])('refuses %s as invalid, with the problems, writing nothing', (_label, make) => {
      const [sample] = demo(1);
      const dataDir = tempDir();
      const { store } = openWorld(dataDir);
      const before = snapshot(dataDir);
      const outcome = store.importJson(make(sample!));
      expect(outcome.status).toBe('invalid');
      if (outcome.status !== 'invalid') throw new Error('expected invalid');
      expect(outcome.problems.length).toBeGreaterThan(0);
      for (const problem of outcome.problems) {
        expect(typeof problem.path).toBe('string');
        expect(problem.message['zh-CN'].length).toBeGreaterThan(0);
        expect(problem.message['en-US'].length).toBeGreaterThan(0);
      }
      expect(snapshot(dataDir)).toEqual(before);
      expect(store.list()).toEqual([]);
    });

    it('refuses an inspection whose template is not installed or differs, until it is', () => {
      const [sample] = demo(1);
      const other = otherTemplate();
      const pinnedOther: Inspection = {
        ...sample!,
        template: { id: other.id, version: other.version, hash: templateHash(other) },
      };
      const wrongHash: Inspection = {
        ...sample!,
        template: { ...LATEST_PIN, hash: 'd'.repeat(64) },
      };
      const dataDir = tempDir();
      const { store, templates } = openWorld(dataDir);
      const before = snapshot(dataDir);
      expect(appErrorOf(() => store.importJson(pinnedOther)).code).toBe('import-template-missing');
      expect(appErrorOf(() => store.importJson(wrongHash)).code).toBe('import-template-missing');
      expect(snapshot(dataDir)).toEqual(before);

      templates.install(other);
      expect(store.importJson(pinnedOther)).toMatchObject({ status: 'imported', renamed: false });
      expect(store.list()[0]!.templateTitle).toEqual(other.title);
    });
  });
});
