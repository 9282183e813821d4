import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localIsoDate } from '../../../shared/local-date';
import { BUILT_IN_TEMPLATE } from '../../../electron/services/templates/template-store';
import { templateHash } from '../../../electron/services/templates/template-store';
import { AppError } from '../../../shared/errors';
import { inspectionJson } from '../../../shared/inspection/canonical';
import type { Change } from '../../../shared/inspection/changes';
import type { Inspection, RegisterRow } from '../../../shared/inspection/schema';
import { evaluateInspection, inspectionFigures } from '../../../shared/inspection/summary';
import { useTempDir } from '../temp-dir';
import {
  AUTUMN_2026,
  BUILT_IN_PIN,
  demo,
  idOf,
  INSPECTOR,
  inspectionPath,
  inspectionsDir,
  NOW,
  openWorld,
  otherTemplate,
  PROFILE,
  readStored,
  sequentialIds,
  snapshot,
  SPRING_2027,
  STAMP,
  storedText,
  writeInspectionFile,
} from './inspection-fixtures';

/** The local day NOW falls on, as the store computes it (the figures depend on it). */
const TODAY = localIsoDate(NOW);

/** Runs `action` and returns the AppError it throws (fails the test when it throws none). */
function appErrorOf(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const row = (id: string, vendor = 'Huawei USG6000'): RegisterRow => ({
  id,
  cells: { type: 'firewall', vendor_model: vendor },
  evidence: [],
});

describe('the inspection store', () => {
  const tempDir = useTempDir();
  afterEach(() => {
    vi.restoreAllMocks();
  });

  describe('create, list and get', () => {
    it('creates an inspection for the school in the settings, lists it and reads it back', () => {
      const dataDir = tempDir();
      const { store } = openWorld(dataDir);
      const summary = store.create({ period: AUTUMN_2026, inspector: INSPECTOR });

      expect(summary).toMatchObject({
        id: idOf(1),
        school: { name: PROFILE.name, code: PROFILE.code },
        period: AUTUMN_2026,
        inspector: INSPECTOR,
        template: BUILT_IN_PIN,
        templateTitle: BUILT_IN_TEMPLATE.title,
        state: 'draft',
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      });
      expect(summary.trashedAt).toBeUndefined();
      expect(summary.figures).toMatchObject({ answered: 0, progress: 0, complianceRate: null });
      expect(store.list()).toEqual([summary]);

      const inspection = store.get(idOf(1));
      expect(inspection).toMatchObject({
        format: 'qinglang-inspection/1',
        id: idOf(1),
        school: PROFILE,
        answers: {},
        registers: {},
        actions: [],
        audit: [{ at: NOW.toISOString(), event: 'created' }],
      });
      expect(readStored(dataDir, idOf(1))).toEqual({ schemaVersion: 1, inspection });
    });

    it('refuses to create an inspection before the school profile is filled in, writing nothing', () => {
      const dataDir = tempDir();
      const { store } = openWorld(dataDir, { profile: false });
      expect(appErrorOf(() => store.create({ period: AUTUMN_2026, inspector: INSPECTOR }))).toEqual(
        expect.objectContaining({ code: 'profile-missing' }),
      );
      expect(fs.readdirSync(inspectionsDir(dataDir))).toEqual([]);
      expect(store.list()).toEqual([]);
    });

    it('answers an unknown id with inspection-not-found', () => {
      const { store } = openWorld(tempDir());
      for (const action of [
        () => store.get(idOf(9)),
        () => store.update(idOf(9), [{ kind: 'register-none', itemId: 'dev_register' }]),
        () => store.trash(idOf(9)),
        () => store.restore(idOf(9)),
        () => store.purge(idOf(9)),
        () => store.exportJson(idOf(9)),
      ]) {
        expect(appErrorOf(action).code).toBe('inspection-not-found');
      }
    });

    it('adds whole inspections as they are, listed newest first with their figures', () => {
      const dataDir = tempDir();
      const afterWrite = vi.fn();
      const { store } = openWorld(dataDir, { afterWrite });
      const samples = demo(3);
      const added = store.add(samples);

      expect(added.map((s) => s.id)).toEqual(samples.map((s) => s.id));
      expect(afterWrite).toHaveBeenCalledTimes(3);
      for (const [i, inspection] of samples.entries()) {
        expect(readStored(dataDir, inspection.id)).toEqual({ schemaVersion: 1, inspection });
        expect(added[i]!.figures).toEqual(
          inspectionFigures(
            evaluateInspection(BUILT_IN_TEMPLATE, inspection, TODAY),
            inspection,
            TODAY,
          ),
        );
      }
      const listed = store.list();
      expect(listed).toHaveLength(3);
      const times = listed.map((s) => s.updatedAt);
      expect(times).toEqual([...times].sort().reverse());
    });

    it('lists an inspection whose template is not installed without figures, and refuses edits to it', () => {
      const [sample] = demo(1);
      const foreign: Inspection = {
        ...sample!,
        template: { id: 'school_security', version: '2027.1', hash: 'c'.repeat(64) },
      };
      const { store } = openWorld(tempDir());
      const [summary] = store.add([foreign]);
      expect(summary).toMatchObject({ templateTitle: null, figures: null });
      expect(
        appErrorOf(() =>
          store.update(foreign.id, [{ kind: 'answer', itemId: 'org_budget', value: 'yes' }]),
        ).code,
      ).toBe('template-not-found');
    });
  });

  it('shows the figures once the missing template is installed, after a restart', () => {
    const dataDir = tempDir();
    const other = otherTemplate();
    const [sample] = demo(1);
    const pinned: Inspection = {
      ...sample!,
      template: { id: other.id, version: other.version, hash: templateHash(other) },
    };
    const world = openWorld(dataDir);
    world.store.add([pinned]);
    expect(world.store.list()[0]).toMatchObject({ templateTitle: null, figures: null });
    world.templates.install(other);

    const again = openWorld(dataDir);
    expect(again.store.list()[0]!.templateTitle).toEqual(other.title);
    expect(again.store.list()[0]!.figures).not.toBeNull();
  });

  describe('update', () => {
    it('keeps valid edits across a restart, and the list figures follow them', () => {
      const dataDir = tempDir();
      const first = openWorld(dataDir);
      const { id } = first.store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
      const later = new Date(NOW.getTime() + 60_000);
      const edited = openWorld(dataDir, { now: () => later });

      const changes: Change[] = [
        { kind: 'answer', itemId: 'org_leading_group', value: 'compliant' },
        { kind: 'answer', itemId: 'org_budget', value: 'yes' },
        { kind: 'note', itemId: 'org_budget', note: '经费已列入年度预算' },
        { kind: 'rows-insert', itemId: 'dev_register', index: 0, rows: [row('fw1'), row('av1')] },
        {
          kind: 'cell',
          itemId: 'dev_register',
          rowId: 'av1',
          columnId: 'type',
          value: 'antivirus',
        },
        { kind: 'details', inspector: '张华' },
      ];
      expect(edited.store.update(id, changes)).toEqual({ updatedAt: later.toISOString() });
      const listed = edited.store.list();
      expect(listed[0]).toMatchObject({ id, inspector: '张华', updatedAt: later.toISOString() });
      expect(listed[0]!.figures!.answered).toBeGreaterThan(0);
      expect(listed[0]!.figures!.progress).toBeGreaterThan(0);
      expect(listed[0]!.figures!.complianceRate).not.toBeNull();

      const reopened = openWorld(dataDir, { now: () => later });
      const inspection = reopened.store.get(id);
      expect(inspection.answers.org_leading_group?.value).toBe('compliant');
      expect(inspection.answers.org_budget).toMatchObject({
        value: 'yes',
        note: '经费已列入年度预算',
      });
      expect(inspection.registers.dev_register?.map((r) => [r.id, r.cells.type])).toEqual([
        ['fw1', 'firewall'],
        ['av1', 'antivirus'],
      ]);
      expect(inspection.inspector).toBe('张华');
      const [summary] = reopened.store.list();
      expect(summary!.figures).toEqual(
        inspectionFigures(
          evaluateInspection(BUILT_IN_TEMPLATE, inspection, TODAY),
          inspection,
          TODAY,
        ),
      );
      expect(summary!.figures).toEqual(listed[0]!.figures);
    });

    it.each<[string, Change[]]>([
      ['an unknown item', [{ kind: 'answer', itemId: 'no_such_item', value: 'compliant' }]],
      [
        'an unknown column',
        [{ kind: 'cell', itemId: 'dev_register', rowId: 'fw1', columnId: 'colour', value: 'red' }],
      ],
      [
        'an unknown column in inserted rows',
        [
          {
            kind: 'rows-insert',
            itemId: 'dev_register',
            index: 1,
            rows: [{ id: 'x1', cells: { colour: 'red' }, evidence: [] }],
          },
        ],
      ],
      ['rows in an item that is not a register', [{ kind: 'register-none', itemId: 'org_budget' }]],
      [
        'a valid edit followed by a stray one',
        [
          { kind: 'answer', itemId: 'org_budget', value: 'no' },
          { kind: 'answer', itemId: 'no_such_item', value: 'x' },
        ],
      ],
      [
        'a row that does not exist',
        [{ kind: 'cell', itemId: 'dev_register', rowId: 'gone', columnId: 'type', value: 'waf' }],
      ],
    ])(
      'refuses an edit naming %s, says why in both languages, and writes nothing',
      (_l, changes) => {
        const dataDir = tempDir();
        const { store } = openWorld(dataDir);
        const { id } = store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
        store.update(id, [
          { kind: 'rows-insert', itemId: 'dev_register', index: 0, rows: [row('fw1')] },
        ]);
        store.list();
        const before = snapshot(dataDir);
        const inspection = store.get(id);

        const error = appErrorOf(() => store.update(id, changes));
        expect(error.code).toBe('inspection-refused');
        expect(error.detail?.['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
        expect(error.detail?.['en-US']).toMatch(/[a-z]/);
        expect(snapshot(dataDir)).toEqual(before);
        expect(store.get(id)).toEqual(inspection);
      },
    );

    it('serialises the inspection once per save: for the size check and the file alike', () => {
      const dataDir = tempDir();
      const { store } = openWorld(dataDir);
      const { id } = store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
      const stringify = vi.spyOn(JSON, 'stringify');
      store.update(id, [{ kind: 'answer', itemId: 'org_budget', value: 'yes' }]);
      // The inspection itself, or a wrapper holding it (a store serialising the whole file).
      const holdsInspection = (value: unknown): boolean => {
        if (typeof value !== 'object' || value === null) return false;
        const object = value as { format?: unknown; inspection?: unknown };
        return object.format === 'qinglang-inspection/1' || holdsInspection(object.inspection);
      };
      const ofInspection = stringify.mock.calls.filter(([value]) => holdsInspection(value));
      stringify.mockRestore();
      expect(ofInspection).toHaveLength(1);
      expect(readStored(dataDir, id).inspection.answers['org_budget']?.value).toBe('yes');
    });

    it('refuses edits past the limits (5001 rows), in one change or summed, and writes nothing', () => {
      const dataDir = tempDir();
      const { store } = openWorld(dataDir);
      const { id } = store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
      const rows = (from: number, count: number) =>
        Array.from({ length: count }, (_, i) => row(`r${from + i}`));
      const before = snapshot(dataDir);

      const once = appErrorOf(() =>
        store.update(id, [
          { kind: 'rows-insert', itemId: 'dev_register', index: 0, rows: rows(0, 5001) },
        ]),
      );
      expect(once.code).toBe('inspection-refused');
      expect(once.detail?.['en-US']).toContain('registers');
      const summed = appErrorOf(() =>
        store.update(id, [
          { kind: 'rows-insert', itemId: 'dev_register', index: 0, rows: rows(0, 2500) },
          { kind: 'rows-insert', itemId: 'dev_register', index: 2500, rows: rows(2500, 2501) },
        ]),
      );
      expect(summed.code).toBe('inspection-refused');
      expect(snapshot(dataDir)).toEqual(before);

      // Exactly at the limit is fine.
      store.update(id, [
        { kind: 'rows-insert', itemId: 'dev_register', index: 0, rows: rows(0, 5000) },
      ]);
      expect(openWorld(dataDir).store.get(id).registers.dev_register).toHaveLength(5000);
    });

    it('refuses a hostile value the change door would have stopped, writing nothing', () => {
      const dataDir = tempDir();
      const { store } = openWorld(dataDir);
      const { id } = store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
      const before = snapshot(dataDir);
      for (const changes of [
        [{ kind: 'answer', itemId: 'org_security_admin', value: 'x'.repeat(100_000) }],
        [{ kind: 'note', itemId: 'org_budget', note: 'invoice\u202Etxt.exe' }],
        [{ kind: 'details', inspector: 'bell\u0007' }],
      ] satisfies Change[][]) {
        expect(appErrorOf(() => store.update(id, changes)).code).toBe('inspection-refused');
      }
      expect(snapshot(dataDir)).toEqual(before);
    });

    it('refuses to change a signed inspection', () => {
      const [sample] = demo(1);
      const dataDir = tempDir();
      const { store } = openWorld(dataDir);
      store.add([{ ...sample!, state: 'signed' }]);
      const before = fs.readFileSync(inspectionPath(dataDir, sample!.id));
      const error = appErrorOf(() =>
        store.update(sample!.id, [{ kind: 'answer', itemId: 'org_budget', value: 'no' }]),
      );
      expect(error.code).toBe('inspection-refused');
      expect(fs.readFileSync(inspectionPath(dataDir, sample!.id))).toEqual(before);
    });

    it('keeps every one of 200 edits fired at once on different rows and items', async () => {
      const dataDir = tempDir();
      const { store } = openWorld(dataDir);
      const { id } = store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
      const rowIds = Array.from({ length: 180 }, (_, i) => `row${i}`);
      store.update(id, [
        { kind: 'rows-insert', itemId: 'dev_register', index: 0, rows: rowIds.map((r) => row(r)) },
      ]);
      const [sample] = demo(1);
      const answers = Object.entries(sample!.answers)
        .filter(([, a]) => a.value !== undefined)
        .slice(0, 20);
      expect(answers).toHaveLength(20);

      const results = await Promise.all(
        Array.from({ length: 200 }, async (_, i) => {
          await Promise.resolve();
          if (i < 180) {
            return store.update(id, [
              {
                kind: 'cell',
                itemId: 'dev_register',
                rowId: rowIds[i]!,
                columnId: 'firmware',
                value: `V${i}.0`,
              },
            ]);
          }
          const [itemId, answer] = answers[i - 180]!;
          return store.update(id, [{ kind: 'answer', itemId, value: answer.value ?? null }]);
        }),
      );
      expect(results).toHaveLength(200);

      const stored = openWorld(dataDir).store.get(id);
      expect(stored.registers.dev_register!.map((r) => r.cells.firmware)).toEqual(
        rowIds.map((_, i) => `V${i}.0`),
      );
      for (const [itemId, answer] of answers) {
        expect(stored.answers[itemId]?.value).toEqual(answer.value);
      }
    });
  });

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
      });
      const copy = store.get(bare.id);
      expect(copy).toMatchObject({
        id: idOf(50),
        school: PROFILE,
        period: SPRING_2027,
        inspector: '张华',
        state: 'draft',
        template: BUILT_IN_PIN,
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
      });
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
      ['another format', (good) => ({ ...good, format: 'qinglang-inspection/2' })],
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
        template: { ...BUILT_IN_PIN, hash: 'd'.repeat(64) },
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
