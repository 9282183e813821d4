import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { appErrorOf } from '../../app-error';
import { localIsoDate } from '../../../shared/local-date';
import { LATEST_BUILT_IN } from '../../../electron/services/templates/template-store';
import { templateHash } from '../../../electron/services/templates/template-store';
import type { Change } from '../../../shared/inspection/changes';
import type { Inspection, RegisterRow } from '../../../shared/inspection/schema';
import { evaluateInspection, inspectionFigures } from '../../../shared/inspection/summary';
import {
  AUTUMN_2026,
  LATEST_PIN,
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
  snapshot,
  useStoreTempDir,
} from './inspection-fixtures';

/** The local day NOW falls on, as the store computes it (the figures depend on it). */
const TODAY = localIsoDate(NOW);

const row = (id: string, vendor = 'Huawei USG6000'): RegisterRow => ({
  id,
  cells: { type: 'firewall', vendor_model: vendor },
  evidence: [],
});

describe('the inspection store', () => {
  const tempDir = useStoreTempDir();

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
        template: LATEST_PIN,
        templateTitle: LATEST_BUILT_IN.title,
        state: 'draft',
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      });
      expect(summary.trashedAt).toBeUndefined();
      expect(summary.figures).toMatchObject({ answered: 0, progress: 0, complianceRate: null });
      expect(store.list()).toEqual([summary]);

      const inspection = store.get(idOf(1));
      expect(inspection).toMatchObject({
        format: 'qinglang-inspection/2',
        id: idOf(1),
        school: PROFILE,
        answers: {},
        registers: {},
        actions: [],
        audit: [{ at: NOW.toISOString(), event: 'created' }],
      });
      expect(readStored(dataDir, idOf(1))).toEqual({ schemaVersion: 2, inspection });
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
        expect(readStored(dataDir, inspection.id)).toEqual({ schemaVersion: 2, inspection });
        expect(added[i]!.figures).toEqual(
          inspectionFigures(
            evaluateInspection(LATEST_BUILT_IN, inspection, TODAY),
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
          evaluateInspection(LATEST_BUILT_IN, inspection, TODAY),
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
        return object.format === 'qinglang-inspection/2' || holdsInspection(object.inspection);
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
      expect(error.code).toBe('inspection-signed');
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
});
